package dev.compsim.model;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the vendor pays partners.
 *
 * @param margin partner discount off list, by partner type
 * @param registrationBonus extra margin on deals the partner registered
 * @param referralFee paid on referral deals instead of a discount, or null
 * @param selfSufficiency partner commission by hand-holding, or null
 * @param tiers partner tiers and the extra margin they earn, or null
 * @param rebates back-end rebates on annual volume
 * @param upfront extra discount at order time by partner type, instead of a rebate
 * @param repRewards reward points for the partner's own reps, or null
 * @param calendar which years partner programs count in
 * @param mutualYearStart with {@link CalendarMode#MUTUAL}, the agreed year start
 */
public record PartnerProgram(Map<String, BigDecimal> margin, BigDecimal registrationBonus,
    BigDecimal referralFee, SelfSufficiency selfSufficiency, PartnerTiers tiers,
    List<Rebate> rebates, Map<String, BigDecimal> upfront, RepRewards repRewards,
    CalendarMode calendar, MonthDay mutualYearStart) {

  public static final PartnerProgram NONE = new PartnerProgram(Map.of(), BigDecimal.ZERO, null,
      null, null, List.of(), Map.of(), null, CalendarMode.VENDOR, null);

  public PartnerProgram {
    margin = Map.copyOf(margin);
    Objects.requireNonNull(registrationBonus, "registrationBonus");
    rebates = List.copyOf(rebates);
    upfront = Map.copyOf(upfront);
    Objects.requireNonNull(calendar, "calendar");
    if (calendar == CalendarMode.MUTUAL && mutualYearStart == null) {
      throw new IllegalArgumentException("a mutual calendar needs mutual_year_start");
    }
  }

  /** Which fiscal years partner tiers, rebates and competitions count in. */
  public enum CalendarMode {
    VENDOR, PARTNER, MUTUAL;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Partner commission on won partner deals by whether the partner needs hand-holding. */
  public record SelfSufficiency(BigDecimal assisted, BigDecimal independent) {
    public SelfSufficiency {
      Objects.requireNonNull(assisted, "assisted");
      Objects.requireNonNull(independent, "independent");
    }

    public BigDecimal rateFor(Partner partner) {
      return partner.independent() ? independent : assisted;
    }
  }

  /** What partner tiers are based on. */
  public enum TierBasis {
    CERTIFICATIONS, VOLUME;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Partner tiers: the highest level whose {@code min} is reached applies. */
  public record PartnerTiers(TierBasis basis, List<TierLevel> levels) {
    public PartnerTiers {
      Objects.requireNonNull(basis, "basis");
      levels = List.copyOf(levels);
    }
  }

  /** A partner tier level; {@code min} is a certification count or a won list amount. */
  public record TierLevel(String name, BigDecimal min, BigDecimal extraMargin) {
    public TierLevel {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(extraMargin, "extraMargin");
    }

    // written out, as the record's own would answer: a partner's standing holds its level, and
    // the columnar engine hashes a standing per deal (the record's own go through method
    // handles, which C1 does not inline)
    @Override
    public int hashCode() {
      return (name.hashCode() * 31 + min.hashCode()) * 31 + extraMargin.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof TierLevel t && name.equals(t.name) && min.equals(t.min)
          && extraMargin.equals(t.extraMargin);
    }
  }

  /** A back-end rebate on a year's won list volume of resell deals of some partner types. */
  public record Rebate(List<String> types, List<RebateTier> tiers) {
    public Rebate {
      types = List.copyOf(types);
      tiers = List.copyOf(tiers);
    }
  }

  /** The rebate rate that applies to all of a year's volume once it reaches {@code from}. */
  public record RebateTier(BigDecimal from, BigDecimal rate) {
    public RebateTier {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(rate, "rate");
    }
  }

  /** Points for the partner's own sellers, paid at {@code pointValue} each. */
  public record RepRewards(BigDecimal pointsPer1000, BigDecimal pointValue,
      boolean requiresRebateEnrollment) {
    public RepRewards {
      Objects.requireNonNull(pointsPer1000, "pointsPer1000");
      Objects.requireNonNull(pointValue, "pointValue");
    }
  }
}
