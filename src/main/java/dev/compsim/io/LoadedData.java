package dev.compsim.io;

import dev.compsim.engine.Problem;
import dev.compsim.model.DataSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The data set and where each deal, rep and partner came from, to place later problems. */
public final class LoadedData {
  private final DataSet data;
  private final DataFiles files;
  private final DealLines dealLines;
  private final Map<String, Integer> dealColumns;
  private final Map<String, Integer> repLines;
  private final Map<String, Integer> partnerLines;
  private final CurrencyClaims currencyClaims;
  private final java.util.Set<String> currencyInAmount;

  LoadedData(DataSet data, DataFiles files, DealLines dealLines, Map<String, Integer> dealColumns,
      Map<String, Integer> repLines, Map<String, Integer> partnerLines,
      CurrencyClaims currencyClaims, java.util.Set<String> currencyInAmount) {
    this.data = data;
    this.files = files;
    this.dealLines = dealLines;
    this.dealColumns = Map.copyOf(dealColumns);
    this.repLines = repLines;
    this.partnerLines = partnerLines;
    this.currencyClaims = currencyClaims;
    this.currencyInAmount = currencyInAmount;
  }

  /**
   * The cells of the data that name a currency {@code plan} is not in, where the row leaves
   * the plan's currency to be assumed ({@code $50,000.00} with no currency in a EUR plan, a
   * quota of {@code EUR 800,000} in a USD plan), placed at the first such cell of each kind.
   */
  public List<Diagnostic> currencyProblems(dev.compsim.model.Plan plan) {
    return currencyClaims.against(plan);
  }

  public DataSet data() {
    return data;
  }

  public DataFiles files() {
    return files;
  }

  /** The line of deal {@code id} in the deals file, or 0. */
  public int dealLine(String id) {
    return dealLines.get(id);
  }

  /**
   * Places problems the engine found: a deal at its line of the deals file, a rep at its line of
   * reps.csv (or, when missing there, at the deals file), a plan problem at the plan file.
   */
  public List<Diagnostic> place(List<Problem> problems, Path planFile) {
    List<Diagnostic> placed = new ArrayList<>();
    for (Problem problem : problems) {
      placed.add(switch (problem.subject()) {
        case DEAL -> new Diagnostic(files.deals(), dealLine(problem.id()),
            problem.column() == null ? 0 : column(problem.column(), problem.id()),
            problem.message() + uses(problem.deals()));
        case REP -> repLines.containsKey(problem.id())
            ? new Diagnostic(files.reps(), repLines.get(problem.id()), 0, problem.message())
            : new Diagnostic(files.deals(), 0, 0, problem.message());
        case PARTNER -> partnerLines.containsKey(problem.id()) && files.partners() != null
            ? new Diagnostic(files.partners(), partnerLines.get(problem.id()), 0, problem.message())
            : new Diagnostic(files.deals(), 0, 0, problem.message());
        case ACTIVITY -> new Diagnostic(files.activities(), 0, 0, problem.message());
        case PLAN -> PlanReader.at(planFile, problem.id(), problem.message());
      });
    }
    return placed;
  }

  /**
   * The deals file's column of {@code name}, or 0; a currency that no currency column holds
   * came from the amount cell ({@code GBP 50000}), so it is placed there.
   */
  private int column(String name, String deal) {
    if (name.equals("currency")
        && (!dealColumns.containsKey(name) || currencyInAmount.contains(deal))) {
      return dealColumns.getOrDefault("amount", 0);
    }
    return dealColumns.getOrDefault(name, 0);
  }

  /** "; used by D4 (line 5), D5 (line 9)": at most five, then how many more. */
  private String uses(List<String> deals) {
    if (deals.isEmpty()) {
      return "";
    }
    List<String> named = new ArrayList<>();
    for (String id : deals.subList(0, Math.min(5, deals.size()))) {
      int line = dealLine(id);
      named.add(line > 0 ? id + " (line " + line + ")" : id);
    }
    return "; used by " + String.join(", ", named)
        + (deals.size() > 5 ? " and " + (deals.size() - 5) + " more" : "");
  }

  static Map<String, Integer> lines() {
    return new HashMap<>();
  }
}
