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
   * The table; when its lines would be wider than {@link #MAX_WIDTH}, first with its headers
   * wrapped at spaces (a plan's name over two lines above its figures), and when that is not
   * enough, as several tables one under the other, each with the first column and an even share
   * of the others (four plans: two a block). Only a single cell wider than the terminal makes a
   * longer line.
   */
  public String render() {
    int columns = headers.size();
    String[][] head = new String[columns][];
    int[] bodyWidths = new int[columns];
    int[] widths = new int[columns];
    List<String[]> body = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      String[] cells = new String[columns];
      for (int c = 0; c < columns; c++) {
        cells[c] = TerminalText.cell(row[c] == null ? "" : row[c]);
        bodyWidths[c] = Math.max(bodyWidths[c], width(cells[c]));
      }
      body.add(cells);
    }
    for (int c = 0; c < columns; c++) {
      head[c] = new String[] {TerminalText.cell(headers.get(c))};
      widths[c] = Math.max(bodyWidths[c], width(head[c][0]));
    }
    if (lineWidth(widths, all(columns)) > MAX_WIDTH) {
      for (int c = 0; c < columns; c++) {
        head[c] = wrapCell(head[c][0], bodyWidths[c]);
        widths[c] = bodyWidths[c];
        for (String line : head[c]) {
          widths[c] = Math.max(widths[c], width(line));
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<Integer> block : blocks(widths)) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      block(out, block, head, body, widths);
    }
    return out.toString();
  }

  /** Columns 0 to {@code columns - 1}. */
  private static List<Integer> all(int columns) {
    List<Integer> all = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      all.add(c);
    }
    return all;
  }

  /** The width of a line of {@code block}'s columns. */
  private static int lineWidth(int[] widths, List<Integer> block) {
    int width = 0;
    for (int c : block) {
      width += widths[c] + (c == 0 ? 2 : 3);
    }
    return width;
  }

  /**
   * The columns of each block: the first column, then the others in as few blocks as fit within
   * the terminal, shared as evenly as the widths allow.
   */
  private static List<List<Integer>> blocks(int[] widths) {
    int columns = widths.length;
    List<List<Integer>> greedy = new ArrayList<>();
    int next = 1;
    do {
      List<Integer> block = new ArrayList<>(List.of(0));
      while (next < columns && (block.size() == 1
          || lineWidth(widths, block) + widths[next] + 3 <= MAX_WIDTH)) {
        block.add(next++);
      }
      greedy.add(block);
    } while (next < columns);
    int count = greedy.size();
    if (count == 1) {
      return greedy;
    }
    List<List<Integer>> even = new ArrayList<>();
    int others = columns - 1;
    next = 1;
    for (int b = 0; b < count; b++) {
      List<Integer> block = new ArrayList<>(List.of(0));
      int size = others / count + (b < others % count ? 1 : 0);
      for (int i = 0; i < size; i++) {
        block.add(next++);
      }
      if (block.size() > 2 && lineWidth(widths, block) > MAX_WIDTH) {
        return greedy;
      }
      even.add(block);
    }
    return even;
  }

  /**
   * A header cell as lines no wider than {@code width} (or than its longest word), broken at
   * spaces.
   */
  private static String[] wrapCell(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && width(line.toString()) + 1 + width(word) > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines.toArray(String[]::new);
  }

  private static void block(StringBuilder out, List<Integer> block, String[][] head,
      List<String[]> body, int[] widths) {
    int headLines = 0;
    for (int c : block) {
      headLines = Math.max(headLines, head[c].length);
    }
    for (int l = 0; l < headLines; l++) {
      // header lines sit at the bottom, right above the rule
      String[] cells = new String[block.size()];
      for (int i = 0; i < block.size(); i++) {
        String[] lines = head[block.get(i)];
        int index = l - (headLines - lines.length);
        cells[i] = index < 0 ? "" : lines[index];
      }
      line(out, cells, pick(widths, block));
      out.append('\n');
    }
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
