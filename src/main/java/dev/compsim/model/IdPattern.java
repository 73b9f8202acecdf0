package dev.compsim.model;

/**
 * The shape of the deal ids most exports have: a fixed text, then a fixed number of digits
 * ({@code D-0000001}, {@code OPP-2026-00042}, {@code 100234}). An id of this shape is kept as its
 * number: a million deals are then a column of longs, not a million strings for the collector to
 * copy, and the numbers order and compare as the ids do (same text, same width).
 *
 * <p>An id has at most one pattern: the prefix never ends in a digit, so the digits are the id's
 * whole trailing run of digits.
 *
 * @param prefix the text before the digits (possibly empty), not ending in a digit
 * @param width the number of digits, 1 to 18
 */
public record IdPattern(String prefix, int width) {
  private static final int MAX_WIDTH = 18;

  public IdPattern {
    if (width < 1 || width > MAX_WIDTH) {
      throw new IllegalArgumentException("width " + width);
    }
    if (!prefix.isEmpty() && digit(prefix.charAt(prefix.length() - 1))) {
      throw new IllegalArgumentException("prefix ends in a digit: " + prefix);
    }
  }

  /** The pattern of {@code id}, or null when it does not end in 1 to 18 ASCII digits. */
  public static IdPattern of(String id) {
    int start = id.length();
    while (start > 0 && digit(id.charAt(start - 1))) {
      start--;
    }
    int width = id.length() - start;
    return width < 1 || width > MAX_WIDTH ? null : new IdPattern(id.substring(0, start), width);
  }

  /** The number of {@code id} when it has this pattern, else -1. */
  public long number(String id) {
    int from = prefix.length();
    if (id.length() != from + width || !id.startsWith(prefix)) {
      return -1;
    }
    long number = 0;
    for (int i = from; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!digit(c)) {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  /** The id of {@code number} (0 or more, at most {@code width} digits): prefix, then digits. */
  public String text(long number) {
    String digits = Long.toString(number);
    StringBuilder id = new StringBuilder(prefix.length() + width).append(prefix);
    for (int pad = width - digits.length(); pad > 0; pad--) {
      id.append('0');
    }
    return id.append(digits).toString();
  }

  /**
   * The prefix as bytes when it is ASCII (a reader then matches a field's bytes against it),
   * else null.
   */
  public byte[] asciiPrefix() {
    byte[] bytes = new byte[prefix.length()];
    for (int i = 0; i < bytes.length; i++) {
      if (prefix.charAt(i) >= 128) {
        return null;
      }
      bytes[i] = (byte) prefix.charAt(i);
    }
    return bytes;
  }

  // written out: a record's own go through method handles, which C1 does not inline, and the
  // reader asks once a deal (RecordEqualityTest holds them to the record's own)
  @Override
  public boolean equals(Object o) {
    return o instanceof IdPattern other && width == other.width && prefix.equals(other.prefix);
  }

  @Override
  public int hashCode() {
    return prefix.hashCode() * 31 + width;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
