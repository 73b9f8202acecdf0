package dev.compsim.cli;

import dev.compsim.engine.Engine;
import dev.compsim.engine.LedgerSums;
import dev.compsim.engine.SummingSink;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.io.LedgerCsvWriter;
import dev.compsim.io.OutputDir;
import dev.compsim.model.Plan;
import dev.compsim.report.Comparison;
import dev.compsim.report.PlanFigures;
import dev.compsim.report.PlanTotals;
import dev.compsim.report.ReportJson;
import dev.compsim.report.ReportMarkdown;
import dev.compsim.report.ReportSection;
import dev.compsim.report.RunSummary;
import dev.compsim.report.SectionText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compsim run}: the payouts of each plan. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Computes the payouts of each plan on the deals: a terminal summary per plan, "
        + "and with --out the ledger (every line with a trace of its computation).",
    footerHeading = "%nExample:%n",
    footer = "  compsim run plans/traditional.yaml plans/comp-neutral.yaml --data sample-data "
        + "--out out/")
final class RunCommand implements Callable<Integer> {
  /** What run can write, in the order it writes them; html and xlsx come from compare. */
  private static final List<ReportFormat> FORMATS = List.of(ReportFormat.TABLE,
      ReportFormat.CSV, ReportFormat.MD, ReportFormat.JSON);

  @Parameters(arity = "1..*", paramLabel = "PLAN", description = "Plan files (YAML).")
  List<Path> planFiles;

  @Mixin
  DataOptions data;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "What is known on that date (yyyy-MM-dd); default: the latest date in the data.")
  LocalDate asOf;

  @Option(names = "--out", paramLabel = "DIR", description = "Write ledger.csv, summary.md and "
      + "report.json into DIR (the first plan is the baseline of the report).")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Outputs: table, csv (ledger.csv), md (summary.md), json (report.json); "
          + "repeatable. Default: table, and every file with --out. Without --out, md and json "
          + "print to the terminal.")
  List<ReportFormat> formats;

  @Option(names = "--top", paramLabel = "N", defaultValue = "5",
      description = "How many top earners to list per plan, 0 or more (default: "
          + "${DEFAULT-VALUE}).")
  int top;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--no-progress", description = "Accepted for scripts that pass it to every "
      + "command; run shows no progress bar.")
  boolean noProgress;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (top < 0) {
      throw new InputException(Diagnostic.of(null, "--top must be 0 or more, not " + top));
    }
    Set<ReportFormat> chosen = chosen();
    List<String> files = new ArrayList<>();
    if (out != null) {
      for (ReportFormat format : FORMATS) {
        if (chosen.contains(format) && format.file != null) {
          files.add(format.file);
        }
      }
    }
    // the output is checked and locked before the work
    try (OutputDir dir = files.isEmpty() ? null
        : OutputDir.open(out, files.toArray(String[]::new))) {
      return run(dir, chosen);
    }
  }

  /** The outputs asked for: table alone by default, every file too with --out. */
  private Set<ReportFormat> chosen() {
    if (formats == null || formats.isEmpty()) {
      return out == null ? EnumSet.of(ReportFormat.TABLE) : EnumSet.copyOf(FORMATS);
    }
    Set<ReportFormat> chosen = EnumSet.copyOf(formats);
    for (ReportFormat format : chosen) {
      if (!FORMATS.contains(format)) {
        throw new ParameterException(spec.commandLine(), "--format " + format.code()
            + " is written by compare and simulate; run writes table, csv, md and json");
      }
      if (out == null && format == ReportFormat.CSV) {
        throw new ParameterException(spec.commandLine(),
            "--format csv writes ledger.csv: give --out DIR");
      }
    }
    return chosen;
  }

  private int run(OutputDir dir, Set<ReportFormat> chosen) {
    boolean report = chosen.contains(ReportFormat.MD) || chosen.contains(ReportFormat.JSON);
    boolean ledgerFile = dir != null && chosen.contains(ReportFormat.CSV);
    Inputs inputs = Inputs.load(planFiles, data, asOf, !ledgerFile);
    Engine engine = inputs.engine();
    List<Plan> plans = inputs.plans();
    List<PlanTotals> totals = new ArrayList<>();
    for (Plan plan : plans) {
      totals.add(new PlanTotals(plan.name(), engine.wonRevenue(plan)));
    }
    Comparison comparison = null;
    if (!report && !ledgerFile) {
      // plans are independent: price them side by side over the same deal table; only sums
      // are shown, so no ledger line is made unless a plan's numbers need decimals
      IntStream.range(0, plans.size()).parallel().forEach(i -> {
        LedgerSums sums = engine.sums(plans.get(i));
        if (sums != null) {
          totals.get(i).add(sums);
        } else {
          engine.evaluate(plans.get(i), totals.get(i), false);
        }
      });
    } else {
      // one pass per plan feeds the totals, ledger.csv and the report figures; the figures keep
      // sums, not lines, so a large run stays within memory. Without ledger.csv no line is made
      // per deal: the deals are priced in cents and their lines summed for the figures
      List<PlanFigures> figures = new ArrayList<>();
      try (LedgerCsvWriter ledger = ledgerFile
          ? new LedgerCsvWriter(dir.writer(out.resolve("ledger.csv"))) : null) {
        for (int i = 0; i < plans.size(); i++) {
          SummingSink sink = totals.get(i);
          if (report) {
            PlanFigures planFigures = new PlanFigures(plans.get(i), totals.get(i).wonRevenue(),
                inputs.data(), false);
            figures.add(planFigures);
            sink = sink.andThen(planFigures);
          }
          if (ledger == null) {
            engine.evaluateSummed(plans.get(i), sink);
          } else {
            engine.evaluate(plans.get(i), sink.andThen(ledger), true);
          }
        }
      }
      if (report) {
        comparison = data.stated(FeatureSections.append(Comparison.of(engine.asOf(),
            engine.data(), engine.wonCount(), figures), plans, engine));
      }
      if (dir != null) {
        if (chosen.contains(ReportFormat.MD)) {
          dir.write(out.resolve("summary.md"), ReportMarkdown.render(comparison));
        }
        if (chosen.contains(ReportFormat.JSON)) {
          dir.write(out.resolve("report.json"), ReportJson.render(comparison));
        }
        dir.commit();
      }
    }
    if (!quiet) {
      PrintWriter w = spec.commandLine().getOut();
      if (chosen.contains(ReportFormat.TABLE)) {
        printTable(w, inputs, engine, plans, totals);
      }
      if (dir == null && chosen.contains(ReportFormat.MD)) {
        w.print(ReportMarkdown.render(comparison));
      }
      if (dir == null && chosen.contains(ReportFormat.JSON)) {
        w.print(ReportJson.render(comparison));
      }
      if (dir != null) {
        List<String> written = new ArrayList<>();
        for (ReportFormat format : FORMATS) {
          if (chosen.contains(format) && format.file != null) {
            written.add(out.resolve(format.file).toString());
          }
        }
        w.printf(Locale.ROOT, "%sWrote %s%n", chosen.contains(ReportFormat.TABLE) ? "\n" : "",
            written.size() == 1 ? written.get(0) : String.join(", ",
                written.subList(0, written.size() - 1)) + " and " + written.get(written.size() - 1));
      }
      w.flush();
    }
    return ExitCode.OK;
  }

  private void printTable(PrintWriter w, Inputs inputs, Engine engine, List<Plan> plans,
      List<PlanTotals> totals) {
    w.printf(Locale.ROOT, "%d won deals as of %s (of %d in the data)%n%n",
        engine.wonCount(), engine.asOf(), inputs.data().deals().size());
    w.print(RunSummary.render(totals, inputs.data().reps(), top));
    // the partner sections compare and the report files show, chosen by the same rule
    for (ReportSection section : FeatureSections.partnerSections(plans, engine)) {
      w.print("\n" + SectionText.render(section));
    }
  }
}
