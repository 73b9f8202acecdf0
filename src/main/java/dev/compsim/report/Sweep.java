package dev.compsim.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The result of a sweep: every plan variant's figures beside the baseline's. Everything the sweep
 * files show is in here, and {@link SweepJson} writes and reads all of it, so shards joined by
 * {@code sweep-merge} render the same bytes as one run.
 *
 * @param baseline the baseline plan's own figures (cost change 0, nobody losing)
 * @param rows the variants, by id
 */
public record Sweep(Header header, Row baseline, List<Row> rows) {
  public Sweep {
    rows = List.copyOf(rows);
  }

  /**
   * What was swept, and on what.
   *
   * @param base the base plan file as given
   * @param baselineFile the plan file the variants are set against, as given
   * @param vary the --vary options as given, in order
   * @param samples the number of random draws, or 0 for the whole grid
   * @param variants how many variants the whole sweep has (every shard)
   * @param behaviorRuns simulation runs behind the expected figures, 0 when not asked
   */
  public record Header(String base, String basePlan, String baselineFile, String baselinePlan,
      String currency, String asOf, int wonDeals, BigDecimal wonRevenue, List<String> vary,
      int samples, long seed, long variants, String sort, int behaviorRuns) {
    public Header {
      vary = List.copyOf(vary);
    }

    /** Whether the expected figures of the behavior model were computed. */
    public boolean behavior() {
      return behaviorRuns > 0;
    }
  }

  /** One varied key and the value it took, as written in the variant's plan file. */
  public record Param(String path, String value) {}

  /**
   * One plan's figures, each from the same sums as {@code compare} of its plan file against the
   * baseline.
   *
   * @param costOfSales null when nothing was won
   * @param guardrailsFailed the metrics of the plan's guardrails that fail, in plan order
   * @param expectedCost null without --behavior, like the other expected figures
   */
  public record Row(String id, List<Param> params, String plan, BigDecimal totalCost,
      BigDecimal repCost, BigDecimal channelCost, BigDecimal costOfSales,
      BigDecimal costChange, int repsLosingMoreThan10Pct, int guardrails,
      List<String> guardrailsFailed, BigDecimal expectedCost, BigDecimal expectedRevenue,
      Integer expectedRepsLosingMoreThan10Pct) {
    public Row {
      params = List.copyOf(params);
      guardrailsFailed = List.copyOf(guardrailsFailed);
    }

    /** {@code commission.tiers[1].rate=0.07, holdback.share=0.15}. */
    public String describe() {
      List<String> parts = new ArrayList<>();
      for (Param param : params) {
        parts.add(param.path() + "=" + param.value());
      }
      return String.join(", ", parts);
    }

    /** The plan file of this variant, relative to the sweep's output directory. */
    public String planFile() {
      return "plans/" + id + ".yaml";
    }
  }

  /** What a sweep can sort by, solve can aim at, and the frontier weighs. */
  public enum Metric {
    TOTAL_COST(true, false, Row::totalCost),
    REP_COST(true, false, Row::repCost),
    CHANNEL_COST(true, false, Row::channelCost),
    COST_OF_SALES(false, false, Row::costOfSales),
    /** Total cost minus the baseline's. */
    COST_CHANGE(true, false, Row::costChange),
    /** How many reps are paid more than 10% less than under the baseline. */
    REPS_LOSING_MORE_THAN_10PCT(false, false,
        r -> BigDecimal.valueOf(r.repsLosingMoreThan10Pct())),
    GUARDRAILS_FAILED(false, false, r -> BigDecimal.valueOf(r.guardrailsFailed().size())),
    EXPECTED_COST(true, true, Row::expectedCost),
    EXPECTED_REVENUE(true, true, Row::expectedRevenue);

    private final boolean money;
    private final boolean modelled;
    private final Function<Row, BigDecimal> value;

    Metric(boolean money, boolean modelled, Function<Row, BigDecimal> value) {
      this.money = money;
      this.modelled = modelled;
      this.value = value;
    }

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Money (to the cent) rather than a ratio or a count. */
    public boolean money() {
      return money;
    }

    /** From the behavior model: needs --behavior. */
    public boolean modelled() {
      return modelled;
    }

    /** The metric of {@code row}, or null when it has none. */
    public BigDecimal of(Row row) {
      return value.apply(row);
    }

    /** The metric named {@code code}, or null. */
    public static Metric of(String code) {
      for (Metric metric : values()) {
        if (metric.code().equals(code)) {
          return metric;
        }
      }
      return null;
    }

    public static List<String> codes() {
      List<String> codes = new ArrayList<>();
      for (Metric metric : values()) {
        codes.add(metric.code());
      }
      return codes;
    }

    /** The value as a report cell: money grouped, a ratio in percent, a count. */
    public String format(BigDecimal value) {
      if (value == null) {
        return "n/a";
      }
      if (this == COST_CHANGE) {
        return Fmt.signedMoney(value);
      }
      return money ? Fmt.money(value) : this == COST_OF_SALES ? Fmt.pct(value)
          : value.toPlainString();
    }
  }

  /**
   * The sort order of a {@code --sort} value: a metric code, ascending, or with a leading
   * {@code -} descending. Rows without the metric go last; ties by id.
   */
  public static Comparator<Row> order(String sort) {
    boolean descending = sort.startsWith("-");
    Metric metric = Metric.of(descending ? sort.substring(1) : sort);
    if (metric == null) {
      throw new IllegalArgumentException("unknown metric " + sort);
    }
    Comparator<BigDecimal> values = descending ? Comparator.reverseOrder()
        : Comparator.naturalOrder();
    Function<Row, BigDecimal> key = metric::of;
    return Comparator.comparing(key, Comparator.nullsLast(values)).thenComparing(Row::id);
  }

  /** The rows in the header's sort order. */
  public List<Row> sorted() {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(order(header.sort()));
    return sorted;
  }

  /** The frontier's axes: cost against expected revenue, or against reps losing pay. */
  public String frontierAxes() {
    return header.behavior() ? "expected cost vs expected revenue"
        : "total cost vs reps losing more than 10%";
  }

  /**
   * The Pareto frontier, by cost then id: the variants no other variant beats on both axes (lower
   * or equal cost with higher or equal expected revenue, or fewer or as many reps losing, better
   * on one). With --behavior, expected cost against expected revenue; without, total cost against
   * reps losing more than 10%.
   */
  public List<Row> frontier() {
    boolean modelled = header.behavior();
    Function<Row, BigDecimal> cost = modelled ? Row::expectedCost : Row::totalCost;
    // the second axis as something to minimise
    Function<Row, BigDecimal> other = modelled ? r -> r.expectedRevenue().negate()
        : r -> BigDecimal.valueOf(r.repsLosingMoreThan10Pct());
    List<Row> byCost = new ArrayList<>(rows);
    byCost.sort(Comparator.comparing(cost).thenComparing(other).thenComparing(Row::id));
    List<Row> frontier = new ArrayList<>();
    BigDecimal best = null;
    for (Row row : byCost) {
      BigDecimal value = other.apply(row);
      if (best == null || value.compareTo(best) < 0) {
        frontier.add(row);
        best = value;
      } else if (value.compareTo(best) == 0 && !frontier.isEmpty()) {
        Row last = frontier.get(frontier.size() - 1);
        if (cost.apply(last).compareTo(cost.apply(row)) == 0) {
          frontier.add(row); // the same point twice: neither beats the other
        }
      }
    }
    return frontier;
  }
}
