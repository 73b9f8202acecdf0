package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.compsim.behavior.Assumptions;
import dev.compsim.behavior.BehaviorModel;
import dev.compsim.behavior.Simulation;
import dev.compsim.engine.Engine;
import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.PlanReader;
import dev.compsim.model.DataSet;
import dev.compsim.model.Plan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 2: {@code compare} grew with the square of the reps (the gradients priced a
 * data set of every rep for every rep and behavior): 8,000 reps took 194 s and a deal with
 * 100,000 assists never finished. The gradients now price one scenario book per plan, so 3,000
 * reps, one of whose deals names all of them as assists, compare in seconds. The limit below
 * only guards against a hang; {@code scripts/bench} measures the speed.
 *
 * <p>The second test pins the work compare adds to run's by counting it, not timing it (a busy
 * machine makes seconds flaky): the deals of the scenario books grow with the reps, at most 18
 * per rep and plan, and fewer as reps alike share one seller (reps with the same role, quota,
 * typical deal and credit: 7.75 per rep and plan with 100 reps here, 3.52 with 800, where most
 * won nothing); the simulation compiles about one deal variant per opportunity and plan, under
 * 1.25 (every one of eight before: compiling was most of compare's extra time), the baseline
 * exactly one per won deal.
 */
class Issue15CompareGrowsWithRepsTest {
  @TempDir
  Path dir;

  @Test
  void threeThousandRepsAndADealAssistedByAllOfThemCompare() {
    int reps = 3_000;
    StringBuilder repRows = new StringBuilder("rep_id,name,role,territory,quota,ote\n");
    StringBuilder assists = new StringBuilder();
    StringBuilder deals = new StringBuilder("deal_id,owner,close_date,amount,assists\n");
    for (int r = 1; r <= reps; r++) {
      String id = "R" + r;
      repRows.append(id).append(',').append(id).append(",AE,West,800000,160000\n");
      if (r > 1) {
        assists.append(r > 2 ? ";" : "").append(id);
      }
      deals.append("D").append(r).append(',').append(id).append(",2026-0")
          .append(1 + r % 9).append("-15,").append(20_000 + r).append(",\n");
    }
    deals.append("BIG,R1,2026-10-15,5000000,").append(assists).append('\n');
    Cli cli = new Cli(dir);
    cli.write("reps.csv", repRows.toString());
    cli.write("deals.csv", deals.toString());
    Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> cli.run(
        "compare", "plans/outcomes-first.yaml", "plans/partner-first.yaml", "--data", "{dir}",
        "--runs", "5", "--quiet"));
    assertThat(result.code()).as(result.err()).isZero();
  }

  @Test
  void compareAddsWorkLinearInRepsAndAboutOneCompiledVariantPerDeal() {
    Cli cli = new Cli(dir);
    long[] scenarioDeals = new long[2];
    int[] reps = {100, 800};
    // per rep and plan: 8.25 and 5.48 before reps alike shared a seller, 7.75 and 3.52 now
    long[] perRepAndPlan = {8, 4};
    List<Plan> plans = new PlanReader().readAll(List.of(Path.of("plans/traditional.yaml"),
        Path.of("plans/outcomes-first.yaml"), Path.of("plans/comp-neutral.yaml")));
    for (int k = 0; k < reps.length; k++) {
      String out = "{dir}/g" + reps[k];
      assertThat(cli.run("generate", "--deals", "3000", "--reps", String.valueOf(reps[k]),
          "--partners", "20", "--seed", "3", "--out", out, "--quiet").code()).isZero();
      DataSet data = new DataReader().read(DataFiles.inDirectory(dir.resolve("g" + reps[k])))
          .data();
      Engine engine = new Engine(data, data.latestDate());
      Assumptions assumptions = Assumptions.defaults();
      BehaviorModel model = new BehaviorModel(engine, plans, assumptions);
      Simulation simulation = Simulation.forHeadline(model);
      simulation.run(assumptions, 2, 1L, 2, null);
      long opportunities = (long) model.opportunities() * plans.size();
      // 1.11 and 1.04 variants per opportunity and plan here (eight before the headline compiled
      // only what its draws can choose)
      assertThat(simulation.compiledVariants()).isLessThan(opportunities * 5 / 4);
      scenarioDeals[k] = model.scenarioDeals();
      // at most 18 per rep and plan by construction (a prior credit and a scenario deal in each
      // of nine slots); fewer here, where many reps have no prior credit or a twin
      assertThat(scenarioDeals[k]).isLessThanOrEqualTo(18L * reps[k] * plans.size())
          .isLessThanOrEqualTo(perRepAndPlan[k] * reps[k] * plans.size());
    }
    // eight times the reps: at most about eight times the scenario deals (3.6 times here, as
    // more of the reps have a twin), never the square
    assertThat(scenarioDeals[1]).isLessThan(5 * scenarioDeals[0]);
  }
}
