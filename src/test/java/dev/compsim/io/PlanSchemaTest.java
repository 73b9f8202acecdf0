package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compsim.model.Guardrail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanSchemaTest {
  @TempDir
  Path dir;

  private final JsonNode schema = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(PlanSchema.text());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Every key path the schema allows, in the notation of {@link PlanShape#paths()}. */
  private void collect(JsonNode node, String prefix, List<String> paths) {
    if (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      node = schema.at(ref.substring(1));
    }
    if (node.has("properties")) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.get("properties").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
        paths.add(path);
        collect(field.getValue(), path, paths);
      }
    }
    if (node.has("items")) {
      collect(node.get("items"), prefix + "[]", paths);
    }
    if (node.has("additionalProperties") && node.get("additionalProperties").isObject()) {
      collect(node.get("additionalProperties"), prefix + ".*", paths);
    }
  }

  @Test
  void theSchemaHasExactlyTheKeysOfThePlanFormat() {
    List<String> paths = new ArrayList<>();
    collect(schema, "", paths);
    assertThat(new TreeSet<>(paths)).isEqualTo(new TreeSet<>(PlanShape.paths()));
    assertThat(paths).contains("commission.tiers[].rate", "roles.*.holdback.share",
        "partners.rep_rewards.points_per_1000");
  }

  @Test
  void theSchemaKnowsEveryGuardrailMetric() {
    List<String> metrics = new ArrayList<>();
    schema.at("/$defs/guardrail/properties/metric/enum").forEach(m -> metrics.add(m.asText()));
    assertThat(metrics).containsExactlyInAnyOrderElementsOf(Guardrail.METRICS);
  }

  @Test
  void everyPlanOfTheRepositoryIsValid() throws IOException {
    try (Stream<Path> plans = Files.list(Path.of("plans"))) {
      for (Path plan : plans.toList()) {
        YamlSource source = YamlSource.read(plan, YamlSource.scanner());
        assertThat(PlanSchema.validate(source)).as(plan.toString()).isEmpty();
      }
    }
  }

  @Test
  void findingsAreAtTheValue() throws IOException {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, """
        name: X
        commission:
          tiers: [ { rate: 0.1 } ]
        spiffs:
          - { name: a, kind: deal, amount: -5 }
        """);
    YamlSource source = YamlSource.read(file, YamlSource.scanner());
    assertThat(PlanSchema.validate(source)).extracting(Diagnostic::format).containsExactly(
        file + ":5:36: error: schema: amount: must have a minimum value of 0");
  }
}
