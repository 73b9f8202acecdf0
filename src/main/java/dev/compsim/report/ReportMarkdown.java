package dev.compsim.report;

import java.util.List;

/**
 * {@code summary.md}, fit for a pull-request comment: the headline table first, then every
 * section with its notes and tables. Charts are left to the HTML report.
 */
public final class ReportMarkdown {
  /** Rows per table; a pull-request comment holds at most 65,536 characters. */
  static final int MAX_ROWS = 40;

  private ReportMarkdown() {}

  public static String render(Comparison comparison) {
    StringBuilder out = new StringBuilder();
    out.append("# compsim: ");
    if (comparison.plans().size() == 1) {
      out.append(text(comparison.baseline().name()));
    } else {
      out.append(text(String.join(" vs ", comparison.plans().stream()
          .map(PlanFigures::name).toList())));
    }
    out.append("\n\n");
    List<ReportSection> sections = comparison.sections();
    ReportSection headline = sections.get(0);
    for (ReportSection.Table table : headline.tables()) {
      table(out, table);
    }
    for (String note : headline.notes()) {
      out.append("- ").append(text(note)).append('\n');
    }
    out.append('\n');
    for (ReportSection section : sections.subList(1, sections.size())) {
      out.append("## ").append(text(section.title())).append("\n\n");
      for (String note : section.notes()) {
        out.append("- ").append(text(note)).append('\n');
      }
      if (!section.notes().isEmpty()) {
        out.append('\n');
      }
      // tables fold away, so a pull-request comment stays short; notes stay visible
      boolean fold = !section.tables().isEmpty()
          || section.charts().stream().anyMatch(ReportSection.Chart::hasIntervals);
      if (fold) {
        out.append("<details><summary>Tables</summary>\n\n");
      }
      for (ReportSection.Table table : section.tables()) {
        if (!table.caption().isEmpty()) {
          out.append("**").append(text(table.caption())).append("**\n\n");
        }
        table(out, table);
      }
      for (ReportSection.Chart chart : section.charts()) {
        if (chart.hasIntervals()) {
          intervals(out, chart);
        }
      }
      if (fold) {
        out.append("</details>\n\n");
      }
    }
    out.append("_compsim report as of ").append(comparison.asOf())
        .append("; every figure is a sum of ledger lines (ledger.csv)._\n");
    return out.toString();
  }

  /** A chart with intervals has no table of its own: show its numbers as value [low, high]. */
  private static void intervals(StringBuilder out, ReportSection.Chart chart) {
    out.append("**").append(text(chart.title())).append("**");
    if (!chart.yAxis().isEmpty()) {
      out.append(" (").append(text(chart.yAxis())).append(')');
    }
    out.append("\n\n| ").append(text(chart.xAxis()));
    for (ReportSection.Series series : chart.series()) {
      out.append(" | ").append(text(series.label()));
    }
    out.append(" |\n| --- ");
    chart.series().forEach(s -> out.append("| ---: "));
    out.append("|\n");
    for (int i = 0; i < chart.labels().size(); i++) {
      out.append("| ").append(text(chart.labels().get(i)));
      for (ReportSection.Series series : chart.series()) {
        out.append(" | ").append(series.values().get(i).toPlainString());
        if (!series.low().isEmpty() && !series.high().isEmpty()) {
          out.append(" [").append(series.low().get(i).toPlainString()).append(", ")
              .append(series.high().get(i).toPlainString()).append(']');
        }
      }
      out.append(" |\n");
    }
    out.append('\n');
  }

  static void table(StringBuilder out, ReportSection.Table table) {
    out.append('|');
    for (String head : table.header()) {
      out.append(' ').append(cell(head)).append(" |");
    }
    out.append("\n|");
    for (boolean numeric : table.numeric()) {
      out.append(numeric ? " ---: |" : " --- |");
    }
    out.append('\n');
    int shown = 0;
    for (List<String> row : table.rows()) {
      if (shown++ == MAX_ROWS) {
        out.append("\n_").append(table.rows().size() - MAX_ROWS)
            .append(" more rows in report.html and report.xlsx._\n");
        break;
      }
      out.append('|');
      for (String value : row) {
        out.append(' ').append(cell(value)).append(" |");
      }
      out.append('\n');
    }
    if (table.rows().isEmpty()) {
      out.append("| _none_ |").append(" |".repeat(table.header().size() - 1)).append('\n');
    }
    out.append('\n');
  }

  /** Text from the data, made inert: no HTML, no Markdown emphasis or links, no line breaks. */
  static String text(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '*', '_', '`', '[', ']', '|' -> out.append('\\').append(c);
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String cell(String value) {
    return text(value);
  }
}
