package dev.compsim.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One section of a comparison report that a feature contributes (partner economics, calendar
 * alignment, behavior shift, ...). It holds what to show, not how: every renderer (terminal,
 * Markdown, JSON, HTML, spreadsheet) draws the same section in its own form, so a feature is
 * written once and appears in every report.
 *
 * @param id stable key: the property name in report.json and the anchor in report.html
 * @param title the heading, in plain words
 * @param notes plain sentences a leader reads first, in order
 * @param tables tables of typed cells
 * @param charts charts for the HTML report; other renderers may skip them
 * @param json the section's data for report.json: maps with a fixed key order (LinkedHashMap or
 *     TreeMap), lists, strings, booleans, BigDecimal and integers; never floating point noise
 */
public record ReportSection(String id, String title, List<String> notes, List<Table> tables,
    List<Chart> charts, Map<String, Object> json) {

  public ReportSection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    notes = List.copyOf(notes);
    tables = List.copyOf(tables);
    charts = List.copyOf(charts);
    Objects.requireNonNull(json, "json");
  }

  /**
   * A table of typed cells: each cell carries its exact value and kind, and every renderer draws
   * the text (or, in a spreadsheet, the number) from it.
   */
  public static final class Table {
    private final String caption;
    private final List<String> header;
    private final List<Boolean> numeric;
    private final List<List<Cell>> cells;

    /**
     * A table of text cells, for a section that has not typed its cells yet: a spreadsheet shows
     * them as text. Prefer {@link #of}.
     *
     * @param caption shown above the table; may be empty
     * @param header column names
     * @param numeric per column, whether it holds numbers (right-aligned)
     * @param rows cells, each row as long as the header
     */
    public Table(String caption, List<String> header, List<Boolean> numeric,
        List<List<String>> rows) {
      this(caption, header, numeric, rows.stream().map(Cell::texts).toList(), true);
    }

    private Table(String caption, List<String> header, List<Boolean> numeric,
        List<List<Cell>> cells, boolean unused) {
      this.caption = Objects.requireNonNull(caption, "caption");
      this.header = List.copyOf(header);
      this.numeric = List.copyOf(numeric);
      if (this.numeric.size() != this.header.size()) {
        throw new IllegalArgumentException("numeric flags must match the header");
      }
      this.cells = cells.stream().map(List::copyOf).toList();
      for (List<Cell> row : this.cells) {
        if (row.size() != this.header.size()) {
          throw new IllegalArgumentException("row " + row + " does not match header " + header);
        }
      }
    }

    /**
     * A table of typed cells.
     *
     * @param numeric per column, whether it holds numbers (right-aligned)
     */
    public static Table of(String caption, List<String> header, List<Boolean> numeric,
        List<List<Cell>> rows) {
      return new Table(caption, header, numeric, rows, true);
    }

    public String caption() {
      return caption;
    }

    public List<String> header() {
      return header;
    }

    public List<Boolean> numeric() {
      return numeric;
    }

    /** The typed cells, row by row. */
    public List<List<Cell>> cells() {
      return cells;
    }

    /** The cells as the text renderers show them, row by row. */
    public List<List<String>> rows() {
      return cells.stream().map(Fmt::texts).toList();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Table t && caption.equals(t.caption) && header.equals(t.header)
          && numeric.equals(t.numeric) && cells.equals(t.cells);
    }

    @Override
    public int hashCode() {
      return Objects.hash(caption, header, numeric, cells);
    }

    @Override
    public String toString() {
      return "Table[" + caption + ", " + header + ", " + rows() + "]";
    }
  }

  /**
   * A chart: one value per label per series. With {@code low} and {@code high} a series also
   * carries an interval per label (for example the 5th and 95th percentile of a simulation).
   *
   * @param kind {@code bar}, {@code stacked-bar} or {@code line}
   * @param xAxis the title of the label axis; may be empty
   * @param yAxis the title of the value axis, with its unit; may be empty
   */
  public record Chart(String id, String title, String kind, List<String> labels,
      List<Series> series, String xAxis, String yAxis) {
    public Chart {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      if (!List.of("bar", "stacked-bar", "line").contains(kind)) {
        throw new IllegalArgumentException("chart kind must be bar, stacked-bar or line: " + kind);
      }
      labels = List.copyOf(labels);
      series = List.copyOf(series);
      for (Series one : series) {
        if (one.values().size() != labels.size()) {
          throw new IllegalArgumentException("series " + one.label() + " needs one value per label");
        }
      }
      xAxis = xAxis == null ? "" : xAxis;
      yAxis = yAxis == null ? "" : yAxis;
    }

    public Chart(String id, String title, String kind, List<String> labels, List<Series> series) {
      this(id, title, kind, labels, series, "", "");
    }

    /** Whether any series carries a low/high interval. */
    public boolean hasIntervals() {
      return series.stream().anyMatch(s -> !s.low().isEmpty() || !s.high().isEmpty());
    }
  }

  /**
   * One series of a chart; {@code low} and {@code high} are empty or as long as {@code values}.
   */
  public record Series(String label, List<java.math.BigDecimal> values,
      List<java.math.BigDecimal> low, List<java.math.BigDecimal> high) {
    public Series {
      values = List.copyOf(values);
      low = List.copyOf(low);
      high = List.copyOf(high);
      if (!low.isEmpty() && low.size() != values.size()
          || !high.isEmpty() && high.size() != values.size()) {
        throw new IllegalArgumentException("interval bounds must match the values");
      }
    }

    public Series(String label, List<java.math.BigDecimal> values) {
      this(label, values, List.of(), List.of());
    }
  }
}
