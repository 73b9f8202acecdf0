package dev.compsim.engine;

import dev.compsim.model.DealColumns;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerProgram;
import dev.compsim.model.PartnerProgram.TierBasis;
import dev.compsim.model.PartnerProgram.TierLevel;
import dev.compsim.model.Plan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The tier each partner holds in each program year. {@code basis: certifications} takes the
 * partner's certifications; {@code basis: volume} takes its won list amount (resell and referral
 * deals, in the plan currency) in the previous program year, or, when the data does not reach back
 * to that year (its first close date falls after the year's first month), the {@code tier} column
 * of partners.csv matched to a level name. The highest level whose {@code min} is reached
 * applies.
 */
public final class PartnerTiers {
  private final Plan plan;
  private final PartnerProgram.PartnerTiers tiers;
  private final LocalDate dataStart;
  private final Map<String, Map<LocalDate, BigDecimal>> volumes = new HashMap<>();
  private final Map<String, Map<LocalDate, Standing>> standings = new HashMap<>();
  private final Map<String, Standing> latest = new HashMap<>();

  /**
   * A partner's tier in one program year.
   *
   * @param level the level reached, or null for none
   * @param basis certifications or previous-year volume; null when taken from partners.csv
   * @param source how the level was reached, in words
   */
  public record Standing(String partner, ProgramCalendar.Year year, TierLevel level,
      BigDecimal basis, String source) {

    // hash and equality written out, as the record's own would answer: those go through method
    // handles, which the C1 compiler a run uses does not inline, and the columnar engine looks
    // a standing up for every deal through a tiered partner
    @Override
    public int hashCode() {
      int h = Objects.hashCode(partner) * 31 + Objects.hashCode(year);
      h = (h * 31 + Objects.hashCode(level)) * 31 + Objects.hashCode(basis);
      return h * 31 + Objects.hashCode(source);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Standing s && Objects.equals(partner, s.partner)
          && Objects.equals(year, s.year) && Objects.equals(level, s.level)
          && Objects.equals(basis, s.basis) && Objects.equals(source, s.source);
    }

    public BigDecimal extraMargin() {
      return level == null ? BigDecimal.ZERO : level.extraMargin();
    }

    /** {@code Silver tier (5 certifications)}, for traces. */
    public String describe() {
      return (level == null ? "no tier" : level.name() + " tier") + " (" + source + ")";
    }
  }

  private PartnerTiers(Plan plan, Engine engine) {
    this.plan = plan;
    this.tiers = plan.partners().tiers();
    LocalDate first = null;
    // only volume tiers look at the deals: other plans pay nothing for this pass
    if (tiers != null && tiers.basis() == TierBasis.VOLUME) {
      DealColumns deals = engine.columns(); // the close days alone: no record per deal
      int earliest = Integer.MAX_VALUE;
      for (int i = 0; i < deals.size(); i++) {
        int day = deals.closeDay(i);
        if (day != DealColumns.NO_DAY && day < earliest) {
          earliest = day;
        }
      }
      first = earliest == Integer.MAX_VALUE ? null : LocalDate.ofEpochDay(earliest);
      engine.forEachPartnerRow(row -> {
        Partner partner = engine.data().partners().get(deals.partner(row));
        if (partner != null) {
          ProgramCalendar.Year year = ProgramCalendar.yearOf(plan, partner, deals.closeDate(row));
          volumes.computeIfAbsent(partner.id(), k -> new HashMap<>()).merge(year.start(),
              engine.amountIn(plan, row), BigDecimal::add);
        }
      });
    }
    this.dataStart = first;
  }

  /** The tiers of {@code plan}'s partner program on the engine's deals. */
  public static PartnerTiers of(Plan plan, Engine engine) {
    return new PartnerTiers(plan, engine);
  }

  public boolean active() {
    return tiers != null && !tiers.levels().isEmpty();
  }

  /** The partner's tier in the program year containing {@code date}; null without tiers. */
  public Standing standing(Partner partner, LocalDate date) {
    if (!active()) {
      return null;
    }
    // deals come in date order: the partner's last standing usually still holds
    Standing last = latest.get(partner.id());
    if (last != null && last.year().contains(date)) {
      return last;
    }
    ProgramCalendar.Year year = ProgramCalendar.yearOf(plan, partner, date);
    Standing standing = standings.computeIfAbsent(partner.id(), k -> new HashMap<>())
        .computeIfAbsent(year.start(), k -> compute(partner, year));
    latest.put(partner.id(), standing);
    return standing;
  }

  private Standing compute(Partner partner, ProgramCalendar.Year year) {
    if (tiers.basis() == TierBasis.CERTIFICATIONS) {
      BigDecimal count = BigDecimal.valueOf(partner.certifications());
      return new Standing(partner.id(), year, reached(count), count,
          partner.certifications() + " certifications");
    }
    ProgramCalendar.Year previous = year.previous();
    // the data reaches back to a year when its first close falls in that year's first month
    // or before: an export rarely has a won deal on the year's very first day
    if (dataStart == null || !dataStart.isBefore(previous.start().plusMonths(1))) {
      TierLevel named = null;
      if (partner.tier() != null) {
        for (TierLevel level : tiers.levels()) {
          if (level.name().toLowerCase(Locale.ROOT)
              .equals(partner.tier().toLowerCase(Locale.ROOT))) {
            named = level;
          }
        }
      }
      String source = partner.tier() == null ? "no " + previous.label()
          + " in the data and no tier in partners.csv"
          : "tier " + partner.tier() + " in partners.csv; no " + previous.label() + " in the data";
      return new Standing(partner.id(), year, named, null, source);
    }
    BigDecimal volume = volumes.getOrDefault(partner.id(), Map.of())
        .getOrDefault(previous.start(), BigDecimal.ZERO);
    return new Standing(partner.id(), year, reached(volume), volume,
        previous.label() + " volume " + Money.plain(volume));
  }

  /** The level with the highest {@code min} at or below {@code value}, or null. */
  private TierLevel reached(BigDecimal value) {
    TierLevel best = null;
    for (TierLevel level : tiers.levels()) {
      if (level.min().compareTo(value) <= 0
          && (best == null || level.min().compareTo(best.min()) > 0)) {
        best = level;
      }
    }
    return best;
  }
}
