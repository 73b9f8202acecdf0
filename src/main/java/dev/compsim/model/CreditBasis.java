package dev.compsim.model;

/** Which revenue a rep is credited with on a partner deal (comp neutrality). */
public enum CreditBasis {
  /** The list amount: the rep earns the same as on a direct deal (comp-neutral). */
  LIST,
  /** The partner-discounted net: what the vendor books. */
  NET,
  /** Halfway between list and net: split the difference. */
  MIDPOINT;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
