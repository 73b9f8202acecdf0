package dev.compsim.io;

import java.time.LocalDate;

/**
 * ISO dates ({@code yyyy-MM-dd}) read once per day: a million rows name a few thousand days, so
 * each day is parsed and made once and its instance shared. Not for several threads at once:
 * each reader has its own.
 */
final class IsoDates {
  private static final int FIRST_YEAR = 1900;
  private static final int YEARS = 300;
  private final LocalDate[] dates = new LocalDate[YEARS * 416];

  /** {@link Values#isoDate} of {@code text}, one instance a day. */
  LocalDate parse(String text) {
    int slot = slot(Values.isoDateKey(text));
    if (slot < 0) {
      return Values.isoDate(text); // outside the cache, or not a date at all
    }
    LocalDate date = dates[slot];
    if (date == null) {
      date = Values.isoDate(text);
      dates[slot] = date;
    }
    return date;
  }

  /**
   * The date {@link #parse} gave before for a text of this {@link Values#isoDateKey} (read off a
   * field's bytes, without a string), or null when it has given none.
   */
  LocalDate seen(int key) {
    int slot = slot(key);
    return slot < 0 ? null : dates[slot];
  }

  /** Where the cache keeps the date of a {@link Values#isoDateKey}, or -1. */
  private static int slot(int key) {
    int year = key >>> 14;
    int month = key >>> 7 & 0x7F;
    int day = key & 0x7F;
    if (key < 0 || year < FIRST_YEAR || year >= FIRST_YEAR + YEARS
        || month < 1 || month > 12 || day < 1 || day > 31) {
      return -1;
    }
    return (year - FIRST_YEAR) * 416 + month * 32 + day;
  }
}
