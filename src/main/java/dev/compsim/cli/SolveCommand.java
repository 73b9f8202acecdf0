package dev.compsim.cli;

import dev.compsim.engine.DataProfile;
import dev.compsim.engine.Engine;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.io.OutputDir;
import dev.compsim.io.PlanVariants;
import dev.compsim.model.Plan;
import dev.compsim.report.Sweep;
import dev.compsim.report.SweepFigures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compsim solve}: the value of one key that makes a metric hit a target. */
@Command(name = "solve", mixinStandardHelpOptions = true,
    description = "Finds the value of one plan key, within LOW..HIGH, that makes a metric hit a "
        + "target (money to the cent, cost of sales to 0.000001), by bisection. Refuses when the "
        + "metric is not monotone over the range or the target is out of its reach. Prints the "
        + "answer and writes the solved plan to DIR/solved.yaml.",
    footerHeading = "%nExample (the partner multiplier that makes partner-first cost-neutral "
        + "against traditional):%n",
    footer = {"  compsim solve plans/partner-first.yaml --vary credit.partner_multiplier=0.1..1.2"
        + " --baseline plans/traditional.yaml --target cost_change=0 --data sample-data --out "
        + "solved/"})
final class SolveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASE", description = "The plan to solve (YAML).")
  Path base;

  @Option(names = "--vary", paramLabel = "PATH=LOW..HIGH", required = true,
      description = "The plan key to solve for and the range to search, e.g. "
          + "credit.partner_multiplier=0.5..1.5.")
  String vary;

  @Option(names = "--target", paramLabel = "METRIC=VALUE", required = true,
      description = "The metric and the value it must reach: total_cost, rep_cost, "
          + "channel_cost, cost_change (against --baseline; 0: cost-neutral) in money, or "
          + "cost_of_sales as a fraction (0.24).")
  String target;

  @Option(names = "--baseline", paramLabel = "PLAN",
      description = "The plan cost_change is measured against; default: BASE.")
  Path baseline;

  @Mixin
  DataOptions data;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "What is known on that date (yyyy-MM-dd); default: the latest date in the data.")
  LocalDate asOf;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Where the solved plan (solved.yaml) is written.")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--no-progress", description = "Accepted for scripts that pass it to every "
      + "command; solve shows no progress bar.")
  boolean noProgress;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** Interior points probed for monotonicity before the bisection. */
  static final int PROBES = 8;

  /** Bisection steps at most: far below any key's meaningful precision. */
  static final int MAX_STEPS = 200;

  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final BigDecimal RATIO_STEP = new BigDecimal("0.000001");

  @Override
  public Integer call() {
    Sweep.Metric metric = metric();
    BigDecimal goal = goal();
    BigDecimal tolerance = metric.money() ? CENT : RATIO_STEP;
    PlanVariants variants = PlanVariants.of(base);
    Vary range = SweepSetup.parse(List.of(vary), spec, variants).get(0);
    if (!range.continuous() || range.key().kind() != PlanVariants.Kind.NUMBER) {
      throw range.problem(range.raw().indexOf('=') + 1, range.key().kind()
          != PlanVariants.Kind.NUMBER ? "solve varies a key that takes a decimal number; "
          + range.key().text() + " takes " + range.key().kind().expected()
          : "solve searches a range LOW..HIGH, without a step or a list");
    }
    if (range.low().compareTo(range.high()) == 0) {
      throw range.problem(range.raw().indexOf('=') + 1, "the range is a single value");
    }
    Path solved = out.resolve("solved.yaml");
    try (OutputDir output = OutputDir.open(List.of(solved))) {
      List<Path> planFiles = new ArrayList<>(List.of(base));
      if (baseline != null && !SweepSetup.sameFile(base, baseline)) {
        planFiles.add(baseline);
      }
      Inputs inputs = Inputs.load(planFiles, data, asOf);
      SweepSetup.checkValues(variants, List.of(range));
      Engine engine = inputs.engine();
      Plan basePlan = inputs.plans().get(0);
      DataProfile profile = DataProfile.of(inputs.data());
      SweepFigures figures = new SweepFigures(engine, inputs.plans().get(planFiles.size() - 1),
          null, 0, 0);
      Solver solver = new Solver(value -> {
        SweepSetup.Variant variant = SweepSetup.variant(variants, basePlan, List.of(range),
            List.of(range.value(value)), null, solved, profile);
        return figures.row("solved", variant.params(), variant.plan());
      }, metric, goal, tolerance);
      Solver.Answer answer;
      try {
        answer = solver.solve(range.low(), range.high());
      } catch (IllegalArgumentException e) {
        throw range.problem(range.raw().indexOf('=') + 1, e.getMessage());
      }
      SweepSetup.Variant variant = SweepSetup.variant(variants, basePlan, List.of(range),
          List.of(range.value(answer.value())), null, solved, profile);
      try (OutputStream stream = output.stream(solved)) {
        stream.write(variant.yaml());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      output.commit();
      if (!quiet) {
        PrintWriter w = spec.commandLine().getOut();
        Sweep.Row row = answer.row();
        w.println(range.key().text() + " = " + answer.value().toPlainString());
        w.println("  " + metric.code() + " " + metric.format(metric.of(row)) + " (target "
            + metric.format(goal) + ", within " + tolerance.toPlainString() + ")");
        w.println("  total cost " + Sweep.Metric.TOTAL_COST.format(row.totalCost())
            + ", change against " + inputs.plans().get(planFiles.size() - 1).name() + " "
            + Sweep.Metric.COST_CHANGE.format(row.costChange()) + ", cost of sales "
            + Sweep.Metric.COST_OF_SALES.format(row.costOfSales()) + ", reps losing more than "
            + "10%: " + row.repsLosingMoreThan10Pct());
        w.printf(Locale.ROOT, "  %d evaluations of %s over %s..%s%n", answer.evaluations(),
            basePlan.name(), range.low().toPlainString(), range.high().toPlainString());
        w.println("Wrote " + solved);
        w.flush();
      }
    }
    return ExitCode.OK;
  }

  private Sweep.Metric metric() {
    int equals = target.indexOf('=');
    String code = equals < 0 ? target : target.substring(0, equals);
    Sweep.Metric metric = Sweep.Metric.of(code);
    List<String> allowed = List.of("total_cost", "rep_cost", "channel_cost", "cost_change",
        "cost_of_sales");
    if (equals < 0) {
      throw new InputException(Diagnostic.of(null, "--target: expected METRIC=VALUE, e.g. "
          + "cost_change=0, not \"" + target + "\""));
    }
    if (metric == null || !allowed.contains(code)) {
      String nearest = dev.compsim.io.Suggest.nearest(code, allowed);
      throw new InputException(Diagnostic.of(null, "--target: solve aims at "
          + String.join(", ", allowed) + "; \"" + code + "\" is not one"
          + (nearest != null ? " (did you mean " + nearest + "?)" : "")));
    }
    return metric;
  }

  private BigDecimal goal() {
    String text = target.substring(target.indexOf('=') + 1).strip();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new InputException(Diagnostic.of(null, "--target: \"" + text + "\" is not a "
          + "number (column " + (target.indexOf('=') + 2) + " of " + target + ")"));
    }
  }

  /**
   * Bisection on a metric of a plan that is monotone in one key: probes the range first, refuses
   * a metric that turns or a target it cannot reach, and gives the value with the fewest
   * decimals that lands within the tolerance.
   */
  static final class Solver {
    /** The figures of the plan with the key at a value. */
    interface Evaluator {
      Sweep.Row at(BigDecimal value);
    }

    /** The value found, the figures there, and how many evaluations it took. */
    record Answer(BigDecimal value, Sweep.Row row, int evaluations) {}

    private final Evaluator evaluator;
    private final Sweep.Metric metric;
    private final BigDecimal goal;
    private final BigDecimal tolerance;
    private int evaluations;

    Solver(Evaluator evaluator, Sweep.Metric metric, BigDecimal goal, BigDecimal tolerance) {
      this.evaluator = evaluator;
      this.metric = metric;
      this.goal = goal;
      this.tolerance = tolerance;
    }

    private BigDecimal f(BigDecimal value, Sweep.Row[] row) {
      evaluations++;
      row[0] = evaluator.at(value);
      BigDecimal result = metric.of(row[0]);
      if (result == null) {
        throw new IllegalArgumentException(metric.code() + " has no value at " + value
            .toPlainString() + " (nothing won)");
      }
      return result;
    }

    private boolean hits(BigDecimal value) {
      return value.subtract(goal).abs().compareTo(tolerance) <= 0;
    }

    /**
     * The answer in {@code [low, high]}.
     *
     * @throws IllegalArgumentException when the metric is not monotone there or the target is
     *     out of its reach, saying which
     */
    Answer solve(BigDecimal low, BigDecimal high) {
      int scale = Math.max(low.scale(), high.scale()) + 3;
      List<BigDecimal> points = new ArrayList<>();
      points.add(low);
      for (int i = 1; i <= PROBES; i++) {
        points.add(low.add(high.subtract(low).multiply(BigDecimal.valueOf(i))
            .divide(BigDecimal.valueOf(PROBES + 1), scale, RoundingMode.HALF_EVEN))
            .stripTrailingZeros());
      }
      points.add(high);
      List<BigDecimal> values = new ArrayList<>();
      List<Sweep.Row> rows = new ArrayList<>();
      for (BigDecimal point : points) {
        Sweep.Row[] row = new Sweep.Row[1];
        values.add(f(point, row));
        rows.add(row[0]);
      }
      int direction = 0; // the sign of the first step that changes the metric
      for (int i = 1; i < values.size(); i++) {
        int step = values.get(i).compareTo(values.get(i - 1));
        if (direction == 0) {
          direction = step;
        } else if (step != 0 && step != direction) {
          // the metric turns at the point before this one: show it with its neighbours
          throw new IllegalArgumentException(metric.code() + " is not monotone over "
              + low.toPlainString() + ".." + high.toPlainString() + ", so bisection cannot "
              + "solve it: " + describe(points, values, Math.max(0, i - 2), i)
              + "; narrow the range to one side of the turn");
        }
      }
      BigDecimal min = values.get(0).min(values.get(values.size() - 1));
      BigDecimal max = values.get(0).max(values.get(values.size() - 1));
      if (goal.compareTo(min.subtract(tolerance)) < 0
          || goal.compareTo(max.add(tolerance)) > 0) {
        throw new IllegalArgumentException("the target " + metric.code() + " = "
            + metric.format(goal) + " is out of reach: over " + low.toPlainString() + ".."
            + high.toPlainString() + " it goes from " + metric.format(values.get(0)) + " to "
            + metric.format(values.get(values.size() - 1)) + "; widen the range");
      }
      for (int i = 0; i < values.size(); i++) {
        if (hits(values.get(i))) {
          return shorten(points.get(i), rows.get(i), low, high);
        }
      }
      // the probes that bracket the target
      int k = 0;
      while (k + 1 < values.size() && values.get(k + 1).subtract(goal).signum()
          == values.get(0).subtract(goal).signum()) {
        k++;
      }
      BigDecimal a = points.get(k);
      BigDecimal b = points.get(k + 1);
      BigDecimal fa = values.get(k);
      BigDecimal fb = values.get(k + 1);
      for (int step = 0; step < MAX_STEPS; step++) {
        BigDecimal mid = a.add(b).divide(BigDecimal.valueOf(2));
        Sweep.Row[] row = new Sweep.Row[1];
        BigDecimal fm = f(mid, row);
        if (fm.compareTo(fa.min(fb)) < 0 || fm.compareTo(fa.max(fb)) > 0) {
          throw new IllegalArgumentException(metric.code() + " is not monotone over "
              + low.toPlainString() + ".." + high.toPlainString() + ": " + metric.format(fa)
              + " at " + a.toPlainString() + ", " + metric.format(fm) + " at "
              + mid.toPlainString() + ", " + metric.format(fb) + " at " + b.toPlainString());
        }
        if (hits(fm)) {
          return shorten(mid, row[0], low, high);
        }
        if (fm.subtract(goal).signum() == fa.subtract(goal).signum()) {
          a = mid;
          fa = fm;
        } else {
          b = mid;
          fb = fm;
        }
        if (b.subtract(a).abs().compareTo(new BigDecimal("1E-15")) < 0) {
          break;
        }
      }
      throw new IllegalArgumentException("the target " + metric.code() + " = "
          + metric.format(goal) + " is out of reach within " + tolerance.toPlainString() + ": "
          + metric.code() + " jumps from " + metric.format(fa) + " at " + a.toPlainString()
          + " to " + metric.format(fb) + " at " + b.toPlainString());
    }

    /** The value with the fewest decimals near {@code found} that still hits the target. */
    private Answer shorten(BigDecimal found, Sweep.Row row, BigDecimal low, BigDecimal high) {
      for (int decimals = 0; decimals < found.scale(); decimals++) {
        BigDecimal shorter = found.setScale(decimals, RoundingMode.HALF_EVEN);
        if (shorter.compareTo(low) < 0 || shorter.compareTo(high) > 0) {
          continue;
        }
        Sweep.Row[] at = new Sweep.Row[1];
        BigDecimal value = f(shorter, at);
        if (hits(value)) {
          return closest(shorter, at[0], value, low, high);
        }
      }
      return new Answer(found, row, evaluations);
    }

    /**
     * Of {@code value} and its neighbours one unit of its last decimal away, the one whose
     * metric is nearest the target (7,123.45 rather than 7,123.44, both within a cent).
     */
    private Answer closest(BigDecimal value, Sweep.Row row, BigDecimal metric, BigDecimal low,
        BigDecimal high) {
      BigDecimal unit = BigDecimal.ONE.movePointLeft(value.scale());
      BigDecimal best = value;
      Sweep.Row bestRow = row;
      BigDecimal bestMiss = metric.subtract(goal).abs();
      for (BigDecimal neighbour : List.of(value.subtract(unit), value.add(unit))) {
        if (bestMiss.signum() == 0 || neighbour.compareTo(low) < 0
            || neighbour.compareTo(high) > 0) {
          continue;
        }
        Sweep.Row[] at = new Sweep.Row[1];
        BigDecimal miss = f(neighbour, at).subtract(goal).abs();
        if (miss.compareTo(bestMiss) < 0) {
          best = neighbour;
          bestRow = at[0];
          bestMiss = miss;
        }
      }
      return new Answer(best, bestRow, evaluations);
    }

    private String describe(List<BigDecimal> points, List<BigDecimal> values, int from, int to) {
      List<String> parts = new ArrayList<>();
      for (int i = from; i <= to; i++) {
        parts.add(metric.format(values.get(i)) + " at " + points.get(i).toPlainString());
      }
      return String.join(", ", parts);
    }
  }
}
