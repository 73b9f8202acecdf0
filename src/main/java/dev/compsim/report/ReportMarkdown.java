package dev.compsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.md}, fit for a pull-request comment: the headline table first, then every
 * section with its notes and tables. Charts are left to the HTML report.
 */
public final class ReportMarkdown {
  /** Rows per table; a pull-request comment holds at most 65,536 characters. */
  static final int MAX_ROWS = 40;
  /**
   * The most characters summary.md has: a pull-request comment holds 65,536, and a CI job often
   * adds a line or two of its own around the report.
   */
  public static final int MAX_CHARS = 60_000;
  /** Invisible, and breaks a mention ({@code @team}) or a link ({@code https://}) apart. */
  private static final char WORD_JOINER = '\u2060';

  private ReportMarkdown() {}

  /**
   * The summary, at most {@link #MAX_CHARS} characters: a section that would go past the limit
   * keeps its notes but not its tables, and sections that still do not fit are named in a line
   * at the end; both point to report.html and report.json.
   */
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
    String footer = "_compsim report as of " + comparison.asOf()
        + "; every figure is a sum of ledger lines (ledger.csv)._\n";
    // room for the note at its longest: naming every section
    int reserve = footer.length() + omitted(sections.subList(1, sections.size()).stream()
        .map(ReportSection::title).toList(), sections.size()).length();
    // a section that does not fit keeps its notes without its tables; one that still does not
    // fit is only named at the end
    List<String> left = new ArrayList<>();
    for (ReportSection section : sections.subList(1, sections.size())) {
      String rendered = section(section, true);
      if (out.length() + rendered.length() + reserve > MAX_CHARS) {
        rendered = section(section, false);
      }
      if (out.length() + rendered.length() + reserve <= MAX_CHARS) {
        out.append(rendered);
      } else {
        left.add(section.title());
      }
    }
    if (!left.isEmpty()) {
      out.append(omitted(left, sections.size()));
    }
    if (out.length() + footer.length() > MAX_CHARS) {
      // the headline alone is too long (hundreds of plans): cut it at a line
      String note = omitted(List.of(), sections.size());
      int cut = out.lastIndexOf("\n", MAX_CHARS - footer.length() - note.length() - 2);
      out.setLength(Math.max(cut + 1, 0));
      out.append('\n').append(note);
    }
    return out.append(footer).toString();
  }

  /** The line that says what summary.md leaves out, and where to find it. */
  private static String omitted(List<String> titles, int sections) {
    StringBuilder note = new StringBuilder("_summary.md leaves out more to stay under ")
        .append("the 65,536 characters of a pull-request comment");
    if (titles.isEmpty()) {
      note.append(": the rest of the headline and ").append(sections - 1)
          .append(" sections are");
    } else {
      note.append("; ").append(titles.size())
          .append(titles.size() == 1 ? " more section (" : " more sections (")
          .append(text(String.join(", ", titles))).append(titles.size() == 1 ? ") is" : ") are");
    }
    return note.append(" in report.html and report.json._\n\n").toString();
  }

  private static String section(ReportSection section, boolean withTables) {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(text(section.title())).append("\n\n");
    for (String note : section.notes()) {
      out.append("- ").append(text(note)).append('\n');
    }
    if (!section.notes().isEmpty()) {
      out.append('\n');
    }
    if (!withTables) {
      return out.append("_The tables of this section are in report.html and report.json; ")
          .append("summary.md leaves them out to fit a pull-request comment._\n\n").toString();
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

  /**
   * Text from the data, made inert: no HTML, no Markdown emphasis or links, no line breaks, no
   * control characters (shown escaped, as on the terminal), and no autolinks or notifications on
   * GitHub: a word joiner goes into {@code ://}, {@code www.} and after an {@code @}, so a bare
   * URL stays plain text and {@code @team} pings nobody.
   */
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
        case '@' -> out.append(c).append(WORD_JOINER);
        case ':' -> {
          out.append(c);
          if (value.startsWith("//", i + 1)) {
            out.append(WORD_JOINER);
          }
        }
        case '.' -> {
          if (endsWithWww(out)) {
            out.append(WORD_JOINER);
          }
          out.append(c);
        }
        // an escape sequence or a bell would act on the terminal of whoever runs cat summary.md
        default -> {
          if (c != '\t' && TerminalText.isControl(c)) {
            out.append('\\').append(TerminalText.escape(String.valueOf(c)));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Whether the text so far ends in the word {@code www} (any case). */
  private static boolean endsWithWww(StringBuilder out) {
    int n = out.length();
    return n >= 3 && out.substring(n - 3).equalsIgnoreCase("www")
        && (n == 3 || !Character.isLetterOrDigit(out.charAt(n - 4)));
  }

  private static String cell(String value) {
    return text(value);
  }
}
