package dev.compsim.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.engine.Component;
import dev.compsim.engine.Engine;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.PayeeKind;
import dev.compsim.engine.ReconciliationPropertyTest;
import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.PlanReader;
import dev.compsim.model.DataSet;
import dev.compsim.model.Plan;
import dev.compsim.model.PartnerProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two paths that price deals, the engine's ledger and the simulation's compiled fast path,
 * agree to the cent: on every shipped plan over sample-data, and on the random plans and data of
 * {@link ReconciliationPropertyTest}. Each comparison prices a draw of choices (won or lost,
 * routed, assisted, moved, implementation confirmed or failed, meetings) both ways: the fast path
 * on its tables, the engine on the data set the draw describes. The drawn deals as in the data
 * come first; more random draws follow for plans whose year-level programs do not feed back into
 * the price of a deal.
 *
 * <p>Rebates and competition prizes depend on a whole year's results, which the fast path carries
 * as the engine paid them on the observed data; they are left out of both sides here
 * ({@code CompiledPlanTest} checks them on the draw as in the data).
 */
class FastPathDriftTest {

  @Test
  void everyShippedPlanPricesAlikeOnBothPathsOverTheSampleData() throws IOException {
    DataSet data = new DataReader().read(DataFiles.inDirectory(Path.of("sample-data"))).data();
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("plans"))) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    Engine engine = Engine.latest(data);
    for (Path file : files) {
      Plan plan = new PlanReader().read(file);
      compare(plan, engine, 6, 7L + file.getFileName().toString().hashCode(),
          file.getFileName().toString());
    }
  }

  @Test
  void theRandomPlansOfTheReconciliationPropertyPriceAlikeOnBothPaths() {
    int compared = 0;
    for (long seed = 0; seed < 120; seed++) {
      ReconciliationPropertyTest.Case c = ReconciliationPropertyTest.draw(seed);
      Engine engine = new Engine(c.data(), c.asOf());
      if (engine.wonDeals().isEmpty()) {
        continue;
      }
      compare(c.plan(), engine, 3, seed, "seed " + seed);
      compared++;
    }
    assertThat(compared).isGreaterThan(80);
  }

  /** Prices the draw as in the data and {@code draws} random draws both ways. */
  private static void compare(Plan written, Engine engine, int draws, long seed, String what) {
    // the behavior model prices the version in force on the as-of date (BehaviorModel)
    Plan plan = written.versionOn(engine.asOf());
    DealFacts facts = new BehaviorModel(engine, List.of(plan)).facts();
    double[] pull = new double[facts.payees.size()];
    double[] push = new double[pull.length];
    Arrays.fill(pull, 0.05);
    Arrays.fill(push, 0.04);
    CompiledPlan compiled = new CompiledPlan(plan, facts, pull, push);
    Map<String, Long> yearLevel = yearLevelByRep(plan, engine);
    Random random = new Random(seed);
    // volume tiers follow the year's won volume: a random draw changes a deal's margin there
    PartnerProgram program = plan.partners();
    boolean volumeTiers = program.tiers() != null
        && program.tiers().basis() == PartnerProgram.TierBasis.VOLUME;
    int total = volumeTiers ? 1 : 1 + draws;
    for (int draw = 0; draw < total; draw++) {
      byte[] choice = new byte[facts.size()];
      for (int i = 0; i < choice.length; i++) {
        if (draw == 0) {
          // as in the data, each implementation confirmed or failed at random
          choice[i] = (byte) ((facts.wonInData[i] ? 16 : 0) | (facts.routedInData[i] ? 4 : 0)
              | (facts.assistedInData[i] ? 2 : 0) | (random.nextBoolean() ? 8 : 0));
        } else {
          choice[i] = (byte) random.nextInt(32);
        }
      }
      long[] meetings = compiled.meetingBase.clone();
      if (draw > 0) {
        for (int k = 0; k < meetings.length; k++) {
          meetings[k] = random.nextInt(10);
        }
      }
      CompiledPlan.Totals fast = new CompiledPlan.Totals();
      CompiledPlan.Scratch scratch = compiled.scratch();
      compiled.price(choice, meetings, scratch, fast);

      Engine full = new Engine(compiled.apply(choice, meetings), engine.asOf());
      long[] ledger = new long[2];
      Map<String, Long> byRep = new TreeMap<>();
      full.evaluate(plan, line -> {
        if (yearLevel(line)) {
          return;
        }
        long cost = CompiledPlan.cents(line.cost());
        ledger[line.payeeKind() == PayeeKind.REP ? 0 : 1] += cost;
        if (line.payeeKind() == PayeeKind.REP) {
          byRep.merge(line.payee(), cost, Long::sum);
        }
      }, false);
      String at = what + ", draw " + draw;
      assertThat(fast.repPay - compiled.prizeCents).as("rep pay, %s", at).isEqualTo(ledger[0]);
      assertThat(fast.partnerPay - compiled.rebateCents).as("partner pay, %s", at)
          .isEqualTo(ledger[1]);
      for (int k = 0; k < facts.payees.size(); k++) {
        String rep = facts.payees.get(k).id();
        assertThat(scratch.pay[k] - yearLevel.getOrDefault(rep, 0L)).as("pay of %s, %s", rep, at)
            .isEqualTo(byRep.getOrDefault(rep, 0L));
      }
      assertThat(fast.revenue).as("revenue, %s", at)
          .isEqualTo(CompiledPlan.cents(full.wonRevenue(plan)));
    }
  }

  private static boolean yearLevel(LedgerLine line) {
    return line.component() == Component.REBATE || line.component() == Component.PRIZE
        || CompiledPlan.isDraw(line.component());
  }

  /** Each rep's prizes as the engine pays them on the observed data: what the fast path adds. */
  private static Map<String, Long> yearLevelByRep(Plan plan, Engine engine) {
    Map<String, Long> prizes = new TreeMap<>();
    engine.evaluate(plan, line -> {
      if ((line.component() == Component.PRIZE || CompiledPlan.isDraw(line.component()))
          && line.payeeKind() == PayeeKind.REP) {
        prizes.merge(line.payee(), CompiledPlan.cents(line.cost()), Long::sum);
      }
    }, false);
    return prizes;
  }
}
