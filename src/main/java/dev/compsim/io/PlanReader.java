package dev.compsim.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.compsim.model.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads plan files. Every problem is collected with its position: unknown keys (with the nearest
 * valid key), values of the wrong type, and the meaning checks of {@link PlanResolver}.
 */
public final class PlanReader {
  private final YAMLFactory factory = YamlSource.factory();
  private final ObjectMapper mapper = YAMLMapper.builder(factory)
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  /** Reads one plan; throws InputException listing every problem in the file. */
  public Plan read(Path file) {
    YamlSource source = YamlSource.read(file, factory);
    List<Diagnostic> problems = new ArrayList<>();
    PlanDoc doc = bind(source, problems);
    if (doc == null) {
      if (problems.isEmpty()) {
        problems.add(new Diagnostic(file, 1, 1, "the plan file is empty"));
      }
      throw new InputException(problems);
    }
    Plan plan = new PlanResolver(source, problems).resolve(doc);
    InputException.throwIfAny(problems);
    return plan;
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
    ObjectMapper collecting = mapper.copy().addHandler(new Collector(source, problems));
    try {
      return collecting.readValue(source.bytes, PlanDoc.class);
    } catch (JsonProcessingException e) {
      problems.add(source.at(e));
      return null;
    } catch (IOException e) {
      problems.add(Diagnostic.of(source.file, "cannot read: " + YamlSource.describe(e)));
      return null;
    }
  }

  /** Records unknown keys and mistyped values, and carries on so that all are listed. */
  private static final class Collector extends DeserializationProblemHandler {
    private final YamlSource source;
    private final List<Diagnostic> problems;

    Collector(YamlSource source, List<Diagnostic> problems) {
      this.source = source;
      this.problems = problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName)
        throws IOException {
      // the parser may already be inside the value; the key belongs to the enclosing object
      var context = p.getParsingContext();
      if ((p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY)
          && context.getParent() != null) {
        context = context.getParent();
      }
      String pointer = context.pathAsPointer().toString();
      Collection<Object> known = deserializer.getKnownPropertyNames();
      List<String> names = new ArrayList<>();
      for (Object name : known) {
        names.add(String.valueOf(name));
      }
      String message = "unknown key \"" + propertyName + "\"" + Suggest.hint(propertyName, names);
      if (Suggest.nearest(propertyName, names) == null && !names.isEmpty()) {
        message += "; valid keys here: " + String.join(", ", new TreeSet<>(names));
      }
      problems.add(source.atKey(pointer, message));
      p.skipChildren();
      return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType,
        String valueToConvert, String failureMsg) {
      problems.add(here(ctxt, "\"" + valueToConvert + "\" is not " + describe(targetType)));
      return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType,
        Number valueToConvert, String failureMsg) {
      problems.add(here(ctxt, valueToConvert + " is not " + describe(targetType)));
      return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType,
        JsonToken t, JsonParser p, String failureMsg) throws IOException {
      String found = switch (t) {
        case START_ARRAY -> "a list";
        case START_OBJECT -> "a mapping";
        case VALUE_STRING -> "the text \"" + p.getText() + "\"";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
        default -> "an empty value";
      };
      problems.add(here(ctxt, "expected " + describe(targetType.getRawClass()) + ", found "
          + found));
      p.skipChildren();
      return null;
    }

    private Diagnostic here(DeserializationContext ctxt, String message) {
      JsonParser p = ctxt.getParser();
      String pointer = p.getParsingContext().pathAsPointer().toString();
      var location = p.currentTokenLocation();
      if (location != null && location.getLineNr() > 0) {
        return new Diagnostic(source.file, location.getLineNr(), location.getColumnNr(), message);
      }
      return source.at(pointer, message);
    }

    private static String describe(Class<?> type) {
      if (type == java.math.BigDecimal.class || Number.class.isAssignableFrom(type)
          || type == int.class) {
        return type == Integer.class || type == int.class ? "a whole number" : "a number";
      }
      if (type == Boolean.class || type == boolean.class) {
        return "true or false";
      }
      if (type == String.class) {
        return "a text value";
      }
      if (java.util.List.class.isAssignableFrom(type)) {
        return "a list";
      }
      if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
        return "a mapping of keys";
      }
      return "a " + type.getSimpleName();
    }
  }

  /** The mapper plan files are bound with, for the JSON Schema and tests. */
  static ObjectMapper jsonMapper() {
    return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
  }
}
