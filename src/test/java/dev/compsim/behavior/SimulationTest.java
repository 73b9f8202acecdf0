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

  /**
   * A partner uplift turns lost deals into wins when routing rises: with every deal routed
   * through a partner (f = 1.25 for a direct deal) and a win rate w0, a lost direct deal wins
   * with probability (f − 1)·w0/(1 − w0), and a won one stays won.
   */
  @Test
  void moreRoutingThroughPartnersWinsLostDealsAtTheCoupledRate() {
    TestData data = TestData.data().rep("R1", "AE", 4_000_000).partner("P1", "VAR", null);
    // 300 won and 100 lost direct deals, and one won partner deal: w0 = 301 / 401
    for (int i = 0; i < 400; i++) {
      String close = java.time.LocalDate.of(2026, 2, 15).plusDays(i % 60).toString();
      dev.compsim.model.Deal deal = dev.compsim.model.Deal.direct("D" + (1000 + i), "R1",
          java.time.LocalDate.parse(close), java.math.BigDecimal.valueOf(10_000));
      data.deal(i % 4 == 3 ? DealFacts.lost(deal) : deal);
    }
    data.partnerDeal("PD", "R1", "2026-03-01", 10_000, "P1",
        dev.compsim.model.PartnerRole.RESELL, false);
    Plan base = plan(basePlan("Base", "partners: { margin: { VAR: 0.25 } }\n"));
    Simulation simulation = new Simulation(new BehaviorModel(
        Engine.latest(data.build()), List.of(base)));
    Assumptions everyoneRoutes = Assumptions.defaults()
        .with(Assumption.PARTNER_WIN_UPLIFT, 0.25, 0, 0.25);
    // the win chances of each route, read from the prepared thresholds
    Simulation.Prepared prepared = simulation.prepare(everyoneRoutes).get(0);
    DealFacts facts = simulation.model().facts();
    for (int i = 0; i < facts.size(); i++) {
      boolean partner = facts.routedInData[i];
      double routed = prepared.win[i * 4 + 2] / (double) (1 << 21);
      double direct = prepared.win[i * 4] / (double) (1 << 21);
      if (facts.wonInData[i] && !partner) {
        assertThat(direct).isEqualTo(1.0);
        assertThat(routed).isEqualTo(1.0);
      } else if (!facts.wonInData[i]) {
        assertThat(direct).isEqualTo(0.0);
        // 0.25 × (301/401) / (100/401) = 0.25 × 3.01 = 0.7525
        assertThat(routed).isCloseTo(0.7525, within(1e-6));
      } else {
        // the won partner deal taken direct: 1 / 1.25 = 0.8
        assertThat(direct).isCloseTo(0.8, within(1e-6));
      }
    }
  }

  @Test
  void theBaselineSimulatedAgainstItselfReproducesTheData() {
    Plan base = plan(basePlan("Base", "partners: { margin: { VAR: 0.25, MSSP: 0.30, "
        + "referral: 0.0 }, referral_fee: 0.10 }\n"));
    Simulation simulation = new Simulation(new BehaviorModel(
        Engine.latest(CompiledPlanTest.data(5)), List.of(base)));
    BaselineShares observed = simulation.model().observed();
    Simulation.Outcome outcome = simulation.run(Assumptions.defaults(), 400, 1L, 2, null);
    // against itself nothing moves: every run wins exactly the deals won in the data
    Engine engine = simulation.model().engine();
    assertThat(outcome.of(0, Metric.REVENUE))
        .containsOnly(engine.wonRevenue(base).doubleValue());
    assertThat(outcome.of(0, Metric.LATE_SHARE)).containsOnly(observed.get(Behavior.TIMING));
    assertThat(outcome.of(0, Metric.PARTNER_SHARE)).containsOnly(observed.get(Behavior.ROUTE));
  }
}
