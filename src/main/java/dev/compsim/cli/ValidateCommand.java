package dev.compsim.cli;

import dev.compsim.engine.DataCoverage;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.io.LoadedData;
import dev.compsim.io.PlanReader;
import dev.compsim.model.DataSet;
import dev.compsim.model.Plan;
import dev.compsim.report.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compsim validate}: every problem of the plans and the data, at once. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks plans and, with --data, the data against them; prints every problem as "
        + "file:line:column: error: message. Exit 2 when there is any problem.",
    footerHeading = "%nExamples:%n",
    footer = {"  compsim validate plans/*.yaml --data sample-data",
        "  compsim validate plan.yaml --deals crm.csv --reps reps.csv --preset hubspot",
        "  compsim validate plan.yaml --data dir --columns map.yaml"})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PLAN", description = "Plan files (YAML).")
  List<Path> planFiles;

  @Mixin
  DataOptions data;

  @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
  boolean quiet;

  @Option(names = "--no-progress", description = "Accepted for scripts that pass it to every "
      + "command; validate shows no progress bar.")
  boolean noProgress;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<Diagnostic> problems = new ArrayList<>();
    List<Plan> plans = List.of();
    try {
      plans = new PlanReader().readAll(planFiles);
    } catch (InputException e) {
      problems.addAll(e.diagnostics());
    }
    LoadedData loaded = null;
    if (data.given()) {
      try {
        // plan-against-data checks need plans that read cleanly
        loaded = Inputs.loadData(problems.isEmpty() ? plans : List.of(),
            problems.isEmpty() ? planFiles : List.of(), data);
      } catch (InputException e) {
        problems.addAll(e.diagnostics());
      }
    }
    if (!problems.isEmpty()) {
      InputException all = new InputException(problems);
      PrintWriter err = spec.commandLine().getErr();
      DiagnosticPrinter.print(err, all.diagnostics());
      int count = all.diagnostics().size();
      err.println(count + (count == 1 ? " problem" : " problems") + " found.");
      err.flush();
      return ExitCode.INPUT;
    }
    int warnings = 0;
    if (loaded != null) {
      // what the plans pay on that the data cannot show: not an error, but never silent
      DataSet used = data.assumed(loaded.data());
      PrintWriter err = spec.commandLine().getErr();
      for (int i = 0; i < plans.size(); i++) {
        for (DataCoverage.Gap gap : DataCoverage.of(plans.get(i), used)) {
          err.println(TerminalText.cell(planFiles.get(i) + ": warning: " + gap.message()));
          warnings++;
        }
      }
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    String summary = plans.size() + (plans.size() == 1 ? " plan" : " plans");
    if (loaded != null) {
      summary += ", " + loaded.data().deals().size() + " deals, " + loaded.data().reps().size()
          + " reps, " + loaded.data().partners().size() + " partners";
    }
    if (!quiet) {
      out.println("OK: " + summary + " checked, no problems"
          + (warnings == 0 ? "." : "; " + warnings + (warnings == 1 ? " warning" : " warnings")
              + " about what the data cannot measure."));
    }
    out.flush();
    return ExitCode.OK;
  }
}
