package dev.compsim.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.engine.Engine;
import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.model.Plan;
import dev.compsim.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decisions leaders bring to the model point the way the evidence does, on the shipped
 * sample data (14 reps over two fiscal years) with the traditional plan and variants of it: a
 * rate cut lowers expected revenue, a cap costs revenue and removing it gives it back, an
 * accelerator concentrates deals at period end and pays a discount for it that switching back
 * recovers, a plan against its copy predicts nothing, and adding a plan changes no other plan.
 */
class BehaviorDirectionTest {
  private static final int RUNS = 120;
  private static final long SEED = 5;
  private static Engine engine;
  private static String traditional;

  @BeforeAll
  static void read() throws IOException {
    engine = Engine.latest(new DataReader().read(DataFiles.inDirectory(Path.of("sample-data")))
        .data());
    traditional = Files.readString(Path.of("plans/traditional.yaml"));
  }

  private static Plan variant(String name, String from, String to) {
    String yaml = traditional.replace("name: Traditional reseller", "name: " + name);
    if (from != null) {
      if (!yaml.contains(from)) {
        throw new IllegalStateException("no " + from + " in plans/traditional.yaml");
      }
      yaml = yaml.replace(from, to);
    }
    return TestData.plan(yaml);
  }

  private static final String TOP_TIER = "    - { rate: 0.14 }\n";
  private static final String TIERS = "    - { to: 0.5, rate: 0.04 }\n"
      + "    - { to: 1.0, rate: 0.09 }\n" + TOP_TIER;

  private static Plan traditional() {
    return variant("Traditional reseller", null, null);
  }

  private static Plan capped() {
    return variant("Capped", TOP_TIER, TOP_TIER + "  cap: 1.5\n");
  }

  private static Plan rateCut() {
    return variant("Rate cut", TIERS, "    - { to: 0.5, rate: 0.004 }\n"
        + "    - { to: 1.0, rate: 0.009 }\n    - { rate: 0.014 }\n");
  }

  private static Plan accelerator() {
    return variant("Accelerator", TIERS, "    - { to: 0.9, rate: 0.04 }\n"
        + "    - { to: 1.0, rate: 0.10 }\n    - { rate: 0.30 }\n");
  }

  private static Plan linear() {
    return variant("Linear", TIERS, "    - { rate: 0.09 }\n");
  }

  private static Simulation.Outcome simulate(Plan... plans) {
    return simulate(Assumptions.defaults(), plans);
  }

  private static Simulation.Outcome simulate(Assumptions assumptions, Plan... plans) {
    return new Simulation(new BehaviorModel(engine, List.of(plans), assumptions))
        .run(assumptions, RUNS, SEED, 2, null);
  }

  private static double change(Simulation.Outcome outcome, int plan, Metric metric) {
    return outcome.mean(plan, metric) / outcome.mean(0, metric) - 1;
  }

  @Test
  void aRateCutLowersExpectedRevenue() {
    Simulation.Outcome outcome = simulate(traditional(), rateCut());
    assertThat(change(outcome, 1, Metric.REVENUE)).isLessThan(-0.02);
    // and with it every rep's pay: most reps lose more than a tenth
    assertThat(outcome.mean(1, Metric.REP_PAY)).isLessThan(outcome.mean(0, Metric.REP_PAY));
  }

  @Test
  void aCapLowersExpectedRevenueAndRemovingItGivesItBack() {
    assertThat(change(simulate(traditional(), capped()), 1, Metric.REVENUE)).isLessThan(0);
    assertThat(change(simulate(capped(), traditional()), 1, Metric.REVENUE)).isGreaterThan(0);
  }

  /**
   * Misra and Nair (2011): removing a cap (and a quota ratchet, which compsim does not model) was
   * predicted to add 8% of revenue and added 9%. Removing a 150% cap that binds for the sample's
   * best reps lands in that range at the default assumptions: the default effort sensitivity is
   * calibrated on this case, and this test keeps it there.
   */
  @Test
  void removingABindingCapLandsInMisraAndNairsRange() {
    double change = change(simulate(capped(), traditional()), 1, Metric.REVENUE);
    assertThat(change).isBetween(0.07, 0.10);
  }

  @Test
  void anAcceleratorConcentratesDealsAtPeriodEndAndSwitchingBackRecoversItsDiscount() {
    Simulation.Outcome towards = simulate(linear(), accelerator());
    assertThat(towards.mean(1, Metric.LATE_SHARE)).isGreaterThan(towards.mean(0, Metric.LATE_SHARE));
    assertThat(towards.mean(1, Metric.PULLED_IN)).isGreaterThan(towards.mean(0, Metric.PULLED_IN));
    assertThat(towards.mean(1, Metric.DISCOUNT_COST))
        .isGreaterThan(towards.mean(0, Metric.DISCOUNT_COST));
    // the way back: the accelerator as baseline carries its own discount; linear recovers it
    Simulation.Outcome back = simulate(accelerator(), linear());
    assertThat(back.mean(1, Metric.LATE_SHARE)).isLessThan(back.mean(0, Metric.LATE_SHARE));
    assertThat(back.mean(0, Metric.DISCOUNT_COST)).isPositive();
    assertThat(back.mean(1, Metric.DISCOUNT_COST))
        .isLessThan(back.mean(0, Metric.DISCOUNT_COST));
  }

  @Test
  void aPlanAgainstItsCopyIsIdentical() {
    Simulation.Outcome outcome = simulate(traditional(), variant("Copy", null, null));
    for (Metric m : Metric.values()) {
      assertThat(outcome.of(1, m)).as(m.key()).containsExactly(outcome.of(0, m));
    }
    assertThat(outcome.repPay()[1]).containsExactly(outcome.repPay()[0]);
  }

  @Test
  void addingAPlanChangesNoOtherPlansFigures() {
    Simulation.Outcome two = simulate(traditional(), capped());
    Simulation.Outcome three = simulate(traditional(), accelerator(), capped());
    for (Metric m : Metric.values()) {
      assertThat(three.of(0, m)).as("baseline " + m.key()).containsExactly(two.of(0, m));
      assertThat(three.of(2, m)).as("capped " + m.key()).containsExactly(two.of(1, m));
    }
  }

  @Test
  void zeroSensitivitiesPredictNoBehaviorAndTheStaticRevenue() {
    Assumptions none = Assumptions.defaults();
    List<Assumption> sensitivities = new ArrayList<>();
    for (Behavior b : Behavior.values()) {
      sensitivities.add(Assumption.sensitivityOf(b));
    }
    for (Assumption a : sensitivities) {
      none = none.with(a, 0, 0, 0);
    }
    Simulation.Outcome outcome = simulate(none, traditional(), rateCut());
    assertThat(outcome.mean(1, Metric.REVENUE)).isEqualTo(outcome.mean(0, Metric.REVENUE));
  }
}
