package dev.compsim.engine;

import dev.compsim.model.Deal;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerProgram;
import dev.compsim.model.PartnerRole;
import java.math.BigDecimal;

/**
 * The partner margin of one deal: the deal's own {@code partner_discount}, or the plan's margin
 * for the partner's type plus the registration bonus and the partner's tier extra margin.
 *
 * @param margin the fraction off list the partner keeps; zero for referral and direct deals
 * @param explanation how the margin was reached, for traces; null when not asked for
 */
public record PartnerTerms(BigDecimal margin, String explanation) {

  public static final PartnerTerms NONE = new PartnerTerms(BigDecimal.ZERO, "");

  /**
   * @param tierExtra extra margin from the partner's tier, zero when the plan has no tiers
   * @param tierName how the tier was reached, for the trace ({@code Silver tier (5
   *     certifications)}), or null
   */
  public static PartnerTerms of(Deal deal, Partner partner, PartnerProgram program,
      BigDecimal tierExtra, String tierName) {
    return of(deal, partner, program, tierExtra, tierName, true);
  }

  /**
   * As above; without {@code explain} the explanation is null (the same margin, without the
   * cost of writing it out for a run that keeps no traces).
   */
  public static PartnerTerms of(Deal deal, Partner partner, PartnerProgram program,
      BigDecimal tierExtra, String tierName, boolean explain) {
    if (!deal.throughPartner() || deal.partnerRole() == PartnerRole.REFERRAL) {
      return NONE;
    }
    if (!needsTypeMargin(deal)) {
      return new PartnerTerms(deal.partnerDiscount(), explain
          ? Money.percent(deal.partnerDiscount()) + " partner_discount of the deal" : null);
    }
    BigDecimal typeMargin = program.margin().get(partner.type());
    if (typeMargin == null) {
      throw new IllegalStateException("no margin for partner type " + partner.type());
    }
    BigDecimal margin = typeMargin;
    StringBuilder why = explain ? new StringBuilder(Money.percent(typeMargin)).append(' ')
        .append(partner.type()).append(" margin") : null;
    if (deal.registered() && program.registrationBonus().signum() != 0) {
      margin = margin.add(program.registrationBonus());
      if (why != null) {
        why.append(" + ").append(Money.percent(program.registrationBonus()))
            .append(" registration bonus");
      }
    }
    if (tierExtra.signum() != 0) {
      margin = margin.add(tierExtra);
      if (why != null) {
        why.append(" + ").append(Money.percent(tierExtra)).append(' ').append(tierName);
      }
    }
    return new PartnerTerms(margin, why == null ? null : why.toString());
  }

  /**
   * Whether the deal's margin comes from the plan's margin for the partner's type: a resale that
   * gives no {@code partner_discount} of its own. A plan without a margin for that type cannot
   * price it ({@link #of} refuses; validation asks this first).
   */
  public static boolean needsTypeMargin(Deal deal) {
    return needsTypeMargin(deal.partner(), deal.partnerRole(), deal.partnerDiscount());
  }

  /** {@link #needsTypeMargin(Deal)} of a deal's partner, role and discount. */
  public static boolean needsTypeMargin(String partner, PartnerRole role, BigDecimal discount) {
    return Deal.throughPartner(partner, role) && role == PartnerRole.RESELL && discount == null;
  }

  /** amount × (1 − margin): what the vendor books on the deal. */
  public BigDecimal net(BigDecimal amount) {
    return amount.subtract(amount.multiply(margin));
  }
}
