package dev.compsim.behavior;

import static dev.compsim.testing.TestData.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.engine.Engine;
import dev.compsim.model.Plan;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * compare's headline simulation ({@link Simulation#forHeadline}) compiles only the deal variants
 * a plan's draws can choose and draws no meetings for a plan that pays nothing per meeting. Its
 * figures must be the full simulation's, run for run, except the meeting count it leaves out;
 * the baseline (whose draws reproduce the data) needs at most one variant per deal.
 */
class HeadlineSimulationTest {
  private static List<Plan> plans() {
    return List.of(plan(CompiledPlanTest.PLANS.get(0)),
        plan(CompiledPlanTest.PLANS.get(1).replace("name: P", "name: Q")),
        plan(CompiledPlanTest.PLANS.get(2).replace("name: P", "name: R")),
        // a copy of the first: the same meeting means, so it copies the first plan's counts
        plan(CompiledPlanTest.PLANS.get(0).replace("name: P", "name: S")));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void theHeadlineGivesTheFullSimulationsFiguresRunForRun(long dataSeed) {
    Engine engine = Engine.latest(CompiledPlanTest.data(dataSeed));
    Assumptions assumptions = Assumptions.defaults();
    BehaviorModel model = new BehaviorModel(engine, plans(), assumptions);
    Simulation.Outcome full = new Simulation(model).run(assumptions, 24, 7L, 2, null);
    Simulation.Outcome headline = Simulation.forHeadline(model).run(assumptions, 24, 7L, 2,
        null);
    for (int p = 0; p < plans().size(); p++) {
      for (Metric metric : Metric.values()) {
        if (metric == Metric.MEETINGS && (p == 1 || p == 2)) {
          // Q bans activity spiffs and R has none: no meeting changes their pay, none is drawn
          assertThat(headline.of(p, metric)).containsOnly(Double.NaN);
        } else {
          assertThat(headline.of(p, metric)).as("plan %d %s", p, metric)
              .isEqualTo(full.of(p, metric));
        }
      }
      assertThat(headline.repPay()[p]).isEqualTo(full.repPay()[p]);
    }
    assertThat(headline.cappedDeals()).isEqualTo(full.cappedDeals());
    assertThat(headline.effortCapped()).isEqualTo(full.effortCapped());
  }

  /**
   * A baseline draws every deal as it was, so when the implementation outcome it draws changes
   * nothing it pays, the headline prices its deals once ({@link Simulation.Fixed}) and a run
   * only counts the confirmed implementations: the figures of every run must stay those of
   * drawing and pricing each run. A go-live spiff, a holdback released on implementation (with
   * or without clawback) or after days (unless it failed before) make the outcome count, so
   * those baselines are drawn and priced per run; a holdback released on payment does not.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5})
  void aBaselinePricedOnceGivesTheFiguresOfDrawingEveryRun(int which) {
    String first = CompiledPlanTest.PLANS.get(0);
    String holdback = "holdback: { share: 0.30, release: implementation, horizon_days: 270 }\n";
    String baseline = switch (which) {
      case 0 -> first;
      case 1 -> first.replace("spiffs: [ ", "spiffs: [ { name: g, kind: implementation, amount: 250 }, ");
      case 2 -> first + holdback;
      case 3 -> first + holdback.replace(" }", ", clawback: true }");
      case 4 -> first + "holdback: { share: 0.125, release: days, days: 60 }\n";
      default -> first + "holdback: { share: 0.30, release: payment }\n";
    };
    assertThat(baseline).isNotEqualTo(which == 0 ? null : first);
    List<Plan> plans = List.of(plan(baseline),
        plan(CompiledPlanTest.PLANS.get(1).replace("name: P", "name: Q")));
    for (long dataSeed = 1; dataSeed <= 3; dataSeed++) {
      Engine engine = Engine.latest(CompiledPlanTest.data(dataSeed));
      Assumptions assumptions = Assumptions.defaults();
      BehaviorModel model = new BehaviorModel(engine, plans, assumptions);
      Simulation headline = Simulation.forHeadline(model);
      boolean once = which == 0 || which == 5;
      assertThat(headline.prepare(assumptions).get(0).fixed != null)
          .as("baseline %d priced once", which).isEqualTo(once);
      // a candidate draws its choices: never priced once
      assertThat(headline.prepare(assumptions).get(1).fixed).isNull();
      Simulation.Outcome full = new Simulation(model).run(assumptions, 24, 7L, 2, null);
      Simulation.Outcome fast = headline.run(assumptions, 24, 7L, 2, null);
      for (int p = 0; p < plans.size(); p++) {
        for (Metric metric : Metric.values()) {
          if (metric != Metric.MEETINGS || p == 0) {
            assertThat(fast.of(p, metric)).as("baseline %d, data %d, plan %d %s", which,
                dataSeed, p, metric).isEqualTo(full.of(p, metric));
          }
        }
        assertThat(fast.repPay()[p]).as("baseline %d, data %d, plan %d rep pay", which,
            dataSeed, p).isEqualTo(full.repPay()[p]);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void theHeadlineCompilesOnlyTheVariantsItCanDraw(long dataSeed) {
    Engine engine = Engine.latest(CompiledPlanTest.data(dataSeed));
    Assumptions assumptions = Assumptions.defaults();
    BehaviorModel model = new BehaviorModel(engine, plans(), assumptions);
    List<Simulation.Prepared> all = new Simulation(model).prepare(assumptions);
    List<Simulation.Prepared> headline = Simulation.forHeadline(model).prepare(assumptions);
    DealFacts facts = model.facts();
    int won = 0;
    for (boolean w : facts.wonInData) {
      won += w ? 1 : 0;
    }
    // the baseline against itself draws every deal as it was: one variant per won deal
    assertThat(headline.get(0).compiled.variants).isEqualTo(won);
    for (int p = 0; p < all.size(); p++) {
      assertThat(all.get(p).compiled.variants).isEqualTo(8 * facts.size());
      assertThat(headline.get(p).compiled.variants).isLessThan(4 * facts.size());
    }
    // the activities are grouped into meeting keys once per calendar, not once per plan
    assertThat(facts.meetingGroupings.get()).isEqualTo(2);
    // the opportunities in the engine's pay order (DealFacts sorts them by hand)
    assertThat(facts.deals).isSortedAccordingTo(dev.compsim.model.DataSet.PAY_ORDER)
        .hasSizeGreaterThan(won);
  }

  /**
   * The meeting draws by table give the counts of the summing loop for every mean and uniform,
   * the tail (a uniform next to 1, past every sum) included.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1, 4, 7.5, 30, 61.25, 150, 200})
  void aMeetingCountByTableIsTheCountBySumming(double mean) {
    Simulation.PoissonTable table = Simulation.PoissonTable.of(mean);
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    for (int draw = 0; draw < 20_000; draw++) {
      long bits = draw == 0 ? -1L : draw == 1 ? 0L : random.nextLong();
      assertThat(table.count(bits)).as("mean %s bits %s", mean, bits)
          .isEqualTo(Simulation.poisson(mean, bits));
    }
    // the uniforms at the guide's bounds, and just below them, where a start could be wrong
    for (int j = 0; j < 4096; j++) {
      for (long nudge : new long[] {0, -1, 1}) {
        long uniform = ((long) j << 41) + nudge; // u × 2^53
        if (uniform < 0) {
          continue;
        }
        long bits = uniform << 11;
        assertThat(table.count(bits)).as("mean %s bound %s%+d", mean, j, nudge)
            .isEqualTo(Simulation.poisson(mean, bits));
      }
    }
  }
}
