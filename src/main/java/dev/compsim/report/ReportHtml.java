package dev.compsim.report;

import dev.compsim.engine.Status;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code report.html}: one self-contained page. Pebble escapes every value (text from the data
 * included); Chart.js is inlined from its WebJar, the chart data travels as a JSON block, and a
 * Content-Security-Policy allows exactly the page's own scripts and style by hash, so the page
 * needs no network and runs nothing else.
 */
public final class ReportHtml {
  private static final String TEMPLATE = "dev/compsim/report/report.html.peb";
  private static final String APP_SCRIPT = "dev/compsim/report/report.js";
  /** What report.html and sweep.html share ahead of their own script: the page's error list. */
  private static final String PAGE_SCRIPT = "dev/compsim/report/page.js";
  private static final String STYLE = "dev/compsim/report/report.css";

  /** The templates of report.html and sweep.html, escaping every value. */
  static final PebbleEngine PEBBLE = new PebbleEngine.Builder()
      .loader(new ClasspathLoader())
      .autoEscaping(true)
      .strictVariables(true)
      .cacheActive(true)
      .build();

  private ReportHtml() {}

  public static String render(Comparison comparison) {
    String chartJs = chartJs();
    String app = app(APP_SCRIPT);
    String style = resource(STYLE);
    List<ReportSection> sections = comparison.sections();
    List<Object> charts = new ArrayList<>();
    List<Map<String, Object>> sectionModels = new ArrayList<>();
    for (ReportSection section : sections) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("id", section.id());
      model.put("title", section.title());
      model.put("notes", section.notes());
      List<Map<String, Object>> tables = new ArrayList<>();
      for (ReportSection.Table table : section.tables()) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("caption", table.caption());
        List<Map<String, Object>> head = new ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
          head.add(Map.of("text", table.header().get(i), "numeric", table.numeric().get(i)));
        }
        t.put("header", head);
        List<List<Map<String, Object>>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
          List<Map<String, Object>> cells = new ArrayList<>();
          for (int i = 0; i < row.size(); i++) {
            cells.add(Map.of("text", row.get(i), "numeric", table.numeric().get(i),
                "failed", row.get(i).equals("failed") || row.get(i).contains(" FAIL")));
          }
          rows.add(cells);
        }
        t.put("rows", rows);
        tables.add(t);
      }
      model.put("tables", tables);
      List<Map<String, Object>> chartModels = new ArrayList<>();
      for (ReportSection.Chart chart : section.charts()) {
        String domId = section.id() + "--" + chart.id();
        chartModels.add(Map.of("domId", domId, "title", chart.title(),
            "intervals", chart.hasIntervals()));
        charts.add(chartJson(domId, chart));
      }
      model.put("charts", chartModels);
      sectionModels.add(model);
    }
    // JSON inside a script element: '<', '>' and '&' never appear raw, so no text from the data
    // can close the element
    String chartData = ReportJson.write(charts).replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("&", "\\u0026");

    Map<String, Object> context = new LinkedHashMap<>();
    context.put("title", "compsim: " + String.join(" vs ", comparison.plans().stream()
        .map(PlanFigures::name).toList()));
    context.put("asOf", comparison.asOf().toString());
    context.put("cards", cards(comparison));
    context.put("headline", sectionModels.get(0));
    context.put("sections", sectionModels.subList(1, sectionModels.size()));
    context.put("chartJs", chartJs);
    context.put("app", app);
    context.put("style", style);
    context.put("chartData", chartData);
    context.put("csp", csp(chartJs, app, style));
    context.put("chartCount", charts.size());
    try {
      PebbleTemplate template = PEBBLE.getTemplate(TEMPLATE);
      StringWriter out = new StringWriter();
      template.evaluate(out, context);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The headline numbers as cards, one per plan: what a leader reads before anything else. */
  private static List<Map<String, Object>> cards(Comparison comparison) {
    List<Map<String, Object>> cards = new ArrayList<>();
    PlanFigures baseline = comparison.baseline();
    for (int i = 0; i < comparison.plans().size(); i++) {
      PlanFigures plan = comparison.plans().get(i);
      Map<String, Object> card = new LinkedHashMap<>();
      card.put("plan", plan.name());
      card.put("baseline", i == 0);
      card.put("cost", Fmt.money(plan.totalCost()));
      card.put("currency", plan.plan().currency());
      BigDecimal delta = plan.totalCost().subtract(baseline.totalCost());
      card.put("change", i == 0 ? "baseline" : Fmt.signedMoney(delta) + " ("
          + Fmt.signedPct(Fmt.ratio(delta, baseline.totalCost())) + ")");
      card.put("changeTone", i == 0 || delta.signum() == 0 ? "neutral"
          : delta.signum() > 0 ? "up" : "down");
      card.put("costOfSales", Fmt.pct(plan.costOfSales()));
      card.put("held", Fmt.money(plan.status(Status.HELD)));
      if (i > 0) {
        RepChanges change = comparison.repChanges().get(i - 1);
        card.put("reps", change.gaining() + " gain · " + change.losing() + " lose");
      } else {
        card.put("reps", "");
      }
      long total = comparison.guardrails().stream().filter(g -> g.plan().equals(plan.name()))
          .count();
      long failed = comparison.failedGuardrails().stream()
          .filter(g -> g.plan().equals(plan.name())).count();
      card.put("guardrails", total == 0 ? "no guardrails"
          : "guardrails: " + comparison.guardrailCell(plan));
      card.put("guardrailTone", total == 0 ? "neutral" : failed == 0 ? "ok" : "bad");
      Outlook outlook = comparison.outlook();
      card.put("modelled", "");
      if (outlook != null && outlook.computed()) {
        Outlook.Plan expected = outlook.of(plan.name());
        Outlook.Plan base = outlook.of(baseline.name());
        BigDecimal cost = expected.expectedCost().subtract(base.expectedCost());
        BigDecimal revenue = expected.expectedRevenue().subtract(base.expectedRevenue());
        card.put("modelled", i == 0 ? "expected cost " + Fmt.money(expected.expectedCost())
            : "cost " + Fmt.signedMoney(cost) + " (" + Fmt.signedPct(Fmt.ratio(cost,
                base.expectedCost())) + "), revenue " + Fmt.signedMoney(revenue) + " ("
                + Fmt.signedPct(Fmt.ratio(revenue, base.expectedRevenue())) + ")");
      }
      cards.add(card);
    }
    return cards;
  }

  private static Map<String, Object> chartJson(String domId, ReportSection.Chart chart) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", domId);
    json.put("title", chart.title());
    json.put("kind", chart.kind());
    json.put("xAxis", chart.xAxis());
    json.put("yAxis", chart.yAxis());
    json.put("labels", chart.labels());
    List<Object> series = new ArrayList<>();
    for (ReportSection.Series one : chart.series()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("label", one.label());
      s.put("values", one.values());
      s.put("low", one.low());
      s.put("high", one.high());
      series.add(s);
    }
    json.put("series", series);
    return json;
  }

  /** A page's one inline script: the shared page script, then {@code script}. */
  static String app(String script) {
    return resource(PAGE_SCRIPT) + resource(script);
  }

  /**
   * The page's content security policy: only the inlined scripts and style, by their hashes, no
   * network, no forms. The comparison and the sweep pages share it.
   */
  static String csp(String chartJs, String app, String style) {
    return "default-src 'none'; script-src '" + sha256(chartJs) + "' '" + sha256(app)
        + "'; style-src '" + sha256(style) + "'; img-src data:; base-uri 'none'; "
        + "form-action 'none'";
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A resource of the jar as text. */
  static String resource(String name) {
    try (InputStream in = ReportHtml.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Chart.js from the WebJar on the classpath, whatever version Maven resolved. */
  public static String chartJs() {
    Properties properties = new Properties();
    try (InputStream in = ReportHtml.class.getClassLoader().getResourceAsStream(
        "META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the Chart.js WebJar is not on the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return resource("META-INF/resources/webjars/chart.js/" + properties.getProperty("version")
        + "/dist/chart.umd.min.js");
  }
}
