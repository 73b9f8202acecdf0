package dev.compsim.cli;

import dev.compsim.engine.Engine;
import dev.compsim.engine.Ledger;
import dev.compsim.engine.LedgerLine;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.model.Deal;
import dev.compsim.model.Partner;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.report.Explanation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compsim explain}: the calculation behind one rep's or one deal's payout. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Shows the calculation trace behind one rep's payout (or one deal's, or one "
        + "partner's), line by line: credit, attainment, tiers, holdback, spiffs, partner "
        + "margin, tiers, rebates, rewards and prizes.",
    footerHeading = "%nExamples:%n",
    footer = {"  compsim explain plans/outcomes-first.yaml --data sample-data --rep R007",
        "  compsim explain plans/outcomes-first.yaml --data sample-data --deal D-00042",
        "  compsim explain plans/volume-rebates.yaml --data sample-data --partner P03"})
final class ExplainCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PLAN", description = "Plan file (YAML).")
  Path planFile;

  @Mixin
  DataOptions data;

  @Option(names = "--rep", paramLabel = "ID", description = "Explain this rep's payout.")
  String rep;

  @Option(names = "--deal", paramLabel = "ID", description = "Explain this deal's payouts.")
  String deal;

  @Option(names = "--partner", paramLabel = "ID",
      description = "Explain what this partner and its sellers are paid.")
  String partner;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "What is known on that date (yyyy-MM-dd); default: the latest date in the data.")
  LocalDate asOf;

  @Option(names = "--no-progress", description = "Accepted for scripts that pass it to every "
      + "command; explain shows no progress bar.")
  boolean noProgress;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (rep == null && deal == null && partner == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Give --rep ID, --deal ID or --partner ID");
    }
    if (rep != null && partner != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Give --rep ID or --partner ID, not both");
    }
    Inputs inputs = Inputs.load(List.of(planFile), data, asOf);
    Engine engine = inputs.engine();
    Plan plan = inputs.plans().get(0);
    Rep theRep = null;
    if (rep != null) {
      theRep = inputs.data().reps().get(rep);
      if (theRep == null) {
        throw new InputException(Diagnostic.of(inputs.loaded().files().reps(),
            "no rep " + rep + " in reps.csv" + nearest(rep, inputs.data().reps().keySet())));
      }
    }
    Deal theDeal = null;
    if (deal != null) {
      theDeal = inputs.data().deals().stream().filter(d -> d.id().equals(deal)).findFirst()
          .orElse(null);
      if (theDeal == null) {
        throw new InputException(Diagnostic.of(inputs.loaded().files().deals(),
            "no deal " + deal + " in the deals file"));
      }
    }
    Partner thePartner = null;
    if (partner != null) {
      thePartner = inputs.data().partners().get(partner);
      if (thePartner == null) {
        Path partnersFile = inputs.loaded().files().partners();
        throw new InputException(Diagnostic.of(
            partnersFile == null ? inputs.loaded().files().deals() : partnersFile,
            "no partner " + partner + " in partners.csv"
                + nearest(partner, inputs.data().partners().keySet())));
      }
    }
    Ledger ledger = engine.ledger(plan);
    Predicate<LedgerLine> filter = line -> true;
    if (theRep != null) {
      String id = theRep.id();
      filter = filter.and(line -> Explanation.ofRep(line, id));
    }
    if (theDeal != null) {
      String id = theDeal.id();
      filter = filter.and(line -> id.equals(line.dealId()));
    }
    if (thePartner != null) {
      filter = filter.and(Explanation.ofPartner(thePartner.id(), inputs.data().deals()));
    }
    List<LedgerLine> lines = ledger.select(filter);
    PrintWriter out = spec.commandLine().getOut();
    if (thePartner != null && theDeal == null) {
      out.print(Explanation.forPartner(plan, thePartner, engine.asOf(), lines));
    } else if (theDeal != null) {
      out.print(Explanation.forDeal(plan, theDeal, inputs.data().reps(), engine.asOf(), lines,
          inputs.data().payments().forDeal(theDeal.id())));
    } else {
      out.print(Explanation.forRep(plan, theRep, engine.asOf(), lines));
    }
    out.flush();
    return ExitCode.OK;
  }

  private static String nearest(String wrong, java.util.Collection<String> ids) {
    String best = null;
    for (String id : ids) {
      if (id.equalsIgnoreCase(wrong)) {
        best = id;
      }
    }
    return best == null ? "" : " (did you mean " + best + "?)";
  }
}
