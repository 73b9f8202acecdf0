package dev.compsim.report;

import java.util.List;

/** A report section as plain terminal text: title, notes, then each non-empty table. */
public final class SectionText {
  private SectionText() {}

  public static String render(ReportSection section) {
    String title = TerminalText.cell(section.title());
    StringBuilder out = new StringBuilder(title).append('\n')
        .append("-".repeat(title.length())).append('\n');
    for (String note : section.notes()) {
      out.append(TextTable.wrap("", TerminalText.cell(note)));
    }
    for (ReportSection.Table table : section.tables()) {
      if (table.rows().isEmpty()) {
        continue;
      }
      out.append('\n');
      if (!table.caption().isEmpty()) {
        out.append(TerminalText.cell(table.caption())).append(":\n");
      }
      TextTable text = new TextTable(table.header());
      for (List<String> row : table.rows()) {
        text.row(row);
      }
      out.append(text.render()).append('\n');
    }
    return out.toString();
  }
}
