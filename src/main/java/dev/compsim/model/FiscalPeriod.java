package dev.compsim.model;

import java.time.LocalDate;

/**
 * One period of a fiscal calendar: {@code FY2027-Q1}, {@code FY2027-M04} or {@code FY2027}.
 *
 * @param fiscalYear named by the calendar year in which the fiscal year ends
 * @param number 1-based position within the fiscal year
 * @param start first day
 * @param end last day
 */
public record FiscalPeriod(int fiscalYear, int number, PeriodLength length, LocalDate start,
    LocalDate end) implements Comparable<FiscalPeriod> {

  public String label() {
    return switch (length) {
      case YEAR -> "FY" + fiscalYear;
      case QUARTER -> "FY" + fiscalYear + "-Q" + number;
      // concatenation, not String.format: the engine asks for a label on every ledger line
      case MONTH -> "FY" + fiscalYear + (number < 10 ? "-M0" : "-M") + number;
    };
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  @Override
  public int compareTo(FiscalPeriod other) {
    return start.compareTo(other.start);
  }

  @Override
  public String toString() {
    return label();
  }
}
