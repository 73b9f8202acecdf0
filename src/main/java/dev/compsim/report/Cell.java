package dev.compsim.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One cell of a report table: the exact value and what it is (money, a percentage stored as the
 * exact fraction, a count, a plain number, a date, or text), made once by the section that
 * computes it. Renderers draw it: {@link Fmt#text(Cell)} gives the text every text renderer shows,
 * the spreadsheet writes the value with a number format, so no renderer reads numbers back out of
 * text.
 *
 * <p>A composite cell shows several values in one cell, as {@code 3 (21.4%)}, {@code 4 / 9} or
 * {@code +1,250 to +3,000}: its parts are atomic cells and its joins the text around and between
 * them; a spreadsheet gives each part its own cell, named by the part's {@code name}.
 *
 * @param kind what the value is
 * @param style how text renderers show it (the spreadsheet's number format follows it too)
 * @param value the exact number (for {@code PERCENT} a fraction: 0.153 is 15.3%); null for text,
 *     a date, a composite, or a figure with no value ({@code n/a})
 * @param date the date of a {@code DATE} cell
 * @param currency the ISO code of a {@code MONEY} cell; may be null when the section does not know it
 * @param text the text of a {@code TEXT} cell; for any other kind, what to show when there is no
 *     value
 * @param parts a composite's atomic parts
 * @param joins a composite's text before, between and after its parts (one more than the parts)
 * @param name what a part means, for the spreadsheet column or row that holds it ({@code %},
 *     {@code losing}, {@code high}); empty for the first part
 */
public record Cell(Kind kind, Style style, BigDecimal value, LocalDate date, String currency,
    String text, List<Cell> parts, List<String> joins, String name) {

  /** What a cell's value is. */
  public enum Kind { TEXT, MONEY, PERCENT, COUNT, NUMBER, DATE, COMPOSITE }

  /**
   * How a value reads; {@link Fmt} holds each style's text, {@link ReportXlsx} its number format.
   * A leading {@code MINUS} style signs with the minus sign U+2212, as the behavior sections do.
   */
  public enum Style {
    /** {@code 1,234.50}, {@code 15.3%}, {@code 7}, {@code 2026-03-31}, text as it is. */
    PLAIN,
    /** {@code +1,234.50}, {@code -300.00}, {@code 0.00}; {@code +12.5%}, {@code -3.0%}. */
    SIGNED,
    /** Whole currency units: {@code 1,250}. */
    WHOLE,
    /** Whole currency units, signed with U+2212: {@code +1,250}, {@code −1,250}, {@code +0}. */
    WHOLE_MINUS,
    /** A percentage signed with U+2212: {@code +3.2%}, {@code −3.2%}. */
    SIGNED_MINUS,
    /** A rate without trailing zeros: {@code 4%}, {@code 12.5%}. */
    RATE,
    /** One decimal, grouped: {@code 1,234.5}. */
    ONE_DECIMAL,
    /** As the number is written, without trailing zeros: {@code 0.5}, {@code 120}. */
    STRIPPED,
    /** Grouped with two decimals, {@code .00} left off: {@code 1,250}, {@code 12.50}. */
    POINTS,
    /** To the cent, not grouped, as a trace writes it: {@code 1234.50}. */
    CENTS
  }

  public Cell {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(style, "style");
    parts = List.copyOf(parts);
    joins = List.copyOf(joins);
    name = name == null ? "" : name;
    if (kind == Kind.COMPOSITE) {
      if (parts.isEmpty() || joins.size() != parts.size() + 1) {
        throw new IllegalArgumentException("a composite cell needs parts and one more join");
      }
      for (Cell part : parts) {
        if (part.kind == Kind.COMPOSITE) {
          throw new IllegalArgumentException("the parts of a composite cell are atomic");
        }
      }
    } else if (!parts.isEmpty()) {
      throw new IllegalArgumentException("only a composite cell has parts");
    }
    if (kind == Kind.TEXT) {
      Objects.requireNonNull(text, "text");
    }
  }

  // ---------------------------------------------------------------- atomic cells

  /** Text as it is: a label, a name, {@code —}. */
  public static Cell text(String text) {
    return new Cell(Kind.TEXT, Style.PLAIN, null, null, null, text, List.of(), List.of(), "");
  }

  /** Money to the cent: {@code 1,234.50}. */
  public static Cell money(BigDecimal amount, String currency) {
    return number(Kind.MONEY, Style.PLAIN, amount, currency);
  }

  /** A change in money with its sign: {@code +1,200.00}, {@code -300.00}, {@code 0.00}. */
  public static Cell signedMoney(BigDecimal amount, String currency) {
    return number(Kind.MONEY, Style.SIGNED, amount, currency);
  }

  /** Money to the cent, not grouped: {@code 1234.50}. */
  public static Cell plainMoney(BigDecimal amount, String currency) {
    return number(Kind.MONEY, Style.CENTS, amount, currency);
  }

  /** Money in whole units, as the behavior model states it: {@code 1,250}. */
  public static Cell wholeMoney(BigDecimal amount, String currency) {
    return number(Kind.MONEY, Style.WHOLE, amount, currency);
  }

  /** A change in whole money units with a true minus sign: {@code +1,250}, {@code −1,250}. */
  public static Cell signedWholeMoney(BigDecimal amount, String currency) {
    return number(Kind.MONEY, Style.WHOLE_MINUS, amount, currency);
  }

  /** A ratio as a percentage with one decimal, or {@code n/a} when null. */
  public static Cell percent(BigDecimal ratio) {
    return number(Kind.PERCENT, Style.PLAIN, ratio, null);
  }

  /** A change ratio with its sign: {@code +12.5%}, {@code -3.0%}, or {@code n/a}. */
  public static Cell signedPercent(BigDecimal ratio) {
    return number(Kind.PERCENT, Style.SIGNED, ratio, null);
  }

  /** A change ratio signed with U+2212: {@code +3.2%}, {@code −3.2%}. */
  public static Cell signedPercentMinus(BigDecimal ratio) {
    return number(Kind.PERCENT, Style.SIGNED_MINUS, ratio, null);
  }

  /** A rate without trailing zeros: {@code 4%}, {@code 12.5%}. */
  public static Cell rate(BigDecimal ratio) {
    return number(Kind.PERCENT, Style.RATE, ratio, null);
  }

  /** A count: {@code 7}. */
  public static Cell count(long count) {
    return number(Kind.COUNT, Style.PLAIN, BigDecimal.valueOf(count), null);
  }

  /** A number that is neither money nor a share nor a count, drawn in {@code style}. */
  public static Cell number(BigDecimal value, Style style) {
    return number(Kind.NUMBER, style, value, null);
  }

  /** A date, {@code 2026-03-31}. */
  public static Cell date(LocalDate date) {
    return new Cell(Kind.DATE, Style.PLAIN, null, Objects.requireNonNull(date, "date"), null,
        null, List.of(), List.of(), "");
  }

  private static Cell number(Kind kind, Style style, BigDecimal value, String currency) {
    return new Cell(kind, style, value, null, currency, "n/a", List.of(), List.of(), "");
  }

  /** This cell as the part of a composite named {@code name}. */
  public Cell named(String name) {
    return new Cell(kind, style, value, date, currency, text, parts, joins, name);
  }

  // ---------------------------------------------------------------- composite cells

  /** {@code main (detail)}: the detail, named, goes to its own spreadsheet cell. */
  public static Cell withDetail(Cell main, String name, Cell detail) {
    return composite(List.of(main, detail.named(name)), List.of("", " (", ")"));
  }

  /** {@code first SEPARATOR second}, as {@code 4 / 9}; name the parts with {@link #named}. */
  public static Cell pair(Cell first, String separator, Cell second) {
    return composite(List.of(first, second), List.of("", separator, ""));
  }

  /** {@code low to high}. */
  public static Cell range(Cell low, Cell high) {
    return composite(List.of(low.named("low"), high.named("high")), List.of("", " to ", ""));
  }

  /** Parts with the text around and between them. */
  public static Cell composite(List<Cell> parts, List<String> joins) {
    return new Cell(Kind.COMPOSITE, Style.PLAIN, null, null, null, null, parts, joins, "");
  }

  // ---------------------------------------------------------------- rows

  /** Text cells, for a row built from strings. */
  public static List<Cell> texts(List<String> texts) {
    List<Cell> cells = new ArrayList<>(texts.size());
    for (String text : texts) {
      cells.add(text(text));
    }
    return cells;
  }

  /** Whether the cell holds a number (of any kind) a spreadsheet can add up. */
  public boolean numeric() {
    return value != null;
  }

  /** The atomic cells of this cell: its parts, or itself. */
  public List<Cell> atoms() {
    return kind == Kind.COMPOSITE ? parts : List.of(this);
  }

  @Override
  public String toString() {
    return Fmt.text(this);
  }
}
