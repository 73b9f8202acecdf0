package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Plans made of the format's own keys ({@link PlanShape#paths()}) with values of every kind in
 * the wrong places, with a fixed seed: reading returns a plan or throws an InputException, never
 * another exception (the meaning checks must survive any value that gets past the shape check).
 */
class PlanPropertyTest {
  private static final List<String> PATHS = PlanShape.paths();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Object[] VALUES = {null, 0, 1, -1, 0.5, 2.5, -0.25, "x", "", "VAR",
      "quarter", "implementation", "days", "mutual", "volume", "activity", "2026-08-01", "02-01",
      true, false, List.of(), Map.of(), List.of(1, "a"), Map.of("VAR", 0.2)};

  /** Puts {@code value} at {@code path} (keys; [] an element of a list; * a key of a map). */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String path, Object value) {
    Object node = root;
    String[] keys = path.replace("[]", ".[]").split("\\.");
    for (int i = 0; i < keys.length; i++) {
      boolean last = i == keys.length - 1;
      String key = keys[i].equals("*") ? "SE" : keys[i];
      if (node instanceof Map<?, ?> map) {
        Map<String, Object> m = (Map<String, Object>) map;
        if (last) {
          m.put(key, value);
        } else {
          Object next = m.get(key);
          boolean wantList = keys[i + 1].equals("[]");
          if (wantList ? !(next instanceof List) : !(next instanceof Map)) {
            next = wantList ? new ArrayList<>() : new LinkedHashMap<String, Object>();
            m.put(key, next);
          }
          node = next;
        }
      } else if (node instanceof List<?> list) {
        List<Object> l = (List<Object>) list;
        if (last) {
          l.add(value);
        } else {
          if (l.isEmpty() || !(l.get(l.size() - 1) instanceof Map)) {
            l.add(new LinkedHashMap<String, Object>());
          }
          node = l.get(l.size() - 1);
        }
      }
    }
  }

  private static Gen<byte[]> plans() {
    Gen<List<Integer>> picks = lists().of(integers().between(0, PATHS.size() * VALUES.length - 1))
        .ofSizeBetween(0, 8);
    return picks.map(list -> {
      Map<String, Object> plan = new LinkedHashMap<>();
      plan.put("name", "P");
      put(plan, "commission.tiers[].rate", 0.05);
      for (int pick : list) {
        Object value = VALUES[pick / PATHS.size()];
        if (value instanceof Map<?, ?> map) {
          value = new LinkedHashMap<>(map);
        } else if (value instanceof List<?> items) {
          value = new ArrayList<>(items);
        }
        put(plan, PATHS.get(pick % PATHS.size()), value);
      }
      try {
        return YAML.writeValueAsBytes(plan);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void anyMixOfKeysAndValuesIsReadOrRefused() {
    int[] outcomes = new int[2];
    qt().withFixedSeed(20261130L).withExamples(400).forAll(plans())
        .checkAssert(bytes -> {
          try {
            outcomes[ReaderFuzzTest.readPlan(bytes) ? 0 : 1]++;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    // the generator reaches both sides: plans that read and plans that are refused
    assertThat(outcomes[0]).isGreaterThan(10);
    assertThat(outcomes[1]).isGreaterThan(10);
  }
}
