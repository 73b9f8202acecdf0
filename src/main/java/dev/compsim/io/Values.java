package dev.compsim.io;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

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
   * The digits of a {@code yyyy-MM-dd} text as {@code yyyyMMdd}, whether or not they make a
   * date, or -1 when the text has another shape.
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
    return year * 10000 + month * 100 + day;
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
   * {@code 12.500,00 €}, {@code (1,200.00)}; null when it is not one. Grouping must come in
   * threes. With {@code decimalComma} (semicolon files) a lone comma is the decimal mark and
   * {@code 12.500} is twelve thousand five hundred; otherwise {@code 12,500} is.
   */
  static BigDecimal amount(String text, boolean decimalComma) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 60) {
      return null;
    }
    boolean negative = false;
    if (t.startsWith("(") && t.endsWith(")")) {
      negative = true;
      t = t.substring(1, t.length() - 1).strip();
    }
    t = t.replaceAll("^[A-Za-z]{3}\\s*|\\s*[A-Za-z]{3}$", "");
    t = t.replaceAll("^[$\u20ac\u00a3\u00a5]\\s*|\\s*[$\u20ac\u00a3\u00a5]$", "");
    if (t.startsWith("-")) {
      negative = !negative;
      t = t.substring(1);
    }
    t = t.replaceAll("^[$\u20ac\u00a3\u00a5]", "").replace("\u00a0", " ").replace("\u202f", " ");
    if (t.contains(" ")) {
      if (!t.matches("\\d{1,3}( \\d{3})+([.,]\\d+)?")) {
        return null;
      }
      t = t.replace(" ", "");
    }
    int dot = t.lastIndexOf('.');
    int comma = t.lastIndexOf(',');
    String plain;
    if (dot >= 0 && comma >= 0) {
      char decimal = dot > comma ? '.' : ',';
      char group = decimal == '.' ? ',' : '.';
      plain = grouped(t, group, decimal);
    } else if (comma >= 0) {
      boolean grouping = !decimalComma && t.matches("\\d{1,3}(,\\d{3})+")
          || decimalComma && t.indexOf(',') != comma;
      plain = grouping ? grouped(t, ',', '.') : grouped(t, '.', ',');
    } else if (dot >= 0) {
      boolean grouping = decimalComma && t.matches("\\d{1,3}(\\.\\d{3})+")
          || t.indexOf('.') != dot;
      plain = grouping ? grouped(t, '.', ',') : t;
    } else {
      plain = t;
    }
    if (plain == null || !plain.matches("\\d+(\\.\\d+)?")) {
      return null;
    }
    BigDecimal value = new BigDecimal(plain);
    return negative ? value.negate() : value;
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
