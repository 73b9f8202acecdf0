package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.PlanReader;
import dev.compsim.model.DataSet;
import dev.compsim.model.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The columnar engine ({@link Engine#sums}) and the ledger ({@link Engine#evaluate}) agree to the
 * cent, line count included: every plan in plans/ on sample-data and generated data, and the
 * random plans and data of the reconciliation property. The columnar engine asks the same rules
 * once per deal shape; deleting a clause from any of them, or a field from a shape, makes one of
 * these cases differ.
 */
class ColumnarDriftTest {

  @Test
  void everyShippedPlanOnEveryDataSet() throws IOException {
    List<Plan> plans = new ArrayList<>();
    for (Path file : LedgerGoldenSumsTest.planFiles()) {
      plans.add(new PlanReader().read(file));
    }
    List<DataSet> sets = List.of(
        new DataReader().read(DataFiles.inDirectory(Path.of("sample-data"))).data(),
        LedgerGoldenSumsTest.generated(3000, 30, 12, 5),
        LedgerGoldenSumsTest.generated(2000, 20, 8, 8),
        LedgerGoldenSumsTest.generated(600, 12, 6, 11));
    int compared = 0;
    for (DataSet data : sets) {
      Engine engine = Engine.latest(data);
      for (Plan plan : plans) {
        assertAgree(plan, engine);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(plans.size() * sets.size());
  }

  @Test
  void randomPlansAndData() {
    qt().withFixedSeed(20261203L).withExamples(300).forAll(longs().all())
        .checkAssert(seed -> {
          ReconciliationPropertyTest.Case c = ReconciliationPropertyTest.draw(seed);
          assertAgree(c.plan(), new Engine(c.data(), c.asOf()));
        });
  }

  @Test
  void theShapesAreFewerThanTheDeals() {
    Engine engine = Engine.latest(LedgerGoldenSumsTest.generated(3000, 30, 12, 5));
    DealTable table = engine.table();
    assertThat(table.size()).isGreaterThan(500);
    assertThat(table.termsShapes()).isLessThan(table.size() / 5);
  }

  private static void assertAgree(Plan plan, Engine engine) {
    LedgerSums ledger = new LedgerSums();
    engine.evaluate(plan, ledger, false);
    LedgerSums columnar = engine.sums(plan);
    if (!ColumnarEvaluation.priced(plan)) {
      // draws and effective-dated plans are left to the ledger, and only they
      assertThat(columnar).as("columnar sums of %s", plan.name()).isNull();
      return;
    }
    assertThat(columnar).as("columnar sums of %s", plan.name()).isNotNull();
    assertThat(columnar).as("columnar sums of %s", plan.name()).isEqualTo(ledger);
  }
}
