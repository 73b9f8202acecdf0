package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.DataSet;
import dev.compsim.testing.TestData;
import org.junit.jupiter.api.Test;

/** The problems of the data alone, each with the deal and the column it points at. */
class ConsistencyTest {
  @Test
  void anAssistListedTwiceOrAlsoTheOwnerIsAProblemOfItsDeal() {
    DataSet data = TestData.data().rep("R1", "AE", 100_000).rep("R2", "AE", 100_000)
        .assisted("D1", "R1", "2026-02-01", 1_000, "R2", "R2")
        .assisted("D2", "R1", "2026-02-01", 1_000, "R1")
        .assisted("D3", "R1", "2026-02-01", 1_000, "R2")
        .build();
    assertThat(Consistency.check(data)).extracting(Problem::id, Problem::message, Problem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("D1", "an assist is listed twice", "assists"),
            org.assertj.core.groups.Tuple.tuple("D2", "assist R1 is also the owner", "assists"));
  }

  @Test
  void aMissingRepIsPlacedWhereItIsFirstNamed() {
    DataSet data = TestData.data().rep("R1", "AE", 100_000)
        .won("D1", "R1", "2026-02-01", 1_000)
        .assisted("D2", "R1", "2026-02-02", 1_000, "R9")
        .won("D3", "R9", "2026-02-03", 1_000)
        .won("D4", "R8", "2026-02-04", 1_000)
        .build();
    assertThat(Consistency.check(data)).extracting(Problem::id, Problem::column, Problem::deals)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("D2", "assists", java.util.List.of("D2", "D3")),
            org.assertj.core.groups.Tuple.tuple("D4", "owner", java.util.List.of("D4")));
  }

  @Test
  void datesAWonOrImplementedDealNeeds() {
    DataSet data = TestData.data().rep("R1", "AE", 100_000)
        .deal(dev.compsim.model.Deal.direct("D1", "R1", null, java.math.BigDecimal.TEN))
        // an open deal has no close date yet
        .deal(new dev.compsim.model.Deal("O1", "R1", null, java.math.BigDecimal.ZERO,
            dev.compsim.model.Stage.OPEN, null, null, null, false, false, null, null,
            java.util.List.of(), dev.compsim.model.Implementation.PENDING, null, null, null,
            null))
        .implemented("D2", "R1", "2026-03-10", 1_000,
            dev.compsim.model.Implementation.CONFIRMED, null)
        .implemented("D3", "R1", "2026-03-10", 1_000,
            dev.compsim.model.Implementation.FAILED, "2026-03-01")
        .implemented("D4", "R1", "2026-03-10", 1_000,
            dev.compsim.model.Implementation.CONFIRMED, "2026-03-10")
        .build();
    assertThat(Consistency.check(data)).extracting(Problem::id, Problem::message, Problem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("D1", "won deal has no close_date", "close_date"),
            org.assertj.core.groups.Tuple.tuple("D2",
                "implementation is confirmed but implementation_date is empty",
                "implementation_date"),
            org.assertj.core.groups.Tuple.tuple("D3",
                "implementation_date 2026-03-01 is before close_date 2026-03-10",
                "implementation_date"));
  }

  /**
   * The check looks at an owner and assists once and skips the deals that repeat them when it
   * found them in order: that shortcut must say "in order" exactly when the deal-by-deal check
   * finds nothing. Owners and assists from a pool with reps missing from reps.csv, repeats and
   * the owner among the assists.
   */
  @Test
  void anOwnerAndAssistsAreInOrderExactlyWhenTheirDealHasNoProblem() {
    java.util.Random random = new java.util.Random(5);
    String[] pool = {"R1", "R2", "R3", "R8", "R9"}; // R8 and R9 are not reps
    DataSet data = TestData.data().rep("R1", "AE", 100_000).rep("R2", "AE", 100_000)
        .rep("R3", "SE", 50_000).build();
    int inOrder = 0;
    for (int round = 0; round < 2_000; round++) {
      String owner = pool[random.nextInt(pool.length)];
      java.util.List<String> assists = new java.util.ArrayList<>();
      for (int a = random.nextInt(4); a > 0; a--) {
        assists.add(pool[random.nextInt(pool.length)]);
      }
      dev.compsim.model.DealColumns deals = dev.compsim.model.DealColumns.of(java.util.List.of(
          dev.compsim.model.Deal.direct("D1", owner, java.time.LocalDate.of(2026, 2, 1),
              java.math.BigDecimal.TEN).withAssists(assists)));
      java.util.Map<String, java.util.List<String>> missing = new java.util.LinkedHashMap<>();
      java.util.List<Problem> problems = new java.util.ArrayList<>();
      Consistency.team(data, deals, 0, missing, new java.util.HashMap<>(), problems);
      boolean clean = missing.isEmpty() && problems.isEmpty();
      assertThat(Consistency.teamInOrder(data, owner, assists)).as("%s %s", owner, assists)
          .isEqualTo(clean);
      inOrder += clean ? 1 : 0;
    }
    assertThat(inOrder).isBetween(200, 1_800); // both answers are tried often
  }
}
