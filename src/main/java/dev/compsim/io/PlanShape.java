package dev.compsim.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the shape of a plan file against the {@link PlanDoc} records before binding: every key
 * known, every value of the right kind. It walks the parser's own tokens, so each problem is at
 * the key's or value's real line and column (binding buffers record properties and loses them).
 */
final class PlanShape {
  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  private final YamlSource source;
  private final List<Diagnostic> problems;
  /** JSON pointers of the keys and values found wrong. */
  private final List<String> bad = new ArrayList<>();

  private PlanShape(YamlSource source, List<Diagnostic> problems) {
    this.source = source;
    this.problems = problems;
  }

  /**
   * Adds a problem for every unknown key and mistyped value of {@code source}; returns the JSON
   * pointers of those keys and values.
   */
  static List<String> check(YamlSource source, YAMLFactory factory, List<Diagnostic> problems) {
    return check(source, factory, problems, PlanDoc.class);
  }

  /** The same check against any record shape, such as a column map file. */
  static List<String> check(YamlSource source, YAMLFactory factory, List<Diagnostic> problems,
      Class<?> root) {
    PlanShape shape = new PlanShape(source, problems);
    try (JsonParser parser = factory.createParser(source.bytes)) {
      JsonToken first = parser.nextToken();
      if (first != null) {
        shape.value(parser, root);
      }
    } catch (JsonProcessingException e) {
      problems.add(source.at(e));
      shape.bad.add("");
    } catch (IOException e) {
      problems.add(Diagnostic.of(source.file, "cannot read: " + YamlSource.describe(e)));
      shape.bad.add("");
    }
    return shape.bad;
  }

  /** The keys of a record as written in YAML, with the type of each value. */
  static Map<String, Type> keys(Class<?> record) {
    Map<String, Type> keys = new LinkedHashMap<>();
    for (RecordComponent component : record.getRecordComponents()) {
      JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
      if (property == null) {
        property = component.getAnnotation(JsonProperty.class);
      }
      String name = property != null ? property.value() : SNAKE.translate(component.getName());
      keys.put(name, component.getGenericType());
    }
    return keys;
  }

  /** Checks the value starting at the parser's current token; leaves the parser on its end. */
  private void value(JsonParser p, Type type) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return; // an empty value means "not given"
    }
    Class<?> raw = raw(type);
    if (raw.isRecord()) {
      if (token != JsonToken.START_OBJECT) {
        mismatch(p, "a mapping of keys");
        return;
      }
      Map<String, Type> keys = keys(raw);
      Map<String, Integer> seen = new HashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation at = p.currentTokenLocation();
        String pointer = p.getParsingContext().pathAsPointer().toString();
        p.nextToken();
        Type child = keys.get(key);
        if (repeated(seen, key, at, pointer)) {
          p.skipChildren();
        } else if (child == null) {
          unknown(at, key, keys, pointer);
          p.skipChildren();
        } else {
          value(p, child);
        }
      }
    } else if (List.class.isAssignableFrom(raw)) {
      if (token != JsonToken.START_ARRAY) {
        mismatch(p, "a list");
        return;
      }
      Type element = argument(type, 0);
      while (p.nextToken() != JsonToken.END_ARRAY) {
        value(p, element);
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      if (token != JsonToken.START_OBJECT) {
        mismatch(p, "a mapping of keys");
        return;
      }
      Type element = argument(type, 1);
      Map<String, Integer> seen = new HashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation at = p.currentTokenLocation();
        String pointer = p.getParsingContext().pathAsPointer().toString();
        p.nextToken();
        if (repeated(seen, key, at, pointer)) {
          p.skipChildren();
        } else {
          value(p, element);
        }
      }
    } else if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
      if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
        mismatch(p, "a number");
      }
    } else if (raw == Integer.class || raw == int.class || raw == Long.class
        || raw == long.class) {
      if (token != JsonToken.VALUE_NUMBER_INT) {
        mismatch(p, "a whole number");
      }
    } else if (raw == Boolean.class || raw == boolean.class) {
      if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
        mismatch(p, "true or false");
      }
    } else if (raw == String.class) {
      if (token != JsonToken.VALUE_STRING) {
        mismatch(p, token.isScalarValue() ? "a text value (put it in quotes: \"" + p.getText()
            + "\")" : "a text value");
      }
    } else {
      p.skipChildren(); // a kind of value this check does not know: binding checks it
    }
  }

  /** A key given twice in one mapping: YAML would silently keep one of the values. */
  private boolean repeated(Map<String, Integer> seen, String key, JsonLocation at,
      String pointer) {
    Integer first = seen.putIfAbsent(key, at.getLineNr());
    if (first == null) {
      return false;
    }
    bad.add(pointer);
    problems.add(new Diagnostic(source.file, at.getLineNr(), at.getColumnNr(),
        "duplicate key `" + key + "` (first given on line " + first + ")"));
    return true;
  }

  private void unknown(JsonLocation at, String key, Map<String, Type> keys, String pointer) {
    bad.add(pointer);
    String nearest = Suggest.nearest(key, keys.keySet());
    String message = "unknown key `" + key + "`";
    if (nearest != null) {
      message += "; did you mean `" + nearest + "`?";
    } else {
      message += "; valid keys here: " + String.join(", ", keys.keySet());
    }
    problems.add(new Diagnostic(source.file, at.getLineNr(), at.getColumnNr(), message));
  }

  private void mismatch(JsonParser p, String expected) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    var holder = p.getParsingContext();
    if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
      holder = holder.getParent();
    }
    bad.add(holder == null ? "" : holder.pathAsPointer().toString());
    String found = switch (p.currentToken()) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "a mapping";
      case VALUE_STRING -> "the text \"" + p.getText() + "\"";
      case VALUE_TRUE, VALUE_FALSE -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
      default -> "an empty value";
    };
    String name = null;
    for (var context = p.getParsingContext(); name == null && context != null;
        context = context.getParent()) {
      name = context.getCurrentName();
    }
    String where = name == null ? "" : name + ": ";
    problems.add(new Diagnostic(source.file, at.getLineNr(), at.getColumnNr(),
        where + "expected " + expected + ", found " + found));
    p.skipChildren();
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class; // wildcards and type variables: not checked here
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }

  /** Every key path of the plan format, such as {@code commission.tiers[].rate}, for tests. */
  static List<String> paths() {
    List<String> paths = new ArrayList<>();
    collect(PlanDoc.class, "", paths);
    return paths;
  }

  private static void collect(Type type, String prefix, List<String> paths) {
    Class<?> raw = raw(type);
    if (raw.isRecord()) {
      keys(raw).forEach((key, child) -> {
        String path = prefix.isEmpty() ? key : prefix + "." + key;
        paths.add(path);
        collect(child, path, paths);
      });
    } else if (List.class.isAssignableFrom(raw)) {
      collect(argument(type, 0), prefix + "[]", paths);
    } else if (Map.class.isAssignableFrom(raw)) {
      collect(argument(type, 1), prefix + ".*", paths);
    }
  }
}
