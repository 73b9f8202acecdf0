package dev.compsim.engine;

import dev.compsim.model.Credit;
import dev.compsim.model.Deal;
import dev.compsim.model.Partner;
import dev.compsim.model.TeamMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is credited on a won deal, and with what share of its credit: the one statement of the
 * rule, asked by the ledger ({@code Evaluation}), by the simulation's fast path and by validation.
 *
 * <ul>
 *   <li>The owner, always.
 *   <li>Each assist: with {@code team: full} the whole credit each; with {@code team: split}
 *       {@code assist_share} each, the owner keeping the rest. Shares that would leave the owner
 *       less than nothing are refused.
 *   <li>With {@code channel_manager}, the channel manager of the partner of a deal that goes
 *       through it (resell or referral; an influence deal does not), as an overlay of the whole
 *       credit. A manager who owns or assists the deal is credited once, as owner or assist.
 * </ul>
 *
 * The team rules are the owner's: {@code plan.rulesFor(owner's role).credit()}.
 */
public final class Recipients {
  private Recipients() {}

  /** Why a rep is credited. */
  public enum Role {
    OWNER,
    ASSIST,
    CHANNEL_MANAGER
  }

  /**
   * One credited rep.
   *
   * @param share the part of the deal's credit, 1 for the whole
   * @param split whether the deal's credit is split between owner and assists
   */
  public record Recipient(String rep, Role role, BigDecimal share, boolean split) {
    /** How a trace names the share; null when there is nothing to say. */
    public String label(Partner partner) {
      return switch (role) {
        case OWNER -> split ? "owner share" : null;
        case ASSIST -> split ? "assist share" : "assist, full team credit";
        case CHANNEL_MANAGER -> "channel manager overlay for " + partner.id();
      };
    }
  }

  /**
   * The recipients of a deal's credit, owner first, then the assists in the deal's order, then
   * the channel manager.
   *
   * @param team the credit rules of the owner's role
   * @param partner the deal's partner, or null for a direct deal
   * @throws IllegalStateException when split shares leave the owner less than nothing (validation
   *     refuses such a deal first, with {@link #overflow})
   */
  public static List<Recipient> of(Credit team, Deal deal, Partner partner) {
    try {
      return of(team, deal.owner(), deal.assists(), deal.throughPartner(), partner);
    } catch (IllegalStateException overflow) {
      throw new IllegalStateException("deal " + deal.id() + ": " + overflow.getMessage());
    }
  }

  /**
   * {@link #of(Credit, Deal, Partner)} of the fields of a deal it reads (the deal table asks it
   * once per team, without a deal record); the exception names no deal.
   */
  public static List<Recipient> of(Credit team, String dealOwner, List<String> assists,
      boolean throughPartner, Partner partner) {
    // reads of team only its team mode, assist share and overlay: see teamRules
    boolean split = split(team, assists.size());
    BigDecimal ownerShare = ownerShare(team, assists.size());
    if (ownerShare.signum() < 0) {
      throw new IllegalStateException(overflow(team, assists.size()));
    }
    boolean overlay = team.channelManager()
        && overlay(dealOwner, assists, throughPartner, partner);
    Recipient owner = new Recipient(dealOwner, Role.OWNER, ownerShare, split);
    if (assists.isEmpty() && !overlay) {
      return List.of(owner); // most deals: the owner alone
    }
    List<Recipient> recipients = new ArrayList<>(assists.size() + 2);
    recipients.add(owner);
    BigDecimal assistShare = split ? team.assistShare() : BigDecimal.ONE;
    for (String assist : assists) {
      recipients.add(new Recipient(assist, Role.ASSIST, assistShare, split));
    }
    if (overlay) {
      recipients.add(new Recipient(partner.manager(), Role.CHANNEL_MANAGER, BigDecimal.ONE,
          split));
    }
    return recipients;
  }

  /**
   * Whether the partner's channel manager is credited as an overlay: the rules give one, the deal
   * goes through the partner, and the manager is neither its owner nor an assist.
   */
  public static boolean overlay(Credit team, Deal deal, Partner partner) {
    return team.channelManager() && overlay(deal, partner);
  }

  /**
   * Whether rules that give the channel manager an overlay would credit the partner's manager on
   * this deal (validation asks this once for all plans, then looks at each plan's rules).
   */
  public static boolean overlay(Deal deal, Partner partner) {
    return overlay(deal.owner(), deal.assists(), deal.throughPartner(), partner);
  }

  /** {@link #overlay(Deal, Partner)} of a deal's owner, assists and whether it goes through. */
  public static boolean overlay(String owner, List<String> assists, boolean throughPartner,
      Partner partner) {
    return partner != null && partner.manager() != null && throughPartner
        && !partner.manager().equals(owner) && !assists.contains(partner.manager());
  }

  /**
   * Of a role's credit rules, only what {@link #of} reads (team mode, assist share, channel
   * manager overlay), the rest as {@link Credit#DEFAULT}: rules with the same team rules give
   * every deal the same recipients, so the columnar engine lays them out once for them.
   */
  public static Credit teamRules(Credit credit) {
    return new Credit(Credit.DEFAULT.partnerBasis(), Credit.DEFAULT.partnerMultiplier(),
        Credit.DEFAULT.partnerSourced(), credit.team(), credit.assistShare(),
        credit.channelManager());
  }

  /** Whether a deal with {@code assists} assists splits its credit under {@code team}. */
  public static boolean split(Credit team, int assists) {
    return team.team() == TeamMode.SPLIT && assists > 0;
  }

  /** The owner's share of the credit: what the assists leave, or all of it. */
  public static BigDecimal ownerShare(Credit team, int assists) {
    return split(team, assists)
        ? BigDecimal.ONE.subtract(team.assistShare().multiply(BigDecimal.valueOf(assists)))
        : BigDecimal.ONE;
  }

  /**
   * Why {@code assists} assists cannot split a deal under {@code team}, or null when they can:
   * their shares would take more than the whole credit.
   */
  public static String overflow(Credit team, int assists) {
    return ownerShare(team, assists).signum() >= 0 ? null
        : assists + " assists at " + team.assistShare().toPlainString()
            + " assist_share each would take more than the whole credit";
  }
}
