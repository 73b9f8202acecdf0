package dev.compsim.generate;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * What to generate: how many deals, reps and partners, from which seed, over which dates.
 *
 * @param start first day deals may close on
 * @param end last day anything happens on: the data's as-of date
 */
public record GeneratorSettings(long deals, int reps, int partners, long seed, LocalDate start,
    LocalDate end) {

  /** The vendor's fiscal year starts on February 1, as in the example plans. */
  public static final MonthDay VENDOR_YEAR_START = MonthDay.of(2, 1);

  /** The default end date: a fixed day, so that the same command gives the same files. */
  public static final LocalDate DEFAULT_END = LocalDate.of(2026, 11, 24);

  public GeneratorSettings {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (deals < 0) {
      throw new IllegalArgumentException("--deals must be >= 0");
    }
    if (reps < 1) {
      throw new IllegalArgumentException("--reps must be >= 1");
    }
    if (partners < 0) {
      throw new IllegalArgumentException("--partners must be >= 0");
    }
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("--start must be before --end");
    }
  }

  /**
   * Settings with the default window: two vendor fiscal years, from the start of the fiscal year
   * before the one containing {@code end}, up to {@code end}.
   */
  public static GeneratorSettings of(long deals, int reps, int partners, long seed,
      LocalDate start, LocalDate end) {
    LocalDate last = end == null ? DEFAULT_END : end;
    LocalDate first = start == null ? defaultStart(last) : start;
    return new GeneratorSettings(deals, reps, partners, seed, first, last);
  }

  /** The first day of the vendor fiscal year before the one that contains {@code end}. */
  public static LocalDate defaultStart(LocalDate end) {
    LocalDate yearStart = VENDOR_YEAR_START.atYear(end.getYear());
    if (end.isBefore(yearStart)) {
      yearStart = yearStart.minusYears(1);
    }
    return yearStart.minusYears(1);
  }
}
