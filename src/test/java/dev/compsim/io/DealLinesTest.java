package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The deal-line index answers as the {@code HashMap<String, Integer>} it replaces. */
class DealLinesTest {
  @Test
  void answersAsAHashMap() {
    Random random = new Random(11);
    DealLines lines = new DealLines();
    Map<String, Integer> plain = new HashMap<>();
    for (int i = 0; i < 300_000; i++) {
      // ids that repeat, ids that differ only at the end, and ids with equal hash codes
      String id = switch (random.nextInt(4)) {
        case 0 -> "D" + random.nextInt(200_000);
        case 1 -> String.format("OPP-%07d", random.nextInt(100_000));
        case 2 -> random.nextBoolean() ? "Aa" + random.nextInt(50) : "BB" + random.nextInt(50);
        default -> Long.toString(random.nextLong(), 36);
      };
      int line = i + 2;
      Integer earlier = plain.putIfAbsent(id, line);
      assertThat(lines.putIfAbsent(id, line)).as(id).isEqualTo(earlier == null ? 0 : earlier);
    }
    assertThat(lines.size()).isEqualTo(plain.size());
    plain.forEach((id, line) -> assertThat(lines.get(id)).isEqualTo(line));
    assertThat(lines.get("nowhere")).isZero();
    assertThat(lines.get("")).isZero();
  }
}
