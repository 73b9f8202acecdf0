package dev.compsim.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money is BigDecimal; it is rounded half-even to the cent once, where a ledger line is made. */
public final class Money {
  public static final int SCALE = 2;
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

  private Money() {}

  /** Below this in size, a product of two longs computed in doubles is one that fits a long. */
  private static final double FITS = 9.2e18;

  /**
   * {@code x × y}, exactly as {@link Math#multiplyExact(long, long)}: the product, or an
   * ArithmeticException when it does not fit a long. A product of doubles decides first: it is
   * within 3 × 2^-53 of the true one, so under 9.2e18 in size the true one is too, below 2^63
   * (9.22e18), and the long product is the answer; only a larger one asks Math.multiplyExact.
   * The C1 compiler, which compiles a run, inlines this, but not Math.multiplyExact, which
   * divides to check whenever a factor passes 2^31 (about a tenth of the columnar passes' JFR
   * samples).
   */
  public static long multiplyExact(long x, long y) {
    double product = (double) x * (double) y;
    if (product < FITS && product > -FITS) {
      return x * y;
    }
    return Math.multiplyExact(x, y);
  }

  /**
   * {@code x / d} rounded half-even, for {@code d > 0}: the one rounding of the long-cent fast
   * paths, as {@link #round} is of the decimal ledger.
   */
  public static long divideHalfEven(long x, long d) {
    if (x < 0) {
      return -divideHalfEven(-x, d);
    }
    long q = x / d;
    long r = x - q * d;
    long twice = r * 2;
    if (twice > d || twice == d && (q & 1) == 1) {
      q++;
    }
    return q;
  }

  public static BigDecimal round(BigDecimal value) {
    return value.setScale(SCALE, ROUNDING);
  }

  /** {@code 1234.5} as {@code 1234.50}: for files and traces. */
  public static String plain(BigDecimal value) {
    return round(value).toPlainString();
  }

  /** {@code 1234.5} as {@code 1,234.50}: for people. */
  public static String grouped(BigDecimal value) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(ROUNDING);
    return format.format(value);
  }

  /** A rate as a percentage without trailing zeros: 0.04 → {@code 4%}, 0.125 → {@code 12.5%}. */
  public static String percent(BigDecimal rate) {
    BigDecimal pct = rate.movePointRight(2).stripTrailingZeros();
    if (pct.scale() < 0) {
      pct = pct.setScale(0);
    }
    return pct.toPlainString() + "%";
  }

  /** A ratio shown to one decimal of a percent: 0.4 → {@code 40.0%}. */
  public static String percent1(BigDecimal ratio) {
    return ratio.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }
}
