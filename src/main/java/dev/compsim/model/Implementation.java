package dev.compsim.model;

/** The customer's implementation (go-live) outcome of a deal. */
public enum Implementation {
  PENDING, CONFIRMED, FAILED;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
