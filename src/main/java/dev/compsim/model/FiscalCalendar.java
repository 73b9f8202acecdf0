package dev.compsim.model;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A fiscal calendar: the day the fiscal year starts and the length of its periods. A fiscal year is
 * named by the calendar year in which it ends, so with a start of 02-01, FY2027 runs from
 * 2026-02-01 to 2027-01-31.
 */
public record FiscalCalendar(MonthDay yearStart, PeriodLength length) {

  public static final MonthDay JANUARY_FIRST = MonthDay.of(1, 1);

  public FiscalCalendar {
    Objects.requireNonNull(yearStart, "yearStart");
    Objects.requireNonNull(length, "length");
    if (yearStart.getDayOfMonth() > 28) {
      throw new IllegalArgumentException("a fiscal year must start on day 1 to 28 of a month");
    }
  }

  /** First day of the fiscal year that contains {@code date}. */
  public LocalDate yearStartOf(LocalDate date) {
    LocalDate start = yearStart.atYear(date.getYear());
    return date.isBefore(start) ? start.minusYears(1) : start;
  }

  /** The fiscal year (by the year it ends in) that contains {@code date}. */
  public int fiscalYearOf(LocalDate date) {
    return yearStartOf(date).plusYears(1).minusDays(1).getYear();
  }

  public FiscalPeriod periodOf(LocalDate date) {
    LocalDate fyStart = yearStartOf(date);
    int fiscalYear = fyStart.plusYears(1).minusDays(1).getYear();
    int months = length.months();
    int index = 0;
    while (!fyStart.plusMonths((long) months * (index + 1)).isAfter(date)) {
      index++;
    }
    LocalDate start = fyStart.plusMonths((long) months * index);
    LocalDate end = fyStart.plusMonths((long) months * (index + 1)).minusDays(1);
    return new FiscalPeriod(fiscalYear, index + 1, length, start, end);
  }

  /** The same year start with another period length: quarters of a yearly plan, say. */
  public FiscalCalendar withLength(PeriodLength other) {
    return new FiscalCalendar(yearStart, other);
  }
}
