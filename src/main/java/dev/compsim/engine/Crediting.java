package dev.compsim.engine;

import dev.compsim.model.Credit;
import dev.compsim.model.CreditBasis;
import dev.compsim.model.Deal;
import dev.compsim.model.Money;
import java.math.BigDecimal;

/**
 * Credited revenue. A direct deal credits its amount. A deal through a partner credits list, net
 * or their mean by {@code partner_basis}, times {@code partner_multiplier}; a partner-sourced deal
 * is further scaled by {@code partner_sourced}. The share is the recipient's part of the team
 * credit.
 */
public final class Crediting {
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private Crediting() {}

  /** Credited revenue and, when asked for, how it was reached. */
  public record Credited(BigDecimal credit, String trace) {}

  /**
   * @param amount the deal's list amount in the plan currency
   * @param share the recipient's share of the team credit (1 for the owner with full credit)
   * @param shareLabel how to name the share in the trace, or null when it is 1
   */
  public static Credited credit(Credit rules, Deal deal, BigDecimal amount, PartnerTerms terms,
      BigDecimal share, String shareLabel, boolean withTrace) {
    BigDecimal credit;
    StringBuilder why = withTrace ? new StringBuilder() : null;
    if (deal.throughPartner() && terms.margin().signum() != 0) {
      BigDecimal net = terms.net(amount);
      credit = switch (rules.partnerBasis()) {
        case LIST -> amount;
        case NET -> net;
        case MIDPOINT -> amount.add(net).divide(TWO);
      };
      if (why != null) {
        why.append(rules.partnerBasis().code());
        if (rules.partnerBasis() == CreditBasis.LIST) {
          why.append(", partner margin not deducted");
        } else if (rules.partnerBasis() == CreditBasis.NET) {
          why.append(": ").append(Money.plain(amount)).append(" less ")
              .append(terms.explanation());
        } else {
          why.append(" of list ").append(Money.plain(amount)).append(" and net ")
              .append(Money.plain(net)).append(" (").append(terms.explanation()).append(')');
        }
      }
    } else {
      credit = amount;
      if (why != null) {
        why.append("list");
      }
    }
    if (deal.throughPartner() && rules.partnerMultiplier().compareTo(BigDecimal.ONE) != 0) {
      credit = credit.multiply(rules.partnerMultiplier());
      if (why != null) {
        why.append(", ×").append(rules.partnerMultiplier().stripTrailingZeros().toPlainString())
            .append(" partner multiplier");
      }
    }
    if (deal.partnerSourced() && rules.partnerSourced().compareTo(BigDecimal.ONE) != 0) {
      credit = credit.multiply(rules.partnerSourced());
      if (why != null) {
        why.append(", ×").append(Money.percent(rules.partnerSourced())).append(" partner-sourced");
      }
    }
    if (share.compareTo(BigDecimal.ONE) != 0) {
      credit = credit.multiply(share);
      if (why != null) {
        why.append(", ×").append(Money.percent(share)).append(' ').append(shareLabel);
      }
    } else if (why != null && shareLabel != null) {
      why.append(", ").append(shareLabel);
    }
    String trace = why == null ? null
        : "credit " + Money.plain(credit) + " (" + why + ")";
    return new Credited(credit, trace);
  }
}
