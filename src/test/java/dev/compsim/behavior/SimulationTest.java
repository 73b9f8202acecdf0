package dev.compsim.behavior;

import static dev.compsim.testing.TestData.basePlan;
import static dev.compsim.testing.TestData.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.compsim.engine.Engine;
import dev.compsim.model.Implementation;
import dev.compsim.model.Plan;
import dev.compsim.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
  private static Simulation simulation(long dataSeed) {
    List<Plan> plans = List.of(plan(CompiledPlanTest.PLANS.get(0)),
        plan(CompiledPlanTest.PLANS.get(1).replace("name: P", "name: Q")),
        plan(CompiledPlanTest.PLANS.get(2).replace("name: P", "name: R")));
    return new Simulation(new BehaviorModel(Engine.latest(CompiledPlanTest.data(dataSeed)),
        plans));
  }

  @Test
  void theSameSeedGivesTheSameResultsOnOneThreadOrMany() {
    Simulation simulation = simulation(7);
    Assumptions defaults = Assumptions.defaults();
    Simulation.Outcome one = simulation.run(defaults, 64, 12345L, 1, null);
    Simulation.Outcome four = simulation.run(defaults, 64, 12345L, 4, null);
    Simulation.Outcome again = simulation.run(defaults, 64, 12345L, 2, null);
    assertThat(four.values()).isDeepEqualTo(one.values());
    assertThat(again.values()).isDeepEqualTo(one.values());
    Simulation.Outcome other = simulation.run(defaults, 64, 12346L, 2, null);
    assertThat(other.of(1, Metric.REP_PAY)).isNotEqualTo(one.of(1, Metric.REP_PAY));
  }

  @Test
  void aRunDoesNotDependOnHowManyRunsThereAre() {
    Simulation simulation = simulation(3);
    Simulation.Outcome few = simulation.run(Assumptions.defaults(), 5, 99L, 2, null);
    Simulation.Outcome many = simulation.run(Assumptions.defaults(), 40, 99L, 2, null);
    for (int run = 0; run < 5; run++) {
      assertThat(many.of(1, Metric.REP_PAY)[run]).isEqualTo(few.of(1, Metric.REP_PAY)[run]);
    }
  }

  /**
   * A known answer: 400 direct deals of 10,000, a flat 10% commission, no partners, assists or
   * meetings, half the implementations confirmed and half failed in the data, a 30% holdback
   * forfeited on failure. Every deal is won in every run (no uplift applies), and each
   * implementation is confirmed with probability 0.5, so the confirmed share is Binomial(400,
   * 0.5) / 400: mean 0.5, standard deviation √(0.25/400) = 0.025, 5th–95th percentile 0.5 ±
   * 1.645 × 0.025 = [0.4589, 0.5411]. Rep pay per deal is 1,000 when confirmed and 700 when
   * failed: mean 400 × 850 = 340,000, and 400 × 300 × (confirmed share − 0.5) off it.
   */
  @Test
  void intervalsCoverAKnownAnswer() {
    TestData data = TestData.data().rep("R1", "AE", 4_000_000);
    for (int i = 0; i < 400; i++) {
      String close = java.time.LocalDate.of(2026, 2, 15).plusDays(i % 60).toString();
      data.implemented("D" + (1000 + i), "R1", close, 10_000,
          i % 2 == 0 ? Implementation.CONFIRMED : Implementation.FAILED,
          java.time.LocalDate.parse(close).plusDays(30).toString());
    }
    Plan flat = plan("name: Flat\nfiscal_year_start: 02-01\nperiod: quarter\n"
        + "commission: { tiers: [ { rate: 0.10 } ] }\n"
        + "holdback: { share: 0.30, release: implementation }\n");
    Simulation simulation = new Simulation(new BehaviorModel(Engine.latest(data.build()),
        List.of(flat)));
    Simulation.Outcome outcome = simulation.run(Assumptions.defaults(), 2000, 2026L, 2, null);
    double[] success = outcome.of(0, Metric.IMPLEMENTATION_SUCCESS);
    Simulation.Summary summary = Simulation.Summary.of(success);
    assertThat(summary.mean()).isCloseTo(0.5, within(0.003));
    assertThat(summary.p5()).isCloseTo(0.4589, within(0.006));
    assertThat(summary.p95()).isCloseTo(0.5411, within(0.006));
    long outside = java.util.Arrays.stream(success).filter(s -> s < 0.4589 || s > 0.5411).count();
    assertThat(outside / 2000.0).isCloseTo(0.10, within(0.025));
    assertThat(outcome.of(0, Metric.REVENUE)).containsOnly(4_000_000.0);
    double[] pay = outcome.of(0, Metric.REP_PAY);
    for (int run = 0; run < pay.length; run++) {
      assertThat(pay[run]).isCloseTo(340_000 + 400 * 300 * (success[run] - 0.5), within(1e-6));
    }
  }

  @Test
  void theBaselineSimulatedAgainstItselfKeepsTheObservedShares() {
    Plan base = plan(basePlan("Base", "partners: { margin: { VAR: 0.25, MSSP: 0.30, "
        + "referral: 0.0 } }\n"));
    Simulation simulation = new Simulation(new BehaviorModel(
        Engine.latest(CompiledPlanTest.data(5)), List.of(base)));
    BaselineShares observed = simulation.model().observed();
    Simulation.Outcome outcome = simulation.run(Assumptions.defaults(), 400, 1L, 2, null);
    assertThat(outcome.mean(0, Metric.LATE_SHARE))
        .isCloseTo(observed.get(Behavior.TIMING), within(0.02));
    assertThat(outcome.mean(0, Metric.PARTNER_SHARE))
        .isCloseTo(observed.get(Behavior.ROUTE), within(0.03));
  }
}
