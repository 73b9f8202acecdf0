package dev.compsim.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Who is credited with how much revenue.
 *
 * @param partnerBasis list, net or midpoint for deals that go through a partner
 * @param partnerMultiplier scales the credit of deals that go through a partner
 * @param partnerSourced share of credit on partner-sourced deals
 * @param assistShare with {@link TeamMode#SPLIT}, each assist's share of the credit
 * @param channelManager credit the partner's channel manager as an overlay
 */
public record Credit(CreditBasis partnerBasis, BigDecimal partnerMultiplier,
    BigDecimal partnerSourced, TeamMode team, BigDecimal assistShare, boolean channelManager) {

  public static final Credit DEFAULT = new Credit(CreditBasis.NET, BigDecimal.ONE, BigDecimal.ONE,
      TeamMode.FULL, new BigDecimal("0.25"), false);

  public Credit {
    Objects.requireNonNull(partnerBasis, "partnerBasis");
    Objects.requireNonNull(partnerMultiplier, "partnerMultiplier");
    Objects.requireNonNull(partnerSourced, "partnerSourced");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(assistShare, "assistShare");
  }

  // hash and equality written out, as the record's own would answer: those go through method
  // handles, which the C1 compiler a run uses does not inline, and the columnar engine hashes
  // credit rules for every recipient of every team (ColumnarEvaluation.CreditClass) and for
  // every rep when it looks a team table up
  @Override
  public int hashCode() {
    // the enums by ordinal: the same hash in every run, where an enum's own hash is not
    int h = partnerBasis.ordinal() * 31 + partnerMultiplier.hashCode();
    h = (h * 31 + partnerSourced.hashCode()) * 31 + team.ordinal();
    return (h * 31 + assistShare.hashCode()) * 2 + (channelManager ? 1 : 0);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Credit c && partnerBasis == c.partnerBasis
        && team == c.team && channelManager == c.channelManager
        && partnerMultiplier.equals(c.partnerMultiplier)
        && partnerSourced.equals(c.partnerSourced) && assistShare.equals(c.assistShare);
  }
}
