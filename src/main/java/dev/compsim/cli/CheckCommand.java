package dev.compsim.cli;

import dev.compsim.io.OutputDir;
import dev.compsim.report.Comparison;
import dev.compsim.report.GuardrailResult;
import dev.compsim.report.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compsim check}: each plan's guardrails, for CI. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Evaluates each plan's guardrails on the data; exit 1 if any fails. The first "
        + "plan is the baseline for guardrails that compare with one (reps losing pay, cost "
        + "change); for the baseline itself those are skipped.",
    footerHeading = "%nExample:%n",
    footer = "  compsim check plans/traditional.yaml plans/outcomes-first.yaml --data sample-data "
        + "--junit guardrails.xml")
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PLAN", description = "Plan files (YAML).")
  List<Path> planFiles;

  @Mixin
  DataOptions data;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "What is known on that date (yyyy-MM-dd); default: the latest date in the data.")
  LocalDate asOf;

  @Option(names = "--junit", paramLabel = "FILE",
      description = "Write the results as JUnit XML: one test case per guardrail.")
  Path junit;

  @Option(names = {"-q", "--quiet"}, description = "Print only failures.")
  boolean quiet;

  @Option(names = "--no-progress", description = "Accepted for scripts that pass it to every "
      + "command; check shows no progress bar.")
  boolean noProgress;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Set<ReportFormat> none = EnumSet.noneOf(ReportFormat.class);
    Comparison comparison;
    try (OutputDir output = ReportFiles.open(null, none, junit)) {
      // guardrails need the plans' totals only: the deals are priced in cents over the deal
      // table, built while the inputs are checked, as run prices them
      Inputs inputs = Inputs.load(planFiles, data, asOf, true);
      comparison = data.stated(Comparison.ofTotals(inputs.engine(), inputs.plans()));
      if (output != null) {
        ReportFiles.write(output, null, comparison, none, inputs.engine(), junit);
      }
    }
    // the whole report on one stream, in order: failures among the passes, as they were checked
    PrintWriter out = spec.commandLine().getOut();
    List<GuardrailResult> results = comparison.guardrails();
    for (GuardrailResult result : results) {
      switch (result.outcome()) {
        case FAILED -> out.println("FAIL " + TerminalText.cell(result.message()));
        case PASSED -> {
          if (!quiet) {
            out.println("ok   " + TerminalText.cell(result.message()));
          }
        }
        case SKIPPED -> {
          if (!quiet) {
            out.println("skip " + TerminalText.cell(result.message()));
          }
        }
      }
    }
    long failed = comparison.failedGuardrails().size();
    if (!quiet) {
      out.println(results.isEmpty() ? "No plan sets guardrails."
          : results.size() + " guardrails as of " + comparison.asOf() + ": " + failed
              + " failed.");
    }
    out.flush();
    return failed == 0 ? ExitCode.OK : ExitCode.GUARDRAIL;
  }
}
