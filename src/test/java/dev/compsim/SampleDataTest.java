package dev.compsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.engine.Consistency;
import dev.compsim.engine.Engine;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.PayeeKind;
import dev.compsim.engine.Status;
import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.PlanReader;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Partner;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import dev.compsim.report.PlanTotals;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of sample-data/ (made by {@code compsim generate --deals 400 --reps 14 --partners 8
 * --seed 7 --out sample-data}) and that every plan in plans/ runs on it. Shape only: the money is
 * pinned by the hand-worked engine tests.
 */
class SampleDataTest {
  private static final Path SAMPLE = Path.of("sample-data");

  private static DataSet data() {
    return new DataReader().read(DataFiles.inDirectory(SAMPLE)).data();
  }

  private static List<Path> planFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("plans"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void theSampleReadsWithoutProblemsAndHasTheGeneratedShape() {
    DataSet data = data();
    assertThat(Consistency.check(data)).isEmpty();
    assertThat(data.deals()).hasSize(400);
    assertThat(data.reps()).hasSize(14);
    assertThat(data.partners()).hasSize(8);
    assertThat(data.activities()).hasSizeGreaterThan(1000);
    assertThat(data.reps().values()).extracting(Rep::role).contains("AE", "SE", "CM");
    assertThat(data.partners().values()).extracting(Partner::type)
        .contains("VAR", "MSSP", "SI", "referral");
    assertThat(data.deals()).extracting(Deal::stage).contains(Stage.WON, Stage.LOST, Stage.OPEN);
    assertThat(data.deals()).anyMatch(Deal::hasPartner).anyMatch(d -> !d.assists().isEmpty());
    // two vendor fiscal years: FY2026 and FY2027 up to the end date
    assertThat(data.latestDate()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(data.deals().stream().map(Deal::closeDate).filter(d -> d != null)
        .min(LocalDate::compareTo)).hasValueSatisfying(
            d -> assertThat(d).isBetween(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1)));
  }

  @Test
  void everyPlanRunsOnTheSampleAndReconciles() throws IOException {
    DataSet data = data();
    List<Path> files = planFiles();
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    List<Plan> plans = new PlanReader().readAll(files);
    Engine engine = Engine.latest(data);
    assertThat(engine.wonDeals()).hasSizeGreaterThan(100);
    for (Plan plan : plans) {
      assertThat(Consistency.check(plan, data)).as(plan.name()).isEmpty();
      List<LedgerLine> lines = engine.ledger(plan).lines();
      PlanTotals totals = new PlanTotals(plan.name(), engine.wonRevenue(plan));
      lines.forEach(totals::accept);
      assertThat(totals.totalCost().signum()).as(plan.name()).isPositive();
      assertThat(totals.costOfSales()).as(plan.name()).isBetween(new BigDecimal("0.05"),
          new BigDecimal("0.5"));
      // owners and the specialists they bring in are paid by every plan
      for (String role : List.of("AE", "SE")) {
        assertThat(lines).as(plan.name() + " pays " + role)
            .anyMatch(l -> paidTo(l, data, role));
      }
      if (plan.rules().credit().channelManager()) {
        assertThat(lines).as(plan.name() + " pays CM").anyMatch(l -> paidTo(l, data, "CM"));
      }
    }
  }

  private static boolean paidTo(LedgerLine line, DataSet data, String role) {
    return line.payeeKind() == PayeeKind.REP && line.status() == Status.PAID
        && data.rep(line.payee()).role().equals(role) && line.amount().signum() > 0;
  }
}
