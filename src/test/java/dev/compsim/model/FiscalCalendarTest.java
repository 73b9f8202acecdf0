package dev.compsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;

class FiscalCalendarTest {
  private static final FiscalCalendar FEB = new FiscalCalendar(MonthDay.of(2, 1),
      PeriodLength.QUARTER);

  @Test
  void fiscalYearIsNamedByTheYearItEndsIn() {
    assertThat(FEB.periodOf(LocalDate.of(2026, 2, 1)).label()).isEqualTo("FY2027-Q1");
    assertThat(FEB.periodOf(LocalDate.of(2026, 1, 31)).label()).isEqualTo("FY2026-Q4");
    assertThat(FEB.periodOf(LocalDate.of(2026, 12, 31)).label()).isEqualTo("FY2027-Q4");
    assertThat(FEB.periodOf(LocalDate.of(2027, 1, 15)).label()).isEqualTo("FY2027-Q4");
  }

  @Test
  void periodsCrossTheCalendarYearBoundary() {
    FiscalPeriod q4 = FEB.periodOf(LocalDate.of(2026, 12, 15));
    assertThat(q4.start()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(q4.end()).isEqualTo(LocalDate.of(2027, 1, 31));
  }

  @Test
  void calendarYearStartNamesTheSameYear() {
    FiscalCalendar calendar = new FiscalCalendar(MonthDay.of(1, 1), PeriodLength.MONTH);
    assertThat(calendar.periodOf(LocalDate.of(2026, 3, 31)).label()).isEqualTo("FY2026-M03");
    FiscalCalendar yearly = new FiscalCalendar(MonthDay.of(1, 1), PeriodLength.YEAR);
    assertThat(yearly.periodOf(LocalDate.of(2026, 3, 31)).label()).isEqualTo("FY2026");
  }

  @Test
  void midMonthStartsWork() {
    FiscalCalendar calendar = new FiscalCalendar(MonthDay.of(7, 15), PeriodLength.QUARTER);
    FiscalPeriod period = calendar.periodOf(LocalDate.of(2026, 10, 14));
    assertThat(period.label()).isEqualTo("FY2027-Q1");
    assertThat(period.end()).isEqualTo(LocalDate.of(2026, 10, 14));
    assertThat(calendar.periodOf(LocalDate.of(2026, 10, 15)).label()).isEqualTo("FY2027-Q2");
  }

  @Test
  void rejectsStartsThatSomeMonthsDoNotHave() {
    assertThatThrownBy(() -> new FiscalCalendar(MonthDay.of(1, 31), PeriodLength.QUARTER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void monthLabelsAreTheFormattedOnes() {
    LocalDate day = LocalDate.of(2025, 1, 1);
    for (int year : new int[] {999, 2025, 2100, 12345}) {
      for (int number = 1; number <= 12; number++) {
        assertThat(new FiscalPeriod(year, number, PeriodLength.MONTH, day, day).label())
            .isEqualTo(String.format("FY%d-M%02d", year, number));
      }
    }
  }
}
