package dev.compsim.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A sweep as a terminal table (the best rows and the frontier) and as {@code sweep.csv}. */
public final class SweepText {
  /** Rows of the sorted table the terminal shows; sweep.csv has them all. */
  public static final int SHOWN = 20;

  private SweepText() {}

  /** The terminal summary: the baseline, the first rows in sort order, the frontier. */
  public static String render(Sweep sweep) {
    Sweep.Header h = sweep.header();
    StringBuilder out = new StringBuilder();
    out.append(String.format(java.util.Locale.ROOT, "%,d variants of %s (%s) against %s, on %,d"
        + " won deals as of %s, %s %s won list revenue.%n", sweep.rows().size(), h.basePlan(),
        h.base(), h.baselinePlan() + " (the baseline row)", h.wonDeals(), h.asOf(), Fmt.money(h.wonRevenue()),
        h.currency()));
    List<Sweep.Row> sorted = sweep.sorted();
    out.append("Sorted by ").append(h.sort()).append(sorted.size() > SHOWN
        ? " (the first " + SHOWN + "; sweep.csv has every variant)" : "").append(":\n");
    out.append(table(sweep, sorted.subList(0, Math.min(SHOWN, sorted.size())), true));
    List<Sweep.Row> frontier = sweep.frontier();
    out.append("\nPareto frontier, ").append(sweep.frontierAxes()).append(" (")
        .append(frontier.size()).append(frontier.size() == 1 ? " variant" : " variants")
        .append(", cheapest first):\n");
    out.append(table(sweep, frontier, false));
    if (sweep.rows().stream().anyMatch(r -> !r.guardrailsFailed().isEmpty())) {
      out.append("Guardrails: the failing ones are named in sweep.csv and sweep.html.\n");
    }
    return out.toString();
  }

  private static String table(Sweep sweep, List<Sweep.Row> rows, boolean withBaseline) {
    boolean modelled = sweep.header().behavior();
    List<String> paths = paths(sweep);
    List<String> headers = new ArrayList<>(List.of("variant"));
    headers.addAll(paths);
    headers.addAll(List.of("total cost", "change", "cost of sales", "reps losing >10%",
        "guardrails"));
    if (modelled) {
      headers.addAll(List.of("expected cost", "expected revenue"));
    }
    TextTable table = new TextTable(headers);
    List<Sweep.Row> all = new ArrayList<>();
    if (withBaseline) {
      all.add(sweep.baseline());
    }
    all.addAll(rows);
    for (Sweep.Row row : all) {
      boolean base = row.params().isEmpty();
      List<String> cells = new ArrayList<>();
      cells.add(row.id());
      for (int i = 0; i < paths.size(); i++) {
        cells.add(base ? "—" : row.params().get(i).value());
      }
      cells.add(Fmt.money(row.totalCost()));
      cells.add(base ? "—" : Fmt.signedMoney(row.costChange()));
      cells.add(Fmt.pct(row.costOfSales()));
      cells.add(base ? "—" : String.valueOf(row.repsLosingMoreThan10Pct()));
      cells.add(row.guardrails() == 0 ? "none" : row.guardrailsFailed().isEmpty()
          ? row.guardrails() + " pass" : row.guardrailsFailed().size() + " of " + row.guardrails()
              + " FAIL");
      if (modelled) {
        cells.add(money(row.expectedCost()));
        cells.add(money(row.expectedRevenue()));
      }
      table.row(cells);
    }
    String text = table.render();
    return text.endsWith("\n") ? text : text + "\n";
  }

  /** The varied keys, in --vary order. */
  static List<String> paths(Sweep sweep) {
    List<String> paths = new ArrayList<>();
    if (!sweep.rows().isEmpty()) {
      sweep.rows().get(0).params().forEach(p -> paths.add(p.path()));
    }
    return paths;
  }

  /** {@code 2 pass}, {@code FAIL cost_of_sales}, {@code none}. */
  static String guardrails(Sweep.Row row) {
    if (row.guardrails() == 0) {
      return "none";
    }
    if (row.guardrailsFailed().isEmpty()) {
      return row.guardrails() + " pass";
    }
    return "FAIL " + String.join(", ", row.guardrailsFailed());
  }

  private static String money(BigDecimal value) {
    return value == null ? "n/a" : Fmt.money(value);
  }

  /** {@code sweep.csv}: every variant in sort order, one column per varied key. */
  public static String csv(Sweep sweep) {
    Set<String> onFrontier = new HashSet<>();
    sweep.frontier().forEach(r -> onFrontier.add(r.id()));
    List<String> paths = paths(sweep);
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("rank", "id"));
    header.addAll(paths);
    header.addAll(List.of("plan", "total_cost", "rep_cost", "channel_cost", "cost_of_sales",
        "cost_change", "reps_losing_more_than_10pct", "guardrails", "guardrails_failed",
        "expected_cost", "expected_revenue", "expected_reps_losing_more_than_10pct",
        "on_frontier", "plan_file"));
    line(out, header);
    int rank = 0;
    List<Sweep.Row> all = new ArrayList<>();
    all.add(sweep.baseline());
    all.addAll(sweep.sorted());
    for (Sweep.Row row : all) {
      List<String> cells = new ArrayList<>();
      cells.add(row.params().isEmpty() ? "" : String.valueOf(++rank));
      cells.add(row.id());
      for (int i = 0; i < paths.size(); i++) {
        cells.add(row.params().isEmpty() ? "" : text(row.params().get(i).value()));
      }
      cells.add(text(row.plan()));
      cells.add(plain(row.totalCost()));
      cells.add(plain(row.repCost()));
      cells.add(plain(row.channelCost()));
      cells.add(plain(row.costOfSales()));
      cells.add(plain(row.costChange()));
      cells.add(String.valueOf(row.repsLosingMoreThan10Pct()));
      cells.add(String.valueOf(row.guardrails()));
      cells.add(String.join(";", row.guardrailsFailed()));
      cells.add(plain(row.expectedCost()));
      cells.add(plain(row.expectedRevenue()));
      cells.add(row.expectedRepsLosingMoreThan10Pct() == null ? ""
          : String.valueOf(row.expectedRepsLosingMoreThan10Pct()));
      cells.add(onFrontier.contains(row.id()) ? "true" : row.params().isEmpty() ? "" : "false");
      cells.add(row.params().isEmpty() ? "" : row.planFile());
      line(out, cells);
    }
    return out.toString();
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  /** Text that starts like a spreadsheet formula is shown, never run. */
  private static String text(String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
        && !value.matches("-?[0-9.]+")) {
      return "'" + value;
    }
    return value;
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (i > 0) {
        out.append(',');
      }
      if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
          || cell.indexOf('\r') >= 0) {
        out.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        out.append(cell);
      }
    }
    out.append("\r\n");
  }
}
