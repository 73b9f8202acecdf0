package dev.compsim.engine;

import java.util.Locale;

/** Where the money of a ledger line stands as of {@code --as-of}. */
public enum Status {
  /** Paid at close or at period end. */
  PAID,
  /** Held back, then paid on the line's pay date. */
  RELEASED,
  /** Held back and still owed: an open liability. */
  HELD,
  /** Held back and never paid. Shown, not counted as cost. */
  FORFEITED,
  /** A negative amount reclaiming money already paid. */
  CLAWED_BACK,
  /** What a banned spiff would have paid. Shown, not counted as cost. */
  BANNED,
  /**
   * A recoverable draw balance written off at the plan year's end (negative, on a draw_recovery
   * line): the draws were counted as cost when paid, so this is shown, not counted again.
   */
  FORGIVEN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Cost counts paid, released, held and clawed back; forfeited and banned are only shown. */
  public boolean countsAsCost() {
    return this != FORFEITED && this != BANNED && this != FORGIVEN;
  }

  /** The statuses an earning splits into: earned = paid + released + held + forfeited. */
  public boolean partOfEarned() {
    return this == PAID || this == RELEASED || this == HELD || this == FORFEITED;
  }
}
