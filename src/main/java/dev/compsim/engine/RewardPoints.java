package dev.compsim.engine;

import dev.compsim.model.Deal;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerProgram.RepRewards;
import dev.compsim.model.Plan;
import java.math.BigDecimal;

/**
 * Reward points for the partner's own sellers: on a won deal through a partner that names its
 * {@code partner_rep}, points = amount / 1000 × points_per_1000, worth point_value each. With
 * {@code requires_rebate_enrollment}, only partners enrolled in rebates earn them.
 */
public final class RewardPoints {
  private RewardPoints() {}

  /** Whether the deal earns points under the plan. */
  public static boolean earns(Plan plan, Deal deal, Partner partner) {
    RepRewards rewards = plan.partners().repRewards();
    return rewards != null && partner != null && deal.throughPartner()
        && deal.partnerRep() != null && !deal.partnerRep().isBlank()
        && (!rewards.requiresRebateEnrollment() || partner.rebateEnrolled());
  }

  /** Points on {@code amount}, exact: amount / 1000 × points_per_1000. */
  public static BigDecimal points(RepRewards rewards, BigDecimal amount) {
    return amount.movePointLeft(3).multiply(rewards.pointsPer1000()).stripTrailingZeros();
  }
}
