package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compsim.report.ReportHtml;
import dev.compsim.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report format of {@code compare} and {@code run} on {@code sample-data/} with the three
 * plans of the README, pinned by golden files under {@code golden/sample-data/} (rewrite them
 * with {@code -Dgolden.update=true} and review the diff), and the workbook read back: every
 * number in report.xlsx is a figure of report.json, exactly.
 */
class SampleDataReportsTest {
  private static final String[] PLANS = {"plans/traditional.yaml", "plans/outcomes-first.yaml",
      "plans/comp-neutral.yaml"};
  /** A figure shown as text: {@code 1,234.50}, {@code +12.5%}, {@code −3}. */
  private static final Pattern NUMBER_AS_TEXT =
      Pattern.compile("[+\\-\u2212]?\\d[\\d,]*(\\.\\d+)?%?");

  static {
    // POI logs through the Log4j API; its simple logger keeps "no logging provider" off stderr
    System.setProperty("log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
  }

  @TempDir
  static Path dir;
  private static Path compare;
  private static Path run;
  private static Path simulate;
  private static RunCommandTest.Result compareTerminal;
  private static RunCommandTest.Result runTerminal;

  @BeforeAll
  static void reports() {
    compare = dir.resolve("compare");
    run = dir.resolve("run");
    RunCommandTest.Result written = RunCommandTest.run(args("compare", "--out",
        compare.toString(), "--quiet", "--format", "md", "--format", "json", "--format", "html",
        "--format", "xlsx", "--format", "csv"));
    assertThat(written.err()).isEmpty();
    assertThat(written.code()).isZero();
    RunCommandTest.Result ran = RunCommandTest.run(args("run", "--out", run.toString(),
        "--quiet"));
    assertThat(ran.err()).isEmpty();
    assertThat(ran.code()).isZero();
    simulate = dir.resolve("simulate");
    RunCommandTest.Result simulated = RunCommandTest.run(args("simulate", "--runs", "20",
        "--seed", "1", "--no-progress", "--out", simulate.toString(), "--quiet", "--format", "md",
        "--format", "json", "--format", "xlsx"));
    assertThat(simulated.err()).isEmpty();
    assertThat(simulated.code()).isZero();
    compareTerminal = RunCommandTest.run(args("compare"));
    runTerminal = RunCommandTest.run(args("run"));
  }

  private static String[] args(String command, String... more) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of(PLANS));
    all.addAll(List.of("--data", "sample-data"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void compareFilesMatchTheirGoldenFiles() throws IOException {
    Golden.assertMatches("sample-data/compare/summary.md", read(compare, "summary.md"));
    Golden.assertMatches("sample-data/compare/report.json", read(compare, "report.json"));
    // the inlined library is pinned by its WebJar version, not by this file
    Golden.assertMatches("sample-data/compare/report.html",
        read(compare, "report.html").replace(ReportHtml.chartJs(), "/* chart.js */"));
    Golden.assertMatches("sample-data/compare/report.xlsx.txt", dump(compare.resolve(
        "report.xlsx")));
    Golden.assertMatches("sample-data/compare/ledger-sums.csv", ledgerSums(compare.resolve(
        "ledger.csv")));
  }

  @Test
  void runFilesMatchTheirGoldenFiles() throws IOException {
    Golden.assertMatches("sample-data/run/summary.md", read(run, "summary.md"));
    Golden.assertMatches("sample-data/run/report.json", read(run, "report.json"));
    Golden.assertMatches("sample-data/run/ledger-sums.csv", ledgerSums(run.resolve(
        "ledger.csv")));
  }

  @Test
  void simulateFilesMatchTheirGoldenFiles() throws IOException {
    Golden.assertMatches("sample-data/simulate/summary.md", read(simulate, "summary.md"));
    Golden.assertMatches("sample-data/simulate/report.xlsx.txt", dump(simulate.resolve(
        "report.xlsx")));
  }

  @Test
  void everyNumberOfTheSimulationWorkbookIsAFigureOfReportJsonExactly() throws IOException {
    // the simulated results and the sensitivity table: ranges and "value → result" cells
    assertThat(numbersFoundInJson(simulate)).isGreaterThan(500);
  }

  @Test
  void everyNumberOfTheWorkbookOfEveryShippedPlanIsAFigureOfReportJson() throws IOException {
    // every shipped plan: partner programs (tiers, rebates, reward points) and competitions too
    Path all = dir.resolve("all");
    List<String> plans = new ArrayList<>(List.of("compare", "plans/traditional.yaml"));
    try (java.util.stream.Stream<Path> files = Files.list(Path.of("plans"))) {
      files.map(Path::toString).filter(f -> f.endsWith(".yaml"))
          .filter(f -> !f.endsWith("traditional.yaml")).sorted().forEach(plans::add);
    }
    plans.addAll(List.of("--data", "sample-data", "--runs", "0", "--out", all.toString(),
        "--quiet", "--format", "json", "--format", "xlsx"));
    RunCommandTest.Result result = RunCommandTest.run(plans.toArray(String[]::new));
    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
    assertThat(read(all, "report.json")).contains("\"partner_programs\" : {");
    assertThat(numbersFoundInJson(all)).isGreaterThan(1000);
  }

  @Test
  void terminalOutputMatchesItsGoldenFiles() {
    assertThat(compareTerminal.code()).isZero();
    assertThat(runTerminal.code()).isZero();
    Golden.assertMatches("sample-data/compare.txt", compareTerminal.out());
    Golden.assertMatches("sample-data/run.txt", runTerminal.out());
  }

  @Test
  void theWorkbookShowsTheHeadlineAsSummaryMdDoes() throws IOException {
    // the number formats read as the reports: the headline's one-figure cells, formatted by the
    // spreadsheet, are summary.md's text
    List<String> table = new ArrayList<>();
    for (String line : read(compare, "summary.md").split("\n")) {
      if (line.startsWith("| ") && table.size() < 100) {
        table.add(line);
      } else if (!table.isEmpty()) {
        break;
      }
    }
    org.apache.poi.ss.usermodel.DataFormatter formatter =
        new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
    int compared = 0;
    try (InputStream in = Files.newInputStream(compare.resolve("report.xlsx"));
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      XSSFSheet summary = workbook.getSheet("Summary");
      for (String line : table.subList(1, table.size())) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
          // as Markdown escapes it: only > and < occur in these labels
          cells.add(cell.strip().replace("&gt;", ">").replace("&lt;", "<"));
        }
        if (cells.get(0).startsWith("---")) {
          continue;
        }
        if (cells.stream().skip(1).allMatch(SampleDataReportsTest::notOneFigure)) {
          continue; // a row of two-figure cells: split over two rows
        }
        XSSFRow row = row(summary, cells.get(0));
        for (int c = 1; c < cells.size(); c++) {
          String text = cells.get(c);
          if (notOneFigure(text)) {
            continue;
          }
          assertThat(formatter.formatCellValue(row.getCell(c))).as("%s of %s", cells.get(0),
              text).isEqualTo(text);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(20);
  }

  /** Two figures in one cell ({@code 4 / 9}, {@code +1.00 (+3.2%)}), or none. */
  private static boolean notOneFigure(String text) {
    return text.contains("(") || text.contains(" / ") || text.equals("\u2014");
  }

  @Test
  void runShowsThePartnerSectionsCompareShows() throws IOException {
    // one rule (FeatureSections) for every command: the data has partners, so calendar
    // alignment shows on run's terminal as in compare's and in both reports
    assertThat(runTerminal.out()).contains("Calendar alignment\n------------------");
    assertThat(read(run, "report.json")).contains("\"calendar_alignment\" : {");
    assertThat(read(compare, "report.json")).contains("\"calendar_alignment\" : {");
  }

  @Test
  void everyNumberOfTheWorkbookIsAFigureOfReportJsonExactly() throws IOException {
    assertThat(numbersFoundInJson(compare)).isGreaterThan(500);
    JsonNode json = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(compare.resolve("report.json").toFile());
    try (InputStream in = Files.newInputStream(compare.resolve("report.xlsx"));
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      // where each figure belongs: the headline's rows, every rep's change
      XSSFSheet summary = workbook.getSheet("Summary");
      JsonNode headline = json.at("/sections/headline/plans");
      for (int p = 0; p < headline.size(); p++) {
        assertThat(exact(row(summary, "total cost").getCell(p + 1)))
            .isEqualTo(decimal(headline.get(p).get("total_cost")));
        assertThat(exact(row(summary, "cost of sales").getCell(p + 1)))
            .isEqualTo(decimal(headline.get(p).get("cost_of_sales")));
        if (p > 0) {
          assertThat(exact(row(summary, "change vs baseline").getCell(p + 1)))
              .isEqualTo(decimal(headline.get(p).get("cost_change")));
          assertThat(exact(row(summary, "change vs baseline (%)").getCell(p + 1)))
              .isEqualTo(decimal(headline.get(p).get("cost_change_pct")));
        }
      }
      XSSFSheet reps = workbook.getSheet("Rep changes");
      int checked = 0;
      for (JsonNode candidate : json.at("/sections/rep_changes/candidates")) {
        for (JsonNode rep : candidate.get("reps_detail")) {
          XSSFRow row = repRow(reps, candidate.get("plan").asText(), rep.get("rep").asText());
          assertThat(exact(row.getCell(3))).isEqualTo(decimal(rep.get("baseline")));
          assertThat(exact(row.getCell(4))).isEqualTo(decimal(rep.get("candidate")));
          assertThat(exact(row.getCell(5))).isEqualTo(decimal(rep.get("change")));
          if (!rep.get("change_pct").isNull()) {
            assertThat(exact(row.getCell(6))).isEqualTo(decimal(rep.get("change_pct")));
          }
          checked++;
        }
      }
      assertThat(checked).isEqualTo(reps.getLastRowNum());

      // the ledger sheet: every line of ledger.csv, amount by amount
      List<String> lines = Files.readAllLines(compare.resolve("ledger.csv"));
      XSSFSheet ledger = workbook.getSheet("Ledger");
      assertThat(ledger.getLastRowNum()).isEqualTo(lines.size() - 1);
      Map<String, BigDecimal> sheetSums = new TreeMap<>();
      List<String> header = csv(lines.get(0));
      for (int r = 1; r <= ledger.getLastRowNum(); r++) {
        XSSFRow row = ledger.getRow(r);
        List<String> line = csv(lines.get(r));
        assertThat(exact(row.getCell(7))).as("ledger row %d", r)
            .isEqualTo(new BigDecimal(line.get(header.indexOf("amount"))).stripTrailingZeros());
        String payDate = line.get(header.indexOf("pay_date"));
        if (payDate.isEmpty()) {
          assertThat(row.getCell(8)).isNull();
        } else {
          // a date cell, not text
          assertThat(row.getCell(8).getLocalDateTimeCellValue().toLocalDate())
              .hasToString(payDate);
        }
        sheetSums.merge(row.getCell(0).getStringCellValue() + "/"
            + row.getCell(6).getStringCellValue(), exact(row.getCell(7)), BigDecimal::add);
      }
      assertThat(sheetSums).isEqualTo(csvSums(lines));
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Asserts that every number on every sheet but the ledger of {@code dir}'s report.xlsx is a
   * number of its report.json, exactly as the file stores it, and that no cell holds a number as
   * text; returns how many numbers there were.
   */
  private static int numbersFoundInJson(Path dir) throws IOException {
    JsonNode json = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(dir.resolve("report.json").toFile());
    Set<BigDecimal> figures = new HashSet<>();
    collect(json, figures);
    int numbers = 0;
    try (InputStream in = Files.newInputStream(dir.resolve("report.xlsx"));
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Set<String> names = new HashSet<>();
      for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
        XSSFSheet sheet = workbook.getSheetAt(s);
        assertThat(sheet.getSheetName()).hasSizeLessThanOrEqualTo(31)
            .doesNotEndWith(" the").doesNotEndWith(" against");
        assertThat(names.add(sheet.getSheetName().toLowerCase(java.util.Locale.ROOT))).isTrue();
        if (sheet.getSheetName().equals("Ledger")) {
          continue; // the ledger's lines are ledger.csv's, checked on their own
        }
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
          for (org.apache.poi.ss.usermodel.Cell cell : row) {
            XSSFCell x = (XSSFCell) cell;
            String where = sheet.getSheetName() + "!" + x.getReference();
            if (x.getCellType() == CellType.NUMERIC) {
              numbers++;
              BigDecimal value = exact(x);
              assertThat(figures).as("%s = %s is a figure of report.json", where, value)
                  .contains(value);
            } else if (x.getCellType() == CellType.STRING) {
              assertThat(x.getStringCellValue()).as("%s holds a number as text", where)
                  .doesNotMatch(NUMBER_AS_TEXT);
            }
          }
        }
      }
    }
    return numbers;
  }

  private static String read(Path dir, String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  /** The number exactly as the file stores it (POI's double would round it). */
  private static BigDecimal exact(org.apache.poi.ss.usermodel.Cell cell) {
    assertThat(cell).isNotNull();
    assertThat(cell.getCellType()).as("%s is a number", cell.getAddress())
        .isEqualTo(CellType.NUMERIC);
    return new BigDecimal(((XSSFCell) cell).getRawValue()).stripTrailingZeros();
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.decimalValue().stripTrailingZeros();
  }

  private static void collect(JsonNode node, Set<BigDecimal> figures) {
    if (node.isNumber()) {
      figures.add(node.decimalValue().stripTrailingZeros());
    }
    for (JsonNode child : node) {
      collect(child, figures);
    }
  }

  private static XSSFRow row(XSSFSheet sheet, String label) {
    for (org.apache.poi.ss.usermodel.Row row : sheet) {
      org.apache.poi.ss.usermodel.Cell first = row.getCell(0);
      if (first != null && first.getCellType() == CellType.STRING
          && first.getStringCellValue().equals(label)) {
        return (XSSFRow) row;
      }
    }
    throw new AssertionError("no row " + label + " on " + sheet.getSheetName());
  }

  private static XSSFRow repRow(XSSFSheet sheet, String plan, String rep) {
    for (org.apache.poi.ss.usermodel.Row row : sheet) {
      if (row.getCell(0).getStringCellValue().equals(plan)
          && row.getCell(1).getStringCellValue().equals(rep)) {
        return (XSSFRow) row;
      }
    }
    throw new AssertionError("no row for " + plan + " / " + rep);
  }

  /**
   * The workbook as text: each sheet's cells with their values and number formats, the ledger
   * sheet as its row count and sums (ledger-sums.csv pins its lines).
   */
  static String dump(Path xlsx) throws IOException {
    StringBuilder out = new StringBuilder();
    try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
        XSSFSheet sheet = workbook.getSheetAt(s);
        out.append("== ").append(sheet.getSheetName()).append('\n');
        if (sheet.getSheetName().equals("Ledger")) {
          Map<String, BigDecimal> sums = new TreeMap<>();
          for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            XSSFRow row = sheet.getRow(r);
            sums.merge(row.getCell(0).getStringCellValue() + " " + row.getCell(6)
                .getStringCellValue(), exact(row.getCell(7)), BigDecimal::add);
          }
          out.append(sheet.getLastRowNum()).append(" lines\n");
          sums.forEach((key, sum) -> out.append(key).append(": ")
              .append(sum.setScale(2).toPlainString()).append('\n'));
          continue;
        }
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
          List<String> cells = new ArrayList<>();
          for (org.apache.poi.ss.usermodel.Cell cell : row) {
            XSSFCell x = (XSSFCell) cell;
            String value = switch (x.getCellType()) {
              case NUMERIC -> x.getRawValue() + " [" + x.getCellStyle().getDataFormatString()
                  + "]";
              case STRING -> "\"" + x.getStringCellValue() + "\"";
              case BLANK -> null;
              default -> x.getCellType() + " " + x;
            };
            if (value != null) {
              cells.add(x.getReference() + "=" + value);
            }
          }
          if (!cells.isEmpty()) {
            out.append(String.join(" | ", cells)).append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  /** ledger.csv summed by plan and status, with the number of lines and a digest of them. */
  static String ledgerSums(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    StringBuilder out = new StringBuilder("plan/status,amount\n");
    csvSums(lines).forEach((key, sum) -> out.append(key).append(',')
        .append(sum.setScale(2).toPlainString()).append('\n'));
    out.append("lines,").append(lines.size() - 1).append('\n');
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      out.append("sha256,").append(HexFormat.of().formatHex(sha.digest())).append('\n');
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /** Sum of the amount column by plan and status; the ledger's header names the columns. */
  private static Map<String, BigDecimal> csvSums(List<String> lines) {
    List<String> header = List.of(lines.get(0).split(","));
    int plan = header.indexOf("plan");
    int status = header.indexOf("status");
    int amount = header.indexOf("amount");
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = csv(line);
      sums.merge(cells.get(plan) + "/" + cells.get(status), new BigDecimal(cells.get(amount))
          .stripTrailingZeros(), BigDecimal::add);
    }
    sums.replaceAll((k, v) -> v.stripTrailingZeros());
    return sums;
  }

  /** One CSV line's fields (quotes as RFC 4180 writes them; no line breaks in the ledger). */
  private static List<String> csv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
