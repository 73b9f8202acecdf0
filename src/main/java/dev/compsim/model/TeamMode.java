package dev.compsim.model;

/** How the credit of a deal is shared with the teammates brought in. */
public enum TeamMode {
  /** Each assist also gets full credit; the owner keeps all of it. */
  FULL,
  /** Each assist gets {@code assist_share} of the credit; the owner keeps the rest. */
  SPLIT;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
