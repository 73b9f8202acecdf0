package dev.compsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small renderers of report sections for the terminal, Markdown and JSON: enough for
 * {@code simulate} to print and write its results. Tables and notes only; charts are for HTML.
 */
public final class SimulationFiles {
  private SimulationFiles() {}

  /** Plain text for the terminal. */
  public static String text(List<ReportSection> sections) {
    StringBuilder out = new StringBuilder();
    for (ReportSection section : sections) {
      out.append(section.title()).append('\n')
          .append("-".repeat(section.title().length())).append("\n\n");
      for (ReportSection.Table table : section.tables()) {
        if (!table.caption().isEmpty()) {
          out.append(table.caption()).append('\n');
        }
        TextTable text = new TextTable(table.header());
        table.rows().forEach(text::row);
        out.append(text.render()).append("\n\n");
      }
      for (String note : section.notes()) {
        out.append("  ").append(note).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Markdown: a heading per section, notes as a list, tables as pipe tables. */
  public static String markdown(String title, List<ReportSection> sections) {
    StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
    for (ReportSection section : sections) {
      out.append("## ").append(section.title()).append("\n\n");
      for (String note : section.notes()) {
        out.append("- ").append(cell(note)).append('\n');
      }
      if (!section.notes().isEmpty()) {
        out.append('\n');
      }
      for (ReportSection.Table table : section.tables()) {
        if (!table.caption().isEmpty()) {
          out.append(cell(table.caption())).append("\n\n");
        }
        out.append('|');
        table.header().forEach(h -> out.append(' ').append(cell(h)).append(" |"));
        out.append("\n|");
        table.numeric().forEach(n -> out.append(n ? " ---: |" : " --- |"));
        out.append('\n');
        for (List<String> row : table.rows()) {
          out.append('|');
          row.forEach(c -> out.append(' ').append(cell(c)).append(" |"));
          out.append('\n');
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** JSON: one property per section id holding the section's data, in section order. */
  public static String json(List<ReportSection> sections) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (ReportSection section : sections) {
      root.put(section.id(), section.json());
    }
    ObjectMapper mapper = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    try {
      return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
