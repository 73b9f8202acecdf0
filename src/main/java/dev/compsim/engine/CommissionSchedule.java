package dev.compsim.engine;

import dev.compsim.model.Commission;
import dev.compsim.model.Money;
import dev.compsim.model.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A commission plan compiled for one rep: the tier bounds turned into credit amounts for that
 * rep's quota.
 *
 * <p>Attainment is credit / (annual quota / P), P the periods per year. To stay exact when the
 * period quota is not a finite decimal (a monthly quota of 100,000 / 12), everything is kept in
 * "scaled credit" C = credit × P, where a tier bound {@code to} becomes {@code to × annual quota}.
 * The commission of a deal is T(C after) − T(C before), divided by P once and rounded half-even
 * to the cent: the only rounding.
 */
public final class CommissionSchedule {
  private final Commission commission;
  private final BigDecimal annualQuota;
  private final BigDecimal periods;
  private final BigDecimal[] upper; // scaled upper bound of each tier; null for the last
  private final BigDecimal[] rates;
  private final BigDecimal capBound; // scaled, or null
  private final BigDecimal[] below; // T at the lower bound of each tier
  private final BigDecimal reciprocal; // 1 / P when it is a finite decimal, or null
  /**
   * T(C) at the end of the last increment. An immutable record with final fields, so a schedule
   * shared between threads at worst misses the memo; it never reads a torn one.
   */
  private Memo last;

  private record Memo(BigDecimal scaled, BigDecimal total) {}

  public CommissionSchedule(Commission commission, BigDecimal annualQuota, int periodsPerYear) {
    this.commission = commission;
    this.annualQuota = annualQuota;
    this.periods = BigDecimal.valueOf(periodsPerYear);
    List<Tier> tiers = commission.tiers();
    this.upper = new BigDecimal[tiers.size()];
    this.rates = new BigDecimal[tiers.size()];
    for (int i = 0; i < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      upper[i] = tier.to() == null ? null : tier.to().multiply(annualQuota);
      rates[i] = tier.rate();
    }
    this.capBound = commission.cap() == null ? null : commission.cap().multiply(annualQuota);
    this.below = new BigDecimal[tiers.size()];
    below[0] = BigDecimal.ZERO;
    for (int i = 1; i < below.length; i++) {
      BigDecimal lower = i == 1 ? BigDecimal.ZERO : upper[i - 2];
      below[i] = below[i - 1].add(upper[i - 1].subtract(lower).multiply(rates[i - 1]));
    }
    this.reciprocal = switch (periodsPerYear) {
      case 1 -> BigDecimal.ONE;
      case 2 -> new BigDecimal("0.5");
      case 4 -> new BigDecimal("0.25");
      default -> null;
    };
  }

  /** The result of crediting one deal: the commission it adds and how it was reached. */
  public record Increment(BigDecimal commission, String trace) {}

  /**
   * The commission a credit of {@code credit} adds on top of {@code before} already credited in
   * the period.
   *
   * @param withTrace whether to describe the tiers crossed
   */
  public Increment increment(BigDecimal before, BigDecimal credit, boolean withTrace) {
    BigDecimal from = before.multiply(periods);
    BigDecimal to = before.add(credit).multiply(periods);
    // deals come in order, so this deal's "before" is usually the last one's "after"
    Memo memo = last;
    BigDecimal totalFrom = memo != null && memo.scaled().compareTo(from) == 0 ? memo.total()
        : total(from);
    BigDecimal totalTo = total(to);
    last = new Memo(to, totalTo);
    BigDecimal scaled = totalTo.subtract(totalFrom);
    // × 1/P is the exact quotient when 1/P is a finite decimal, and cheaper than dividing
    BigDecimal amount = reciprocal != null
        ? scaled.multiply(reciprocal).setScale(Money.SCALE, Money.ROUNDING)
        : scaled.divide(periods, Money.SCALE, Money.ROUNDING);
    return new Increment(amount, withTrace ? describe(from, to, amount) : null);
  }

  /** T(C): commission on a scaled period credit of C, before dividing by P. */
  private BigDecimal total(BigDecimal scaledCredit) {
    BigDecimal c = capBound != null && scaledCredit.compareTo(capBound) > 0 ? capBound : scaledCredit;
    if (commission.retroactive()) {
      return c.multiply(rates[tierOf(c)]);
    }
    if (c.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    // the tiers below are full: their commission is precomputed, exactly as summing them would
    int i = tierOf(c);
    BigDecimal lower = i == 0 ? BigDecimal.ZERO : upper[i - 1];
    return below[i].add(c.subtract(lower).multiply(rates[i]));
  }

  /** The tier a scaled credit falls in: a bound belongs to the tier below it. */
  private int tierOf(BigDecimal scaledCredit) {
    for (int i = 0; i < upper.length; i++) {
      if (upper[i] == null || scaledCredit.compareTo(upper[i]) <= 0) {
        return i;
      }
    }
    return upper.length - 1;
  }

  private String describe(BigDecimal from, BigDecimal to, BigDecimal amount) {
    StringBuilder trace = new StringBuilder();
    if (annualQuota.signum() > 0) {
      trace.append("attainment ").append(attainment(from)).append("→").append(attainment(to));
    } else {
      trace.append("no quota");
    }
    trace.append(" → ");
    if (commission.retroactive()) {
      BigDecimal c = capBound != null && to.compareTo(capBound) > 0 ? capBound : to;
      BigDecimal periodCredit = c.divide(periods, Money.SCALE, Money.ROUNDING);
      BigDecimal before = total(from).divide(periods, Money.SCALE, Money.ROUNDING);
      trace.append("period ").append(Money.plain(periodCredit)).append('@')
          .append(Money.percent(rates[tierOf(c)])).append(" (retroactive)");
      if (before.signum() != 0) {
        trace.append(" − ").append(Money.plain(before)).append(" earned before");
      }
    } else {
      List<String> parts = new ArrayList<>();
      BigDecimal lower = BigDecimal.ZERO;
      for (int i = 0; i < rates.length; i++) {
        BigDecimal hi = upper[i];
        BigDecimal segFrom = from.max(lower);
        BigDecimal segTo = hi == null ? to : to.min(hi);
        if (capBound != null) {
          segTo = segTo.min(capBound);
        }
        if (segTo.compareTo(segFrom) > 0) {
          parts.add(Money.plain(segTo.subtract(segFrom).divide(periods, Money.SCALE,
              Money.ROUNDING)) + "@" + Money.percent(rates[i]));
        }
        if (hi == null) {
          break;
        }
        lower = hi;
      }
      trace.append(parts.isEmpty() ? "0.00" : String.join(" + ", parts));
    }
    if (capBound != null && to.compareTo(capBound) > 0) {
      BigDecimal beyond = to.subtract(from.max(capBound)).divide(periods, Money.SCALE,
          Money.ROUNDING);
      trace.append(" + ").append(Money.plain(beyond)).append(" beyond the ")
          .append(Money.percent(commission.cap())).append(" cap@0%");
    }
    trace.append(" = ").append(Money.plain(amount));
    return trace.toString();
  }

  private String attainment(BigDecimal scaledCredit) {
    return Money.percent1(scaledCredit.divide(annualQuota, 10, Money.ROUNDING));
  }
}
