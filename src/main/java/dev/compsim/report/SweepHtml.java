package dev.compsim.report;

import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep.html}: one self-contained page with the frontier chart (Chart.js inlined, as in
 * report.html) where each point names its parameters and links to its plan file, the frontier
 * table and the variants in sort order. Pebble escapes every value.
 */
public final class SweepHtml {
  /** Rows of the sorted table on the page; sweep.csv has them all. */
  public static final int ROWS = 200;

  private SweepHtml() {}

  public static String render(Sweep sweep) {
    Sweep.Header h = sweep.header();
    String chartJs = ReportHtml.chartJs();
    String app = ReportHtml.app("dev/compsim/report/sweep.js");
    String style = ReportHtml.resource("dev/compsim/report/report.css");
    boolean modelled = h.behavior();
    List<Sweep.Row> frontier = sweep.frontier();
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("xAxis", modelled ? "expected cost" : "total cost");
    chart.put("yAxis", modelled ? "expected revenue" : "reps losing more than 10%");
    chart.put("frontier", points(frontier, modelled));
    chart.put("variants", points(sweep.rows(), modelled));
    chart.put("baseline", modelled && sweep.baseline().expectedCost() == null ? null
        : points(List.of(sweep.baseline()), modelled).get(0));
    String chartData = ReportJson.write(chart).replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("&", "\\u0026");

    Map<String, Object> context = new LinkedHashMap<>();
    context.put("title", "compsim sweep: " + sweep.rows().size() + " variants of "
        + h.basePlan());
    context.put("subtitle", String.format(java.util.Locale.ROOT, "Against %s, on %,d won deals "
        + "as of %s (%s %s won list revenue); varied: %s.", h.baselinePlan(), h.wonDeals(),
        h.asOf(), Fmt.money(h.wonRevenue()), h.currency(), String.join("; ", h.vary())));
    context.put("asOf", h.asOf());
    context.put("axes", sweep.frontierAxes());
    List<String> notes = new ArrayList<>();
    notes.add(frontier.size() + " of " + sweep.rows().size() + " variants are on the frontier: "
        + "no other variant costs less without " + (modelled ? "bringing in less expected "
        + "revenue" : "more reps losing more than 10% of their pay") + ".");
    if (modelled) {
      notes.add("Expected figures are modelled: the mean of " + h.behaviorRuns() + " simulated "
          + "runs, seed " + h.seed() + ", as compare computes them.");
    }
    context.put("notes", notes);
    context.put("frontier", table(sweep, frontier));
    List<Sweep.Row> sorted = sweep.sorted();
    List<Sweep.Row> shown = new ArrayList<>();
    shown.add(sweep.baseline());
    shown.addAll(sorted.subList(0, Math.min(ROWS, sorted.size())));
    context.put("sortedTitle", "Variants by " + h.sort() + (sorted.size() > ROWS ? " (the first "
        + ROWS + " of " + sorted.size() + "; sweep.csv has every one)" : ""));
    context.put("sorted", table(sweep, shown));
    context.put("chartJs", chartJs);
    context.put("app", app);
    context.put("style", style);
    context.put("chartData", chartData);
    context.put("csp", ReportHtml.csp(chartJs, app, style));
    try {
      PebbleTemplate template = ReportHtml.PEBBLE.getTemplate("dev/compsim/report/sweep.html.peb");
      StringWriter out = new StringWriter();
      template.evaluate(out, context);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Map<String, Object>> points(List<Sweep.Row> rows, boolean modelled) {
    List<Map<String, Object>> points = new ArrayList<>();
    for (Sweep.Row row : rows) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("id", row.id());
      point.put("params", row.params().isEmpty() ? row.plan() : row.describe());
      point.put("x", modelled ? row.expectedCost() : row.totalCost());
      point.put("y", modelled ? row.expectedRevenue()
          : BigDecimal.valueOf(row.repsLosingMoreThan10Pct()));
      point.put("href", row.params().isEmpty() ? null : row.planFile());
      points.add(point);
    }
    return points;
  }

  private static Map<String, Object> table(Sweep sweep, List<Sweep.Row> rows) {
    boolean modelled = sweep.header().behavior();
    List<Map<String, Object>> header = new ArrayList<>();
    String[] names = modelled ? new String[] {"variant", "parameters", "total cost", "change",
        "cost of sales", "reps losing >10%", "guardrails", "expected cost", "expected revenue"}
        : new String[] {"variant", "parameters", "total cost", "change", "cost of sales",
            "reps losing >10%", "guardrails"};
    for (int i = 0; i < names.length; i++) {
      header.add(Map.of("text", names[i], "numeric", i >= 2 && i != 6));
    }
    List<List<Map<String, Object>>> body = new ArrayList<>();
    for (Sweep.Row row : rows) {
      boolean base = row.params().isEmpty();
      List<Map<String, Object>> cells = new ArrayList<>();
      cells.add(cell(row.id(), false, base ? "" : row.planFile()));
      cells.add(cell(base ? row.plan() + " (baseline)" : row.describe(), false, ""));
      cells.add(cell(Fmt.money(row.totalCost()), true, ""));
      cells.add(cell(base ? "—" : Fmt.signedMoney(row.costChange()), true, ""));
      cells.add(cell(Fmt.pct(row.costOfSales()), true, ""));
      cells.add(cell(base ? "—" : String.valueOf(row.repsLosingMoreThan10Pct()), true, ""));
      // the metric names with spaces, so that a long one wraps in its cell
      // the failed guardrails' names are long: they wrap inside the cell, not past the page
      cells.add(Map.of("text", SweepText.guardrails(row).replace('_', ' '), "numeric", false,
          "href", "", "wrap", true));
      if (modelled) {
        cells.add(cell(row.expectedCost() == null ? "n/a" : Fmt.money(row.expectedCost()), true,
            ""));
        cells.add(cell(row.expectedRevenue() == null ? "n/a"
            : Fmt.money(row.expectedRevenue()), true, ""));
      }
      body.add(cells);
    }
    return Map.of("header", header, "rows", body);
  }

  private static Map<String, Object> cell(String text, boolean numeric, String href) {
    return Map.of("text", text, "numeric", numeric, "href", href, "wrap", false);
  }
}
