package dev.compsim.report;

import dev.compsim.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How report cells show numbers: the same text in every renderer. A {@link Cell} is drawn here,
 * once, from its exact value and style; sentences use the same methods.
 */
final class Fmt {
  /** The minus sign U+2212 the behavior sections sign with. */
  static final String MINUS = "\u2212";

  private Fmt() {}

  /** The text of a cell, as the terminal, Markdown and HTML show it. */
  public static String text(Cell cell) {
    switch (cell.kind()) {
      case TEXT:
        return cell.text();
      case DATE:
        return cell.date().toString();
      case COMPOSITE: {
        StringBuilder out = new StringBuilder(cell.joins().get(0));
        for (int i = 0; i < cell.parts().size(); i++) {
          out.append(text(cell.parts().get(i))).append(cell.joins().get(i + 1));
        }
        return out.toString();
      }
      default:
        break;
    }
    BigDecimal value = cell.value();
    if (value == null) {
      return cell.text();
    }
    switch (cell.style()) {
      case PLAIN:
        return cell.kind() == Cell.Kind.MONEY ? money(value)
            : cell.kind() == Cell.Kind.PERCENT ? pct(value)
            : cell.kind() == Cell.Kind.COUNT ? value.toPlainString()
            : value.stripTrailingZeros().toPlainString();
      case SIGNED:
        return cell.kind() == Cell.Kind.PERCENT ? signedPct(value) : signedMoney(value);
      case WHOLE:
        return grouping("#,##0").format(value);
      case WHOLE_MINUS:
        return signedWhole(value);
      case SIGNED_MINUS:
        return signedPercentMinus(value);
      case RATE:
        return Money.percent(value);
      case ONE_DECIMAL:
        return grouping("#,##0.0").format(value);
      case STRIPPED:
        return stripped(value);
      case CENTS:
        return Money.plain(value);
      case POINTS:
        return Money.grouped(value).replaceAll("\\.00$", "");
      default:
        throw new IllegalStateException("no text for style " + cell.style());
    }
  }

  /** The texts of a row of cells. */
  public static java.util.List<String> texts(java.util.List<Cell> cells) {
    java.util.List<String> out = new java.util.ArrayList<>(cells.size());
    for (Cell cell : cells) {
      out.add(text(cell));
    }
    return out;
  }

  /** {@code +1,250}, {@code \u22121,250} (whole units, half-even) or {@code +0}. */
  static String signedWhole(BigDecimal amount) {
    BigDecimal whole = amount.setScale(0, RoundingMode.HALF_EVEN);
    return (whole.signum() < 0 ? MINUS : "+") + grouping("#,##0").format(whole.abs());
  }

  /** {@code +3.2%} or {@code \u22123.2%}: a change as a fraction, one decimal. */
  static String signedPercentMinus(BigDecimal change) {
    BigDecimal pct = change.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN);
    return (pct.signum() < 0 ? MINUS : "+") + pct.abs().toPlainString() + "%";
  }

  /** The number as written, without trailing zeros: {@code 0.5}, {@code 120}. */
  static String stripped(BigDecimal value) {
    BigDecimal plain = value.stripTrailingZeros();
    return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
  }

  /** A grouping format in the root locale that rounds half-even. */
  static DecimalFormat grouping(String pattern) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format;
  }

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

  /**
   * A ratio for report.json: the ratio the report cells hold ({@link #ratio}: six decimals, so
   * files carry no division noise), so report.json and report.xlsx state the same figure.
   */
  static BigDecimal json(BigDecimal ratio) {
    return ratio;
  }
}
