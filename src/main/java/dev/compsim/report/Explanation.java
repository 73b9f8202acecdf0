package dev.compsim.report;

import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.PayeeKind;
import dev.compsim.engine.Status;
import dev.compsim.model.Deal;
import dev.compsim.model.Money;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Rules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The trace behind one rep's or one deal's payout, grouped by period, as a person reads it. */
public final class Explanation {
  private Explanation() {}

  public static String forRep(Plan plan, Rep rep, LocalDate asOf, List<LedgerLine> lines) {
    StringBuilder out = new StringBuilder();
    Rules rules = plan.rulesFor(rep.role());
    int periods = plan.calendar().length().perYear();
    out.append(rep.name()).append(" (").append(rep.id()).append(", role ").append(rep.role())
        .append(") under plan \"").append(plan.name()).append("\", as of ").append(asOf)
        .append('\n');
    out.append("Annual quota ").append(Money.grouped(rep.quota()));
    if (periods > 1) {
      out.append(" = ").append(Money.grouped(rep.quota().divide(BigDecimal.valueOf(periods),
          2, Money.ROUNDING))).append(" a ").append(plan.calendar().length().code());
    }
    out.append("; on-target earnings ").append(Money.grouped(rep.ote())).append('\n');
    out.append("Commission: ").append(describe(rules)).append("\n");
    if (lines.isEmpty()) {
      out.append("\nNo ledger lines: this rep earned nothing under this plan as of ")
          .append(asOf).append(".\n");
      return out.toString();
    }
    appendByPeriod(out, lines, false);
    out.append('\n').append(totals(lines)).append('\n');
    return out.toString();
  }

  public static String forDeal(Plan plan, Deal deal, Map<String, Rep> reps, LocalDate asOf,
      List<LedgerLine> lines) {
    StringBuilder out = new StringBuilder();
    out.append("Deal ").append(deal.id()).append(" under plan \"").append(plan.name())
        .append("\", as of ").append(asOf).append('\n');
    out.append("  ").append(deal.stage().code());
    if (deal.closeDate() != null) {
      out.append(", closed ").append(deal.closeDate());
    }
    out.append(", amount ").append(Money.grouped(deal.amount())).append(' ')
        .append(deal.currency() == null ? plan.currency() : deal.currency()).append('\n');
    out.append("  owner ").append(name(reps, deal.owner()));
    if (!deal.assists().isEmpty()) {
      out.append("; assists ");
      for (int i = 0; i < deal.assists().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(name(reps, deal.assists().get(i)));
      }
    }
    out.append('\n');
    if (deal.partner() != null) {
      out.append("  partner ").append(deal.partner()).append(" (").append(deal.partnerRole().code());
      if (deal.registered()) {
        out.append(", registered");
      }
      if (deal.partnerSourced()) {
        out.append(", partner-sourced");
      }
      out.append(")\n");
    } else {
      out.append("  direct deal\n");
    }
    out.append("  implementation ").append(deal.implementation().code());
    if (deal.implementationDate() != null) {
      out.append(' ').append(deal.implementationDate());
    }
    out.append('\n');
    if (lines.isEmpty()) {
      out.append("\nNo ledger lines: ").append(deal.won()
          ? "the deal closes after " + asOf : "only won deals pay").append(".\n");
      return out.toString();
    }
    appendByPeriod(out, lines, true);
    return out.toString();
  }

  private static void appendByPeriod(StringBuilder out, List<LedgerLine> lines,
      boolean showPayee) {
    Map<String, List<LedgerLine>> byPeriod = new LinkedHashMap<>();
    for (LedgerLine line : lines) {
      byPeriod.computeIfAbsent(line.period(), k -> new java.util.ArrayList<>()).add(line);
    }
    for (Map.Entry<String, List<LedgerLine>> period : byPeriod.entrySet()) {
      out.append('\n').append(period.getKey()).append('\n');
      for (LedgerLine line : period.getValue()) {
        out.append("  ");
        if (showPayee) {
          out.append(String.format("%-10s ", line.payee()));
        }
        out.append(String.format("%-10s %-18s %-11s %12s  ",
            line.dealId() == null ? "-" : line.dealId(), line.component().code(),
            line.status().code(), Money.grouped(line.amount())));
        if (line.payDate() != null) {
          out.append("paid ").append(line.payDate()).append("  ");
        }
        out.append(line.trace() == null ? "" : line.trace()).append('\n');
      }
    }
  }

  private static String totals(List<LedgerLine> lines) {
    BigDecimal earned = Money.ZERO;
    Map<Status, BigDecimal> byStatus = new LinkedHashMap<>();
    for (Status status : Status.values()) {
      byStatus.put(status, Money.ZERO);
    }
    for (LedgerLine line : lines) {
      byStatus.merge(line.status(), line.amount(), BigDecimal::add);
      if (line.status().partOfEarned()) {
        earned = earned.add(line.amount());
      }
    }
    StringBuilder out = new StringBuilder("Earned ").append(Money.grouped(earned))
        .append(" = paid ").append(Money.grouped(byStatus.get(Status.PAID)))
        .append(" + released ").append(Money.grouped(byStatus.get(Status.RELEASED)))
        .append(" + held ").append(Money.grouped(byStatus.get(Status.HELD)))
        .append(" + forfeited ").append(Money.grouped(byStatus.get(Status.FORFEITED)));
    if (byStatus.get(Status.CLAWED_BACK).signum() != 0) {
      out.append("\nClawed back ").append(Money.grouped(byStatus.get(Status.CLAWED_BACK)));
    }
    if (byStatus.get(Status.BANNED).signum() != 0) {
      out.append("\nBanned activity spiffs would have paid ")
          .append(Money.grouped(byStatus.get(Status.BANNED)));
    }
    BigDecimal cost = Money.ZERO;
    for (LedgerLine line : lines) {
      cost = cost.add(line.cost());
    }
    out.append("\nCost to the company (paid + released + held + clawed back): ")
        .append(Money.grouped(cost));
    return out.toString();
  }

  private static String describe(Rules rules) {
    StringBuilder out = new StringBuilder();
    var tiers = rules.commission().tiers();
    for (int i = 0; i < tiers.size(); i++) {
      var tier = tiers.get(i);
      out.append(i == 0 ? "" : ", ").append(Money.percent(tier.rate()));
      out.append(tier.to() == null ? (i == 0 ? " of credit" : " above")
          : " to " + Money.percent(tier.to()));
    }
    if (rules.commission().retroactive()) {
      out.append(" (retroactive)");
    }
    if (rules.commission().cap() != null) {
      out.append(", capped at ").append(Money.percent(rules.commission().cap()));
    }
    out.append("; credit on partner deals: ").append(rules.credit().partnerBasis().code());
    if (rules.holdback().holdsBack()) {
      out.append("; ").append(Money.percent(rules.holdback().share())).append(" held back until ")
          .append(rules.holdback().release().code());
    }
    return out.toString();
  }

  private static String name(Map<String, Rep> reps, String id) {
    Rep rep = reps.get(id);
    return rep == null || rep.name().equals(id) ? id : rep.name() + " (" + id + ")";
  }

  /** Lines of a rep: their own payee lines. */
  public static boolean ofRep(LedgerLine line, String repId) {
    return line.payeeKind() == PayeeKind.REP && line.payee().equals(repId);
  }
}
