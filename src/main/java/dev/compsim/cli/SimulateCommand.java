package dev.compsim.cli;

import dev.compsim.behavior.Assumptions;
import dev.compsim.behavior.BehaviorModel;
import dev.compsim.behavior.Simulation;
import dev.compsim.engine.Engine;
import dev.compsim.io.OutputDir;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.report.BehaviorSections;
import dev.compsim.report.Comparison;
import dev.compsim.report.ReportJson;
import dev.compsim.report.ReportMarkdown;
import dev.compsim.report.ReportSection;
import dev.compsim.report.SectionText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compsim simulate}: Monte Carlo of the behavior model, with intervals. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Predicts what reps would do under each plan and simulates it: incentive "
        + "gradients, predicted behavior, and over N seeded runs the mean and 5th-95th "
        + "percentile of revenue, cost of sales, rep and partner pay, partner share, "
        + "implementation success, end-of-period concentration and meetings, with a "
        + "sensitivity table. The first plan is the baseline.",
    footerHeading = "%nExample:%n",
    footer = "  compsim simulate plans/traditional.yaml plans/outcomes-first.yaml "
        + "--data sample-data --runs 1000 --seed 42 --out out/")
final class SimulateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PLAN",
      description = "Plan files (YAML): the baseline, then the candidates.")
  List<Path> planFiles;

  @Mixin
  DataOptions data;

  @Mixin
  AssumptionsOption assumptionsOption;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "1000",
      description = "Simulation runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Random seed; the same seed gives the same results (default: "
          + "${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "What is known on that date (yyyy-MM-dd); default: the latest date in the data.")
  LocalDate asOf;

  @Mixin
  ReportOptions reports;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "Worker threads (default: every core); results do not depend on it.")
  int threads;

  @Option(names = "--no-sensitivity",
      description = "Skip the sensitivity re-runs (2 per assumption).")
  boolean noSensitivity;

  @Option(names = "--no-progress", description = "Never show a progress bar.")
  boolean noProgress;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (runs < 1 || runs > 10_000_000) {
      throw new InputException(Diagnostic.of(null, "--runs must be between 1 and 10000000"));
    }
    if (threads < 0) {
      throw new InputException(Diagnostic.of(null, "--threads must be 0 (every core) or more"));
    }
    Set<ReportFormat> chosen = reports.chosen(spec);
    Path out = reports.out;
    // the output is checked and locked before the work
    try (OutputDir output = ReportFiles.open(out, chosen, null)) {
      return simulate(output, chosen, out);
    }
  }

  private int simulate(OutputDir output, Set<ReportFormat> chosen, Path out) {
    AssumptionsOption.Loaded loaded = assumptionsOption.load(planFiles, data, asOf);
    Inputs inputs = loaded.inputs();
    Assumptions assumptions = loaded.assumptions();
    BehaviorModel model = new BehaviorModel(inputs.engine(), inputs.plans(), assumptions);
    Simulation simulation = new Simulation(model);
    long total = (long) runs * (noSensitivity ? 1
        : 1 + 2L * simulation.sensitivityAssumptions().size());
    Simulation.Outcome outcome;
    List<Simulation.Sensitivity> sensitivity = List.of();
    try (ProgressBar bar = progressBar(total)) {
      java.util.function.IntConsumer step = bar == null ? null : run -> bar.step();
      outcome = simulation.run(assumptions, runs, seed, threads, step);
      if (!noSensitivity) {
        sensitivity = simulation.sensitivity(assumptions, runs, seed, threads, step);
      }
    } catch (Simulation.BeyondCents beyond) {
      throw inputs.beyondCents(beyond, "simulate");
    }
    List<ReportSection> sections = BehaviorSections.simulate(model, assumptions, outcome,
        sensitivity, runs, seed);
    // the files are the comparison reports with the simulation in them, as compare writes them
    boolean printed = out == null
        && (chosen.contains(ReportFormat.MD) || chosen.contains(ReportFormat.JSON));
    Comparison comparison = null;
    if (out != null || printed) {
      Engine engine = inputs.engine();
      comparison = data.stated(FeatureSections.append(Comparison.of(engine, inputs.plans(),
          ReportFiles.linesToKeep(chosen, inputs.plans().size())),
          inputs.plans(), engine, sections).withOutlook(BehaviorSections.outlook(outcome, seed)));
    }
    if (output != null) {
      ReportFiles.write(output, out, comparison, chosen, inputs.engine(), null);
    }
    if (!quiet) {
      PrintWriter w = spec.commandLine().getOut();
      if (chosen.contains(ReportFormat.TABLE)) {
        for (ReportSection section : sections) {
          w.print(SectionText.render(section));
          w.println();
        }
      }
      if (printed && chosen.contains(ReportFormat.MD)) {
        w.print(ReportMarkdown.render(comparison));
      }
      if (printed && chosen.contains(ReportFormat.JSON)) {
        w.print(ReportJson.render(comparison));
      }
      if (output != null) {
        w.printf(java.util.Locale.ROOT, "Wrote %s%n", out);
      }
      w.flush();
    }
    return ExitCode.OK;
  }

  /** A bar on stderr only for a person at a terminal: never in CI, never when asked not to. */
  private ProgressBar progressBar(long total) {
    if (noProgress || quiet || System.console() == null || System.getenv("CI") != null) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName("simulate").setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
  }
}
