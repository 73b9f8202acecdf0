package dev.compsim.io;

import dev.compsim.io.PlanDoc.ChangeDoc;
import dev.compsim.io.PlanDoc.CommissionDoc;
import dev.compsim.io.PlanDoc.CompetitionDoc;
import dev.compsim.io.PlanDoc.CreditDoc;
import dev.compsim.io.PlanDoc.DrawDoc;
import dev.compsim.io.PlanDoc.GuardrailDoc;
import dev.compsim.io.PlanDoc.HoldbackDoc;
import dev.compsim.io.PlanDoc.PartnersDoc;
import dev.compsim.io.PlanDoc.RoleDoc;
import dev.compsim.io.PlanDoc.SpiffDoc;
import dev.compsim.io.PlanDoc.TierDoc;
import dev.compsim.model.Commission;
import dev.compsim.model.Competition;
import dev.compsim.model.Credit;
import dev.compsim.model.CreditBasis;
import dev.compsim.model.Draw;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.Guardrail;
import dev.compsim.model.Holdback;
import dev.compsim.model.HoldbackRelease;
import dev.compsim.model.PartnerProgram;
import dev.compsim.model.PeriodLength;
import dev.compsim.model.Plan;
import dev.compsim.model.Rules;
import dev.compsim.model.Spiff;
import dev.compsim.model.TeamMode;
import dev.compsim.model.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a bound plan file into a {@link Plan}: applies defaults, merges role overrides into the
 * plan's own rules, and checks meaning (rates within [0, 1], tiers in order, a holdback share at
 * most 1, ...) with the position of each problem.
 */
final class PlanResolver {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final DateTimeFormatter MONTH_DAY =
      DateTimeFormatter.ofPattern("MM-dd", java.util.Locale.ROOT);

  private final YamlSource source;
  private final List<Diagnostic> problems;
  /**
   * While a change is resolved: the pointer of the change ({@code /changes/1}) and the keys it
   * gives. A problem in one of those keys is placed inside the change; a problem elsewhere
   * belongs to the plan's own keys, already reported, and is left out.
   */
  private String changeAt;
  private java.util.Set<String> changeKeys;

  PlanResolver(YamlSource source, List<Diagnostic> problems) {
    this.source = source;
    this.problems = problems;
  }

  Plan resolve(PlanDoc doc) {
    String name = doc.name();
    if (name == null || name.isBlank()) {
      problem("", "the plan needs a name");
      name = "?";
    }
    String currency = doc.currency() == null ? "USD" : doc.currency();
    if (!CURRENCY.matcher(currency).matches()) {
      problem("/currency", "currency must be a 3-letter ISO code such as USD, found \""
          + currency + "\"");
    }
    MonthDay yearStart = monthDay("/fiscal_year_start", doc.fiscalYearStart(),
        FiscalCalendar.JANUARY_FIRST);
    PeriodLength period = choice("/period", doc.period(), PeriodLength.class, PeriodLength.QUARTER);

    Credit credit = credit("/credit", doc.credit(), Credit.DEFAULT);
    Commission commission = null;
    if (doc.commission() == null) {
      problem("", "the plan needs a commission section with at least one tier");
    } else {
      commission = commission("/commission", doc.commission(), null);
    }
    boolean payOnPayment = payOnPayment(doc);
    Holdback holdback = payOnPayment ? Holdback.PAY_ON_PAYMENT
        : holdback("/holdback", doc.holdback(), Holdback.NONE);
    Draw draw = draw("/draw", doc.draw(), null);
    Rules rules = commission == null ? null : new Rules(credit, commission, holdback, draw);

    Map<String, Rules> roles = new LinkedHashMap<>();
    if (doc.roles() != null && rules != null) {
      doc.roles().forEach((role, override) -> {
        String at = "/roles/" + role;
        if (override == null) {
          problem(at, "role " + role + " has no overrides; give credit, commission, holdback or "
              + "draw");
          return;
        }
        Rules merged = role(at, override, rules);
        if (merged != null) {
          roles.put(role, merged);
        }
      });
    }

    List<Spiff> spiffs = spiffs(doc.spiffs());
    PartnerProgram partners = new PartnersResolver(this).resolve(doc.partners());
    List<Competition> competitions = competitions(doc.competitions());
    List<Guardrail> guardrails = guardrails(doc.guardrails());
    List<Plan.Change> changes = changeAt == null ? changes(doc) : List.of();
    if (!problems.isEmpty() || rules == null) {
      return null;
    }
    return new Plan(name, currency, new FiscalCalendar(yearStart, period), rules, roles, spiffs,
        Boolean.TRUE.equals(doc.banActivitySpiffs()), partners, competitions, guardrails,
        changes);
  }

  /**
   * The plan's effective-dated versions: each change's keys replace the previous version's
   * (whole sections: a change's commission is the whole commission), and the result is resolved
   * like a plan, its problems placed inside the change.
   */
  private List<Plan.Change> changes(PlanDoc doc) {
    List<Plan.Change> changes = new ArrayList<>();
    if (doc.changes() == null) {
      return changes;
    }
    PlanDoc version = doc;
    LocalDate previous = null;
    for (int i = 0; i < doc.changes().size(); i++) {
      String at = "/changes/" + i;
      ChangeDoc change = doc.changes().get(i);
      if (change == null) {
        problem(at, "a change needs from: the first day it is in force, and the keys it replaces");
        continue;
      }
      if (change.from() == null) {
        problem(at, "change " + (i + 1) + " needs from: the first day it is in force");
        continue;
      }
      LocalDate from = date(at + "/from", change.from());
      if (from == null) {
        continue;
      }
      if (previous != null && !from.isAfter(previous)) {
        problem(at + "/from", from.equals(previous)
            ? "change " + (i + 1) + " overlaps the previous change: both start on " + from
            : "changes out of order: change " + (i + 1) + " starts on " + from
                + ", before the previous change's " + previous + "; list them by date");
        continue;
      }
      if (change.keys().isEmpty()) {
        problem(at, "change " + (i + 1) + " from " + from + " changes nothing; give credit, "
            + "commission, roles, holdback, spiffs, ban_activity_spiffs or partners");
        continue;
      }
      previous = from;
      version = version.with(change);
      PlanResolver inner = new PlanResolver(source, problems);
      inner.changeAt = at;
      inner.changeKeys = change.keys();
      Plan plan = inner.resolve(version);
      if (plan != null) {
        changes.add(new Plan.Change(from, plan));
      }
    }
    return changes;
  }

  /** The draw of {@code doc} over {@code base} (a role's draw over the plan's), or null. */
  private Draw draw(String at, DrawDoc doc, Draw base) {
    if (doc == null) {
      return base;
    }
    BigDecimal amount = doc.amount() != null ? doc.amount() : base == null ? null : base.amount();
    if (amount == null) {
      problem(at, "draw needs an amount: the floor paid each period");
      return base;
    }
    boolean ok = true;
    if (amount.signum() < 0) {
      problem(at + "/amount", "draw amount must be 0 or more, found " + amount.toPlainString());
      ok = false;
    }
    Integer months = doc.months() != null ? doc.months() : base == null ? null : base.months();
    if (months != null && months <= 0) {
      problem(at + "/months", "draw months must be above 0 (how many months a new rep gets the "
          + "draw; leave it out for every period), found " + months);
      ok = false;
    }
    boolean recoverable = doc.recoverable() != null ? doc.recoverable()
        : base == null || base.recoverable();
    boolean carry = doc.carry() != null ? doc.carry() : base != null && base.carry();
    return ok ? new Draw(amount, recoverable, months, carry) : base;
  }

  /**
   * {@code pay_on}: {@code close} (the default) or {@code payment}, which pays the whole
   * commission as the customer pays: a holdback of all of it released on payment, so that one
   * rule ({@link dev.compsim.engine.PaymentRelease}) serves both. A holdback on top of it would
   * hold the same money twice, so it is an error.
   */
  private boolean payOnPayment(PlanDoc doc) {
    if (doc.payOn() == null) {
      return false;
    }
    String payOn = doc.payOn().trim().toLowerCase(Locale.ROOT);
    if (!payOn.equals("close") && !payOn.equals("payment")) {
      problem("/pay_on", "pay_on must be close or payment, found \"" + doc.payOn() + "\"");
      return false;
    }
    if (payOn.equals("close")) {
      return false;
    }
    String why = " cannot be combined with pay_on: payment, which already pays the whole "
        + "commission as the customer pays; remove it, or hold back part with pay_on: close and "
        + "holdback: { share: ..., release: payment }";
    if (doc.holdback() != null) {
      problem("/holdback", "holdback" + why);
    }
    if (doc.roles() != null) {
      doc.roles().forEach((role, override) -> {
        if (override != null && override.holdback() != null) {
          problem("/roles/" + role + "/holdback", "a role's holdback" + why);
        }
      });
    }
    return true;
  }

  private Rules role(String at, RoleDoc override, Rules base) {
    Credit credit = credit(at + "/credit", override.credit(), base.credit());
    Commission commission = override.commission() == null ? base.commission()
        : commission(at + "/commission", override.commission(), base.commission());
    Holdback holdback = base.holdback().wholeOnPayment() ? base.holdback()
        : holdback(at + "/holdback", override.holdback(), base.holdback());
    Draw draw = draw(at + "/draw", override.draw(), base.draw());
    return commission == null ? null : new Rules(credit, commission, holdback, draw);
  }

  private Credit credit(String at, CreditDoc doc, Credit base) {
    if (doc == null) {
      return base;
    }
    CreditBasis basis = choice(at + "/partner_basis", doc.partnerBasis(), CreditBasis.class,
        base.partnerBasis());
    BigDecimal multiplier = or(doc.partnerMultiplier(), base.partnerMultiplier());
    if (multiplier.signum() <= 0 || multiplier.compareTo(BigDecimal.TEN) > 0) {
      problem(at + "/partner_multiplier", "partner_multiplier must be above 0 and at most 10, found "
          + multiplier.toPlainString());
    }
    BigDecimal sourced = fraction(at + "/partner_sourced", "partner_sourced",
        doc.partnerSourced(), base.partnerSourced());
    TeamMode team = choice(at + "/team", doc.team(), TeamMode.class, base.team());
    BigDecimal assistShare = fraction(at + "/assist_share", "assist_share", doc.assistShare(),
        base.assistShare());
    boolean manager = doc.channelManager() == null ? base.channelManager() : doc.channelManager();
    return new Credit(basis, multiplier, sourced, team, assistShare, manager);
  }

  private Commission commission(String at, CommissionDoc doc, Commission base) {
    List<TierDoc> tierDocs = doc.tiers();
    List<Tier> tiers = new ArrayList<>();
    if (tierDocs == null) {
      if (base == null) {
        problem(at, "commission needs tiers: at least one { rate: ... }");
        return null;
      }
      tiers.addAll(base.tiers());
    } else if (tierDocs.isEmpty()) {
      problem(at + "/tiers", "commission needs at least one tier");
      return null;
    } else {
      boolean ok = true;
      BigDecimal previous = BigDecimal.ZERO;
      for (int i = 0; i < tierDocs.size(); i++) {
        String tierAt = at + "/tiers/" + i;
        TierDoc tier = tierDocs.get(i);
        if (tier == null) {
          problem(tierAt, "a tier needs a rate");
          ok = false;
          continue;
        }
        boolean last = i == tierDocs.size() - 1;
        if (tier.rate() == null) {
          problem(tierAt, "tier " + (i + 1) + " needs a rate");
          ok = false;
        } else if (!inUnit(tier.rate())) {
          problem(tierAt + "/rate", "tier rate must be within [0, 1], found "
              + tier.rate().toPlainString() + " (rates are fractions: 9% is 0.09)");
          ok = false;
        }
        if (last && tier.to() != null) {
          problem(tierAt + "/to", "the last tier takes no \"to\": it applies above the previous "
              + "bound (use cap to stop paying at an attainment)");
          ok = false;
        } else if (!last && tier.to() == null) {
          problem(tierAt, "tier " + (i + 1) + " needs \"to\" (only the last tier has no bound)");
          ok = false;
        } else if (!last && tier.to().compareTo(previous) <= 0) {
          problem(tierAt + "/to", "tiers out of order: \"to\" " + tier.to().toPlainString()
              + " must be above " + (i == 0 ? "0" : "the previous tier's " + previous.toPlainString()));
          ok = false;
        }
        if (!last && tier.to() != null) {
          previous = previous.max(tier.to());
        }
        if (ok) {
          tiers.add(new Tier(tier.to(), tier.rate()));
        }
      }
      if (!ok) {
        return null;
      }
    }
    boolean retroactive = doc.retroactive() == null
        ? base != null && base.retroactive() : doc.retroactive();
    BigDecimal cap = doc.cap() == null ? (base == null ? null : base.cap()) : doc.cap();
    if (cap != null && cap.signum() <= 0) {
      problem(at + "/cap", "cap is an attainment above 0 (2.5 is 250% of quota), found "
          + cap.toPlainString());
      return null;
    }
    if (retroactive) {
      for (int i = 1; i < tiers.size(); i++) {
        if (tiers.get(i).rate().compareTo(tiers.get(i - 1).rate()) < 0) {
          problem(at + "/retroactive", "retroactive tiers need rates that do not decrease: tier "
              + (i + 1) + " pays less than tier " + i + ", so crossing it would take money back");
          return null;
        }
      }
    }
    return new Commission(tiers, retroactive, cap);
  }

  private Holdback holdback(String at, HoldbackDoc doc, Holdback base) {
    if (doc == null) {
      return base;
    }
    BigDecimal share = or(doc.share(), base.share());
    if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
      problem(at + "/share", "holdback share must be within [0, 1], found "
          + share.toPlainString());
      share = BigDecimal.ZERO;
    }
    HoldbackRelease release = choice(at + "/release", doc.release(), HoldbackRelease.class,
        base.release());
    int days = base.days();
    if (doc.days() != null) {
      if (release != HoldbackRelease.DAYS) {
        problem(at + "/days", "days applies only with release: days");
      } else if (doc.days() < 0) {
        problem(at + "/days", "days must be 0 or more, found " + doc.days());
      }
      days = doc.days();
    } else if (release == HoldbackRelease.DAYS && base.release() != HoldbackRelease.DAYS) {
      problem(at, "release: days needs days (how many days after close to release)");
    }
    Integer horizon = doc.horizonDays() == null ? base.horizonDays() : doc.horizonDays();
    if (horizon != null && horizon <= 0) {
      problem(at + "/horizon_days", "horizon_days must be above 0, found " + horizon);
      horizon = null;
    }
    boolean clawback = doc.clawback() == null ? base.clawback() : doc.clawback();
    if (release == HoldbackRelease.PAYMENT) {
      // waits for the customer, not the implementation: no horizon, no clawback on failure
      if (doc.horizonDays() != null) {
        problem(at + "/horizon_days", "horizon_days applies to release: implementation; with "
            + "release: payment the held part waits for the customer's payments");
      }
      if (doc.clawback() != null && doc.clawback()) {
        problem(at + "/clawback", "clawback applies to a failed implementation; with release: "
            + "payment a refund takes back what its payment released");
      }
      horizon = null;
      clawback = false;
    }
    return new Holdback(share, release, days, horizon, clawback);
  }

  private List<Spiff> spiffs(List<SpiffDoc> docs) {
    List<Spiff> spiffs = new ArrayList<>();
    if (docs == null) {
      return spiffs;
    }
    List<String> kinds = List.of("activity", "deal", "partner_deal", "implementation");
    for (int i = 0; i < docs.size(); i++) {
      String at = "/spiffs/" + i;
      SpiffDoc doc = docs.get(i);
      if (doc == null) {
        problem(at, "a spiff needs name, kind and amount");
        continue;
      }
      String name = doc.name();
      if (name == null || name.isBlank()) {
        problem(at, "spiff " + (i + 1) + " needs a name");
        name = "spiff " + (i + 1);
      }
      BigDecimal amount = doc.amount();
      if (amount == null) {
        problem(at, "spiff \"" + name + "\" needs an amount");
        continue;
      }
      if (amount.signum() < 0) {
        problem(at + "/amount", "spiff amount must be 0 or more, found " + amount.toPlainString());
      }
      String kind = doc.kind();
      if (kind == null) {
        problem(at, "spiff \"" + name + "\" needs a kind: " + String.join(", ", kinds));
        continue;
      }
      if (!kinds.contains(kind)) {
        problem(at + "/kind", "unknown spiff kind \"" + kind + "\"" + Suggest.hint(kind, kinds)
            + "; expected one of " + String.join(", ", kinds));
        continue;
      }
      if (kind.equals("activity")) {
        if (doc.activity() == null || doc.activity().isBlank()) {
          problem(at, "activity spiff \"" + name + "\" needs activity: the activity it pays for");
          continue;
        }
        spiffs.add(new Spiff.ActivitySpiff(name, doc.activity(), amount));
      } else {
        if (doc.activity() != null) {
          problem(at + "/activity", "activity applies only to spiffs of kind activity");
        }
        spiffs.add(switch (kind) {
          case "deal" -> new Spiff.DealSpiff(name, amount);
          case "partner_deal" -> new Spiff.PartnerDealSpiff(name, amount);
          default -> new Spiff.ImplementationSpiff(name, amount);
        });
      }
    }
    return spiffs;
  }

  private List<Competition> competitions(List<CompetitionDoc> docs) {
    List<Competition> competitions = new ArrayList<>();
    if (docs == null) {
      return competitions;
    }
    for (int i = 0; i < docs.size(); i++) {
      String at = "/competitions/" + i;
      CompetitionDoc doc = docs.get(i);
      if (doc == null || doc.name() == null || doc.from() == null || doc.to() == null
          || doc.metric() == null || doc.prizes() == null) {
        problem(at, "a competition needs name, from, to, metric and prizes");
        continue;
      }
      LocalDate from = date(at + "/from", doc.from());
      LocalDate to = date(at + "/to", doc.to());
      Competition.Metric metric = choice(at + "/metric", doc.metric(), Competition.Metric.class,
          null);
      if (from != null && to != null && to.isBefore(from)) {
        problem(at + "/to", "competition ends (" + to + ") before it starts (" + from + ")");
        continue;
      }
      List<BigDecimal> prizes = new ArrayList<>();
      for (int p = 0; p < doc.prizes().size(); p++) {
        BigDecimal prize = doc.prizes().get(p);
        if (prize == null || prize.signum() < 0) {
          problem(at + "/prizes/" + p, "a prize must be an amount of 0 or more");
        } else {
          prizes.add(prize);
        }
      }
      if (from != null && to != null && metric != null) {
        competitions.add(new Competition(doc.name(), from, to, metric, prizes));
      }
    }
    return competitions;
  }

  private List<Guardrail> guardrails(List<GuardrailDoc> docs) {
    List<Guardrail> guardrails = new ArrayList<>();
    if (docs == null) {
      return guardrails;
    }
    for (int i = 0; i < docs.size(); i++) {
      String at = "/guardrails/" + i;
      GuardrailDoc doc = docs.get(i);
      if (doc == null || doc.metric() == null) {
        problem(at, "a guardrail needs a metric and max or min");
        continue;
      }
      if (!Guardrail.METRICS.contains(doc.metric())) {
        problem(at + "/metric", "unknown guardrail metric \"" + doc.metric() + "\""
            + Suggest.hint(doc.metric(), Guardrail.METRICS) + "; expected one of "
            + String.join(", ", Guardrail.METRICS));
        continue;
      }
      if (doc.max() == null && doc.min() == null) {
        problem(at, "guardrail " + doc.metric() + " needs max or min");
        continue;
      }
      if (doc.max() != null && doc.min() != null && doc.min().compareTo(doc.max()) > 0) {
        problem(at + "/min", "guardrail " + doc.metric() + " has min above max");
        continue;
      }
      guardrails.add(new Guardrail(doc.metric(), doc.min(), doc.max()));
    }
    return guardrails;
  }

  // helpers shared with PartnersResolver

  void problem(String pointer, String message) {
    if (changeAt != null) {
      String key = pointer.isEmpty() ? "" : pointer.substring(1).split("/", 2)[0];
      if (!changeKeys.contains(key)) {
        return; // in the plan's own keys: reported when the plan itself was resolved
      }
      pointer = changeAt + pointer;
    }
    problems.add(source.at(pointer, message));
  }

  BigDecimal fraction(String at, String key, BigDecimal value, BigDecimal fallback) {
    if (value == null) {
      return fallback;
    }
    if (!inUnit(value)) {
      problem(at, key + " must be within [0, 1], found " + value.toPlainString()
          + " (rates are fractions: 25% is 0.25)");
      return fallback == null ? BigDecimal.ZERO : fallback;
    }
    return value;
  }

  static boolean inUnit(BigDecimal value) {
    return value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
  }

  static BigDecimal or(BigDecimal value, BigDecimal fallback) {
    return value == null ? fallback : value;
  }

  <E extends Enum<E>> E choice(String at, String value, Class<E> type, E fallback) {
    if (value == null) {
      return fallback;
    }
    List<String> names = Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return constant;
      }
    }
    String key = at.substring(at.lastIndexOf('/') + 1);
    problem(at, key + " \"" + value + "\" is not one of " + String.join(", ", names)
        + Suggest.hint(wanted, names));
    return fallback;
  }

  MonthDay monthDay(String at, String value, MonthDay fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      MonthDay day = MonthDay.parse(value.trim(), MONTH_DAY);
      if (day.getDayOfMonth() > 28) {
        problem(at, "a year must start on day 1 to 28 of a month, found " + value);
        return fallback;
      }
      return day;
    } catch (DateTimeParseException e) {
      problem(at, "expected a month and day as MM-dd (02-01 for February 1), found \"" + value
          + "\"");
      return fallback;
    }
  }

  LocalDate date(String at, String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      problem(at, "expected a date as yyyy-MM-dd, found \"" + value + "\"");
      return null;
    }
  }
}
