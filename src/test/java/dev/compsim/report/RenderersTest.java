package dev.compsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.testing.Golden;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class RenderersTest {
  private static final String HOSTILE = "<script>alert(1)</script>";

  /** A section as another feature would add it, with an interval chart. */
  static ReportSection simulated() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("runs", 200);
    return new ReportSection("simulation", "Simulated partner share", List.of("200 runs."),
        List.of(new ReportSection.Table("", List.of("plan", "share"), List.of(false, true),
            List.of(List.of("Held", "41.0%")))),
        List.of(new ReportSection.Chart("share", "Partner share of deals", "line",
            List.of("Base", "Held"), List.of(new ReportSection.Series("mean",
                List.of(new BigDecimal("0.35"), new BigDecimal("0.41")),
                List.of(new BigDecimal("0.30"), new BigDecimal("0.36")),
                List.of(new BigDecimal("0.40"), new BigDecimal("0.47")))), "plan", "share")),
        json);
  }

  static Comparison comparison() {
    return ReportFixtures.comparison().with(simulated());
  }

  @Test
  void markdownGolden() {
    String md = ReportMarkdown.render(comparison());
    assertThat(md).startsWith("# compsim: Base vs Held\n\n|");
    Golden.assertMatches("summary.md", md);
  }

  @Test
  void jsonGolden() {
    String json = ReportJson.render(comparison());
    assertThat(json).startsWith("{\n  \"schema\" : \"compsim-report/1\"");
    assertThat(json).doesNotContain("E+", "E-"); // BigDecimal written plain
    Golden.assertMatches("report.json", json);
  }

  @Test
  void htmlGolden() {
    String html = ReportHtml.render(comparison());
    // the inlined library is pinned by its WebJar version, not by this file
    String page = html.replace(ReportHtml.chartJs(), "/* chart.js */");
    assertThat(page).contains("Content-Security-Policy", "default-src &#39;none&#39;",
        "<canvas id=\"chart-cost--cost-by-plan\"", "<canvas id=\"chart-simulation--share\"",
        "(error bars: low–high interval)");
    assertThat(page.replaceAll("(?s)<script>.*?</script>", "")).doesNotContain("http://", "https://");
    Golden.assertMatches("report.html", page);
  }

  @Test
  void textFromTheDataIsEscaped() {
    Comparison comparison = ReportFixtures.comparison(HOSTILE);
    String html = ReportHtml.render(comparison);
    assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    String md = ReportMarkdown.render(comparison);
    assertThat(md).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    // inside the JSON chart block nothing can close the script element
    ReportSection named = new ReportSection("x", "X", List.of(), List.of(),
        List.of(new ReportSection.Chart("c", HOSTILE, "bar", List.of(HOSTILE),
            List.of(new ReportSection.Series(HOSTILE, List.of(BigDecimal.ONE))))), Map.of());
    String withChart = ReportHtml.render(comparison.with(named));
    assertThat(withChart).doesNotContain(HOSTILE).contains("\\u003cscript\\u003e");
  }

  @Test
  void renderingIsDeterministic() {
    assertThat(ReportHtml.render(comparison())).isEqualTo(ReportHtml.render(comparison()));
    assertThat(xlsx(comparison())).isEqualTo(xlsx(comparison()));
  }

  @Test
  void spreadsheetKeepsNumbersAsNumbersOnSeparateSheets() throws IOException {
    Comparison comparison = comparison();
    Map<String, String> entries = unzip(xlsx(comparison));
    assertThat(entries.get("xl/workbook.xml")).contains("name=\"Summary\"",
        "name=\"Rep changes\"", "name=\"Ledger\"", "name=\"Simulated partner share\"",
        "name=\"Rep payout change\"");
    assertThat(entries.get("docProps/core.xml")).contains("2000-01-01T00:00:00Z");
    String summary = entries.get("xl/worksheets/sheet1.xml");
    // total cost of Base as a number cell, and cost of sales as the exact ratio, not the 0.153
    // that 15.3% shows
    assertThat(summary).containsPattern("<c r=\"B\\d+\"[^>]*><v>36800(\\.00)?</v></c>");
    String costOfSales = comparison.baseline().costOfSales().toPlainString();
    assertThat(costOfSales).isNotEqualTo("0.153000");
    assertThat(summary).contains("<v>" + costOfSales + "</v>").doesNotContain("<v>0.153</v>");
    String reps = entries.get("xl/worksheets/sheet2.xml");
    assertThat(reps).containsPattern("<v>-1200(\\.00)?</v>");
  }

  @Test
  void sheetNamesAreCutAtAWordAndStayMeaningfulAndUnique() {
    java.util.Set<String> taken = new java.util.HashSet<>();
    assertThat(ReportXlsx.sheetName("Rep payout change against the baseline: a/b", taken))
        .isEqualTo("Rep payout change");
    assertThat(ReportXlsx.sheetName("Rep payout change against the baseline", taken))
        .isEqualTo("Rep payout change 2");
    assertThat(ReportXlsx.sheetName("Sensitivity to the assumptions", taken))
        .isEqualTo("Sensitivity to the assumptions");
    assertThat(ReportXlsx.sheetName("Supercalifragilisticexpialidocious-and-more-words", taken))
        .hasSize(ReportXlsx.MAX_SHEET_NAME);
    assertThat(ReportXlsx.sheetName("Partner economics per partner and per partner type",
        taken)).isEqualTo("Partner economics per partner");
  }

  @Test
  void compositeCellsGetACellPerFigureInTheSpreadsheet() {
    Cell change = Cell.withDetail(Cell.signedMoney(new BigDecimal("-1200.00"), "USD"), "%",
        Cell.signedPercent(new BigDecimal("-0.032609")));
    assertThat(Fmt.text(change)).isEqualTo("-1,200.00 (-3.3%)");
    // a row of composites under a label: a second row for the second figure
    ReportSection.Table byRow = ReportSection.Table.of("", List.of("", "Base", "Held"),
        List.of(false, true, true), List.of(List.of(Cell.text("change vs baseline"),
            Cell.text("\u2014"), change)));
    ReportXlsx.Grid rows = ReportXlsx.Grid.of(byRow);
    assertThat(rows.header()).containsExactly("", "Base", "Held");
    assertThat(rows.rows()).hasSize(2);
    assertThat(rows.rows().get(1).get(0).text()).isEqualTo("change vs baseline (%)");
    assertThat(rows.rows().get(1).get(2).value()).isEqualByComparingTo("-0.032609");
    assertThat(rows.rows().get(1).get(1)).isNull();
    // composites among numbers in a row: a column of its own
    ReportSection.Table byColumn = ReportSection.Table.of("", List.of("plan", "reps", "gain"),
        List.of(false, true, true), List.of(List.of(Cell.text("Held"), Cell.count(9),
            Cell.withDetail(Cell.count(4), "share", Cell.percent(new BigDecimal("0.444444"))))));
    ReportXlsx.Grid columns = ReportXlsx.Grid.of(byColumn);
    assertThat(columns.header()).containsExactly("plan", "reps", "gain", "gain (share)");
    assertThat(columns.rows().get(0).get(3).value()).isEqualByComparingTo("0.444444");
    assertThat(Fmt.text(byColumn.cells().get(0).get(2))).isEqualTo("4 (44.4%)");
  }

  @Test
  void textTablesFromStringsStillBuild() {
    ReportSection.Table table = new ReportSection.Table("", List.of("plan", "share"),
        List.of(false, true), List.of(List.of("Held", "41.0%")));
    assertThat(table.rows()).containsExactly(List.of("Held", "41.0%"));
    assertThat(table.cells().get(0).get(1).kind()).isEqualTo(Cell.Kind.TEXT);
  }

  @Test
  void longMarkdownTablesAreCutForPullRequestComments() {
    List<List<String>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < ReportMarkdown.MAX_ROWS + 5; i++) {
      rows.add(List.of("row " + i));
    }
    ReportSection big = new ReportSection("big", "Big", List.of(), List.of(
        new ReportSection.Table("", List.of("x"), List.of(false), rows)), List.of(), Map.of());
    String md = ReportMarkdown.render(ReportFixtures.comparison().with(big));
    assertThat(md).contains("| row 39 |", "_5 more rows in report.html and report.xlsx._")
        .doesNotContain("| row 40 |");
  }

  @Test
  void terminalShowsTheHeadlineAndExtraNotes() {
    String text = ReportText.render(comparison());
    assertThat(text).contains("total cost", "36,800.00", "35,600.00", "-1,200.00 (-3.3%)",
        "Rep payout change against the baseline:", "Simulated partner share:", "  200 runs.");
  }

  @Test
  void junitXmlHasATestCasePerGuardrail() {
    Comparison comparison = ReportFixtures.comparison(HOSTILE);
    String xml = GuardrailJunit.render(List.of("Base", "Held"), comparison.guardrails());
    Golden.assertMatches("guardrails.xml", xml);
    assertThat(xml).contains("tests=\"7\" failures=\"2\" errors=\"0\" skipped=\"1\"");
  }

  private static byte[] xlsx(Comparison comparison) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportXlsx.write(comparison, out);
    return out.toByteArray();
  }

  private static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
