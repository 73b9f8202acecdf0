package dev.compsim.engine;

import dev.compsim.model.DealColumns;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerProgram.Rebate;
import dev.compsim.model.PartnerProgram.RebateTier;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Back-end rebates. For each partner enrolled in rebates whose type a rebate lists (the first
 * such rebate of the plan), per program year: V = won list amount of its resell deals in that
 * year; the rate of the highest tier with {@code from} <= V applies to all of V (retroactive). A
 * year that has ended as of {@code --as-of} is paid on its last day; a year still running is
 * accrued as held, on the volume so far.
 */
public final class Rebates {
  private Rebates() {}

  /**
   * One partner's rebate for one program year.
   *
   * @param tier the tier reached, or null when V is below every tier
   * @param amount rate × V, rounded to the cent
   * @param ended whether the year ended on or before as-of
   */
  public record RebateYear(String partner, ProgramCalendar.Year year, int deals,
      BigDecimal volume, RebateTier tier, BigDecimal amount, boolean ended) {

    public BigDecimal rate() {
      return tier == null ? BigDecimal.ZERO : tier.rate();
    }

    public String trace() {
      String reached = tier == null ? "below the first tier: 0%"
          : "tier from " + Money.plain(tier.from()) + ": " + Money.percent(tier.rate());
      return "rebate " + year.label() + " (" + year.start() + ".." + year.end() + "): " + deals
          + (deals == 1 ? " resell deal" : " resell deals") + ", volume " + Money.plain(volume)
          + " → " + reached + " of all " + Money.plain(volume) + " = " + Money.plain(amount)
          + (ended ? "" : "; year still running: accrued, held");
    }
  }

  /** The rebate of the plan that covers the partner, or null. */
  public static Rebate rebateFor(Plan plan, Partner partner) {
    if (!partner.rebateEnrolled()) {
      return null;
    }
    for (Rebate rebate : plan.partners().rebates()) {
      if (rebate.types().contains(partner.type())) {
        return rebate;
      }
    }
    return null;
  }

  /** Every partner-year with volume, by partner id then year. */
  public static List<RebateYear> of(Plan plan, Engine engine) {
    if (plan.partners().rebates().isEmpty()) {
      return List.of();
    }
    record Key(String partner, LocalDate start) implements Comparable<Key> {
      // written out, as the record's own would answer: those go through method handles, which
      // C1 does not inline, and a key is hashed per partner deal
      @Override
      public int hashCode() {
        return partner.hashCode() * 31 + start.hashCode();
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Key k && partner.equals(k.partner) && start.equals(k.start);
      }

      @Override
      public int compareTo(Key o) {
        int c = partner.compareTo(o.partner);
        return c != 0 ? c : start.compareTo(o.start);
      }
    }
    // a partner-year's volume, deals and year: summed in a hash map (a tree ordered by id
    // compared strings for every deal), put in partner and year order once at the end
    final class Sum {
      BigDecimal volume = BigDecimal.ZERO;
      int count;
      ProgramCalendar.Year year;
    }
    Map<Key, Sum> sums = new HashMap<>();
    // over the columns, the won deals through a partner in file order: the sums do not depend
    // on the order, and a record per partner deal (the engine's wonPartnerDeals) was most of a
    // run's time here
    DealColumns deals = engine.columns();
    engine.forEachPartnerRow(row -> {
      if (deals.partnerRole(row) != PartnerRole.RESELL) {
        return;
      }
      Partner partner = engine.data().partners().get(deals.partner(row));
      if (partner == null || rebateFor(plan, partner) == null) {
        return;
      }
      ProgramCalendar.Year year = ProgramCalendar.yearOf(plan, partner, deals.closeDate(row));
      Key key = new Key(partner.id(), year.start());
      Sum sum = sums.get(key);
      if (sum == null) {
        sum = new Sum();
        sums.put(key, sum);
      }
      sum.volume = sum.volume.add(engine.amountIn(plan, row));
      sum.count++;
      sum.year = year;
    });
    List<RebateYear> out = new ArrayList<>();
    for (Map.Entry<Key, Sum> entry : new TreeMap<>(sums).entrySet()) {
      Key key = entry.getKey();
      Rebate rebate = rebateFor(plan, engine.data().partners().get(key.partner()));
      BigDecimal v = entry.getValue().volume;
      RebateTier reached = null;
      for (RebateTier tier : rebate.tiers()) {
        if (tier.from().compareTo(v) <= 0) {
          reached = tier;
        }
      }
      BigDecimal amount = reached == null ? Money.ZERO : Money.round(v.multiply(reached.rate()));
      ProgramCalendar.Year year = entry.getValue().year;
      out.add(new RebateYear(key.partner(), year, entry.getValue().count, v, reached, amount,
          !year.end().isAfter(engine.asOf())));
    }
    return out;
  }
}
