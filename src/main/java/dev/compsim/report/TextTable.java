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

  /**
   * The widest line a table or note takes on the terminal: tables wider than this are split
   * into blocks of columns, each with the first column again, and notes are wrapped at spaces.
   */
  public static final int MAX_WIDTH = 120;

  /**
   * The table; when its lines would be wider than {@link #MAX_WIDTH}, as several tables one
   * under the other, each with the first column and as many of the others as fit (with three
   * or four plans side by side, one or two plans a block). Only a single cell wider than the
   * terminal makes a longer line.
   */
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
    int next = 1;
    do {
      // the first column, then the following ones while the line stays within the terminal
      List<Integer> block = new ArrayList<>();
      block.add(0);
      int lineWidth = widths[0] + 2;
      while (next < columns && (block.size() == 1 || lineWidth + widths[next] + 3 <= MAX_WIDTH)) {
        lineWidth += widths[next] + 3;
        block.add(next++);
      }
      if (out.length() > 0) {
        out.append("\n\n");
      }
      block(out, block, head, body, widths);
    } while (next < columns);
    return out.toString();
  }

  private static void block(StringBuilder out, List<Integer> block, String[] head,
      List<String[]> body, int[] widths) {
    line(out, pick(head, block), pick(widths, block));
    out.append('\n');
    for (int i = 0; i < block.size(); i++) {
      out.append(i == 0 ? "" : "+").append("-".repeat(widths[block.get(i)] + 2));
    }
    for (String[] cells : body) {
      out.append('\n');
      line(out, pick(cells, block), pick(widths, block));
    }
  }

  private static String[] pick(String[] values, List<Integer> indexes) {
    return indexes.stream().map(i -> values[i]).toArray(String[]::new);
  }

  private static int[] pick(int[] values, List<Integer> indexes) {
    return indexes.stream().mapToInt(i -> values[i]).toArray();
  }

  /**
   * {@code text} wrapped at spaces into lines of at most {@link #MAX_WIDTH} characters, the
   * first after {@code indent}, the others after {@code indent} and two spaces; a word longer
   * than a line stays whole. Each line ends with a line break.
   */
  public static String wrap(String indent, String text) {
    StringBuilder out = new StringBuilder();
    String prefix = indent;
    String rest = text;
    while (width(prefix) + width(rest) > MAX_WIDTH) {
      int room = MAX_WIDTH - width(prefix);
      int cut = rest.lastIndexOf(' ', rest.offsetByCodePoints(0,
          Math.min(room, rest.codePointCount(0, rest.length()) - 1)));
      if (cut <= 0) {
        cut = rest.indexOf(' ', 1); // one word longer than the line: it stays whole
        if (cut < 0) {
          break;
        }
      }
      out.append(prefix).append(rest, 0, cut).append('\n');
      rest = rest.substring(cut + 1).stripLeading();
      prefix = indent + "  ";
    }
    return out.append(prefix).append(rest).append('\n').toString();
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
