package dev.compsim.cli;

import dev.compsim.behavior.Assumptions;
import dev.compsim.behavior.BehaviorModel;
import dev.compsim.behavior.Simulation;
import dev.compsim.io.AssumptionsReader;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.io.OutputDir;
import dev.compsim.report.BehaviorSections;
import dev.compsim.report.ReportSection;
import dev.compsim.report.SimulationFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
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
  enum Format { TABLE, MD, JSON }

  @Parameters(arity = "1..*", paramLabel = "PLAN",
      description = "Plan files (YAML): the baseline, then the candidates.")
  List<Path> planFiles;

  @Mixin
  DataOptions data;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "1000",
      description = "Simulation runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Random seed; the same seed gives the same results (default: "
          + "${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--assumptions", paramLabel = "FILE",
      description = "Behavior model assumptions (YAML); default: the built-in values.")
  Path assumptionsFile;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "What is known on that date (yyyy-MM-dd); default: the latest date in the data.")
  LocalDate asOf;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write simulation.md and simulation.json into DIR.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",",
      description = "table (terminal), md, json; repeatable. Default: table, and md and json "
          + "with --out.")
  List<Format> formats;

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
    List<Diagnostic> problems = new ArrayList<>();
    Assumptions assumptions = Assumptions.defaults();
    if (assumptionsFile != null) {
      try {
        assumptions = new AssumptionsReader().read(assumptionsFile);
      } catch (InputException e) {
        problems.addAll(e.diagnostics());
      }
    }
    Inputs inputs;
    try {
      inputs = Inputs.load(planFiles, data, asOf);
    } catch (InputException e) {
      problems.addAll(e.diagnostics());
      throw new InputException(problems);
    }
    InputException.throwIfAny(problems);

    Set<Format> wanted = formats == null || formats.isEmpty()
        ? (out == null ? EnumSet.of(Format.TABLE) : EnumSet.allOf(Format.class))
        : EnumSet.copyOf(formats);
    BehaviorModel model = new BehaviorModel(inputs.engine(), inputs.plans());
    Simulation simulation = new Simulation(model);
    long total = (long) runs * (noSensitivity ? 1 : 1 + 2L * dev.compsim.behavior.Assumption
        .values().length);
    Simulation.Outcome outcome;
    List<Simulation.Sensitivity> sensitivity = List.of();
    try (ProgressBar bar = progressBar(total)) {
      java.util.function.IntConsumer step = bar == null ? null : run -> bar.step();
      outcome = simulation.run(assumptions, runs, seed, threads, step);
      if (!noSensitivity) {
        sensitivity = simulation.sensitivity(assumptions, runs, seed, threads, step);
      }
    }
    List<ReportSection> sections = BehaviorSections.simulate(model, assumptions, outcome,
        sensitivity, runs, seed);
    if (out != null && (wanted.contains(Format.MD) || wanted.contains(Format.JSON))) {
      try (OutputDir dir = new OutputDir(out)) {
        if (wanted.contains(Format.MD)) {
          dir.write("simulation.md", SimulationFiles.markdown("Simulation", sections));
        }
        if (wanted.contains(Format.JSON)) {
          dir.write("simulation.json", SimulationFiles.json(sections));
        }
        dir.commit();
      }
    }
    if (!quiet) {
      PrintWriter w = spec.commandLine().getOut();
      if (wanted.contains(Format.TABLE) || out == null) {
        w.print(SimulationFiles.text(sections));
      }
      if (out != null) {
        w.printf("Wrote %s%n", out);
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
