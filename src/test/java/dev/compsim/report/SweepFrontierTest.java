package dev.compsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Pareto frontier and the sort order of a sweep. */
class SweepFrontierTest {
  private static Sweep.Row row(String id, String cost, int losing, String expectedCost,
      String expectedRevenue) {
    return new Sweep.Row(id, List.of(new Sweep.Param("holdback.share", id)), "plan " + id,
        new BigDecimal(cost), new BigDecimal(cost), BigDecimal.ZERO, null, BigDecimal.ZERO,
        losing, 0, List.of(), expectedCost == null ? null : new BigDecimal(expectedCost),
        expectedRevenue == null ? null : new BigDecimal(expectedRevenue), null);
  }

  private static Sweep sweep(List<Sweep.Row> rows, int behaviorRuns, String sort) {
    Sweep.Header header = new Sweep.Header("base.yaml", "Base", "base.yaml", "Base", "USD",
        "2026-01-01", 1, BigDecimal.TEN, List.of("holdback.share=0,1"), 0, 1, rows.size(), sort,
        behaviorRuns);
    return new Sweep(header, row("baseline", "0", 0, null, null), rows);
  }

  @Test
  void handWorkedFrontierOfCostAgainstRepsLosing() {
    // a: cheapest, 5 losing; b: dearer, 2 losing; c: dearer than b, 3 losing (beaten by b);
    // d: dearest, nobody losing; e: the same point as b
    List<Sweep.Row> rows = List.of(row("a", "100", 5, null, null), row("b", "120", 2, null, null),
        row("c", "130", 3, null, null), row("d", "150", 0, null, null),
        row("e", "120", 2, null, null));
    assertThat(sweep(rows, 0, "total_cost").frontier()).extracting(Sweep.Row::id)
        .containsExactly("a", "b", "e", "d");
  }

  @Test
  void withBehaviorTheFrontierIsExpectedCostAgainstExpectedRevenue() {
    List<Sweep.Row> rows = List.of(row("a", "1", 0, "100", "1000"), row("b", "1", 0, "110", "900"),
        row("c", "1", 0, "120", "1200"), row("d", "1", 0, "130", "1100"));
    assertThat(sweep(rows, 10, "total_cost").frontier()).extracting(Sweep.Row::id)
        .containsExactly("a", "c");
  }

  @Test
  void noFrontierPointIsBeatenAndEveryOtherPointIs() {
    qt().withFixedSeed(20261203L).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      List<Sweep.Row> rows = new ArrayList<>();
      int n = 1 + random.nextInt(30);
      for (int i = 0; i < n; i++) {
        rows.add(row(String.format("v%04d", i + 1), String.valueOf(random.nextInt(20)),
            random.nextInt(6), null, null));
      }
      List<Sweep.Row> frontier = sweep(rows, 0, "total_cost").frontier();
      Set<String> on = new HashSet<>();
      frontier.forEach(r -> on.add(r.id()));
      for (Sweep.Row row : rows) {
        boolean beaten = rows.stream().anyMatch(o -> beats(o, row));
        assertThat(on.contains(row.id())).as(row.id()).isEqualTo(!beaten);
      }
    });
  }

  private static boolean beats(Sweep.Row a, Sweep.Row b) {
    int cost = a.totalCost().compareTo(b.totalCost());
    int losing = Integer.compare(a.repsLosingMoreThan10Pct(), b.repsLosingMoreThan10Pct());
    return cost <= 0 && losing <= 0 && (cost < 0 || losing < 0);
  }

  @Test
  void sortIsByTheMetricThenIdWithMissingValuesLast() {
    List<Sweep.Row> rows = List.of(row("b", "120", 2, null, null), row("a", "120", 1, null, null),
        row("c", "100", 4, null, null));
    assertThat(sweep(rows, 0, "total_cost").sorted()).extracting(Sweep.Row::id)
        .containsExactly("c", "a", "b");
    assertThat(sweep(rows, 0, "-reps_losing_more_than_10pct").sorted())
        .extracting(Sweep.Row::id).containsExactly("c", "b", "a");
    List<Sweep.Row> partly = List.of(row("x", "1", 0, null, null), row("y", "1", 0, "5", "9"));
    assertThat(sweep(partly, 0, "expected_cost").sorted()).extracting(Sweep.Row::id)
        .containsExactly("y", "x");
  }

  @Test
  void sweepJsonReadsBackAsTheSameSweep() {
    List<Sweep.Row> rows = List.of(row("v0001", "120.50", 2, "130.00", "1000.00"),
        row("v0002", "100.00", 0, "0.10", "0"));
    Sweep sweep = sweep(rows, 5, "-expected_revenue");
    String json = SweepJson.render(sweep, "2/3");
    SweepJson.Read read = SweepJson.read(json);
    assertThat(read.shard()).isEqualTo("2/3");
    assertThat(read.sweep()).isEqualTo(sweep);
    assertThat(SweepJson.render(read.sweep(), null)).isEqualTo(SweepJson.render(sweep, null));
  }
}
