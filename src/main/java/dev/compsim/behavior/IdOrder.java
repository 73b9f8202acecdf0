package dev.compsim.behavior;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps and lists by id in id order, as a {@code TreeMap} iterates them, found by hash: the
 * model looks up each of its reps in several such maps, and with 100,000 reps a tree's string
 * comparisons on each look-up showed among compare's most sampled frames.
 */
final class IdOrder {
  private IdOrder() {}

  /** An unmodifiable copy of {@code map} that iterates in key order and finds a key by hash. */
  static <V> Map<String, V> map(Map<String, V> map) {
    Map<String, V> out = new LinkedHashMap<>(capacity(map.size()));
    for (String key : sortedKeys(map)) {
      out.put(key, map.get(key));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The values of {@code map} in key order. */
  static <V> List<V> values(Map<String, V> map) {
    String[] keys = sortedKeys(map);
    Object[] values = new Object[keys.length];
    for (int k = 0; k < keys.length; k++) {
      values[k] = map.get(keys[k]);
    }
    @SuppressWarnings("unchecked")
    List<V> out = (List<V>) List.of(values);
    return out;
  }

  /** A hash map's capacity for {@code size} entries without a resize. */
  static int capacity(int size) {
    return (int) (size / 0.75f) + 1;
  }

  private static String[] sortedKeys(Map<String, ?> map) {
    String[] keys = map.keySet().toArray(String[]::new);
    Arrays.sort(keys);
    return keys;
  }
}
