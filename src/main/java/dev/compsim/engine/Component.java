package dev.compsim.engine;

import java.util.Locale;

/** What a ledger line pays for. */
public enum Component {
  COMMISSION, SPIFF, PRIZE, PARTNER_MARGIN, REFERRAL_FEE, PARTNER_COMMISSION, REBATE,
  UPFRONT_DISCOUNT, REWARDS;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
