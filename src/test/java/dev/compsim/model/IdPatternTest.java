package dev.compsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** An id kept as the number of its pattern comes back as the same text, and only its own. */
class IdPatternTest {

  @Test
  void theTrailingDigitsAreTheNumber() {
    assertThat(IdPattern.of("D-0000001")).isEqualTo(new IdPattern("D-", 7));
    assertThat(IdPattern.of("OPP-2026-00042")).isEqualTo(new IdPattern("OPP-2026-", 5));
    assertThat(IdPattern.of("100234")).isEqualTo(new IdPattern("", 6));
    assertThat(IdPattern.of("D-0000001").number("D-0000001")).isEqualTo(1);
    assertThat(IdPattern.of("D-0000001").text(42)).isEqualTo("D-0000042");
    // no digits at the end, or more than a long holds for sure: kept as text
    assertThat(IdPattern.of("ACME")).isNull();
    assertThat(IdPattern.of("D1x")).isNull();
    assertThat(IdPattern.of("0065g00000AbCdE")).isNull();
    assertThat(IdPattern.of("1234567890123456789")).isNull();
    assertThat(IdPattern.of("")).isNull();
    // another width, prefix or a digit outside ASCII is not the pattern's
    IdPattern pattern = new IdPattern("D-", 3);
    assertThat(pattern.number("D-12")).isEqualTo(-1);
    assertThat(pattern.number("D-1234")).isEqualTo(-1);
    assertThat(pattern.number("E-123")).isEqualTo(-1);
    assertThat(pattern.number("D-1\u0662" + "3")).isEqualTo(-1);
    assertThat(pattern.number("D-+12")).isEqualTo(-1);
    assertThatThrownBy(() -> new IdPattern("D1", 3)).isInstanceOf(IllegalArgumentException.class);
    // a reader matches a field's bytes against an ASCII prefix only
    assertThat(new IdPattern("D-", 3).asciiPrefix()).containsExactly('D', '-');
    assertThat(new IdPattern("", 3).asciiPrefix()).isEmpty();
    assertThat(new IdPattern("Ä-", 3).asciiPrefix()).isNull();
  }

  /**
   * Random ids of a few shapes: an id's pattern gives back its text, and no other pattern
   * reads it, so numbers under one pattern are equal exactly when the ids are, and ordered as
   * the ids are.
   */
  @Test
  void anIdHasOnePatternAndNumbersOrderAsTheIds() {
    Random random = new Random(20261204L);
    String[] prefixes = {"", "D", "D-", "OPP-2026-", "x", "Ä-", "0a"};
    for (int i = 0; i < 20_000; i++) {
      String a = id(random, prefixes);
      String b = id(random, prefixes);
      IdPattern pa = IdPattern.of(a);
      if (pa == null) {
        continue;
      }
      assertThat(pa.text(pa.number(a))).isEqualTo(a);
      IdPattern pb = IdPattern.of(b);
      long nb = pa.number(b);
      assertThat(nb >= 0).as(a + " / " + b).isEqualTo(pa.equals(pb));
      if (nb >= 0) {
        assertThat(Long.signum(Long.compare(pa.number(a), nb)))
            .isEqualTo(Integer.signum(a.compareTo(b)));
      }
    }
  }

  private static String id(Random random, String[] prefixes) {
    String prefix = prefixes[random.nextInt(prefixes.length)];
    int width = 1 + random.nextInt(random.nextBoolean() ? 3 : 19);
    StringBuilder digits = new StringBuilder();
    for (int d = 0; d < width; d++) {
      digits.append((char) ('0' + random.nextInt(random.nextBoolean() ? 2 : 10)));
    }
    return prefix + digits;
  }
}
