package dev.compsim.model;

/** How a partner takes part in a deal. */
public enum PartnerRole {
  /** The partner buys at a discount off list and resells. */
  RESELL,
  /** The partner hands the customer over and earns a referral fee; the vendor sells at list. */
  REFERRAL,
  /** The partner influenced the deal; no partner economics apply. */
  INFLUENCE;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Resell and referral deals go through the partner; influence deals do not. */
  public boolean throughPartner() {
    return this != INFLUENCE;
  }
}
