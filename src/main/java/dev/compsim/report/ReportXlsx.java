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
import java.util.ArrayList;
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
 * candidate, the ledger, and a sheet per other section. Every number is the exact value of its
 * report cell (the same figure as report.json), with a number format for its kind: money
 * {@code #,##0.00}, percentages {@code 0.0%} (the cell holds the fraction), counts {@code #,##0}.
 * A cell that shows two figures in the other reports ({@code +1,200.00 (+3.0%)}) becomes two
 * cells: a row or column of its own for the second figure. The file is byte-deterministic: the
 * creation time fastexcel writes and the zip entry times are fixed.
 */
public final class ReportXlsx {
  /**
   * Rows of the ledger sheet: a spreadsheet holds about a million rows and a ledger of a large
   * data set has many more; ledger.csv always has every line.
   */
  public static final int MAX_LEDGER_ROWS = 100_000;
  /** The most characters a spreadsheet cell holds. */
  public static final int MAX_CELL_CHARS = 32_767;
  private static final String MONEY = "#,##0.00";
  private static final String PERCENT = "0.0%";
  private static final String DATE = "yyyy-mm-dd";
  /** The most characters of a sheet name. */
  static final int MAX_SHEET_NAME = 31;
  /** Words a sheet name does not end with when it is cut: "against the" says nothing. */
  private static final Set<String> DANGLING = Set.of("a", "an", "and", "against", "at", "by",
      "for", "from", "in", "of", "on", "or", "per", "the", "to", "versus", "vs", "with");
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
          // a date cell, so the spreadsheet sorts and filters by it
          cell(ledger, row, 8, line.payDate() == null ? null : Cell.date(line.payDate()));
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
      Grid grid = Grid.of(table);
      header(sheet, row++, grid.header().toArray(String[]::new));
      for (List<Cell> cells : grid.rows()) {
        for (int c = 0; c < cells.size(); c++) {
          cell(sheet, row, c, cells.get(c));
        }
        row++;
      }
    }
    return row + 2;
  }

  /**
   * A table laid out for a spreadsheet: one figure per cell. A composite cell's parts go to cells
   * of their own: in rows below when the composites fill rows of a table labelled in its first
   * column (the headline's "change vs baseline" gets a "change vs baseline (%)" row), in columns
   * beside them otherwise (the "gain" column gets a "gain (share)" column). Null is a blank.
   */
  record Grid(List<String> header, List<List<Cell>> rows) {
    static Grid of(ReportSection.Table table) {
      List<List<Cell>> cells = table.cells();
      boolean composite = false;
      boolean byRows = table.header().size() > 1;
      for (List<Cell> row : cells) {
        if (row.stream().noneMatch(c -> c.kind() == Cell.Kind.COMPOSITE)) {
          continue;
        }
        composite = true;
        byRows &= row.get(0).kind() == Cell.Kind.TEXT;
        for (Cell cell : row.subList(1, row.size())) {
          byRows &= cell.kind() == Cell.Kind.COMPOSITE || cell.kind() == Cell.Kind.TEXT;
        }
      }
      if (!composite) {
        return new Grid(table.header(), cells);
      }
      return byRows ? byRows(table) : byColumns(table);
    }

    private static Grid byRows(ReportSection.Table table) {
      List<List<Cell>> out = new ArrayList<>();
      for (List<Cell> row : table.cells()) {
        int parts = 1;
        for (Cell cell : row) {
          parts = Math.max(parts, cell.atoms().size());
        }
        if (parts == 1) {
          out.add(row);
          continue;
        }
        for (int k = 0; k < parts; k++) {
          List<Cell> line = new ArrayList<>();
          line.add(Cell.text(named(row.get(0).text(), partName(row.subList(1, row.size()), k))));
          for (Cell cell : row.subList(1, row.size())) {
            List<Cell> atoms = cell.atoms();
            line.add(cell.kind() == Cell.Kind.COMPOSITE ? (k < atoms.size() ? atoms.get(k) : null)
                : k == 0 ? cell : null);
          }
          out.add(line);
        }
      }
      return new Grid(table.header(), out);
    }

    private static Grid byColumns(ReportSection.Table table) {
      int columns = table.header().size();
      List<String> header = new ArrayList<>();
      int[] widths = new int[columns];
      for (int c = 0; c < columns; c++) {
        List<Cell> column = new ArrayList<>();
        for (List<Cell> row : table.cells()) {
          column.add(row.get(c));
          widths[c] = Math.max(widths[c], row.get(c).atoms().size());
        }
        for (int k = 0; k < Math.max(1, widths[c]); k++) {
          header.add(widths[c] > 1 ? named(table.header().get(c), partName(column, k))
              : table.header().get(c));
        }
      }
      List<List<Cell>> out = new ArrayList<>();
      for (List<Cell> row : table.cells()) {
        List<Cell> line = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
          List<Cell> atoms = row.get(c).atoms();
          for (int k = 0; k < Math.max(1, widths[c]); k++) {
            line.add(k < atoms.size() ? atoms.get(k) : null);
          }
        }
        out.add(line);
      }
      return new Grid(header, out);
    }

    /** The name of part {@code k} of the first composite among {@code cells} that has one. */
    private static String partName(List<Cell> cells, int k) {
      for (Cell cell : cells) {
        if (cell.kind() == Cell.Kind.COMPOSITE && k < cell.parts().size()) {
          return cell.parts().get(k).name();
        }
      }
      return "";
    }

    private static String named(String label, String part) {
      return part.isEmpty() ? label : label + " (" + part + ")";
    }
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

  /**
   * A typed cell: a number with the number format of its kind and style, a date, or text (a
   * figure with no value is its text, {@code n/a}); null is a blank.
   */
  static void cell(Worksheet sheet, int row, int column, Cell cell) {
    if (cell == null) {
      return;
    }
    if (cell.kind() == Cell.Kind.DATE) {
      sheet.value(row, column, cell.date());
      sheet.style(row, column).format(DATE).set();
    } else if (cell.numeric()) {
      sheet.value(row, column, cell.value());
      sheet.style(row, column).format(numberFormat(cell)).set();
    } else {
      text(sheet, row, column, Fmt.text(cell));
    }
  }

  /** The number format that shows a cell as the other reports do, as near as a format can. */
  static String numberFormat(Cell cell) {
    return switch (cell.kind()) {
      case MONEY -> switch (cell.style()) {
        case SIGNED -> "+#,##0.00;-#,##0.00;0.00";
        case WHOLE -> "#,##0";
        case WHOLE_MINUS -> "+#,##0;-#,##0;+0";
        case CENTS -> "0.00";
        default -> MONEY;
      };
      case PERCENT -> switch (cell.style()) {
        case SIGNED, SIGNED_MINUS -> "+0.0%;-0.0%;0.0%";
        case RATE -> "0.0##%";
        default -> PERCENT;
      };
      case COUNT -> "#,##0";
      case NUMBER -> switch (cell.style()) {
        case ONE_DECIMAL -> "#,##0.0";
        case POINTS -> MONEY;
        default -> "General";
      };
      default -> "General";
    };
  }

  /**
   * A sheet name Excel accepts and a reader understands: none of []:*?/\, at most 31
   * characters, cut at a word and not ending in a word that needs the rest ("against the"),
   * unique (a number is added to a repeated name).
   */
  static String sheetName(String title, Set<String> taken) {
    String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").replaceAll("\\s+", " ").strip();
    if (name.length() > MAX_SHEET_NAME) {
      List<String> words = new ArrayList<>(List.of(name.split(" ")));
      StringBuilder cut = new StringBuilder();
      int kept = 0;
      while (kept < words.size()
          && cut.length() + (kept == 0 ? 0 : 1) + words.get(kept).length() <= MAX_SHEET_NAME) {
        cut.append(kept == 0 ? "" : " ").append(words.get(kept));
        kept++;
      }
      List<String> head = new ArrayList<>(words.subList(0, kept));
      while (head.size() > 1 && DANGLING.contains(
          head.get(head.size() - 1).toLowerCase(java.util.Locale.ROOT))) {
        head.remove(head.size() - 1);
      }
      // a first word longer than a sheet name is cut where it must be
      name = head.isEmpty() ? name.substring(0, MAX_SHEET_NAME).strip() : String.join(" ", head);
    }
    String unique = name;
    for (int i = 2; !taken.add(unique.toLowerCase(java.util.Locale.ROOT)); i++) {
      String suffix = " " + i;
      unique = name.substring(0, Math.min(name.length(), MAX_SHEET_NAME - suffix.length()))
          .strip() + suffix;
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
