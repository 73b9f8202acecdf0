package dev.compsim.io;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
  // the factories and mappers are configured once and only read with after: shared by every
  // reader (and thread), so that the binding's deserializers are built once (warmUp)
  private static final YAMLFactory FACTORY = YamlSource.factory();
  private static final YAMLFactory SCANNER = YamlSource.scanner();
  /** Binds what is left of a plan with shape problems: repeated keys keep the last value. */
  private static final ObjectMapper LENIENT = YAMLMapper.builder(SCANNER)
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();
  private static final ObjectMapper MAPPER = YAMLMapper.builder(FACTORY)
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();
  private final YAMLFactory scanner = SCANNER;
  private final ObjectMapper lenient = LENIENT;
  private final ObjectMapper mapper = MAPPER;

  /**
   * Loads what reading a plan needs before any plan is read: the plan schema (parsed and
   * compiled) and the binding's deserializers. {@code Main} runs it on a thread of its own while
   * picocli builds the command line, when the second core is idle; otherwise the first plan's
   * read does it (0.1 s of CPU), beside the reading of deals.csv, which wants both cores. A read
   * waits for it rather than load the same classes beside it.
   */
  private static final java.util.concurrent.FutureTask<Void> LOADED =
      new java.util.concurrent.FutureTask<>(() -> {
        PlanSchema.text();
        MAPPER.readerFor(PlanDoc.class);
        LENIENT.readerFor(PlanDoc.class);
      }, null);

  /** Runs {@link #LOADED} here, unless another thread is running it or has run it. */
  public static void warmUp() {
    LOADED.run();
  }

  /** Runs {@link #LOADED}, or waits for the thread running it. */
  private static void loaded() {
    LOADED.run();
    try {
      LOADED.get();
    } catch (java.util.concurrent.ExecutionException e) {
      // nothing is lost: the read below meets it again and reports it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads one plan; throws InputException listing every problem in the file. */
  public Plan read(Path file) {
    loaded();
    return read(YamlSource.read(file, scanner));
  }

  /**
   * Reads a plan held in memory as the contents of {@code file} (a sweep's variant, before it is
   * written there): exactly what reading that file would give, problems included.
   */
  public Plan read(Path file, byte[] yaml) {
    loaded();
    return read(YamlSource.of(file, yaml, scanner));
  }

  private Plan read(YamlSource source) {
    Path file = source.file;
    List<Diagnostic> problems = new ArrayList<>();
    PlanDoc doc = bind(source, problems);
    if (doc == null) {
      if (problems.isEmpty()) {
        problems.add(new Diagnostic(file, 1, 1, "the plan file is empty"));
      }
      throw new InputException(problems);
    }
    if (!problems.isEmpty()) {
      // shape problems: check the rest, leaving out what follows from the values left out
      List<String> bad = PlanShape.check(source, scanner, new ArrayList<>());
      java.util.Set<String> skip = around(source, bad);
      List<Diagnostic> more = new ArrayList<>();
      new PlanResolver(source, more).resolve(doc);
      for (Diagnostic d : more) {
        if (!skip.contains(d.line() + ":" + d.column())) {
          problems.add(d);
        }
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
    for (PlanSchema.Finding finding : PlanSchema.findings(source)) {
      // left out when the value, or a list or mapping holding it, has a problem already
      boolean known = false;
      String path = finding.pointer();
      while (!known) {
        Diagnostic at = source.at(path, "");
        known = reported.contains(at.line() + ":" + at.column());
        if (path.isEmpty() || path.lastIndexOf('/') <= 0) {
          break; // the plan itself holds everything: a problem there says nothing of this one
        }
        path = path.substring(0, path.lastIndexOf('/'));
      }
      Diagnostic d = finding.diagnostic();
      if (!known && reported.add(d.line() + ":" + d.column())) {
        problems.add(d);
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
        if (!plans.isEmpty() && !plans.get(0).currency().equals(plan.currency())) {
          // deals without a currency are in the plan's, and fx.csv rates are to one currency
          problems.add(at(file, "currency", "plan " + plan.name() + " is in " + plan.currency()
              + " but plan " + plans.get(0).name() + " is in " + plans.get(0).currency()
              + "; plans run on the same deals must share a currency"));
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
    List<String> bad = PlanShape.check(source, scanner, problems);
    try {
      if (problems.size() == before) {
        return mapper.readValue(source.bytes, PlanDoc.class);
      }
      return partial(source, bad);
    } catch (JsonProcessingException e) {
      if (problems.size() == before) {
        problems.add(source.at(e));
      }
      return null;
    } catch (IOException e) {
      problems.add(Diagnostic.of(source.file, "cannot read: " + YamlSource.describe(e)));
      return null;
    }
  }

  /**
   * The plan without the keys and values the shape check found wrong, so that the rest of the
   * file is still checked; null when nothing sensible is left.
   */
  private PlanDoc partial(YamlSource source, List<String> bad) throws IOException {
    if (bad.contains("")) {
      return null;
    }
    JsonNode tree = lenient.readTree(source.bytes);
    for (String pointer : bad) {
      JsonPointer at = JsonPointer.compile(pointer);
      JsonNode parent = tree.at(at.head());
      String last = at.last().getMatchingProperty();
      if (parent instanceof ObjectNode object) {
        object.remove(last);
      } else if (parent instanceof ArrayNode array) {
        array.set(at.last().getMatchingIndex(), NullNode.instance);
      }
    }
    return lenient.treeToValue(tree, PlanDoc.class);
  }

  /**
   * The positions of the containers that hold a wrong key or value: what the resolver says there
   * ("needs a rate") is a consequence of the value left out, not a problem of its own.
   */
  private static java.util.Set<String> around(YamlSource source, List<String> bad) {
    java.util.Set<String> positions = new java.util.HashSet<>();
    for (String pointer : bad) {
      String path = pointer;
      while (true) {
        Diagnostic d = source.at(path, "");
        positions.add(d.line() + ":" + d.column());
        if (path.isEmpty()) {
          break;
        }
        path = path.substring(0, path.lastIndexOf('/'));
      }
    }
    return positions;
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
