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
}
