package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
import dev.compsim.model.Implementation;
import dev.compsim.model.Plan;
import dev.compsim.model.Stage;
import dev.compsim.testing.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine's table of won deals and the won revenue every plan's cost of sales divides by. */
class EngineWonDealsTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  @Test
  void wonDealsUpToAsOfInCloseDateThenIdOrder() {
    wonDealsInPayOrder(false);
    wonDealsInPayOrder(true);
  }

  private static void wonDealsInPayOrder(boolean numbered) {
    Random random = new Random(5);
    TestData data = TestData.data().rep("R1", "AE", 1_000_000);
    List<Deal> expected = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      LocalDate close = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(240));
      Stage stage = Stage.values()[random.nextInt(3)];
      // ids of one pattern, in no order: kept as numbers, their order is the strings'
      String id = numbered ? String.format("D-%08d", random.nextInt(9_000_000) * 10 + i % 10)
          : "D" + random.nextInt(100_000) + "-" + i;
      Deal deal = new Deal(id, "R1", close,
          BigDecimal.valueOf(random.nextInt(100_000)), stage, null, null, null, false, false,
          null, null, List.of(), Implementation.PENDING, null, null, null, null);
      data.deal(deal);
      if (stage == Stage.WON && !close.isAfter(AS_OF)) {
        expected.add(deal);
      }
    }
    expected.sort(DataSet.PAY_ORDER);
    Engine engine = new Engine(data.build(), AS_OF);
    assertThat(engine.wonDeals()).containsExactlyElementsOf(expected);
  }

  /** The partner deals' records are the won deals that name a partner, in the same order. */
  @Test
  void wonPartnerDealsAreTheWonDealsWithAPartner() {
    Random random = new Random(13);
    TestData data = TestData.data().rep("R1", "AE", 1_000_000).partner("P1", "VAR", null)
        .partner("P2", "SI", null);
    for (int i = 0; i < 2000; i++) {
      LocalDate close = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(240));
      String partner = random.nextInt(3) == 0 ? null : "P" + (1 + random.nextInt(2));
      dev.compsim.model.PartnerRole role = partner == null ? null
          : dev.compsim.model.PartnerRole.values()[random.nextInt(
              dev.compsim.model.PartnerRole.values().length)];
      data.deal(new Deal("D" + i, "R1", close, BigDecimal.valueOf(1 + random.nextInt(9_000)),
          Stage.values()[random.nextInt(3)], null, partner, role, false, false, null, null,
          List.of(), Implementation.PENDING, null, null, null, null));
    }
    Engine engine = new Engine(data.build(), AS_OF);
    List<Deal> expected = engine.wonDeals().stream().filter(Deal::hasPartner).toList();
    assertThat(expected).isNotEmpty().hasSizeLessThan(engine.wonCount());
    assertThat(new Engine(data.build(), AS_OF).wonPartnerDeals())
        .containsExactlyElementsOf(expected); // made from the columns
    assertThat(engine.wonPartnerDeals()).containsExactlyElementsOf(expected); // from the records
  }

  @Test
  void thePayOrderSortEqualsAComparisonSort() {
    Random random = new Random(11);
    for (int round = 0; round < 20; round++) {
      int n = random.nextInt(300);
      int spread = 1 + random.nextInt(round < 10 ? 30 : 3_000_000); // wide spreads: the fallback
      Deal[] deals = new Deal[n];
      for (int i = 0; i < n; i++) {
        deals[i] = Deal.direct("D" + random.nextInt(50), "R1",
            LocalDate.of(1900, 1, 1).plusDays(random.nextInt(spread)), BigDecimal.ONE);
      }
      List<Deal> expected = new ArrayList<>(List.of(deals));
      expected.sort(DataSet.PAY_ORDER); // stable, like the engine's sort
      DealColumns columns = DealColumns.of(List.of(deals));
      int[] rows = java.util.stream.IntStream.range(0, n).toArray();
      List<Deal> sorted = new ArrayList<>();
      for (int row : Engine.inPayOrder(columns, rows)) {
        sorted.add(columns.get(row));
      }
      assertThat(sorted).containsExactlyElementsOf(expected);
    }
  }

  /**
   * A deals file whose ids increase with its lines (most exports) lets the pay order take the
   * rows' order for the ids' ({@link DealColumns#idsAscending}, which the reader sets); the
   * order is still close date, then id. The same deals with the ids out of order are sorted by
   * comparing ids, with the same result.
   */
  @Test
  void idsThatIncreaseWithTheLinesGiveTheSamePayOrder(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws java.io.IOException {
    Random random = new Random(7);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(String.format("D%05d,R1,2026-0%d-%02d,%d,won", i, 1 + random.nextInt(6),
          1 + random.nextInt(28), 1 + random.nextInt(1000)));
    }
    java.nio.file.Files.writeString(dir.resolve("reps.csv"), "rep_id,role,quota,ote\n"
        + "R1,AE,1000000,100000\n");
    for (boolean ascending : new boolean[] {true, false}) {
      List<String> lines = new ArrayList<>(rows);
      if (!ascending) {
        java.util.Collections.shuffle(lines, random);
      }
      java.nio.file.Files.writeString(dir.resolve("deals.csv"),
          "deal_id,owner,close_date,amount,stage\n" + String.join("\n", lines) + "\n");
      DataSet data = new dev.compsim.io.DataReader().read(
          dev.compsim.io.DataFiles.inDirectory(dir)).data();
      assertThat(DealColumns.of(data.deals()).idsAscending()).isEqualTo(ascending);
      List<Deal> expected = new ArrayList<>(data.deals());
      expected.sort(DataSet.PAY_ORDER);
      assertThat(new Engine(data, AS_OF).wonDeals()).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void dealsAlreadyInPayOrderStayAsTheyAre() {
    TestData data = TestData.data().rep("R1", "AE", 1_000_000)
        .won("A", "R1", "2026-02-01", 10).won("B", "R1", "2026-02-01", 20)
        .won("C", "R1", "2026-03-01", 30);
    assertThat(new Engine(data.build(), AS_OF).wonDeals()).extracting(Deal::id)
        .containsExactly("A", "B", "C");
    TestData reversed = TestData.data().rep("R1", "AE", 1_000_000)
        .won("C", "R1", "2026-03-01", 30).won("B", "R1", "2026-02-01", 20)
        .won("A", "R1", "2026-02-01", 10);
    assertThat(new Engine(reversed.build(), AS_OF).wonDeals()).extracting(Deal::id)
        .containsExactly("A", "B", "C");
  }

  @Test
  void wonRevenueIsSummedPerCurrency() {
    TestData data = TestData.data().rep("R1", "AE", 1_000_000).fx("EUR", "1.10")
        .won("A", "R1", "2026-02-01", 1000).won("B", "R1", "2026-02-02", 2000)
        .deal(new Deal("C", "R1", LocalDate.of(2026, 2, 3), new BigDecimal("500"), Stage.WON,
            "EUR", null, null, false, false, null, null, List.of(), Implementation.PENDING, null,
            null, null, null))
        .won("Late", "R1", "2026-07-01", 99_999);
    Engine engine = new Engine(data.build(), AS_OF);
    Plan usd = TestData.plan(TestData.basePlan("One", ""));
    Plan again = TestData.plan(TestData.basePlan("Two", ""));
    Plan eur = TestData.plan(TestData.basePlan("Euro", "currency: EUR\n"));
    // USD: 1000 + 2000 + 500 EUR × 1.10 = 3550.00; EUR plan: deals without a currency are in
    // the plan's currency, so 1000 + 2000 + 500 = 3500
    assertThat(engine.wonRevenue(usd)).isEqualByComparingTo("3550.00");
    assertThat(engine.wonRevenue(again)).isEqualByComparingTo("3550.00");
    assertThat(engine.wonRevenue(eur)).isEqualByComparingTo("3500");
    assertThat(engine.wonDeals()).extracting(Deal::id).containsExactly("A", "B", "C");
  }
}
