package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.Commission;
import dev.compsim.model.Tier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommissionScheduleTest {
  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static final List<Tier> DESIGN_TIERS = List.of(
      new Tier(d("0.5"), d("0.04")), new Tier(d("1.0"), d("0.09")), new Tier(null, d("0.14")));

  /** DESIGN.md, "What the numbers mean" 4: 80,000 then 60,000 then 110,000 on 200,000. */
  @Test
  void designWorkedExampleMarginalTiers() {
    // period quota 200,000 a quarter = 800,000 a year
    var schedule = new CommissionSchedule(new Commission(DESIGN_TIERS, false, null), d("800000"), 4);
    var first = schedule.increment(d("0"), d("80000"), true);
    var second = schedule.increment(d("80000"), d("60000"), true);
    var third = schedule.increment(d("140000"), d("110000"), true);
    assertThat(first.commission()).isEqualByComparingTo("3200.00");
    assertThat(second.commission()).isEqualByComparingTo("4400.00");
    assertThat(third.commission()).isEqualByComparingTo("12400.00");
    assertThat(second.trace()).isEqualTo(
        "attainment 40.0%→70.0% → 20000.00@4% + 40000.00@9% = 4400.00");
    assertThat(third.trace()).isEqualTo(
        "attainment 70.0%→125.0% → 60000.00@9% + 50000.00@14% = 12400.00");
  }

  @Test
  void retroactivePaysTheWholePeriodAtTheTierReached() {
    var schedule = new CommissionSchedule(new Commission(DESIGN_TIERS, true, null), d("800000"), 4);
    // 80,000 at 4% = 3,200; after 140,000 the period is at 9%: 12,600 in all, 9,400 more
    assertThat(schedule.increment(d("0"), d("80000"), false).commission())
        .isEqualByComparingTo("3200.00");
    assertThat(schedule.increment(d("80000"), d("60000"), false).commission())
        .isEqualByComparingTo("9400.00");
    // 250,000 at 14% = 35,000; minus 12,600 before
    assertThat(schedule.increment(d("140000"), d("110000"), false).commission())
        .isEqualByComparingTo("22400.00");
  }

  @Test
  void theBoundItselfBelongsToTheLowerTier() {
    var schedule = new CommissionSchedule(new Commission(DESIGN_TIERS, true, null), d("800000"), 4);
    assertThat(schedule.increment(d("0"), d("100000"), false).commission())
        .isEqualByComparingTo("4000.00");
    assertThat(schedule.increment(d("100000"), d("0.01"), false).commission())
        .isEqualByComparingTo("5000.00"); // 100,000.01 × 9% − 4,000 = 5,000.0009 → 5,000.00
  }

  @Test
  void nothingIsEarnedBeyondTheCap() {
    var schedule = new CommissionSchedule(new Commission(DESIGN_TIERS, false, d("1.5")),
        d("800000"), 4);
    // 0 → 350,000 with a cap at 300,000 (150%): 4,000 + 9,000 + 100,000 × 14% = 27,000
    var increment = schedule.increment(d("0"), d("350000"), true);
    assertThat(increment.commission()).isEqualByComparingTo("27000.00");
    assertThat(increment.trace()).isEqualTo("attainment 0.0%→175.0% → 100000.00@4% + "
        + "100000.00@9% + 100000.00@14% + 50000.00 beyond the 150% cap@0% = 27000.00");
    assertThat(schedule.increment(d("350000"), d("10000"), false).commission())
        .isEqualByComparingTo("0.00");
  }

  @Test
  void monthlyQuotaThatIsNotAFiniteDecimalStaysExact() {
    // 100,000 a year is 8,333.33... a month; half of it is the 4% bound
    var schedule = new CommissionSchedule(new Commission(DESIGN_TIERS, false, null), d("100000"), 12);
    // 5,000 credit: 4,166.666... at 4% + 833.333... at 9% = 166.6666 + 75.0000 = 241.6666... → 241.67
    assertThat(schedule.increment(d("0"), d("5000"), false).commission())
        .isEqualByComparingTo("241.67");
  }

  @Test
  void roundsHalfEvenOncePerLine() {
    var flat = new CommissionSchedule(new Commission(List.of(new Tier(null, d("0.05"))), false,
        null), d("0"), 4);
    assertThat(flat.increment(d("0"), d("0.50"), false).commission())
        .isEqualByComparingTo("0.02"); // 0.025 → 0.02
    assertThat(flat.increment(d("0"), d("0.70"), false).commission())
        .isEqualByComparingTo("0.04"); // 0.035 → 0.04
  }
}
