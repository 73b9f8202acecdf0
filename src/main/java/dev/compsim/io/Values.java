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
}
