package dev.compsim.io;

import dev.compsim.io.PlanDoc.PartnersDoc;
import dev.compsim.io.PlanDoc.RebateDoc;
import dev.compsim.io.PlanDoc.RebateTierDoc;
import dev.compsim.io.PlanDoc.TierLevelDoc;
import dev.compsim.model.PartnerProgram;
import dev.compsim.model.PartnerProgram.CalendarMode;
import dev.compsim.model.PartnerProgram.PartnerTiers;
import dev.compsim.model.PartnerProgram.Rebate;
import dev.compsim.model.PartnerProgram.RebateTier;
import dev.compsim.model.PartnerProgram.RepRewards;
import dev.compsim.model.PartnerProgram.SelfSufficiency;
import dev.compsim.model.PartnerProgram.TierBasis;
import dev.compsim.model.PartnerProgram.TierLevel;
import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolves the {@code partners:} section of a plan file. */
final class PartnersResolver {
  private final PlanResolver plan;

  PartnersResolver(PlanResolver plan) {
    this.plan = plan;
  }

  PartnerProgram resolve(PartnersDoc doc) {
    if (doc == null) {
      return PartnerProgram.NONE;
    }
    String at = "/partners";
    Map<String, BigDecimal> margin = rates(at + "/margin", "margin", doc.margin());
    BigDecimal registrationBonus = plan.fraction(at + "/registration_bonus", "registration_bonus",
        doc.registrationBonus(), BigDecimal.ZERO);
    BigDecimal referralFee = plan.fraction(at + "/referral_fee", "referral_fee",
        doc.referralFee(), null);
    SelfSufficiency selfSufficiency = null;
    if (doc.selfSufficiency() != null) {
      var s = doc.selfSufficiency();
      if (s.assisted() == null || s.independent() == null) {
        plan.problem(at + "/self_sufficiency", "self_sufficiency needs assisted and independent");
      } else {
        selfSufficiency = new SelfSufficiency(
            plan.fraction(at + "/self_sufficiency/assisted", "assisted", s.assisted(), null),
            plan.fraction(at + "/self_sufficiency/independent", "independent", s.independent(),
                null));
      }
    }
    PartnerTiers tiers = tiers(at + "/tiers", doc.tiers());
    List<Rebate> rebates = rebates(at + "/rebates", doc.rebates());
    Map<String, BigDecimal> upfront = rates(at + "/upfront", "upfront", doc.upfront());
    RepRewards rewards = null;
    if (doc.repRewards() != null) {
      var r = doc.repRewards();
      if (r.pointsPer1000() == null || r.pointValue() == null) {
        plan.problem(at + "/rep_rewards", "rep_rewards needs points_per_1000 and point_value");
      } else if (r.pointsPer1000().signum() < 0 || r.pointValue().signum() < 0) {
        plan.problem(at + "/rep_rewards", "points_per_1000 and point_value must be 0 or more");
      } else {
        rewards = new RepRewards(r.pointsPer1000(), r.pointValue(),
            Boolean.TRUE.equals(r.requiresRebateEnrollment()));
      }
    }
    CalendarMode calendar = plan.choice(at + "/calendar", doc.calendar(), CalendarMode.class,
        CalendarMode.VENDOR);
    MonthDay mutual = plan.monthDay(at + "/mutual_year_start", doc.mutualYearStart(), null);
    if (calendar == CalendarMode.MUTUAL && mutual == null) {
      plan.problem(at + "/calendar", "calendar: mutual needs mutual_year_start (MM-dd)");
      calendar = CalendarMode.VENDOR;
    } else if (calendar != CalendarMode.MUTUAL && doc.mutualYearStart() != null) {
      plan.problem(at + "/mutual_year_start", "mutual_year_start applies only with calendar: mutual");
    }
    return new PartnerProgram(margin, registrationBonus, referralFee, selfSufficiency, tiers,
        rebates, upfront, rewards, calendar, mutual);
  }

  private Map<String, BigDecimal> rates(String at, String key, Map<String, BigDecimal> doc) {
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    if (doc == null) {
      return rates;
    }
    doc.forEach((type, rate) -> {
      if (rate == null) {
        plan.problem(at + "/" + type, key + " for " + type + " needs a rate");
      } else {
        rates.put(type, plan.fraction(at + "/" + type, key + " for " + type, rate, BigDecimal.ZERO));
      }
    });
    return rates;
  }

  private PartnerTiers tiers(String at, PlanDoc.PartnerTiersDoc doc) {
    if (doc == null) {
      return null;
    }
    TierBasis basis = plan.choice(at + "/basis", doc.basis(), TierBasis.class, null);
    if (doc.basis() == null) {
      plan.problem(at, "partner tiers need a basis: certifications or volume");
    }
    List<TierLevel> levels = new ArrayList<>();
    if (doc.levels() == null || doc.levels().isEmpty()) {
      plan.problem(at, "partner tiers need levels");
      return null;
    }
    for (int i = 0; i < doc.levels().size(); i++) {
      TierLevelDoc level = doc.levels().get(i);
      String levelAt = at + "/levels/" + i;
      if (level == null || level.name() == null || level.min() == null
          || level.extraMargin() == null) {
        plan.problem(levelAt, "a partner tier level needs name, min and extra_margin");
        continue;
      }
      if (level.min().signum() < 0) {
        plan.problem(levelAt + "/min", "min must be 0 or more");
        continue;
      }
      levels.add(new TierLevel(level.name(), level.min(), plan.fraction(levelAt + "/extra_margin",
          "extra_margin", level.extraMargin(), BigDecimal.ZERO)));
    }
    return basis == null ? null : new PartnerTiers(basis, levels);
  }

  private List<Rebate> rebates(String at, List<RebateDoc> docs) {
    List<Rebate> rebates = new ArrayList<>();
    if (docs == null) {
      return rebates;
    }
    // a partner's volume earns one rebate: a type in two entries would silently use the first
    java.util.Map<String, Integer> rebateOfType = new java.util.HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      RebateDoc doc = docs.get(i);
      String rebateAt = at + "/" + i;
      if (doc == null || doc.types() == null || doc.types().isEmpty() || doc.tiers() == null
          || doc.tiers().isEmpty()) {
        plan.problem(rebateAt, "a rebate needs types and tiers");
        continue;
      }
      if (doc.types().contains(null)) {
        plan.problem(rebateAt + "/types", "a rebate's types must all be partner types; one is "
            + "empty");
        continue;
      }
      for (int t = 0; t < doc.types().size(); t++) {
        Integer earlier = rebateOfType.putIfAbsent(doc.types().get(t), i + 1);
        if (earlier != null) {
          plan.problem(rebateAt + "/types/" + t, "partner type " + doc.types().get(t)
              + " is already in rebate " + earlier + "; a partner's volume earns one rebate");
        }
      }
      List<RebateTier> tiers = new ArrayList<>();
      BigDecimal previous = null;
      boolean ok = true;
      for (int t = 0; t < doc.tiers().size(); t++) {
        RebateTierDoc tier = doc.tiers().get(t);
        String tierAt = rebateAt + "/tiers/" + t;
        if (tier == null || tier.from() == null || tier.rate() == null) {
          plan.problem(tierAt, "a rebate tier needs from and rate");
          ok = false;
          continue;
        }
        if (tier.from().signum() < 0) {
          plan.problem(tierAt + "/from", "from must be 0 or more");
          ok = false;
        } else if (previous != null && tier.from().compareTo(previous) <= 0) {
          plan.problem(tierAt + "/from", "rebate tiers out of order: from "
              + tier.from().toPlainString() + " must be above " + previous.toPlainString());
          ok = false;
        }
        previous = tier.from();
        tiers.add(new RebateTier(tier.from(),
            plan.fraction(tierAt + "/rate", "rebate rate", tier.rate(), BigDecimal.ZERO)));
      }
      if (ok) {
        rebates.add(new Rebate(doc.types(), tiers));
      }
    }
    return rebates;
  }
}
