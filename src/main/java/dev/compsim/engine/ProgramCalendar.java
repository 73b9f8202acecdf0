package dev.compsim.engine;

import dev.compsim.model.Partner;
import dev.compsim.model.PartnerProgram;
import dev.compsim.model.PartnerProgram.CalendarMode;
import dev.compsim.model.Plan;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * The years and quarters partner tiers and rebates count in. {@code partners.calendar} picks the
 * year start: {@code vendor} the plan's {@code fiscal_year_start}, {@code partner} the partner's own
 * {@code fiscal_year_start} (the vendor's when the partner has none), {@code mutual} the plan's
 * {@code mutual_year_start}. Years are named by the calendar year they end in, like fiscal years.
 */
public final class ProgramCalendar {
  private ProgramCalendar() {}

  /** One program year of one partner: {@code start} to {@code end} inclusive. */
  public record Year(LocalDate start, LocalDate end) implements Comparable<Year> {
    public Year {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }

    // written out, as the record's own would answer (see PartnerTiers.Standing)
    @Override
    public int hashCode() {
      return start.hashCode() * 31 + end.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Year y && start.equals(y.start) && end.equals(y.end);
    }

    /** {@code FY2027} for the year that ends in 2027. */
    public String label() {
      return "FY" + end.getYear();
    }

    public boolean contains(LocalDate date) {
      return !date.isBefore(start) && !date.isAfter(end);
    }

    public Year previous() {
      return new Year(start.minusYears(1), start.minusDays(1));
    }

    @Override
    public int compareTo(Year other) {
      return start.compareTo(other.start);
    }
  }

  /** The year start the plan's partner programs use for {@code partner}. */
  public static MonthDay yearStart(Plan plan, Partner partner) {
    PartnerProgram program = plan.partners();
    return switch (program.calendar()) {
      case VENDOR -> plan.calendar().yearStart();
      case PARTNER -> ownYearStart(plan, partner);
      case MUTUAL -> program.mutualYearStart();
    };
  }

  /** The partner's own fiscal year start, or the vendor's when it has none. */
  public static MonthDay ownYearStart(Plan plan, Partner partner) {
    return partner.fiscalYearStart() == null ? plan.calendar().yearStart()
        : partner.fiscalYearStart();
  }

  /** The program year of {@code partner} that contains {@code date}. */
  public static Year yearOf(Plan plan, Partner partner, LocalDate date) {
    return yearOf(yearStart(plan, partner), date);
  }

  /** The year starting on {@code yearStart} that contains {@code date}. */
  public static Year yearOf(MonthDay yearStart, LocalDate date) {
    LocalDate start = yearStart.atYear(date.getYear());
    if (date.isBefore(start)) {
      start = yearStart.atYear(date.getYear() - 1);
    }
    LocalDate next = yearStart.atYear(start.getYear() + 1);
    return new Year(start, next.minusDays(1));
  }

  /** The last day of the quarter, of a year starting on {@code yearStart}, containing date. */
  public static LocalDate quarterEnd(MonthDay yearStart, LocalDate date) {
    Year year = yearOf(yearStart, date);
    for (int q = 1; q <= 4; q++) {
      LocalDate end = q == 4 ? year.end() : year.start().plusMonths(3L * q).minusDays(1);
      if (!date.isAfter(end)) {
        return end;
      }
    }
    throw new IllegalStateException("unreachable: " + date + " is in " + year);
  }

  /** A short name of the calendar mode, for traces and reports. */
  public static String describe(Plan plan, Partner partner) {
    CalendarMode mode = plan.partners().calendar();
    MonthDay start = yearStart(plan, partner);
    return mode.code() + " calendar, year from " + String.format(java.util.Locale.ROOT, "%02d-%02d",
        start.getMonthValue(), start.getDayOfMonth());
  }
}
