package dev.compsim.report;

import dev.compsim.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How report cells show numbers: the same text in every renderer. */
final class Fmt {
  private Fmt() {}

  static String money(BigDecimal value) {
    return Money.grouped(value);
  }

  /** A change in money with its sign: {@code +1,200.00}, {@code -300.00}, {@code 0.00}. */
  static String signedMoney(BigDecimal value) {
    return (value.signum() > 0 ? "+" : "") + Money.grouped(value);
  }

  /** A ratio as a percentage with one decimal, or {@code n/a}. */
  static String pct(BigDecimal ratio) {
    return ratio == null ? "n/a" : Money.percent1(ratio);
  }

  /** A change ratio with its sign: {@code +12.5%}, {@code -3.0%}, or {@code n/a}. */
  static String signedPct(BigDecimal ratio) {
    if (ratio == null) {
      return "n/a";
    }
    return (ratio.signum() > 0 ? "+" : "") + Money.percent1(ratio);
  }

  /** {@code part / whole} to six decimals, or null when the whole is zero. */
  static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      return null;
    }
    return part.divide(whole, 6, RoundingMode.HALF_EVEN);
  }

  /** A ratio for report.json: four decimals, so files carry no division noise. */
  static BigDecimal json(BigDecimal ratio) {
    return ratio == null ? null : ratio.setScale(4, RoundingMode.HALF_EVEN);
  }
}
