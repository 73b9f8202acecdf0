package dev.compsim.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.compsim.behavior.Assumption;
import dev.compsim.behavior.Assumptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads {@code assumptions.yaml}: the behavior model's parameters. Each key is either a number
 * (the value; the built-in low and high stay) or a map {@code { value, low, high }} where every
 * part is optional. Every problem is reported with its position: unknown keys with the nearest
 * valid one, values that are not numbers, outside the range a parameter allows, or out of order.
 */
public final class AssumptionsReader {
  private static final List<String> PARTS = List.of("value", "low", "high");
  private final YAMLFactory factory = YamlSource.factory();
  private final ObjectMapper mapper = YAMLMapper.builder(factory)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  public Assumptions read(Path file) {
    YamlSource source = YamlSource.read(file, factory);
    JsonNode root;
    try {
      root = mapper.readTree(source.bytes);
    } catch (JsonProcessingException e) {
      throw new InputException(source.at(e));
    } catch (IOException e) {
      throw new InputException(Diagnostic.of(file, "cannot read: " + YamlSource.describe(e)));
    }
    Assumptions assumptions = Assumptions.defaults();
    if (root == null || root.isNull() || root.isMissingNode()) {
      return assumptions; // an empty file keeps every default
    }
    List<Diagnostic> problems = new ArrayList<>();
    if (!root.isObject()) {
      throw new InputException(source.at("", "expected a map of assumption: value"));
    }
    TreeSet<String> keys = new TreeSet<>();
    for (Assumption a : Assumption.values()) {
      keys.add(a.key());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      String pointer = "/" + key;
      Assumption a = Assumption.ofKey(key);
      if (a == null) {
        problems.add(source.atKey(pointer, "unknown assumption \"" + key + "\""
            + Suggest.hint(key, keys)));
        continue;
      }
      double value = assumptions.get(a);
      double low = assumptions.low(a);
      double high = assumptions.high(a);
      JsonNode node = entry.getValue();
      boolean ok = true;
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> parts = node.fields(); parts.hasNext(); ) {
          Map.Entry<String, JsonNode> part = parts.next();
          String at = pointer + "/" + part.getKey();
          Double number = number(part.getValue());
          if (!PARTS.contains(part.getKey())) {
            problems.add(source.atKey(at, "unknown key \"" + part.getKey() + "\" (expected "
                + "value, low or high)" + Suggest.hint(part.getKey(), PARTS)));
            ok = false;
          } else if (number == null) {
            problems.add(source.at(at, key + "." + part.getKey() + " must be a number"));
            ok = false;
          } else if (!inRange(a, number)) {
            problems.add(source.at(at, range(a, key + "." + part.getKey())));
            ok = false;
          } else if (part.getKey().equals("value")) {
            value = number;
          } else if (part.getKey().equals("low")) {
            low = number;
          } else {
            high = number;
          }
        }
      } else {
        Double number = number(node);
        if (number == null) {
          problems.add(source.at(pointer, key + " must be a number, or a map of value, low "
              + "and high"));
          ok = false;
        } else if (!inRange(a, number)) {
          problems.add(source.at(pointer, range(a, key)));
          ok = false;
        } else {
          value = number;
          low = Math.min(low, value);
          high = Math.max(high, value);
        }
      }
      if (!ok) {
        continue;
      }
      if (!(low <= value && value <= high)) {
        problems.add(source.at(pointer, key + ": need low <= value <= high, got low "
            + plain(low) + ", value " + plain(value) + ", high " + plain(high)));
        continue;
      }
      assumptions = assumptions.with(a, value, low, high);
    }
    InputException.throwIfAny(problems);
    return assumptions;
  }

  private static Double number(JsonNode node) {
    return node != null && node.isNumber() ? node.doubleValue() : null;
  }

  private static boolean inRange(Assumption a, double v) {
    return Double.isFinite(v) && v >= a.min() && v <= a.max();
  }

  private static String range(Assumption a, String what) {
    return what + " must be between " + plain(a.min()) + " and " + plain(a.max());
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
