package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reader's byte paths answer as the string paths they stand in for: a field read as bytes
 * (its date key, its plain decimal, its shared string) equals what the trimmed string gives, on
 * random fields (fixed seed) shaped like dates, amounts and names, near misses included, with
 * spaces around, quotes, doubled quotes and bytes beyond ASCII; and the byte paths answer the
 * common shapes themselves, so the test is not met by a byte path that always declines.
 */
class ValuesBytesTest {
  private static final String[] PIECES = {"0", "1", "2", "9", "-", ".", "+", ",", "e", "a", "Z",
      " ", "\t", "\u00e9", "2026-02-", "2026-12-31", "2026-01-05", "1999-13-40", "2026-1-5",
      "2026-01.05", "2026.01-05", "12500.50", "R0001"};

  private static String field(Random random) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(6);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  /** The field as a CSV cell: plain, quoted, or quoted with a doubled quote after it. */
  private static String cell(String field, Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "\"" + field + "\"";
      case 1 -> "\"" + field + "\"\"\"";
      default -> field.replace(",", "");
    };
  }

  @Test
  void bytePathsAnswerAsTheStringPaths() {
    int[] answered = {0, 0, 0};
    SharedStrings strings = new SharedStrings();
    qt().withFixedSeed(20261203L).withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      String line = cell(field(random), random) + "," + cell(field(random), random) + "\n";
      CsvLexer lexer = new CsvLexer(new ByteArrayInputStream(
          line.getBytes(StandardCharsets.UTF_8)), ',', 1 << 20);
      try {
        assertThat(lexer.next()).isTrue();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (int i = 0; i < lexer.size(); i++) {
        String text = lexer.trimmed(i);
        int key = lexer.isoDateKey(i);
        if (key >= 0) {
          assertThat(key).as(line).isEqualTo(Values.isoDateKey(text));
          answered[0]++;
        } else if (text != null && Values.isoDateKey(text) >= 0) {
          // declined: only a record beyond ASCII or a doubled quote may ask for the string
          assertThat(line.chars().allMatch(c -> c < 128) && !line.contains("\"\"\"")).as(line)
              .isFalse();
        }
        BigDecimal plain = lexer.plainDecimal(i);
        if (plain != null) {
          assertThat(plain).as(line).isEqualTo(Values.decimal(text));
          answered[1]++;
        }
        // the digits and scale the reader keeps a deal's amount as: the same decimal, scale
        // included, and declined exactly when the decimal is
        long unscaled = lexer.plainUnscaled(i);
        assertThat(unscaled < 0).as(line).isEqualTo(plain == null);
        if (plain != null) {
          assertThat(BigDecimal.valueOf(unscaled, lexer.plainScale(i))).as(line)
              .isEqualTo(plain);
        }
        String shared = lexer.shared(i, strings);
        assertThat(shared).as(line).isEqualTo(text);
        if (shared != null) {
          assertThat(strings.of(new String(text))).isSameAs(shared);
          answered[2]++;
        }
      }
    });
    assertThat(answered[0]).as("date keys read as bytes").isGreaterThan(40);
    assertThat(answered[1]).as("decimals read as bytes").isGreaterThan(150);
    assertThat(answered[2]).as("shared strings").isGreaterThan(1000);
  }

  @Test
  void plainDecimalsKeepTheirScale() {
    byte[] text = "12500.50 .5 12. 007 0.00 1234567890123456789".getBytes(StandardCharsets.UTF_8);
    assertThat(Values.plainDecimal(text, 0, 8)).isEqualTo(new BigDecimal("12500.50"));
    assertThat(Values.plainDecimal(text, 9, 11)).isEqualTo(new BigDecimal("0.5"));
    assertThat(Values.plainDecimal(text, 12, 15)).isEqualTo(new BigDecimal("12"));
    assertThat(Values.plainDecimal(text, 16, 19)).isEqualTo(new BigDecimal("7"));
    assertThat(Values.plainDecimal(text, 20, 24)).isEqualTo(new BigDecimal("0.00"));
    assertThat(Values.plainDecimal(text, 25, 44)).as("19 digits: the string path").isNull();
    assertThat(Values.plainUnscaled(text, 0, 8)).isEqualTo(1250050);
    assertThat(Values.plainScale(text, 0, 8)).isEqualTo(2);
    assertThat(Values.plainUnscaled(text, 12, 15)).isEqualTo(12);
    assertThat(Values.plainScale(text, 12, 15)).as("12.: no digit after the point").isZero();
    assertThat(Values.plainUnscaled(text, 25, 44)).isEqualTo(-1);
  }
}
