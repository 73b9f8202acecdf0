package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.compsim.model.Commission;
import dev.compsim.model.Money;
import dev.compsim.model.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * CommissionSchedule takes shortcuts for speed: the commission of full tiers is precomputed, the
 * previous total is remembered, and dividing by 1, 2 or 4 periods is a multiplication. Each
 * increment must still be exactly, scale included, what the plain definition gives: T(C) summed
 * tier by tier, (T(after) − T(before)) / P rounded half-even to the cent. So must
 * {@link LongSchedule}, the same schedule in long integers for the columnar engine.
 */
class CommissionScheduleExactnessTest {

  /** The plain definition, written out as the design states it. */
  private static BigDecimal plainIncrement(Commission commission, BigDecimal quota, int periods,
      BigDecimal before, BigDecimal credit) {
    BigDecimal p = BigDecimal.valueOf(periods);
    BigDecimal from = before.multiply(p);
    BigDecimal to = before.add(credit).multiply(p);
    return plainTotal(commission, quota, to).subtract(plainTotal(commission, quota, from))
        .divide(p, Money.SCALE, Money.ROUNDING);
  }

  private static BigDecimal plainTotal(Commission commission, BigDecimal quota, BigDecimal c) {
    if (commission.cap() != null && c.compareTo(commission.cap().multiply(quota)) > 0) {
      c = commission.cap().multiply(quota);
    }
    List<Tier> tiers = commission.tiers();
    if (commission.retroactive()) {
      for (Tier tier : tiers) {
        if (tier.to() == null || c.compareTo(tier.to().multiply(quota)) <= 0) {
          return c.multiply(tier.rate());
        }
      }
    }
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal lower = BigDecimal.ZERO;
    for (Tier tier : tiers) {
      if (c.compareTo(lower) <= 0) {
        break;
      }
      BigDecimal bound = tier.to() == null ? null : tier.to().multiply(quota);
      BigDecimal top = bound == null || c.compareTo(bound) < 0 ? c : bound;
      sum = sum.add(top.subtract(lower).multiply(tier.rate()));
      lower = bound == null ? top : bound;
    }
    return sum;
  }

  @Test
  void theDesignExampleStillPays3200Then4400Then12400() {
    // quota 800,000 a year = 200,000 a quarter; tiers 4% to 50%, 9% to 100%, 14% above
    Commission commission = new Commission(List.of(new Tier(new BigDecimal("0.5"),
        new BigDecimal("0.04")), new Tier(new BigDecimal("1.0"), new BigDecimal("0.09")),
        new Tier(null, new BigDecimal("0.14"))), false, null);
    CommissionSchedule schedule = new CommissionSchedule(commission, new BigDecimal("800000"), 4);
    assertThat(schedule.increment(BigDecimal.ZERO, new BigDecimal("80000"), false).commission())
        .isEqualTo(new BigDecimal("3200.00"));
    assertThat(schedule.increment(new BigDecimal("80000"), new BigDecimal("60000"), false)
        .commission()).isEqualTo(new BigDecimal("4400.00"));
    assertThat(schedule.increment(new BigDecimal("140000"), new BigDecimal("110000"), false)
        .commission()).isEqualTo(new BigDecimal("12400.00"));
  }

  private static final java.util.concurrent.atomic.AtomicInteger LONG_CHECKS =
      new java.util.concurrent.atomic.AtomicInteger();

  @Test
  void everyIncrementEqualsThePlainDefinition() {
    LONG_CHECKS.set(0);
    qt().withFixedSeed(20261130L).withExamples(400).forAll(longs().all())
        .checkAssert(CommissionScheduleExactnessTest::check);
    // most increments fit long integers and were compared there too
    assertThat(LONG_CHECKS.get()).isGreaterThan(400 * 12 / 2);
  }

  private static void check(long seed) {
    Random random = new Random(seed);
    List<Tier> tiers = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    BigDecimal bound = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      BigDecimal rate = BigDecimal.valueOf(random.nextInt(2000), 2 + random.nextInt(3));
      if (i == n - 1) {
        tiers.add(new Tier(null, rate));
      } else {
        bound = bound.add(BigDecimal.valueOf(1 + random.nextInt(80), 2));
        tiers.add(new Tier(bound, rate));
      }
    }
    BigDecimal cap = random.nextInt(3) == 0 ? BigDecimal.valueOf(50 + random.nextInt(300), 2)
        : null;
    Commission commission = new Commission(tiers, random.nextInt(4) == 0, cap);
    BigDecimal quota = random.nextInt(10) == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(1 + random.nextInt(2_000_000), random.nextInt(3));
    int periods = new int[] {1, 2, 4, 12}[random.nextInt(4)];
    CommissionSchedule schedule = new CommissionSchedule(commission, quota, periods);

    // the columnar engine's schedule in long integers: credit and bounds in units of 10^-4,
    // rates of 10^-4; while the numbers fit a long (else it throws, and the engine uses decimals)
    LongSchedule inLongs = new LongSchedule(commission, quota, periods, 4, 4);
    boolean fits = true;
    long beforeUnits = 0;
    long totalBefore = 0;

    BigDecimal before = BigDecimal.ZERO;
    for (int d = 0; d < 12; d++) {
      if (random.nextInt(6) == 0) {
        before = BigDecimal.ZERO; // a new period
        beforeUnits = 0;
        totalBefore = 0;
      }
      BigDecimal credit = BigDecimal.valueOf(random.nextInt(60_000_000), random.nextInt(4));
      if (random.nextBoolean()) {
        credit = BigDecimal.valueOf(random.nextInt(600_000), 2); // a typical deal
      }
      BigDecimal expected = plainIncrement(commission, quota, periods, before, credit);
      // with and without the trace, the same amount
      assertThat(schedule.increment(before, credit, random.nextBoolean()).commission())
          .isEqualTo(expected);
      before = before.add(credit);
      if (!fits) {
        continue;
      }
      try {
        beforeUnits += credit.movePointRight(4).longValueExact();
        long totalAfter = inLongs.total(beforeUnits);
        assertThat(BigDecimal.valueOf(inLongs.commission(totalBefore, totalAfter), 2))
            .as("LongSchedule").isEqualTo(expected);
        totalBefore = totalAfter;
        LONG_CHECKS.incrementAndGet();
      } catch (ArithmeticException overflow) {
        fits = false;
      }
    }
  }
}
