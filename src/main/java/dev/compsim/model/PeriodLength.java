package dev.compsim.model;

/** The attainment and payout period of a plan. */
public enum PeriodLength {
  MONTH(12, 1), QUARTER(4, 3), YEAR(1, 12);

  private final int perYear;
  private final int months;

  PeriodLength(int perYear, int months) {
    this.perYear = perYear;
    this.months = months;
  }

  /** How many periods make a fiscal year; the period quota is the annual quota divided by this. */
  public int perYear() {
    return perYear;
  }

  public int months() {
    return months;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
