package dev.compsim.engine;

import dev.compsim.model.Commission;
import dev.compsim.model.Money;
import dev.compsim.model.Tier;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link CommissionSchedule} in long integers, for the columnar engine: scaled credit C = credit
 * × P in units of 10^-s, rates in units of 10^-r, T(C) in units of 10^-(s+r), the commission
 * (T(after) − T(before)) / P rounded half-even to the cent, as the decimal schedule does. Every
 * product is overflow-checked: an {@link ArithmeticException} means the plan's numbers do not fit
 * and the caller prices it in decimals instead. {@code CommissionScheduleExactnessTest} and the
 * engine's drift test hold it equal to the decimal schedule.
 */
public final class LongSchedule {
  private final long[] upper; // the last is Long.MAX_VALUE
  private final long[] rate;
  private final long[] lower; // each tier's lower bound
  private final long[] below; // T at each tier's lower bound
  private final long cap;
  private final boolean retroactive;
  private final long periods;
  private final long divisor;

  /**
   * The scales long schedules need: the scale of credit s made finer wherever a tier bound or a
   * cap times a quota needs it, and the finest scale r of any rate. Told every commission and
   * quota a pass will make schedules of; each commission and quota is looked at once.
   */
  public static final class Scales {
    private final Map<Commission, Set<BigDecimal>> seen = new IdentityHashMap<>();
    private int scale;
    private int rateScale;
    private BigDecimal largestRate = BigDecimal.ZERO;
    private boolean retroactive;

    /** @param creditScale the scale the credits themselves need */
    public Scales(int creditScale) {
      this.scale = creditScale;
    }

    public void add(Commission commission, BigDecimal quota) {
      if (!seen.computeIfAbsent(commission, k -> new HashSet<>()).add(quota)) {
        return;
      }
      retroactive |= commission.retroactive();
      for (Tier tier : commission.tiers()) {
        rateScale = Math.max(rateScale, tier.rate().stripTrailingZeros().scale());
        largestRate = largestRate.max(tier.rate());
        if (tier.to() != null) {
          scale = Math.max(scale, tier.to().multiply(quota).stripTrailingZeros().scale());
        }
      }
      if (commission.cap() != null) {
        scale = Math.max(scale, commission.cap().multiply(quota).stripTrailingZeros().scale());
      }
    }

    /** s: credits, bounds and caps are whole numbers of 10^-s. */
    public int scale() {
      return scale;
    }

    /** r: rates are whole numbers of 10^-r. */
    public int rateScale() {
      return rateScale;
    }

    /** The largest rate of any tier, in units of 10^-r: what bounds T's slope. */
    public BigDecimal largestRateUnits() {
      return largestRate.movePointRight(rateScale);
    }

    /** Whether any commission pays its tier's rate on all the period's credit. */
    public boolean retroactive() {
      return retroactive;
    }
  }

  /**
   * @param scale s: credits, bounds and caps are whole numbers of 10^-s
   * @param rateScale r: rates are whole numbers of 10^-r
   * @throws ArithmeticException when a bound, rate or cap is not whole at those scales or too
   *     large for a long
   */
  public LongSchedule(Commission commission, BigDecimal quota, int periodsPerYear, int scale,
      int rateScale) {
    List<Tier> tiers = commission.tiers();
    upper = new long[tiers.size()];
    rate = new long[tiers.size()];
    for (int i = 0; i < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      upper[i] = tier.to() == null ? Long.MAX_VALUE
          : tier.to().multiply(quota).movePointRight(scale).longValueExact();
      rate[i] = tier.rate().movePointRight(rateScale).longValueExact();
    }
    upper[upper.length - 1] = Long.MAX_VALUE;
    lower = new long[upper.length];
    below = new long[upper.length];
    for (int i = 1; i < upper.length; i++) {
      lower[i] = upper[i - 1];
      below[i] = Math.addExact(below[i - 1],
          Math.multiplyExact(upper[i - 1] - lower[i - 1], rate[i - 1]));
    }
    cap = commission.cap() == null ? Long.MAX_VALUE
        : commission.cap().multiply(quota).movePointRight(scale).longValueExact();
    retroactive = commission.retroactive();
    periods = periodsPerYear;
    divisor = Math.multiplyExact(periodsPerYear,
        BigDecimal.TEN.pow(scale + rateScale - Money.SCALE).longValueExact());
  }

  /** T(C) of a scaled credit C: what {@link #commission} takes differences of. */
  public long total(long credit) {
    long scaled = Money.multiplyExact(credit, periods);
    long c = scaled > cap ? cap : scaled;
    int i = 0;
    while (c > upper[i]) {
      i++;
    }
    if (retroactive) {
      return Money.multiplyExact(c, rate[i]);
    }
    if (c <= 0) {
      return 0;
    }
    return Math.addExact(below[i], Money.multiplyExact(c - lower[i], rate[i]));
  }

  /** The commission a credit adds on top of {@code before} in the period, in cents. */
  public long increment(long before, long credit) {
    return commission(total(before), total(Math.addExact(before, credit)));
  }

  /**
   * The schedule's numbers, for a fast path that flattens them into arrays of its own (the
   * simulation's compiled plan): each tier's scaled upper bound (the last is Long.MAX_VALUE),
   * rate, lower bound and T at that bound, then the scaled cap, whether it is retroactive and
   * the divisor of T that gives cents.
   */
  public long[] upperBounds() {
    return upper.clone();
  }

  public long[] rates() {
    return rate.clone();
  }

  public long[] lowerBounds() {
    return lower.clone();
  }

  public long[] totalsBelow() {
    return below.clone();
  }

  public long capBound() {
    return cap;
  }

  public boolean retroactive() {
    return retroactive;
  }

  public long divisor() {
    return divisor;
  }

  /** The commission, in cents, between two totals of {@link #total}. */
  public long commission(long totalBefore, long totalAfter) {
    return Money.divideHalfEven(Math.subtractExact(totalAfter, totalBefore), divisor);
  }
}
