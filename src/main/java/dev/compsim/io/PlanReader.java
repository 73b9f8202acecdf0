package dev.compsim.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.compsim.model.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads plan files. Every problem is collected with its position: unknown keys (with the nearest
 * valid key), values of the wrong type, and the meaning checks of {@link PlanResolver}.
 */
public final class PlanReader {
  private final YAMLFactory factory = YamlSource.factory();
  private final YAMLFactory scanner = YamlSource.scanner();
  private final ObjectMapper mapper = YAMLMapper.builder(factory)
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

  /** Reads one plan; throws InputException listing every problem in the file. */
  public Plan read(Path file) {
    YamlSource source = YamlSource.read(file, scanner);
    List<Diagnostic> problems = new ArrayList<>();
    PlanDoc doc = bind(source, problems);
    if (doc == null) {
      if (problems.isEmpty()) {
        problems.add(new Diagnostic(file, 1, 1, "the plan file is empty"));
      }
      throw new InputException(problems);
    }
    Plan plan = new PlanResolver(source, problems).resolve(doc);
    schemaFindings(source, problems);
    InputException.throwIfAny(problems);
    return plan;
  }

  /**
   * Adds what the JSON Schema finds and the resolver did not: the resolver's messages are more
   * precise, so a schema finding at a position already reported is left out.
   */
  private static void schemaFindings(YamlSource source, List<Diagnostic> problems) {
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (Diagnostic problem : problems) {
      reported.add(problem.line() + ":" + problem.column());
    }
    for (Diagnostic finding : PlanSchema.validate(source)) {
      if (reported.add(finding.line() + ":" + finding.column())) {
        problems.add(finding);
      }
    }
  }

  /** Reads several plans, listing the problems of all of them; names must be unique. */
  public List<Plan> readAll(List<Path> files) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Plan> plans = new ArrayList<>();
    for (Path file : files) {
      try {
        Plan plan = read(file);
        for (Plan earlier : plans) {
          if (earlier.name().equals(plan.name())) {
            problems.add(new Diagnostic(file, 1, 1, "plan name \"" + plan.name()
                + "\" is already used by another plan; names must be unique"));
          }
        }
        plans.add(plan);
      } catch (InputException e) {
        problems.addAll(e.diagnostics());
      }
    }
    InputException.throwIfAny(problems);
    return plans;
  }

  private PlanDoc bind(YamlSource source, List<Diagnostic> problems) {
    if (source.isEmpty()) {
      return null;
    }
    int before = problems.size();
    PlanShape.check(source, scanner, problems);
    if (problems.size() > before) {
      return null;
    }
    try {
      return mapper.readValue(source.bytes, PlanDoc.class);
    } catch (JsonProcessingException e) {
      problems.add(source.at(e));
      return null;
    } catch (IOException e) {
      problems.add(Diagnostic.of(source.file, "cannot read: " + YamlSource.describe(e)));
      return null;
    }
  }

  /**
   * A problem found later about key {@code path} ({@code partners.margin}) of a plan file that
   * read cleanly, at that key's value, or at the nearest enclosing one that is written.
   */
  static Diagnostic at(Path planFile, String path, String message) {
    if (planFile == null) {
      return Diagnostic.of(null, message);
    }
    try {
      YamlSource source = YamlSource.read(planFile, YamlSource.scanner());
      String pointer = path == null || path.isEmpty() ? "" : "/" + path.replace('.', '/');
      return source.at(pointer, message);
    } catch (InputException e) {
      return Diagnostic.of(planFile, message);
    }
  }

  /** The mapper plan files are bound with, for the JSON Schema and tests. */
  static ObjectMapper jsonMapper() {
    return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
  }
}
