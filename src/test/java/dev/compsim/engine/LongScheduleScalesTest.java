package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compsim.model.Commission;
import dev.compsim.model.Tier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scales long schedules need, found once for the columnar pass and the simulation's compiled
 * plans: fine enough for every tier bound and cap times a quota and every rate, never coarser
 * than the credits' own. A scale too coarse would not be wrong (the schedule refuses to be made
 * and the plan is priced in decimals) but slow, so each part is pinned here.
 */
class LongScheduleScalesTest {
  private static final BigDecimal QUOTA = new BigDecimal("100001");

  private static LongSchedule.Scales scalesOf(Commission commission) {
    LongSchedule.Scales scales = new LongSchedule.Scales(2);
    scales.add(commission, QUOTA);
    return scales;
  }

  @Test
  void aTierBoundTimesTheQuotaSetsTheScale() {
    // 0.3333 × 100,001 = 33,330.3333
    LongSchedule.Scales scales = scalesOf(new Commission(List.of(
        new Tier(new BigDecimal("0.3333"), new BigDecimal("0.04")),
        new Tier(null, new BigDecimal("0.09"))), false, null));
    assertThat(scales.scale()).isEqualTo(4);
    assertThat(scales.rateScale()).isEqualTo(2);
  }

  @Test
  void aCapTimesTheQuotaSetsTheScale() {
    // 1.23456 × 100,001 = 123,457.23456
    Commission capped = new Commission(List.of(new Tier(null, new BigDecimal("0.05"))), false,
        new BigDecimal("1.23456"));
    LongSchedule.Scales scales = scalesOf(capped);
    assertThat(scales.scale()).isEqualTo(5);
    new LongSchedule(capped, QUOTA, 4, scales.scale(), scales.rateScale());
    assertThatThrownBy(() -> new LongSchedule(capped, QUOTA, 4, scales.scale() - 1,
        scales.rateScale())).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void theFinestRateSetsTheRateScaleAndTheCreditsScaleIsAFloor() {
    LongSchedule.Scales scales = scalesOf(new Commission(List.of(
        new Tier(BigDecimal.ONE, new BigDecimal("0.0425")),
        new Tier(null, new BigDecimal("0.1"))), true, null));
    assertThat(scales.rateScale()).isEqualTo(4);
    assertThat(scales.scale()).isEqualTo(2);
  }
}
