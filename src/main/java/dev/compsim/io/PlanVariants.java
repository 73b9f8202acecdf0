package dev.compsim.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.compsim.model.Plan;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variants of one plan file: a value set at a key path ({@code commission.tiers[1].rate},
 * {@code partners.margin.VAR}) of the file's parsed YAML, written back as YAML and read through
 * the normal {@link PlanReader}, so a variant is exactly what its written file gives.
 */
public final class PlanVariants {
  /** The kind of value a key takes, as the plan format declares it. */
  public enum Kind {
    NUMBER("a number"), WHOLE_NUMBER("a whole number"), BOOLEAN("true or false"),
    TEXT("a text value");

    private final String expected;

    Kind(String expected) {
      this.expected = expected;
    }

    /** "a number", "true or false": what a value of this kind is, for messages. */
    public String expected() {
      return expected;
    }
  }

  /**
   * One key path resolved against the plan format and the base file.
   *
   * @param text the path as given
   * @param steps object keys (String) and list indexes (Integer), from the root
   */
  public record Key(String text, List<Object> steps, Kind kind) {}

  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+\\])*)");
  private static final YAMLMapper MAPPER = YAMLMapper.builder(YamlSource.scanner())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)) // 0.30 stays 0.30, 1.0 stays 1.0
      .build();

  private final Path file;
  private final ObjectNode tree;
  private final PlanReader reader = new PlanReader();

  private PlanVariants(Path file, ObjectNode tree) {
    this.file = file;
    this.tree = tree;
  }

  /** The variants of {@code base}, a plan file that must read cleanly. */
  public static PlanVariants of(Path base) {
    new PlanReader().read(base); // every problem of the base itself, at its own position
    YamlSource source = YamlSource.read(base, YamlSource.scanner());
    try {
      JsonNode tree = MAPPER.readTree(source.bytes);
      if (!(tree instanceof ObjectNode object)) {
        throw new InputException(Diagnostic.of(base, "a plan is a mapping of keys"));
      }
      return new PlanVariants(base, object);
    } catch (IOException e) {
      throw new InputException(Diagnostic.of(base, "cannot read: " + e.getMessage()));
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Resolves {@code path}; an unknown key names the nearest valid one, a list index names the
   * entries the base file has.
   *
   * @throws IllegalArgumentException with the reason, for the caller to place
   */
  public Key key(String path) {
    List<Object> steps = new ArrayList<>();
    Type type = PlanDoc.class;
    JsonNode node = tree;
    StringBuilder done = new StringBuilder();
    String[] parts = path.split("\\.", -1);
    for (String part : parts) {
      Matcher m = STEP.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("`" + path + "` is not a key path; write keys "
            + "separated by dots and list entries as [N], e.g. commission.tiers[1].rate");
      }
      String name = m.group(1);
      Class<?> raw = raw(type);
      if (raw.isRecord()) {
        Map<String, Type> keys = PlanShape.keys(raw);
        Type child = keys.get(name);
        if (child == null) {
          String nearest = Suggest.nearest(name, keys.keySet());
          String prefix = done.length() == 0 ? "" : done + ".";
          throw new IllegalArgumentException("unknown key `" + prefix + name + "`" + (nearest
              != null ? "; did you mean `" + prefix + nearest + "`?"
              : "; valid keys " + (done.length() == 0 ? "of a plan" : "in " + done) + ": "
                  + String.join(", ", keys.keySet())));
        }
        type = child;
      } else if (Map.class.isAssignableFrom(raw)) {
        type = argument(type, 1);
      } else {
        throw new IllegalArgumentException("`" + done + "` is a list; name an entry, e.g. `"
            + done + "[0]`");
      }
      steps.add(name);
      done.append(done.length() == 0 ? "" : ".").append(name);
      node = node == null ? null : node.get(name);
      Matcher index = Pattern.compile("\\[(\\d+)\\]").matcher(m.group(2));
      while (index.find()) {
        if (!List.class.isAssignableFrom(raw(type))) {
          throw new IllegalArgumentException("`" + done + "` is not a list");
        }
        int i = Integer.parseInt(index.group(1));
        int size = node instanceof ArrayNode array ? array.size() : 0;
        if (i >= size) {
          throw new IllegalArgumentException("`" + done + "` has " + size + (size == 1
              ? " entry" : " entries") + " in " + file + (size == 0 ? "" : " ([0] to ["
              + (size - 1) + "])") + "; [" + i + "] is not one of them");
        }
        steps.add(i);
        done.append('[').append(i).append(']');
        node = node.get(i);
        type = argument(type, 0);
      }
    }
    Class<?> raw = raw(type);
    Kind kind;
    if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
      kind = Kind.NUMBER;
    } else if (raw == Integer.class || raw == int.class || raw == Long.class
        || raw == long.class) {
      kind = Kind.WHOLE_NUMBER;
    } else if (raw == Boolean.class || raw == boolean.class) {
      kind = Kind.BOOLEAN;
    } else if (raw == String.class) {
      kind = Kind.TEXT;
    } else if (raw.isRecord()) {
      throw new IllegalArgumentException("`" + done + "` is a section; name a key in it: "
          + String.join(", ", PlanShape.keys(raw).keySet()));
    } else if (List.class.isAssignableFrom(raw)) {
      throw new IllegalArgumentException("`" + done + "` is a list; name an entry's key, e.g. `"
          + done + "[0]`");
    } else {
      throw new IllegalArgumentException("`" + done + "` is a mapping; name one of its keys");
    }
    return new Key(path, List.copyOf(steps), kind);
  }

  /**
   * The value {@code text} as a {@code kind} value, or an IllegalArgumentException saying what
   * was expected.
   */
  public static JsonNode value(Kind kind, String text) {
    JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    switch (kind) {
      case NUMBER -> {
        try {
          return nodes.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expected a number, found \"" + text + "\"");
        }
      }
      case WHOLE_NUMBER -> {
        try {
          return nodes.numberNode(Integer.parseInt(text));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expected a whole number, found \"" + text + "\"");
        }
      }
      case BOOLEAN -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw new IllegalArgumentException("expected true or false, found \"" + text + "\"");
        }
        return nodes.booleanNode(Boolean.parseBoolean(text));
      }
      default -> {
        return nodes.textNode(text);
      }
    }
  }

  /**
   * The YAML of the base plan with {@code values} set (each key to its value, in order) and its
   * name set to {@code name}, below a comment line {@code header}.
   */
  public byte[] yaml(List<Key> keys, List<JsonNode> values, String name, String header) {
    ObjectNode copy = tree.deepCopy();
    for (int k = 0; k < keys.size(); k++) {
      set(copy, keys.get(k).steps(), values.get(k));
    }
    if (name != null) {
      ObjectNode named = JsonNodeFactory.instance.objectNode();
      named.put("name", name);
      copy.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("name")) {
          named.set(e.getKey(), e.getValue());
        }
      });
      copy = named;
    }
    try {
      StringBuilder out = new StringBuilder();
      if (header != null) {
        for (String line : header.split("\n")) {
          out.append("# ").append(line).append('\n');
        }
      }
      out.append(MAPPER.writeValueAsString(copy));
      return out.toString().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Reads a variant's YAML as the contents of {@code as}: exactly what that file would give. */
  public Plan read(Path as, byte[] yaml) {
    return reader.read(as, yaml);
  }

  private static void set(ObjectNode root, List<Object> steps, JsonNode value) {
    JsonNode node = root;
    for (int s = 0; s < steps.size(); s++) {
      Object step = steps.get(s);
      boolean last = s == steps.size() - 1;
      if (step instanceof String name) {
        ObjectNode object = (ObjectNode) node;
        if (last) {
          object.set(name, value);
        } else {
          JsonNode next = object.get(name);
          if (next == null || next.isNull()) {
            // a section the base does not write: added, as writing it would
            next = steps.get(s + 1) instanceof Integer ? object.putArray(name)
                : object.putObject(name);
          }
          node = next;
        }
      } else {
        ArrayNode array = (ArrayNode) node;
        int i = (Integer) step;
        if (last) {
          array.set(i, value);
        } else {
          node = array.get(i);
        }
      }
    }
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
