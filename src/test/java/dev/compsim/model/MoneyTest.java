package dev.compsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The long arithmetic of the fast paths against its plain definition. */
class MoneyTest {
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** The exact product when it fits a long, else an ArithmeticException, as BigInteger says. */
  private static void assertMultipliesExactly(long x, long y) {
    BigInteger exact = BigInteger.valueOf(x).multiply(BigInteger.valueOf(y));
    if (exact.compareTo(MIN) >= 0 && exact.compareTo(MAX) <= 0) {
      assertThat(Money.multiplyExact(x, y)).as(x + " × " + y).isEqualTo(exact.longValueExact());
    } else {
      assertThatThrownBy(() -> Money.multiplyExact(x, y)).as(x + " × " + y)
          .isInstanceOf(ArithmeticException.class);
    }
  }

  @Test
  void multiplyExactIsTheProductOrThrowsOnRandomFactors() {
    qt().withFixedSeed(20261203L).withExamples(20_000)
        .forAll(longs().all(), longs().all(), integers().between(0, 62),
            integers().between(0, 62))
        .checkAssert((a, b, shiftA, shiftB) -> {
          // factors of every size, so that products land on both sides of 2^63
          assertMultipliesExactly(a >> shiftA, b >> shiftB);
        });
  }

  @Test
  void multiplyExactAtTheEdges() {
    long[] edges = {0, 1, -1, 2, -2, 10, 3_037_000_499L, 3_037_000_500L, -3_037_000_500L,
        1L << 31, -(1L << 31), (1L << 32) + 1, 4_294_967_295L, 4_294_967_297L,
        922_337_203_685_477_580L, 922_337_203_685_477_581L, Long.MAX_VALUE / 7,
        Long.MAX_VALUE / 2, Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE, Long.MIN_VALUE,
        Long.MIN_VALUE / 2, Long.MIN_VALUE + 1, 1L << 62, -(1L << 62), 9_200_000_000_000_000_000L / 3};
    for (long x : edges) {
      for (long y : edges) {
        assertMultipliesExactly(x, y);
        assertMultipliesExactly(-x, y);
      }
    }
    // products just below and just above the double's threshold, and 2^63 itself
    for (long n = 9_199_999_999_999_999_000L; n < 9_200_000_000_000_001_000L; n += 37) {
      assertMultipliesExactly(n, 1);
      assertMultipliesExactly(n / 2, 2);
      assertMultipliesExactly(n / 2 + 1, 2);
    }
    assertMultipliesExactly(1L << 62, 2);
    assertMultipliesExactly(-(1L << 62), 2);
    assertMultipliesExactly(3_037_000_499L, 3_037_000_499L);
    assertMultipliesExactly(3_037_000_500L, 3_037_000_500L);
  }
}
