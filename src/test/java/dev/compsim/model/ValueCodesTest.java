package dev.compsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Codes number values as a map from value to a count would: equal values (other instances,
 * strings, decimals with their scale, lists) one code, the first instance kept; 0 for null.
 * Enough values to grow the table many times, with hashes that collide.
 */
class ValueCodesTest {
  @Test
  void equalValuesShareACodeAndOthersNever() {
    Random random = new Random(41);
    ValueCodes codes = new ValueCodes();
    Map<Object, Integer> expected = new HashMap<>();
    Map<Integer, Object> first = new HashMap<>();
    assertThat(codes.code(null)).isZero();
    for (int i = 0; i < 200_000; i++) {
      Object value = switch (random.nextInt(4)) {
        case 0 -> new String("T" + random.nextInt(50_000));
        case 1 -> new BigDecimal(random.nextInt(30) + "." + "0".repeat(random.nextInt(3)));
        case 2 -> List.of(new String("R" + random.nextInt(40)), "R9");
        default -> "Aa".repeat(random.nextInt(4)) + "BB".repeat(random.nextInt(4)); // one hash
      };
      int code = codes.code(value);
      Integer known = expected.putIfAbsent(value, expected.size() + 1);
      assertThat(code).as("%s", value).isEqualTo(known != null ? known : expected.size());
      first.putIfAbsent(code, value);
      assertThat(codes.value(code)).isSameAs(first.get(code));
    }
    assertThat(codes.size()).isEqualTo(expected.size() + 1);
    assertThat(codes.value(0)).isNull();
  }
}
