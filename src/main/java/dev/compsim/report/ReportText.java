package dev.compsim.report;

import java.util.List;

/** The terminal view of a comparison: the headline table, notes, and failing guardrails. */
public final class ReportText {
  private ReportText() {}

  public static String render(Comparison comparison) {
    StringBuilder out = new StringBuilder();
    List<ReportSection> sections = comparison.sections();
    ReportSection headline = sections.get(0);
    for (ReportSection.Table table : headline.tables()) {
      out.append(table(table)).append('\n');
    }
    out.append('\n');
    for (String note : headline.notes()) {
      out.append(TextTable.wrap("", TerminalText.cell(note)));
    }
    for (ReportSection section : sections.subList(1, sections.size())) {
      if (section.id().equals("rep_changes")) {
        out.append('\n').append(section.title()).append(":\n");
        out.append(table(section.tables().get(0))).append('\n');
      } else if (comparison.extraSections().contains(section)) {
        out.append('\n').append(section.title()).append(":\n");
        for (String note : section.notes()) {
          out.append(TextTable.wrap("  ", TerminalText.cell(note)));
        }
      }
    }
    return out.toString();
  }

  static String table(ReportSection.Table table) {
    TextTable text = new TextTable(table.header());
    for (List<String> row : table.rows()) {
      text.row(row);
    }
    return text.render();
  }
}
