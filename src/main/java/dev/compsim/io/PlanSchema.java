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
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
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

  /** Reads YAML as the plan reader does (same bounds), keeping where each node began. */
  private static final NodeReader READER = DefaultNodeReader.builder().locationAware()
      .yamlMapper(new YAMLMapper(YamlSource.scanner())).build();

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
    return findings(source).stream().map(Finding::diagnostic).toList();
  }

  /** A schema finding and the JSON pointer of the value it is about. */
  record Finding(String pointer, Diagnostic diagnostic) {}

  static List<Finding> findings(YamlSource source) {
    JsonNode node;
    try {
      node = READER.readTree(new java.io.ByteArrayInputStream(source.bytes), InputFormat.YAML);
    } catch (IOException e) {
      return List.of(new Finding("", Diagnostic.of(source.file, "cannot read: "
          + YamlSource.describe(e))));
    }
    if (node == null || node.isMissingNode()) {
      return List.of();
    }
    return SCHEMA.validate(node).stream()
        .map(error -> new Finding(pointer(error.getInstanceLocation()), place(source, error)))
        .toList();
  }

  private static Diagnostic place(YamlSource source, Error error) {
    String pointer = pointer(error.getInstanceLocation());
    String message = error.getMessage();
    if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
      return source.atKey(pointer + "/" + error.getProperty(),
          "schema: unknown key `" + error.getProperty() + "`");
    }
    String name = "plan";
    for (String segment : pointer.split("/")) {
      if (!segment.isEmpty() && !segment.chars().allMatch(Character::isDigit)) {
        name = segment; // the key, or the list an element belongs to
      }
    }
    message = "schema: " + name + ": " + message;
    // the location-aware reader kept where each node began in the YAML
    if (error.getInstanceNode() instanceof TokenStreamLocationAware aware
        && aware.tokenStreamLocation() != null && aware.tokenStreamLocation().getLineNr() > 0) {
      var at = aware.tokenStreamLocation();
      return new Diagnostic(source.file, at.getLineNr(), at.getColumnNr(), message);
    }
    return source.at(pointer, message);
  }

  private static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(path.getElement(i));
    }
    return pointer.toString();
  }
}
