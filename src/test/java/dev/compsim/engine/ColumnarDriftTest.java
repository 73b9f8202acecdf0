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
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The columnar engine ({@link Engine#sums}) and the ledger ({@link Engine#evaluate}) agree to the
 * cent, line count included: every plan in plans/ on sample-data and generated data, and the
 * random plans and data of the reconciliation property; and its lines summed for a report
 * ({@link ColumnarEvaluation#summed}) are the ledger's lines grouped as {@link SummingSink} says,
 * group for group (sum, count, first deal and pay date, in the order first met). The columnar
 * engine asks the same rules once per deal shape; deleting a clause from any of them, or a field
 * from a shape, makes one of these cases differ.
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

  /**
   * Plans that change once or twice within the data: a random plan whose later versions take
   * another random plan's credit, commission, holdback, roles, spiffs and partner program, from
   * random dates (often inside a period, so attainment carries across the change).
   */
  @Test
  void randomPlansThatChangeWithinTheData() {
    qt().withFixedSeed(20261204L).withExamples(150).forAll(longs().all())
        .checkAssert(seed -> {
          ReconciliationPropertyTest.Case c = ReconciliationPropertyTest.draw(seed);
          java.util.Random random = new java.util.Random(seed);
          List<java.time.LocalDate> closes = new ArrayList<>();
          for (dev.compsim.model.Deal deal : c.data().deals()) {
            if (deal.closeDate() != null) {
              closes.add(deal.closeDate());
            }
          }
          if (closes.size() < 2) {
            return;
          }
          closes.sort(null);
          java.time.LocalDate first = closes.get(0);
          long span = java.time.temporal.ChronoUnit.DAYS.between(first,
              closes.get(closes.size() - 1));
          List<Plan.Change> changes = new ArrayList<>();
          java.time.LocalDate from = first;
          for (int k = 0, count = 1 + random.nextInt(2); k < count && span > 0; k++) {
            from = from.plusDays(1 + random.nextInt((int) Math.max(1, span / 2)));
            Plan other = ReconciliationPropertyTest.draw(seed * 31 + k + 1).plan();
            Plan base = c.plan();
            // the drawn programs share their margins, fee and bonus: the change sets its own
            dev.compsim.model.PartnerProgram p = other.partners();
            dev.compsim.model.PartnerProgram partners = new dev.compsim.model.PartnerProgram(
                java.util.Map.of("VAR", new java.math.BigDecimal("0.2" + k),
                    "MSSP", new java.math.BigDecimal("0.35")),
                new java.math.BigDecimal("0.0" + (2 + k)), new java.math.BigDecimal("0.12"),
                p.selfSufficiency(), p.tiers(), p.rebates(), p.upfront(), p.repRewards(),
                p.calendar(), p.mutualYearStart());
            changes.add(new Plan.Change(from, new Plan(base.name(), base.currency(),
                base.calendar(), other.rules(), other.roles(), other.spiffs(),
                other.banActivitySpiffs(), partners, base.competitions(),
                base.guardrails())));
          }
          Plan base = c.plan();
          Plan changing = new Plan(base.name(), base.currency(), base.calendar(), base.rules(),
              base.roles(), base.spiffs(), base.banActivitySpiffs(), base.partners(),
              base.competitions(), base.guardrails(), changes);
          assertAgree(changing, new Engine(c.data(), c.asOf()));
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
    Groups lines = new Groups(plan, engine.data());
    engine.evaluate(plan, ledger.andThen(lines), false);
    LedgerSums columnar = engine.sums(plan);
    assertThat(columnar).as("columnar sums of %s", plan.name()).isNotNull();
    assertThat(columnar).as("columnar sums of %s", plan.name()).isEqualTo(ledger);
    Groups summed = new Groups(plan, engine.data());
    assertThat(ColumnarEvaluation.summed(engine, plan, summed))
        .as("summed lines of %s", plan.name()).isTrue();
    assertThat(summed.groups).as("summed lines of %s", plan.name()).isEqualTo(lines.groups);
    // deal by deal: the rep lines on each deal, and the lines of no deal, as the ledger's
    List<List<Object>> repLines = new ArrayList<>();
    List<LedgerLine> programs = new ArrayList<>();
    engine.evaluate(plan, line -> {
      if (line.dealId() != null && line.payeeKind() == PayeeKind.REP) {
        repLines.add(List.of(line.dealId(), line.payee(), line.component(), line.status(),
            line.amount()));
      } else if (line.dealId() == null) {
        programs.add(line);
      }
    }, false);
    List<List<Object>> byDeal = new ArrayList<>();
    List<LedgerLine> byDealPrograms = new ArrayList<>();
    assertThat(engine.evaluateByDeal(plan, (row, payee, component, status, cents) ->
        byDeal.add(List.of(engine.data().deals().get(row).id(), payee.id(), component, status,
            BigDecimal.valueOf(cents, 2))), byDealPrograms::add))
        .as("lines by deal of %s", plan.name()).isTrue();
    assertThat(byDeal).as("rep lines by deal of %s", plan.name()).isEqualTo(repLines);
    assertThat(byDealPrograms).as("lines of no deal of %s", plan.name()).isEqualTo(programs);
  }

  /**
   * The ledger's lines grouped as {@link SummingSink} says a summing sink may take them: by payee,
   * kind, component, status, period, whether of a deal, the deal's partner for a line not paid to
   * a rep, a release's pay period; each group's sum, count, and its first line's deal and pay
   * date. A summed line is grouped by what it says of itself, so a summed line whose deal or pay
   * date is not of its group lands in another group.
   */
  static final class Groups implements SummingSink {
    final Map<List<Object>, List<Object>> groups = new LinkedHashMap<>();
    private final Plan plan;
    private final Map<String, String> partnerOfDeal = new HashMap<>();

    Groups(Plan plan, DataSet data) {
      this.plan = plan;
      for (dev.compsim.model.Deal deal : data.deals()) {
        partnerOfDeal.put(deal.id(), deal.partner());
      }
    }

    @Override
    public void accept(LedgerLine line) {
      accept(line, 1);
    }

    @Override
    public void accept(LedgerLine line, long count) {
      List<Object> key = Arrays.asList(line.payee(), line.payeeKind(), line.component(),
          line.status(), line.period(), line.dealId() != null,
          line.payeeKind() == PayeeKind.REP || line.dealId() == null ? null
              : partnerOfDeal.get(line.dealId()),
          line.status() == Status.RELEASED && line.payDate() != null
              ? plan.calendar().periodOf(line.payDate()).label() : null);
      List<Object> group = groups.get(key);
      if (group == null) {
        groups.put(key, Arrays.asList(line.amount(), count, line.dealId(), line.payDate()));
      } else {
        group.set(0, ((BigDecimal) group.get(0)).add(line.amount()));
        group.set(1, (Long) group.get(1) + count);
      }
    }
  }
}
