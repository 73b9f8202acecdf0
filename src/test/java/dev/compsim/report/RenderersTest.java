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
    Map<String, String> entries = unzip(xlsx(comparison()));
    assertThat(entries.get("xl/workbook.xml")).contains("name=\"Summary\"",
        "name=\"Rep changes\"", "name=\"Ledger\"", "name=\"Simulated partner share\"");
    assertThat(entries.get("docProps/core.xml")).contains("2000-01-01T00:00:00Z");
    String summary = entries.get("xl/worksheets/sheet1.xml");
    // total cost of Base as a number cell, and cost of sales 15.3% as the ratio 0.153
    assertThat(summary).containsPattern("<c r=\"B\\d+\"[^>]*><v>36800(\\.00)?</v></c>");
    assertThat(summary).containsPattern("<v>0\\.153</v>");
    String reps = entries.get("xl/worksheets/sheet2.xml");
    assertThat(reps).containsPattern("<v>-1200(\\.00)?</v>");
  }

  @Test
  void cellsParseBackToNumbers() {
    assertThat(ReportXlsx.parse("1,234.50")).isEqualByComparingTo("1234.50");
    assertThat(ReportXlsx.parse("+12.5%")).isEqualByComparingTo("0.125");
    assertThat(ReportXlsx.parse("-3")).isEqualByComparingTo("-3");
    assertThat(ReportXlsx.parse("n/a")).isNull();
    assertThat(ReportXlsx.parse("4 / 9")).isNull();
    java.util.Set<String> taken = new java.util.HashSet<>();
    assertThat(ReportXlsx.sheetName("Rep payout change against the baseline: a/b", taken))
        .isEqualTo("Rep payout change against the");
    assertThat(ReportXlsx.sheetName("Rep payout change against the baseline", taken))
        .isEqualTo("Rep payout change against the 2");
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
