package dev.compsim.engine;

import java.util.Locale;

/** Who a ledger line pays: a vendor rep, a partner company, or one of the partner's own reps. */
public enum PayeeKind {
  REP, PARTNER, PARTNER_REP;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Partner and partner-rep lines are channel cost; rep lines are rep cost. */
  public boolean channel() {
    return this != REP;
  }
}
