package dev.compsim.cli;

import dev.compsim.behavior.BehaviorModel;
import dev.compsim.behavior.Simulation;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.engine.Engine;
import dev.compsim.io.OutputDir;
import dev.compsim.model.Plan;
import dev.compsim.report.BehaviorSections;
import dev.compsim.report.Comparison;
import dev.compsim.report.Outlook;
import dev.compsim.report.GuardrailResult;
import dev.compsim.report.ReportJson;
import dev.compsim.report.ReportMarkdown;
import dev.compsim.report.ReportText;
import dev.compsim.report.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compsim compare}: every candidate against the baseline on the same deals. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Runs every plan on the same deals and sets each candidate against the "
        + "baseline (the first plan): cost, cost of sales, who gains and who loses, payout "
        + "timing, partner economics, spiffs, competitions, calendar alignment, incentive "
        + "gradients, predicted behavior and guardrails.",
    footerHeading = "%nExamples:%n",
    footer = {"  compsim compare plans/traditional.yaml plans/outcomes-first.yaml --data "
        + "sample-data",
        "  compsim compare plans/traditional.yaml plans/*.yaml --data sample-data --out "
        + "report/ --check --junit report/guardrails.xml"})
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASELINE", description = "The baseline plan (YAML).")
  Path baseline;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "CANDIDATE",
      description = "Candidate plans (YAML).")
  List<Path> candidates;

  @Mixin
  DataOptions data;

  @Mixin
  AssumptionsOption assumptions;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "What is known on that date (yyyy-MM-dd); default: the latest date in the data.")
  LocalDate asOf;

  @Mixin
  ReportOptions reports;

  @Option(names = "--check", description = "Exit 1 when a plan breaks one of its guardrails.")
  boolean check;

  @Option(names = "--junit", paramLabel = "FILE",
      description = "Write the guardrail results as JUnit XML.")
  Path junit;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--no-progress", description = "Accepted for scripts that pass it to every "
      + "command; compare shows no progress bar.")
  boolean noProgress;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "" + DEFAULT_RUNS,
      description = "Simulation runs behind the headline's expected figures with predicted "
          + "behavior (default: ${DEFAULT-VALUE}; 0: none; compsim simulate gives intervals).")
  int runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Random seed of those runs (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Enough runs for stable means of the headline's expected figures, few enough to be quick. */
  static final int DEFAULT_RUNS = 50;

  /**
   * Opportunities × plans up to which compare simulates the headline's expected figures: each
   * plan is compiled deal by deal before the runs, which on a million deals would take minutes;
   * beyond it the headline says so and points to simulate.
   */
  static final long BEHAVIOR_BUDGET = 300_000;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Set<ReportFormat> chosen = reports.chosen(spec);
    List<Path> files = new ArrayList<>();
    files.add(baseline);
    files.addAll(candidates);
    if (runs < 0 || runs > 1_000_000) {
      throw new InputException(Diagnostic.of(null, "--runs must be between 0 and 1000000"));
    }
    // the output is checked and locked first: a path that cannot be written, or another run
    // writing there, is refused before the work
    try (OutputDir output = ReportFiles.open(reports.out, chosen, junit)) {
      AssumptionsOption.Loaded loaded = assumptions.load(files, data, asOf);
      Engine engine = loaded.inputs().engine();
      List<Plan> plans = loaded.inputs().plans();
      // the report's evaluation of the plans and the behavior model with its simulation need
      // nothing of each other: the evaluation runs beside them (the simulation's figures do not
      // depend on timing: each run draws from its own seeded stream, sums are integers)
      FutureTask<Comparison> evaluated = Inputs.background("compare-evaluation",
          () -> FeatureSections.append(Comparison.of(engine, plans,
              ReportFiles.linesToKeep(chosen, plans.size())), plans, engine));
      BehaviorModel model = new BehaviorModel(engine, plans, loaded.assumptions());
      long work = (long) model.opportunities() * plans.size();
      Outlook outlook;
      if (runs == 0) {
        outlook = Outlook.notComputed("--runs 0");
      } else if (work > BEHAVIOR_BUDGET) {
        outlook = Outlook.notComputed(String.format(java.util.Locale.ROOT, "%,d opportunities "
            + "x %d plans is more than compare simulates (%,d); compsim simulate gives them",
            model.opportunities(), plans.size(), BEHAVIOR_BUDGET));
      } else {
        try {
          outlook = BehaviorSections.outlook(Simulation.forHeadline(model)
              .run(loaded.assumptions(), runs, seed, 0, null), seed);
        } catch (Simulation.BeyondCents beyond) {
          outlook = Outlook.notComputed(beyond.getMessage()); // the rest of the report stands
        }
      }
      Comparison comparison = FeatureSections.appendBehavior(Inputs.join(evaluated),
          BehaviorSections.compare(model, loaded.assumptions())).withOutlook(outlook);
      comparison = data.stated(comparison);
      return report(spec, comparison, engine, chosen, output, reports.out, junit, check, quiet);
    }
  }

  /** Prints and writes the reports, then the guardrails; the exit code. */
  static int report(picocli.CommandLine.Model.CommandSpec spec, Comparison comparison,
      Engine engine, Set<ReportFormat> chosen, OutputDir output, Path out, Path junit,
      boolean check, boolean quiet) {
    List<Path> written = List.of();
    if (output != null) {
      // one step: either every report and the JUnit file are replaced, or none
      written = ReportFiles.write(output, out, comparison, chosen, engine, junit);
    }
    PrintWriter w = spec.commandLine().getOut();
    if (!quiet) {
      if (chosen.contains(ReportFormat.TABLE)) {
        w.print(ReportText.render(comparison));
      }
      if (out == null && chosen.contains(ReportFormat.MD)) {
        w.print(ReportMarkdown.render(comparison));
      }
      if (out == null && chosen.contains(ReportFormat.JSON)) {
        w.print(ReportJson.render(comparison));
      }
      for (Path path : written) {
        w.println("Wrote " + path);
      }
      if (junit != null) {
        w.println("Wrote " + junit);
      }
      w.flush();
    }
    List<GuardrailResult> failed = comparison.failedGuardrails();
    if (check && !failed.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      for (GuardrailResult result : failed) {
        err.println("guardrail failed: " + TerminalText.cell(result.message()));
      }
      err.flush();
      return ExitCode.GUARDRAIL;
    }
    return ExitCode.OK;
  }
}
