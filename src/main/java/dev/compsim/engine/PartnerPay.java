package dev.compsim.engine;

import dev.compsim.model.Deal;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerProgram;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a partner and its seller are paid on one won deal: the one statement of the rule, asked by
 * the ledger ({@code Evaluation}) and the simulation's fast path. Each amount is rounded to the
 * cent once.
 *
 * <ul>
 *   <li>A resale: the partner margin, amount × margin (see {@link PartnerTerms}), when not zero.
 *   <li>A referral: the plan's {@code referral_fee} × amount; a plan without one cannot price a
 *       referral and is refused (validation refuses it first, asking {@link #needsReferralFee}).
 *   <li>Through the partner (resale or referral): the self-sufficiency commission at the
 *       partner's rate; on a resale, the upfront discount of its type; reward points to the
 *       partner's seller (see {@link RewardPoints}).
 *   <li>An influence deal pays the partner nothing.
 * </ul>
 */
public final class PartnerPay {
  private PartnerPay() {}

  /**
   * One amount owed on the deal.
   *
   * @param payee the partner's id, or its seller's for rewards
   * @param amount the deal's amount × {@code rate}, rounded half-even to the cent
   * @param rate what each unit of the deal's amount pays: every line is linear in the amount,
   *     which lets the columnar engine price a deal from its amount in cents
   * @param trace how it was reached; null when not asked for
   */
  public record Line(String payee, PayeeKind kind, Component component, BigDecimal amount,
      BigDecimal rate, String trace) {
    Line(String payee, PayeeKind kind, Component component, BigDecimal dealAmount,
        BigDecimal rate, boolean traced, java.util.function.Supplier<String> trace) {
      this(payee, kind, component, Money.round(dealAmount.multiply(rate)), rate,
          traced ? trace.get() : null);
    }
  }

  /** Whether the deal is a referral, which only a plan with a referral fee can price. */
  public static boolean needsReferralFee(Deal deal) {
    return needsReferralFee(deal.partner(), deal.partnerRole());
  }

  /** {@link #needsReferralFee(Deal)} of a deal's partner and role. */
  public static boolean needsReferralFee(String partner, PartnerRole role) {
    return Deal.throughPartner(partner, role) && role == PartnerRole.REFERRAL;
  }

  /**
   * The partner lines of a won deal, in ledger order; none for a direct deal.
   *
   * @param partner the deal's partner, or null
   * @param terms the deal's margin, from {@link PartnerTerms}
   * @param amount the deal's amount in the plan's currency
   * @throws IllegalStateException for a referral under a plan without a referral fee
   */
  public static List<Line> of(Plan plan, Deal deal, Partner partner, PartnerTerms terms,
      BigDecimal amount, boolean traces) {
    if (partner == null) {
      return List.of();
    }
    List<Line> lines = new ArrayList<>(4);
    PartnerProgram program = plan.partners();
    if (deal.partnerRole() == PartnerRole.RESELL && terms.margin().signum() != 0) {
      lines.add(new Line(partner.id(), PayeeKind.PARTNER, Component.PARTNER_MARGIN, amount,
          terms.margin(), traces, () -> terms.explanation() + " on list " + Money.plain(amount)));
    } else if (needsReferralFee(deal)) {
      BigDecimal fee = program.referralFee();
      if (fee == null) {
        throw new IllegalStateException("deal " + deal.id() + " is a referral but plan "
            + plan.name() + " sets no partners.referral_fee");
      }
      lines.add(new Line(partner.id(), PayeeKind.PARTNER, Component.REFERRAL_FEE, amount, fee,
          traces, () -> Money.percent(fee) + " referral fee on " + Money.plain(amount)));
    }
    if (!deal.throughPartner()) {
      return lines;
    }
    if (program.selfSufficiency() != null) {
      BigDecimal rate = program.selfSufficiency().rateFor(partner);
      lines.add(new Line(partner.id(), PayeeKind.PARTNER, Component.PARTNER_COMMISSION, amount,
          rate, traces, () -> Money.percent(rate) + (partner.independent() ? " independent"
              : " assisted") + " partner commission on " + Money.plain(amount)));
    }
    BigDecimal upfront = program.upfront().get(partner.type());
    if (upfront != null && deal.partnerRole() == PartnerRole.RESELL) {
      lines.add(new Line(partner.id(), PayeeKind.PARTNER, Component.UPFRONT_DISCOUNT, amount,
          upfront, traces, () -> Money.percent(upfront) + " upfront discount for "
              + partner.type() + " on " + Money.plain(amount)));
    }
    if (RewardPoints.earns(plan, deal, partner)) {
      PartnerProgram.RepRewards rewards = program.repRewards();
      BigDecimal points = RewardPoints.points(rewards, amount);
      // points × value = amount × (points per 1,000 × value / 1,000), exactly
      BigDecimal rate = rewards.pointsPer1000().multiply(rewards.pointValue()).movePointLeft(3);
      lines.add(new Line(deal.partnerRep(), PayeeKind.PARTNER_REP, Component.REWARDS, amount,
          rate, traces, () -> points.toPlainString() + " points (" + Money.plain(amount)
              + " / 1000 × " + rewards.pointsPer1000().toPlainString() + ") × " + rewards.pointValue()
              .toPlainString() + " a point, seller of " + partner.id()));
    }
    return lines;
  }
}
