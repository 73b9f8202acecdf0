package dev.compsim.io;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parsing of the plain values of canonical CSV files, fast enough for a million rows. */
final class Values {
  private Values() {}

  /** An ISO date {@code yyyy-MM-dd}, or null when {@code text} is not one. */
  static LocalDate isoDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The year, month and day digits of a {@code yyyy-MM-dd} text, whether or not they make a
   * date, packed as {@code year << 14 | month << 7 | day} (taken apart by shifts, where a
   * reader asks for each date of a million rows), or -1 when the text has another shape.
   */
  static int isoDateKey(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return -1;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return -1;
    }
    return year << 14 | month << 7 | day;
  }

  /** The number the ASCII digits in {@code bytes[from, to)} write (at most 18), or -1. */
  private static long digits(byte[] bytes, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      int c = bytes[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * {@link #isoDateKey(String)} of the ASCII text in {@code bytes[from, to)}, read without making
   * a string ({@code ValuesBytesTest} holds the two equal).
   */
  static int isoDateKey(byte[] bytes, int from, int to) {
    if (to - from != 10 || bytes[from + 4] != '-' || bytes[from + 7] != '-') {
      return -1;
    }
    int year = (int) digits(bytes, from, from + 4);
    int month = (int) digits(bytes, from + 5, from + 7);
    int day = (int) digits(bytes, from + 8, to);
    if (year < 0 || month < 0 || day < 0) {
      return -1;
    }
    return year << 14 | month << 7 | day;
  }

  /**
   * {@link #decimal(String)} of the ASCII text in {@code bytes[from, to)} when it is the common
   * shape, digits with at most one point and at most 18 digits in all, read without making a
   * string; null for any other text, which the caller reads as a string ({@code
   * ValuesBytesTest} holds the two equal wherever this one answers).
   */
  static BigDecimal plainDecimal(byte[] bytes, int from, int to) {
    long unscaled = plainUnscaled(bytes, from, to);
    return unscaled < 0 ? null : BigDecimal.valueOf(unscaled, plainScale(bytes, from, to));
  }

  /**
   * The digits of {@link #plainDecimal} as a long without the point (its value is this times
   * 10^-{@link #plainScale}), or -1 when the bytes are not a plain decimal: the reader takes a
   * deal's amount so, without a {@code BigDecimal} per deal.
   */
  static long plainUnscaled(byte[] bytes, int from, int to) {
    if (to - from > 19) {
      return -1;
    }
    long unscaled = 0;
    int digits = 0;
    int point = -1;
    for (int i = from; i < to; i++) {
      int c = bytes[i];
      if (c >= '0' && c <= '9') {
        unscaled = unscaled * 10 + (c - '0');
        digits++;
      } else if (c == '.' && point < 0) {
        point = i;
      } else {
        return -1;
      }
    }
    if (digits == 0 || digits > 18) {
      return -1;
    }
    return unscaled;
  }

  /** Plain digits without a point or sign, at most 18 of them, as a long; else -1. */
  static long plainWhole(byte[] bytes, int from, int to) {
    return to - from > 18 || to == from ? -1 : digits(bytes, from, to);
  }

  /** The digits after the point of a plain decimal (see {@link #plainUnscaled}). */
  static int plainScale(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '.') {
        return to - i - 1;
      }
    }
    return 0;
  }

  /** A plain decimal such as {@code 12500} or {@code 12500.50}, or null. */
  static BigDecimal decimal(String text) {
    int length = text.length();
    if (length == 0 || length > 40) {
      return null;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || (i == 0 && (c == '-' || c == '+')))) {
        return null;
      }
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code true/false}, {@code yes/no}, {@code 1/0}, or null when not a boolean. */
  static Boolean bool(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "y", "1" -> Boolean.TRUE;
      case "false", "no", "n", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  /**
   * An amount as spreadsheets and CRMs display it: {@code $12,500.00}, {@code USD 12,500.00},
   * {@code 12.500,00 €}, {@code (1,200.00)}; null when it is not one (or is ambiguous, see
   * {@link #money}).
   */
  static BigDecimal amount(String text, boolean decimalComma) {
    return money(text, decimalComma).value();
  }

  /** The currencies each symbol may stand for; a symbol never chooses among them alone. */
  static final Map<String, List<String>> SYMBOLS = Map.of(
      "$", List.of("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD"),
      "\u20ac", List.of("EUR"),
      "\u00a3", List.of("GBP"),
      "\u00a5", List.of("JPY", "CNY"));

  /**
   * An amount cell read, with the currency it names, if any.
   *
   * @param value the number, or null when the cell is not one
   * @param code an ISO code written in the cell ({@code EUR 50,000.00}), upper case, or null
   * @param symbol a currency symbol written in the cell ({@code $}), or null
   * @param problem why the cell is refused when it looks like a number but cannot be read
   *     without a guess (an ambiguous decimal comma), or null
   */
  record Money(BigDecimal value, String code, String symbol, String problem) {
    static final Money NONE = new Money(null, null, null, null);

    /** The currencies the cell names: its code, its symbol's, or none. */
    List<String> currencies() {
      return code != null ? List.of(code) : symbol != null ? SYMBOLS.get(symbol) : List.of();
    }
  }

  private static final java.util.regex.Pattern LEADING_CODE =
      java.util.regex.Pattern.compile("^([A-Za-z]{3})\\s*");
  private static final java.util.regex.Pattern TRAILING_CODE =
      java.util.regex.Pattern.compile("\\s*([A-Za-z]{3})$");
  private static final String SYMBOL_CHARS = "$\u20ac\u00a3\u00a5";

  /**
   * An amount cell: a number with an optional ISO code before or after it and an optional
   * currency symbol. Grouping must come in threes. With {@code decimalComma} (semicolon files) a
   * lone comma is the decimal mark and {@code 12.500} is twelve thousand five hundred; otherwise
   * {@code 12,500} is, and a lone comma that is not a thousands separator ({@code 1,23},
   * {@code 1,2345}) is refused rather than read as a decimal comma.
   */
  static Money money(String text, boolean decimalComma) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 60) {
      return Money.NONE;
    }
    boolean negative = false;
    if (t.startsWith("(") && t.endsWith(")")) {
      negative = true;
      t = t.substring(1, t.length() - 1).strip();
    }
    String code = null;
    java.util.regex.Matcher leading = LEADING_CODE.matcher(t);
    if (leading.find()) {
      code = leading.group(1).toUpperCase(Locale.ROOT);
      t = t.substring(leading.end());
    }
    java.util.regex.Matcher trailing = TRAILING_CODE.matcher(t);
    if (trailing.find()) {
      if (code != null) {
        return Money.NONE; // two codes
      }
      code = trailing.group(1).toUpperCase(Locale.ROOT);
      t = t.substring(0, trailing.start());
    }
    String symbol = null;
    if (!t.isEmpty() && SYMBOL_CHARS.indexOf(t.charAt(0)) >= 0) {
      symbol = t.substring(0, 1);
      t = t.substring(1).strip();
    } else if (!t.isEmpty() && SYMBOL_CHARS.indexOf(t.charAt(t.length() - 1)) >= 0) {
      symbol = t.substring(t.length() - 1);
      t = t.substring(0, t.length() - 1).strip();
    }
    if (t.startsWith("-")) {
      negative = !negative;
      t = t.substring(1);
    }
    if (symbol == null && !t.isEmpty() && SYMBOL_CHARS.indexOf(t.charAt(0)) >= 0) {
      symbol = t.substring(0, 1); // -$1,200.00
      t = t.substring(1);
    }
    if (code != null && symbol != null && !SYMBOLS.get(symbol).contains(code)) {
      return new Money(null, code, symbol, "names two currencies, " + code + " and " + symbol);
    }
    t = t.replace("\u00a0", " ").replace("\u202f", " ");
    boolean spaced = t.contains(" ");
    if (spaced) {
      if (!t.matches("\\d{1,3}( \\d{3})+([.,]\\d+)?")) {
        return Money.NONE;
      }
      t = t.replace(" ", ""); // 12 500,00: with spaces grouping, a comma is the decimal mark
    }
    int dot = t.lastIndexOf('.');
    int comma = t.lastIndexOf(',');
    String plain;
    if (dot >= 0 && comma >= 0) {
      char decimal = dot > comma ? '.' : ',';
      char group = decimal == '.' ? ',' : '.';
      plain = grouped(t, group, decimal);
    } else if (comma >= 0 && (decimalComma || spaced)) {
      plain = t.indexOf(',') != comma ? grouped(t, ',', '.') : grouped(t, '.', ',');
    } else if (comma >= 0) {
      if (t.matches("\\d{1,3}(,\\d{3})+")) {
        plain = grouped(t, ',', '.');
      } else if (t.indexOf(',') == comma && t.matches("\\d+,\\d+")) {
        return new Money(null, code, symbol, "has a comma that is not a thousands separator "
            + "(those come before groups of three digits, as in 1,234): is it a decimal comma? "
            + "compsim does not guess; write the amount with a decimal point ("
            + t.replace(',', '.') + "), or export the file with ; as the delimiter, where the "
            + "comma is the decimal mark");
      } else {
        return Money.NONE;
      }
    } else if (dot >= 0) {
      boolean grouping = decimalComma && t.matches("\\d{1,3}(\\.\\d{3})+")
          || t.indexOf('.') != dot;
      plain = grouping ? grouped(t, '.', ',') : t;
    } else {
      plain = t;
    }
    if (plain == null || !plain.matches("\\d+(\\.\\d+)?")) {
      return Money.NONE;
    }
    BigDecimal value = new BigDecimal(plain);
    return new Money(negative ? value.negate() : value, code, symbol, null);
  }

  /** {@code t} with {@code group} separators (in threes) removed and {@code decimal} as '.'. */
  private static String grouped(String t, char group, char decimal) {
    int point = t.indexOf(decimal);
    if (point >= 0 && t.indexOf(decimal, point + 1) >= 0) {
      return null;
    }
    String whole = point < 0 ? t : t.substring(0, point);
    String fraction = point < 0 ? "" : t.substring(point + 1);
    String g = java.util.regex.Pattern.quote(String.valueOf(group));
    if (whole.indexOf(group) >= 0 && !whole.matches("\\d{1,3}(" + g + "\\d{3})+")) {
      return null;
    }
    whole = whole.replace(String.valueOf(group), "");
    return fraction.isEmpty() ? whole : whole + "." + fraction;
  }

  /**
   * The formatter of a user's date pattern ({@code dd.MM.yyyy}, {@code M/d/yyyy}): strict, so
   * that {@code 30.02.2026} is no date rather than the last day of February, as ISO dates are
   * read. A strict {@code yyyy} is the year of an era and needs the era too, so the pattern's
   * {@code y} letters (outside quotes) are read as the proleptic year {@code u}, the same
   * number for any year after 0. Throws IllegalArgumentException for a pattern java.time
   * cannot read.
   */
  static java.time.format.DateTimeFormatter datePattern(String pattern) {
    StringBuilder proleptic = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      proleptic.append(!quoted && c == 'y' ? 'u' : c);
    }
    return java.time.format.DateTimeFormatter.ofPattern(proleptic.toString(), Locale.ROOT)
        .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  }

  /**
   * Whether {@code text} fits {@code format}'s shape but names a day that does not exist
   * ({@code 31/04/2026}): the error path only, to say so.
   */
  static boolean noSuchDay(String text, java.time.format.DateTimeFormatter format) {
    return date(text, format.withResolverStyle(java.time.format.ResolverStyle.LENIENT)) != null;
  }

  /** A date in {@code format}, or null. */
  static LocalDate date(String text, java.time.format.DateTimeFormatter format) {
    try {
      return LocalDate.parse(text, format);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /**
   * A date as CRMs export it: ISO, an ISO date-time (the date is taken), US {@code M/d/yyyy}
   * with an optional time, or {@code d.M.yyyy}. Day-first slashes are not guessed: a first
   * number above 12 is refused, and a column map with {@code date_format} says what is meant.
   */
  static LocalDate crmDate(String text) {
    String t = text.strip();
    if (t.length() > 10 && (t.charAt(10) == 'T' || t.charAt(10) == ' ')) {
      LocalDate date = isoDate(t.substring(0, 10));
      if (date != null) {
        return date;
      }
    }
    int space = t.indexOf(' ');
    if (space > 0) {
      t = t.substring(0, space);
    }
    java.util.regex.Matcher us = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})")
        .matcher(t);
    java.util.regex.Matcher dotted = java.util.regex.Pattern
        .compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})").matcher(t);
    try {
      if (us.matches()) {
        return LocalDate.of(Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)),
            Integer.parseInt(us.group(2)));
      }
      if (dotted.matches()) {
        return LocalDate.of(Integer.parseInt(dotted.group(3)), Integer.parseInt(dotted.group(2)),
            Integer.parseInt(dotted.group(1)));
      }
    } catch (DateTimeException e) {
      return null;
    }
    return isoDate(t);
  }
}
