package dev.compsim.model;

/** When held-back commission is released. */
public enum HoldbackRelease {
  /** On the date the customer confirms the implementation. */
  IMPLEMENTATION,
  /** A fixed number of days after close. */
  DAYS,
  /** In proportion to what the customer has paid against the deal (payments.csv). */
  PAYMENT;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
