package dev.compsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: the comparison with stable keys (documented in docs/report-json.md).
 * Top level: schema, as_of, baseline, plans, sections (by section id, in report order).
 */
public final class ReportJson {
  /** Bumped when a key changes meaning or disappears; new keys may appear within a version. */
  public static final String SCHEMA = "compsim-report/1";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private ReportJson() {}

  public static String render(Comparison comparison) {
    return write(tree(comparison));
  }

  /** The report as maps and lists, in key order. */
  public static Map<String, Object> tree(Comparison comparison) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("as_of", comparison.asOf().toString());
    root.put("baseline", comparison.baseline().name());
    List<String> plans = new ArrayList<>();
    comparison.plans().forEach(p -> plans.add(p.name()));
    root.put("plans", plans);
    Map<String, Object> sections = new LinkedHashMap<>();
    for (ReportSection section : comparison.sections()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("title", section.title());
      one.put("notes", section.notes());
      one.putAll(section.json());
      sections.put(section.id(), one);
    }
    root.put("sections", sections);
    return root;
  }

  /** Pretty JSON with {@code \n} line ends on every platform and a final newline. */
  static String write(Object tree) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
