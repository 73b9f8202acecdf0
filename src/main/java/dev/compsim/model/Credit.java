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
}
