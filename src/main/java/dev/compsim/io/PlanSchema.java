package dev.compsim.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.serialization.DefaultNodeReader;
import com.networknt.schema.serialization.NodeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of the plan format, a resource kept in step with
 * {@link PlanDoc} by a test, and the validation of a plan file against it.
 */
public final class PlanSchema {
  private static final String RESOURCE = "/dev/compsim/io/plan.schema.json";
  private static final String TEXT = load();
  private static final Schema SCHEMA = SchemaRegistry
      .withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(TEXT, InputFormat.JSON);

  private PlanSchema() {}

  /** The schema as printed by {@code compsim schema}. */
  public static String text() {
    return TEXT;
  }

  private static String load() {
    try (InputStream in = PlanSchema.class.getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The schema's findings on {@code source}, each at the value it is about (the key, for an
   * unexpected key). Read with the same bounded YAML factory as the plan itself.
   */
  static List<Diagnostic> validate(YamlSource source) {
    NodeReader reader = DefaultNodeReader.builder().locationAware()
        .yamlMapper(new YAMLMapper(YamlSource.scanner())).build();
    JsonNode node;
    try {
      node = reader.readTree(new java.io.ByteArrayInputStream(source.bytes), InputFormat.YAML);
    } catch (IOException e) {
      return List.of(Diagnostic.of(source.file, "cannot read: " + YamlSource.describe(e)));
    }
    if (node == null || node.isMissingNode()) {
      return List.of();
    }
    return SCHEMA.validate(node).stream().map(error -> place(source, error)).toList();
  }

  private static Diagnostic place(YamlSource source, Error error) {
    String pointer = pointer(error.getInstanceLocation());
    String message = error.getMessage();
    if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
      return source.atKey(pointer + "/" + error.getProperty(),
          "schema: unknown key `" + error.getProperty() + "`");
    }
    String name = pointer.isEmpty() ? "plan" : pointer.substring(pointer.lastIndexOf('/') + 1);
    return source.at(pointer, "schema: " + name + ": " + message);
  }

  private static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(path.getElement(i));
    }
    return pointer.toString();
  }
}
