package dev.compsim.cli;

import dev.compsim.engine.Engine;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.io.LedgerCsvWriter;
import dev.compsim.io.OutputDir;
import dev.compsim.model.Plan;
import dev.compsim.report.CalendarAlignment;
import dev.compsim.report.PartnerPrograms;
import dev.compsim.report.Comparison;
import dev.compsim.report.PlanFigures;
import dev.compsim.report.PlanTotals;
import dev.compsim.report.ReportJson;
import dev.compsim.report.ReportMarkdown;
import dev.compsim.report.RunSummary;
import dev.compsim.report.SectionText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
  /** What {@code --out} receives. */
  private static final String[] FILES = {"ledger.csv", "summary.md", "report.json"};

  @Parameters(arity = "1..*", paramLabel = "PLAN", description = "Plan files (YAML).")
  List<Path> planFiles;

  @Mixin
  DataOptions data;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "What is known on that date (yyyy-MM-dd); default: the latest date in the data.")
  LocalDate asOf;

  @Option(names = "--out", paramLabel = "DIR", description = "Write ledger.csv, summary.md and report.json into DIR (the first plan is "
          + "the baseline of the report).")
  Path out;

  @Option(names = "--top", paramLabel = "N", defaultValue = "5",
      description = "How many top earners to list per plan, 0 or more (default: "
          + "${DEFAULT-VALUE}).")
  int top;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (top < 0) {
      throw new InputException(Diagnostic.of(null, "--top must be 0 or more, not " + top));
    }
    // the output is checked and locked before the work
    try (OutputDir dir = out == null ? null : OutputDir.open(out, FILES)) {
      return run(dir);
    }
  }

  private int run(OutputDir dir) {
    Inputs inputs = Inputs.load(planFiles, data, asOf);
    Engine engine = inputs.engine();
    List<Plan> plans = inputs.plans();
    List<PlanTotals> totals = new ArrayList<>();
    for (Plan plan : plans) {
      totals.add(new PlanTotals(plan.name(), engine.wonRevenue(plan)));
    }
    if (out == null) {
      // plans are independent: evaluate them side by side over the same deals
      IntStream.range(0, plans.size()).parallel()
          .forEach(i -> engine.evaluate(plans.get(i), totals.get(i), false));
    } else {
      // one pass per plan feeds the totals, ledger.csv and the report figures; the figures keep
      // sums, not lines, so a large run stays within memory
      List<PlanFigures> figures = new ArrayList<>();
      try (LedgerCsvWriter ledger = new LedgerCsvWriter(dir.writer(out.resolve("ledger.csv")))) {
        for (int i = 0; i < plans.size(); i++) {
          PlanFigures planFigures = new PlanFigures(plans.get(i), totals.get(i).wonRevenue(),
              inputs.data(), false);
          figures.add(planFigures);
          engine.evaluate(plans.get(i), totals.get(i).andThen(ledger).andThen(planFigures), true);
        }
        ledger.close();
        Comparison comparison = data.stated(FeatureSections.append(Comparison.of(engine.asOf(),
            engine.data(), engine.wonDeals().size(), figures), plans, engine));
        dir.write(out.resolve("summary.md"), ReportMarkdown.render(comparison));
        dir.write(out.resolve("report.json"), ReportJson.render(comparison));
        dir.commit();
      }
    }
    if (!quiet) {
      PrintWriter w = spec.commandLine().getOut();
      w.printf(Locale.ROOT, "%d won deals as of %s (of %d in the data)%n%n",
          engine.wonDeals().size(), engine.asOf(), inputs.data().deals().size());
      w.print(RunSummary.render(totals, inputs.data().reps(), top));
      if (plans.stream().anyMatch(RunCommand::hasPartnerPrograms)) {
        w.print("\n" + SectionText.render(PartnerPrograms.section(plans, engine)));
        w.printf(Locale.ROOT, "%n%s", SectionText.render(CalendarAlignment.section(
            plans.get(0).calendar().yearStart(), plans.get(0).partners().mutualYearStart(),
            engine)));
      }
      if (out != null) {
        w.printf(Locale.ROOT, "%nWrote %s, %s and %s%n", out.resolve("ledger.csv"),
            out.resolve("summary.md"), out.resolve("report.json"));
      }
      w.flush();
    }
    return ExitCode.OK;
  }

  /** Plans with partner tiers, rebates, reward points or competitions get their own section. */
  private static boolean hasPartnerPrograms(Plan plan) {
    var program = plan.partners();
    return program.tiers() != null || !program.rebates().isEmpty()
        || program.repRewards() != null || !plan.competitions().isEmpty();
  }
}
