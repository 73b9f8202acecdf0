package dev.compsim.engine;

import java.util.Locale;

/** What a ledger line pays for. */
public enum Component {
  COMMISSION, SPIFF, PRIZE, PARTNER_MARGIN, REFERRAL_FEE, PARTNER_COMMISSION, REBATE,
  UPFRONT_DISCOUNT, REWARDS,
  /** A recoverable draw's top-up of a period's commission: an advance against later commission. */
  DRAW,
  /** Commission above the draw amount kept to repay a draw balance: negative. */
  DRAW_RECOVERY,
  /** A non-recoverable draw's top-up: a plain guarantee, never repaid. */
  GUARANTEE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether lines of this component, of every status, add up to the recoverable draw balance
   * outstanding (the advance): draws paid, recovered and forgiven.
   */
  public boolean drawBalance() {
    return this == DRAW || this == DRAW_RECOVERY;
  }
}
