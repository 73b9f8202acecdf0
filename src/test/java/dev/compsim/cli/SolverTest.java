package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compsim.report.Sweep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** solve's bisection on metrics given as functions, without plans or data. */
class SolverTest {
  private static final BigDecimal CENT = new BigDecimal("0.01");

  private static SolveCommand.Solver solver(Function<BigDecimal, BigDecimal> cost,
      String target) {
    return new SolveCommand.Solver(x -> {
      BigDecimal value = cost.apply(x).setScale(2, RoundingMode.HALF_EVEN);
      return new Sweep.Row("solved", List.of(), "p", value, value, BigDecimal.ZERO, null,
          BigDecimal.ZERO, 0, 0, List.of(), null, null, null);
    }, Sweep.Metric.TOTAL_COST, new BigDecimal(target), CENT);
  }

  @Test
  void aDecreasingMetricIsSolvedToo() {
    // 10,000 - 3,000 x reaches 7,654.32 at x = 0.78189333...: 0.781893 is within a cent
    SolveCommand.Solver.Answer answer = solver(x -> new BigDecimal("10000")
        .subtract(new BigDecimal("3000").multiply(x)), "7654.32")
        .solve(BigDecimal.ZERO, BigDecimal.ONE);
    assertThat(answer.row().totalCost().subtract(new BigDecimal("7654.32")).abs())
        .isLessThanOrEqualTo(CENT);
    assertThat(answer.value().scale()).isLessThanOrEqualTo(6);
  }

  @Test
  void aFlatStretchIsMonotone() {
    // flat at 100 up to 0.5, then rising: still monotone, solved on the rising part
    SolveCommand.Solver.Answer answer = solver(x -> x.compareTo(new BigDecimal("0.5")) <= 0
        ? new BigDecimal("100") : new BigDecimal("100").add(new BigDecimal("1000")
            .multiply(x.subtract(new BigDecimal("0.5")))), "350")
        .solve(BigDecimal.ZERO, BigDecimal.ONE);
    assertThat(answer.value()).isEqualByComparingTo("0.75");
  }

  @Test
  void aJumpOverTheTargetIsOutOfReach() {
    // a spiff-like step: 1,000 below 0.4, 2,000 from there; 1,500 is never reached
    assertThatThrownBy(() -> solver(x -> x.compareTo(new BigDecimal("0.4")) < 0
        ? new BigDecimal("1000") : new BigDecimal("2000"), "1500")
        .solve(BigDecimal.ZERO, BigDecimal.ONE))
        .hasMessageStartingWith("the target total_cost = 1,500.00 is out of reach within 0.01: "
            + "total_cost jumps from 1,000.00 at 0.3");
  }

  @Test
  void aTurnBetweenProbesIsCaughtWhileBisecting() {
    // rises to 0.52, dips between 0.52 and 0.54 (no probe lands there), rises again; the
    // bisection steps into the dip
    Function<BigDecimal, BigDecimal> f = x -> {
      double v = x.doubleValue();
      double y = v > 0.52 && v < 0.54 ? 0 : 1000 * v;
      return BigDecimal.valueOf(y);
    };
    assertThatThrownBy(() -> solver(f, "530").solve(BigDecimal.ZERO, BigDecimal.ONE))
        .hasMessageContaining("is not monotone over 0..1");
  }
}
