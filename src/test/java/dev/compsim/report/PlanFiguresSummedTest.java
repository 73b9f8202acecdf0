package dev.compsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compsim.engine.Engine;
import dev.compsim.engine.LedgerGoldenSumsTest;
import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.PlanReader;
import dev.compsim.model.DataSet;
import dev.compsim.model.Plan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A report's figures filled from the columnar engine's summed lines ({@link
 * Engine#evaluateSummed}, what compare, check and simulate use when no ledger lines are kept)
 * are the figures the ledger fills line by line: the whole comparison of every shipped plan
 * against the first, rendered as JSON and Markdown, byte for byte, on sample-data and on
 * generated data with payments, partner reps and draws.
 */
class PlanFiguresSummedTest {

  @Test
  void summedFiguresRenderTheLedgersReport() throws IOException {
    List<Plan> plans = new ArrayList<>();
    try (Stream<Path> list = Files.list(Path.of("plans"))) {
      for (Path file : list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        plans.add(new PlanReader().read(file));
      }
    }
    List<DataSet> sets = List.of(
        new DataReader().read(DataFiles.inDirectory(Path.of("sample-data"))).data(),
        LedgerGoldenSumsTest.generated(2000, 20, 8, 8),
        LedgerGoldenSumsTest.generated(600, 12, 6, 11));
    for (DataSet data : sets) {
      Engine engine = Engine.latest(data);
      List<PlanFigures> ledger = new ArrayList<>();
      List<PlanFigures> summed = new ArrayList<>();
      for (Plan plan : plans) {
        PlanFigures lines = new PlanFigures(plan, engine.wonRevenue(plan), data, 0);
        engine.evaluate(plan, lines, false);
        ledger.add(lines);
        PlanFigures sums = new PlanFigures(plan, engine.wonRevenue(plan), data, 0);
        engine.evaluateSummed(plan, sums);
        summed.add(sums);
        assertThat(sums.lineCount()).as(plan.name()).isEqualTo(lines.lineCount());
        assertThat(sums.timing().keySet()).as(plan.name()).isEqualTo(lines.timing().keySet());
        assertThat(sums.releasedIn()).as(plan.name()).isEqualTo(lines.releasedIn());
        assertThat(sums.partnerCosts()).as(plan.name()).isEqualTo(lines.partnerCosts());
        assertThat(sums.dealSpiffs()).as(plan.name()).isEqualTo(lines.dealSpiffs());
      }
      Comparison fromLines = Comparison.of(engine.asOf(), data, engine.wonCount(), ledger);
      Comparison fromSums = Comparison.of(engine.asOf(), data, engine.wonCount(), summed);
      assertThat(ReportJson.render(fromSums)).isEqualTo(ReportJson.render(fromLines));
      assertThat(ReportMarkdown.render(fromSums)).isEqualTo(ReportMarkdown.render(fromLines));
    }
  }

  /**
   * A deal of a fraction of a cent cannot be priced in cents: the report's figures then come from
   * the ledger line by line, and are the same as asked of the ledger.
   */
  @Test
  void aPlanTheCentsCannotPriceIsSummedLineByLine() throws IOException {
    DataSet read = new DataReader().read(DataFiles.inDirectory(Path.of("sample-data"))).data();
    List<dev.compsim.model.Deal> deals = new ArrayList<>(read.deals());
    deals.set(0, deals.get(0).withAmount(deals.get(0).amount().add(new BigDecimal("0.005"))));
    DataSet data = read.withDeals(deals);
    Engine engine = Engine.latest(data);
    Plan plan = new PlanReader().read(Path.of("plans/traditional.yaml"));
    assertThat(engine.sums(plan)).as("the columns decline it").isNull();
    PlanFigures lines = new PlanFigures(plan, engine.wonRevenue(plan), data, 0);
    engine.evaluate(plan, lines, false);
    PlanFigures summed = new PlanFigures(plan, engine.wonRevenue(plan), data, 0);
    engine.evaluateSummed(plan, summed);
    assertThat(summed.lineCount()).isEqualTo(lines.lineCount());
    assertThat(ReportJson.render(Comparison.of(engine.asOf(), data, engine.wonCount(),
        List.of(summed)))).isEqualTo(ReportJson.render(Comparison.of(engine.asOf(), data,
            engine.wonCount(), List.of(lines))));
  }

  /** Figures that keep lines (the spreadsheet's ledger sheet) never take them summed. */
  @Test
  void figuresThatKeepLinesRefuseSummedLines() throws IOException {
    DataSet data = new DataReader().read(DataFiles.inDirectory(Path.of("sample-data"))).data();
    Engine engine = Engine.latest(data);
    Plan plan = new PlanReader().read(Path.of("plans/traditional.yaml"));
    PlanFigures keeping = new PlanFigures(plan, engine.wonRevenue(plan), data, 10);
    assertThatThrownBy(() -> engine.evaluateSummed(plan, keeping))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("keep lines");
  }
}
