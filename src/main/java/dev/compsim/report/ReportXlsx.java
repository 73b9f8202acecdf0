package dev.compsim.report;

import dev.compsim.engine.LedgerLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code report.xlsx}: the headline and cost on a summary sheet, every rep's change per
 * candidate, the ledger, and a sheet per other section. Numbers are numbers (money with two
 * decimals, ratios as percentages). The file is byte-deterministic: the creation time fastexcel
 * writes and the zip entry times are fixed.
 */
public final class ReportXlsx {
  /** A spreadsheet holds 1,048,576 rows; longer ledgers are cut with a note. */
  /**
   * Rows of the ledger sheet: a spreadsheet holds about a million rows and a ledger of a large
   * data set has many more; ledger.csv always has every line.
   */
  public static final int MAX_LEDGER_ROWS = 100_000;
  /** The most characters a spreadsheet cell holds. */
  public static final int MAX_CELL_CHARS = 32_767;
  private static final String MONEY = "#,##0.00";
  private static final String PERCENT = "0.0%";
  /**
   * 2000-01-01 00:00: an arbitrary fixed time for zip entries and document properties. Zip entry
   * times are local date-times (MS-DOS fields); set as a {@link LocalDateTime} they do not go
   * through the time zone, as {@code ZipEntry.setTime(long)} does.
   */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

  private ReportXlsx() {}

  public static void write(Comparison comparison, OutputStream out) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(raw, "compsim", "1.0");
      Set<String> names = new HashSet<>();
      List<ReportSection> sections = comparison.sections();

      Worksheet summary = workbook.newWorksheet(sheetName("Summary", names));
      int row = 0;
      text(summary, row, 0, "compsim report as of " + comparison.asOf());
      summary.style(row, 0).bold().set();
      row += 2;
      for (ReportSection section : sections.subList(0, 2)) {
        row = section(summary, section, row);
      }
      summary.width(0, 28);

      if (!comparison.repChanges().isEmpty()) {
        Worksheet reps = workbook.newWorksheet(sheetName("Rep changes", names));
        String[] header = {"candidate", "rep", "name", "baseline", "candidate pay", "change",
            "change %", "bucket"};
        header(reps, 0, header);
        row = 1;
        for (RepChanges change : comparison.repChanges()) {
          for (RepChanges.Change c : change.changes()) {
            text(reps, row, 0, change.candidate());
            text(reps, row, 1, c.repId());
            text(reps, row, 2, c.name());
            money(reps, row, 3, c.baseline());
            money(reps, row, 4, c.candidate());
            money(reps, row, 5, c.delta());
            if (c.changePct() != null) {
              reps.value(row, 6, c.changePct());
              reps.style(row, 6).format(PERCENT).set();
            }
            text(reps, row, 7, c.bucket());
            row++;
          }
        }
        reps.freezePane(0, 1);
      }

      Worksheet ledger = workbook.newWorksheet(sheetName("Ledger", names));
      header(ledger, 0, new String[] {"plan", "payee", "payee_kind", "component", "deal_id",
          "period", "status", "amount", "pay_date", "trace"});
      row = 1;
      ledger:
      for (PlanFigures plan : comparison.plans()) {
        for (LedgerLine line : plan.lines()) {
          if (row > MAX_LEDGER_ROWS) {
            text(ledger, row, 0, "ledger cut at " + MAX_LEDGER_ROWS
                + " rows; ledger.csv has every line");
            break ledger;
          }
          text(ledger, row, 0, line.plan());
          text(ledger, row, 1, line.payee());
          text(ledger, row, 2, line.payeeKind().code());
          text(ledger, row, 3, line.component().code());
          text(ledger, row, 4, line.dealId() == null ? "" : line.dealId());
          text(ledger, row, 5, line.period());
          text(ledger, row, 6, line.status().code());
          money(ledger, row, 7, line.amount());
          text(ledger, row, 8, line.payDate() == null ? "" : line.payDate().toString());
          text(ledger, row, 9, line.trace() == null ? "" : line.trace());
          row++;
        }
        long left = plan.lineCount() - plan.lines().size();
        if (left > 0 && row <= MAX_LEDGER_ROWS) {
          text(ledger, row++, 0, plan.name() + ": " + left + " more lines in ledger.csv");
        }
      }
      ledger.freezePane(0, 1);

      for (ReportSection section : sections.subList(2, sections.size())) {
        if (section.tables().isEmpty()) {
          continue;
        }
        Worksheet sheet = workbook.newWorksheet(sheetName(section.title(), names));
        section(sheet, section, 0);
        sheet.width(0, 24);
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    normalize(raw.toByteArray(), out);
  }

  private static int section(Worksheet sheet, ReportSection section, int row) {
    text(sheet, row, 0, section.title());
    sheet.style(row, 0).bold().fontSize(13).set();
    row++;
    for (String note : section.notes()) {
      text(sheet, row++, 0, note);
    }
    for (ReportSection.Table table : section.tables()) {
      row++;
      if (!table.caption().isEmpty()) {
        text(sheet, row, 0, table.caption());
        sheet.style(row, 0).italic().set();
        row++;
      }
      header(sheet, row++, table.header().toArray(String[]::new));
      for (List<String> cells : table.rows()) {
        for (int c = 0; c < cells.size(); c++) {
          cell(sheet, row, c, cells.get(c), table.numeric().get(c));
        }
        row++;
      }
    }
    return row + 2;
  }

  /**
   * A text cell. A spreadsheet cell holds at most 32,767 characters (Excel calls a longer one a
   * corrupt file): longer text is cut, with a note saying so and where the whole text is.
   */
  static void text(Worksheet sheet, int row, int column, String text) {
    sheet.value(row, column, fit(text));
  }

  /** The text, or its start and a note when it is longer than a cell holds. */
  static String fit(String text) {
    if (text == null || text.length() <= MAX_CELL_CHARS) {
      return text;
    }
    String note = String.format(java.util.Locale.ROOT,
        " [cut: %,d characters, more than a spreadsheet cell holds; ledger.csv and report.json "
            + "have the whole text]", text.length());
    int end = MAX_CELL_CHARS - note.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + note;
  }

  private static void header(Worksheet sheet, int row, String[] header) {
    for (int c = 0; c < header.length; c++) {
      text(sheet, row, c, header[c]);
      sheet.style(row, c).bold().fillColor("EEF1F5").set();
    }
  }

  private static void money(Worksheet sheet, int row, int column, BigDecimal amount) {
    sheet.value(row, column, amount);
    sheet.style(row, column).format(MONEY).set();
  }

  /** A preformatted cell: numbers in numeric columns become numbers again. */
  static void cell(Worksheet sheet, int row, int column, String text, boolean numeric) {
    BigDecimal number = numeric ? parse(text) : null;
    if (number == null) {
      text(sheet, row, column, text);
      return;
    }
    sheet.value(row, column, number);
    if (text.endsWith("%")) {
      sheet.style(row, column).format(PERCENT).set();
    } else if (text.contains(".")) {
      sheet.style(row, column).format(MONEY).set();
    }
  }

  /** {@code 1,234.50}, {@code +12.5%} or {@code 7} as a number; null for any other text. */
  static BigDecimal parse(String text) {
    String plain = text.replace(",", "");
    boolean percent = plain.endsWith("%");
    if (percent) {
      plain = plain.substring(0, plain.length() - 1);
    }
    if (plain.startsWith("+")) {
      plain = plain.substring(1);
    }
    if (!plain.matches("-?\\d+(\\.\\d+)?")) {
      return null;
    }
    BigDecimal value = new BigDecimal(plain);
    return percent ? value.movePointLeft(2) : value;
  }

  /** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique. */
  static String sheetName(String title, Set<String> taken) {
    String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
    if (name.length() > 31) {
      int space = name.lastIndexOf(' ', 31);
      name = name.substring(0, space > 10 ? space : 31).strip();
    }
    String unique = name;
    for (int i = 2; !taken.add(unique.toLowerCase(java.util.Locale.ROOT)); i++) {
      String suffix = " " + i;
      unique = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
    }
    return unique;
  }

  /**
   * Rewrites the zip with fixed entry times and a fixed creation time in docProps/core.xml. The
   * zip is read through its central directory (fastexcel writes data descriptors that
   * {@code ZipInputStream} cannot follow), hence the temporary file.
   */
  static void normalize(byte[] xlsx, OutputStream out) {
    Path temporary = null;
    try {
      try {
        temporary = Files.createTempFile("compsim-", ".xlsx");
      } catch (IOException e) {
        // the environment, not a bug: say which directory and how to choose another
        String dir = System.getProperty("java.io.tmpdir");
        java.nio.file.FileSystemException named = new java.nio.file.FileSystemException(dir,
            null, "cannot create a file in the temporary directory (java.io.tmpdir): "
            + (e instanceof java.nio.file.NoSuchFileException ? "no such directory"
                : e.getMessage()) + "; choose another with "
            + "COMPSIM_JAVA_OPTS=-Djava.io.tmpdir=DIR");
        named.initCause(e);
        throw named;
      }
      Files.write(temporary, xlsx);
      try (ZipFile in = new ZipFile(temporary.toFile());
          ZipOutputStream zip = new ZipOutputStream(new NonClosing(out))) {
        List<? extends ZipEntry> entries = Collections.list(in.entries());
        for (ZipEntry entry : entries) {
          byte[] content;
          try (InputStream stream = in.getInputStream(entry)) {
            content = stream.readAllBytes();
          }
          if (entry.getName().equals("docProps/core.xml")) {
            content = new String(content, StandardCharsets.UTF_8)
                .replaceAll("(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                    "$12000-01-01T00:00:00Z$3")
                .getBytes(StandardCharsets.UTF_8);
          }
          ZipEntry copy = new ZipEntry(entry.getName());
          copy.setTimeLocal(FIXED_TIME);
          zip.putNextEntry(copy);
          zip.write(content);
          zip.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // a leftover file in the temporary directory is harmless
        }
      }
    }
  }

  /** Lets the zip finish without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
