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
import dev.compsim.report.SweepHtml;
import dev.compsim.report.SweepJson;
import dev.compsim.report.SweepText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compsim sweep}: a grid or random sample of variants of one plan, each evaluated. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Evaluates variants of a plan, each key given by --vary set to each of its "
        + "values (the whole grid, or --samples N drawn at random): cost, cost of sales, rep "
        + "pay, reps losing more than 10%% against the baseline, guardrails, and with "
        + "--behavior the modelled expected cost and revenue. Prints the best variants and the "
        + "Pareto frontier; with --out writes sweep.json, sweep.csv, sweep.xlsx, sweep.html (the "
        + "frontier chart) and each variant's plan file under plans/.",
    footerHeading = "%nExamples:%n",
    footer = {"  compsim sweep plans/traditional.yaml --vary commission.tiers[1].rate=0.06..0.12"
        + "/0.01 --vary holdback.share=0,0.15,0.3 --data sample-data --out sweep/",
        "  compsim sweep plans/partner-first.yaml --vary credit.partner_multiplier=0.8..1.4 "
            + "--samples 200 --seed 7 --baseline plans/traditional.yaml --data sample-data "
            + "--behavior --sort -expected_revenue --out sweep/",
        "  compsim sweep ... --shard 2/4 --out shard-2/   # then: compsim sweep-merge shard-*/ "
            + "--out sweep/"})
final class SweepCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASE", description = "The plan to vary (YAML).")
  Path base;

  @Option(names = "--vary", paramLabel = "PATH=VALUES", required = true,
      description = "A plan key and its values: a list (holdback.share=0,0.15,0.3; "
          + "credit.partner_basis=list,net,midpoint) or a range LOW..HIGH/STEP, both ends "
          + "included (commission.tiers[1].rate=0.06..0.12/0.01); with --samples also LOW..HIGH. "
          + "Repeat for a grid.")
  List<String> vary;

  @Option(names = "--baseline", paramLabel = "PLAN",
      description = "The plan each variant is set against (reps losing pay, cost change); "
          + "default: BASE.")
  Path baseline;

  @Mixin
  DataOptions data;

  @Mixin
  AssumptionsOption assumptions;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "What is known on that date (yyyy-MM-dd); default: the latest date in the data.")
  LocalDate asOf;

  @Option(names = "--samples", paramLabel = "N",
      description = "Draw N variants at random (seeded) instead of the whole grid.")
  Integer samples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of --samples and of the behavior simulation (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-variants", paramLabel = "N", defaultValue = "1000000",
      description = "Refuse a grid of more variants (default: ${DEFAULT-VALUE}).")
  long maxVariants;

  @Option(names = "--sort", paramLabel = "METRIC", defaultValue = "total_cost",
      description = "Order of the table: total_cost, rep_cost, channel_cost, cost_of_sales, "
          + "cost_change, reps_losing_more_than_10pct, guardrails_failed, expected_cost, "
          + "expected_revenue; a leading - sorts descending (default: ${DEFAULT-VALUE}).")
  String sort;

  @Option(names = "--behavior", description = "Also the behavior model's expected cost and "
      + "revenue of each variant (compare's headline simulation; slower).")
  boolean behavior;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "" + CompareCommand.DEFAULT_RUNS,
      description = "Simulation runs behind each expected figure with --behavior "
          + "(default: ${DEFAULT-VALUE}, as compare).")
  int runs;

  @Option(names = "--shard", paramLabel = "I/N",
      description = "Evaluate only the I-th of N deterministic slices (every N-th variant); "
          + "join the slices' --out directories with compsim sweep-merge.")
  String shard;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the files are written.")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--no-progress", description = "Accepted for scripts that pass it to every "
      + "command; sweep shows no progress bar.")
  boolean noProgress;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** The files of a whole sweep besides the plan files. */
  static final List<String> FILES = List.of("sweep.json", "sweep.csv", "sweep.html",
      "sweep.xlsx");

  @Override
  public Integer call() {
    int[] slice = shard(shard);
    checkOptions();
    PlanVariants variants = PlanVariants.of(base);
    List<Vary> varies = SweepSetup.parse(vary, spec, variants);
    List<List<Vary.Value>> draws = draws(varies);
    List<Integer> mine = new ArrayList<>();
    for (int i = 0; i < draws.size(); i++) {
      if (i % slice[1] == slice[0] - 1) {
        mine.add(i);
      }
    }
    int width = Math.max(4, String.valueOf(draws.size()).length());
    String[] ids = new String[draws.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "v" + String.format(Locale.ROOT, "%0" + width + "d", i + 1);
    }
    List<Path> targets = new ArrayList<>();
    if (out != null) {
      targets.add(out.resolve("sweep.json"));
      if (slice[1] == 1) {
        targets.add(out.resolve("sweep.csv"));
        targets.add(out.resolve("sweep.html"));
        targets.add(out.resolve("sweep.xlsx"));
      }
      for (int i : mine) {
        targets.add(out.resolve("plans").resolve(ids[i] + ".yaml"));
      }
    }
    // the output is checked and locked before the work
    try (OutputDir output = targets.isEmpty() ? null : OutputDir.open(targets)) {
      List<Path> planFiles = new ArrayList<>(List.of(base));
      if (baseline != null && !SweepSetup.sameFile(base, baseline)) {
        planFiles.add(baseline);
      }
      AssumptionsOption.Loaded loaded = assumptions.load(planFiles, data, asOf);
      SweepSetup.checkValues(variants, varies);
      Inputs inputs = loaded.inputs();
      Engine engine = inputs.engine();
      Plan basePlan = inputs.plans().get(0);
      Plan baselinePlan = inputs.plans().get(inputs.plans().size() - 1);
      DataProfile profile = DataProfile.of(inputs.data());
      SweepFigures figures = new SweepFigures(engine, baselinePlan, loaded.assumptions(),
          behavior ? runs : 0, seed);
      Sweep.Row[] rows = new Sweep.Row[mine.size()];
      List<InputException> problems = java.util.Collections.synchronizedList(new ArrayList<>());
      // variants share the engine and its deal table; each is evaluated on its own, on every core
      IntStream.range(0, mine.size()).parallel().forEach(k -> {
        int i = mine.get(k);
        Path file = out == null ? Path.of("plans", ids[i] + ".yaml")
            : out.resolve("plans").resolve(ids[i] + ".yaml");
        try {
          SweepSetup.Variant variant = SweepSetup.variant(variants, basePlan, varies,
              draws.get(i), ids[i], file, profile);
          rows[k] = figures.row(ids[i], variant.params(), variant.plan());
          if (output != null) {
            try (OutputStream stream = output.stream(file)) {
              stream.write(variant.yaml());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        } catch (InputException e) {
          problems.add(e);
        } catch (dev.compsim.behavior.Simulation.BeyondCents e) {
          problems.add(inputs.beyondCents(e, "sweep --behavior"));
        }
      });
      if (!problems.isEmpty()) {
        // the same problem of every variant (the data beyond the simulation) said once
        List<Diagnostic> all = new ArrayList<>(problems.stream()
            .flatMap(p -> p.diagnostics().stream()).distinct().toList());
        all.sort(java.util.Comparator.comparing(Diagnostic::message));
        throw new InputException(all.subList(0, Math.min(all.size(), 20)));
      }
      Sweep.Header header = new Sweep.Header(base.toString(), basePlan.name(),
          (baseline == null ? base : baseline).toString(), baselinePlan.name(),
          basePlan.currency(), engine.asOf().toString(), engine.wonCount(),
          engine.wonRevenue(basePlan), vary, samples == null ? 0 : samples, seed, draws.size(),
          sort, behavior ? runs : 0);
      Sweep sweep = new Sweep(header, figures.baselineRow(), Arrays.asList(rows));
      List<Path> written = new ArrayList<>();
      if (output != null) {
        if (slice[1] == 1) {
          written.addAll(write(output, out, sweep));
        } else {
          output.write(out.resolve("sweep.json"), SweepJson.render(sweep, shard));
          written.add(out.resolve("sweep.json"));
        }
        output.commit();
      }
      if (!quiet) {
        PrintWriter w = spec.commandLine().getOut();
        if (slice[1] == 1) {
          w.print(SweepText.render(sweep));
        } else {
          w.printf(Locale.ROOT, "Shard %s: %,d of %,d variants evaluated.%n", shard,
              rows.length, draws.size());
        }
        for (Path path : written) {
          w.println("Wrote " + path);
        }
        if (output != null) {
          w.printf(Locale.ROOT, "Wrote %,d plan files to %s%n", mine.size(),
              out.resolve("plans"));
        }
        w.flush();
      }
    }
    return ExitCode.OK;
  }

  /** Writes the files of a whole sweep (not the plans) into {@code dir}; the files written. */
  static List<Path> write(OutputDir output, Path dir, Sweep sweep) {
    output.write(dir.resolve("sweep.json"), SweepJson.render(sweep, null));
    output.write(dir.resolve("sweep.csv"), SweepText.csv(sweep));
    output.write(dir.resolve("sweep.html"), SweepHtml.render(sweep));
    try (OutputStream stream = output.stream(dir.resolve("sweep.xlsx"))) {
      dev.compsim.report.SweepXlsx.write(sweep, stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> written = new ArrayList<>();
    for (String name : FILES) {
      written.add(dir.resolve(name));
    }
    return written;
  }

  private void checkOptions() {
    String metric = sort.startsWith("-") ? sort.substring(1) : sort;
    Sweep.Metric chosen = Sweep.Metric.of(metric);
    if (chosen == null) {
      String nearest = dev.compsim.io.Suggest.nearest(metric, Sweep.Metric.codes());
      throw new InputException(Diagnostic.of(null, "--sort: unknown metric \"" + metric + "\""
          + (nearest != null ? "; did you mean " + nearest + "?" : "; expected one of "
              + String.join(", ", Sweep.Metric.codes()))));
    }
    if (chosen.modelled() && !behavior) {
      throw new InputException(Diagnostic.of(null, "--sort " + sort + " needs --behavior (it "
          + "is a modelled figure)"));
    }
    if (samples != null && (samples < 1 || samples > 1_000_000)) {
      throw new InputException(Diagnostic.of(null, "--samples must be 1 to 1000000, not "
          + samples));
    }
    if (maxVariants < 1) {
      throw new InputException(Diagnostic.of(null, "--max-variants must be at least 1"));
    }
    if (behavior && (runs < 1 || runs > 100_000)) {
      throw new InputException(Diagnostic.of(null, "--runs must be 1 to 100000 with "
          + "--behavior, not " + runs));
    }
  }

  /** {@code I/N} as {I, N}; {1, 1} when not given. */
  static int[] shard(String shard) {
    if (shard == null) {
      return new int[] {1, 1};
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})/(\\d{1,6})")
        .matcher(shard);
    if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1
        || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
      throw new InputException(Diagnostic.of(null, "--shard: expected I/N with 1 <= I <= N, "
          + "e.g. 2/4, not \"" + shard + "\""));
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  /**
   * The values of every variant, in variant order: the grid (the last --vary changing fastest),
   * or {@code --samples} draws without repeats.
   */
  private List<List<Vary.Value>> draws(List<Vary> varies) {
    if (samples == null) {
      long count = 1;
      for (Vary v : varies) {
        if (v.continuous()) {
          throw v.problem(v.raw().indexOf('=') + 1, "a range needs a step in a grid: "
              + "LOW..HIGH/STEP, or draw from it with --samples N");
        }
        count *= v.size();
        if (count > maxVariants) {
          throw new InputException(Diagnostic.of(null, "the grid has more than "
              + String.format(Locale.ROOT, "%,d", maxVariants) + " variants (" + grid(varies)
              + "); narrow it, draw --samples N, or raise --max-variants"));
        }
      }
      List<List<Vary.Value>> draws = new ArrayList<>();
      for (long i = 0; i < count; i++) {
        List<Vary.Value> values = new ArrayList<>();
        long rest = i;
        for (int k = varies.size() - 1; k >= 0; k--) {
          Vary v = varies.get(k);
          values.add(0, v.values().get((int) (rest % v.size())));
          rest /= v.size();
        }
        draws.add(values);
      }
      return draws;
    }
    UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    Set<List<String>> seen = new LinkedHashSet<>();
    List<List<Vary.Value>> draws = new ArrayList<>();
    for (int n = 0; n < samples; n++) {
      List<Vary.Value> values = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (Vary v : varies) {
        Vary.Value value = v.continuous() ? v.at(random.nextDouble())
            : v.values().get(random.nextInt(v.size()));
        values.add(value);
        texts.add(value.text());
      }
      if (seen.add(texts)) {
        draws.add(values); // a repeat of an earlier draw is left out
      }
    }
    return draws;
  }

  private static String grid(List<Vary> varies) {
    List<String> sizes = new ArrayList<>();
    for (Vary v : varies) {
      sizes.add(String.format(Locale.ROOT, "%,d", v.size()));
    }
    return String.join(" x ", sizes);
  }
}
