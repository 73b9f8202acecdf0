package dev.compsim.behavior;

import java.util.Locale;

/** The choices a plan's incentives push reps toward or away from. */
public enum Behavior {
  /** Take a deal through a partner instead of direct. */
  ROUTE("taking a typical deal through a partner"),
  /** Stay engaged through implementation instead of moving on. */
  ENGAGE("staying engaged until the customer confirms go-live"),
  /** Book one more meeting. */
  MEETINGS("booking one more meeting"),
  /** Bring a specialist into a deal instead of selling alone. */
  TEAM("bringing a specialist into a typical deal"),
  /** Close a deal at the end of this period instead of the start of the next. */
  TIMING("pulling a typical deal into this period"),
  /** Work for more and larger deals: what one more typical deal pays, over the rep's periods. */
  EFFORT("winning one more typical deal");

  private final String choice;

  Behavior(String choice) {
    this.choice = choice;
  }

  /** The choice in words, for sentences: "taking a typical deal through a partner". */
  public String choice() {
    return choice;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
