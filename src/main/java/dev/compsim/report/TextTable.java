package dev.compsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain table for the terminal: first column left-aligned, the others right-aligned, a rule
 * under the header, columns separated by {@code |}. Built as a string here rather than with an
 * ASCII-table library: the one used before encoded through the platform charset, so under
 * {@code LANG=C} every non-ASCII character (a name, the dash of an empty cell) became {@code ?}.
 * Cells are one line each: line breaks and other control characters from the data are shown
 * escaped (see {@link TerminalText}).
 */
public final class TextTable {
  private final List<String> headers;
  private final List<String[]> rows = new ArrayList<>();

  public TextTable(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  public TextTable row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException("a row needs " + headers.size() + " cells");
    }
    rows.add(cells.toArray(String[]::new));
    return this;
  }

  public String render() {
    int columns = headers.size();
    String[] head = new String[columns];
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      head[c] = TerminalText.cell(headers.get(c));
      widths[c] = width(head[c]);
    }
    List<String[]> body = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      String[] cells = new String[columns];
      for (int c = 0; c < columns; c++) {
        cells[c] = TerminalText.cell(row[c] == null ? "" : row[c]);
        widths[c] = Math.max(widths[c], width(cells[c]));
      }
      body.add(cells);
    }
    StringBuilder out = new StringBuilder();
    line(out, head, widths);
    out.append('\n');
    for (int c = 0; c < columns; c++) {
      out.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
    }
    for (String[] cells : body) {
      out.append('\n');
      line(out, cells, widths);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String[] cells, int[] widths) {
    for (int c = 0; c < cells.length; c++) {
      String pad = " ".repeat(widths[c] - width(cells[c]));
      out.append(c == 0 ? " " : "| ");
      out.append(c == 0 ? cells[c] + pad : pad + cells[c]).append(' ');
    }
  }

  /** Characters as the terminal counts them (a surrogate pair is one). */
  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
