package dev.compsim.report;

import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.PayeeKind;
import dev.compsim.engine.Status;
import dev.compsim.engine.ProgramCalendar;
import dev.compsim.model.Deal;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerProgram;
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
    out.append(TerminalText.cell(rep.name())).append(" (").append(TerminalText.cell(rep.id()))
        .append(", role ").append(TerminalText.cell(rep.role()))
        .append(") under plan \"").append(TerminalText.cell(plan.name())).append("\", as of ")
        .append(asOf)
        .append('\n');
    out.append("Annual quota ").append(Money.grouped(rep.quota()));
    if (periods > 1) {
      out.append(" = ").append(Money.grouped(rep.quota().divide(BigDecimal.valueOf(periods),
          2, Money.ROUNDING))).append(" a ").append(plan.calendar().length().code());
    }
    out.append("; on-target earnings ").append(Money.grouped(rep.ote())).append('\n');
    out.append("Commission: ").append(describe(rules)).append("\n");
    if (rules.draw() != null && rules.draw().amount().signum() > 0) {
      out.append("Draw: ").append(describe(rules.draw())).append('\n');
    }
    for (Plan.Change change : plan.changes()) {
      out.append("From ").append(change.from()).append(" (")
          .append(plan.versionLabel(change.from()).split(" ")[0]).append("): ")
          .append(describe(change.plan().rulesFor(rep.role()))).append('\n');
    }
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
    return forDeal(plan, deal, reps, asOf, lines, List.of());
  }

  /** As above, with the customer's payments against the deal (payments.csv), in date order. */
  public static String forDeal(Plan plan, Deal deal, Map<String, Rep> reps, LocalDate asOf,
      List<LedgerLine> lines, List<dev.compsim.model.Payment> payments) {
    StringBuilder out = new StringBuilder();
    out.append("Deal ").append(TerminalText.cell(deal.id())).append(" under plan \"")
        .append(TerminalText.cell(plan.name()))
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
    if (!payments.isEmpty()) {
      BigDecimal paid = BigDecimal.ZERO;
      out.append("  customer payments:");
      for (dev.compsim.model.Payment payment : payments) {
        boolean known = !payment.date().isAfter(asOf);
        out.append(' ').append(Money.grouped(payment.amount())).append(" on ")
            .append(payment.date()).append(known ? "" : " (after as-of, not counted)").append(';');
        paid = known ? paid.add(payment.amount()) : paid;
      }
      out.append(' ').append(Money.grouped(paid)).append(" of ")
          .append(Money.grouped(deal.amount())).append(" paid as of ").append(asOf).append('\n');
    }
    if (lines.isEmpty()) {
      out.append("\nNo ledger lines: ").append(deal.won()
          ? "the deal closes after " + asOf : "only won deals pay").append(".\n");
      return out.toString();
    }
    appendByPeriod(out, lines, true);
    return out.toString();
  }

  /**
   * What a partner and its sellers are paid: its program terms under the plan, then its lines
   * (margin, referral fee, partner commission, upfront discount, rebates) and its sellers'
   * reward lines, by period.
   */
  public static String forPartner(Plan plan, Partner partner, LocalDate asOf,
      List<LedgerLine> lines) {
    StringBuilder out = new StringBuilder();
    out.append(TerminalText.cell(partner.name())).append(" (")
        .append(TerminalText.cell(partner.id())).append(", ")
        .append(partner.type()).append(partner.independent() ? ", independent" : ", assisted")
        .append(", ").append(partner.certifications()).append(" certifications")
        .append(partner.rebateEnrolled() ? ", enrolled in rebates" : "")
        .append(partner.tier() == null ? "" : ", tier " + partner.tier() + " in partners.csv")
        .append(") under plan \"").append(TerminalText.cell(plan.name())).append("\", as of ")
        .append(asOf)
        .append('\n');
    PartnerProgram program = plan.partners();
    out.append("Program years: ").append(ProgramCalendar.describe(plan, partner)).append('\n');
    out.append("Partner program: ").append(describe(program, partner)).append('\n');
    if (lines.isEmpty()) {
      out.append("\nNo ledger lines: nothing is paid to this partner or its sellers under this "
          + "plan as of ").append(asOf).append(".\n");
      return out.toString();
    }
    appendByPeriod(out, lines, true);
    BigDecimal cost = Money.ZERO;
    Map<String, BigDecimal> byComponent = new java.util.TreeMap<>();
    for (LedgerLine line : lines) {
      cost = cost.add(line.cost());
      byComponent.merge(line.component().code(), line.cost(), BigDecimal::add);
    }
    out.append('\n');
    byComponent.forEach((component, amount) -> out.append(String.format(java.util.Locale.ROOT,
        "%-18s %14s%n", component, Money.grouped(amount))));
    out.append("Cost to the company (paid + held): ").append(Money.grouped(cost)).append('\n');
    return out.toString();
  }

  private static String describe(PartnerProgram program, Partner partner) {
    List<String> parts = new java.util.ArrayList<>();
    BigDecimal margin = program.margin().get(partner.type());
    parts.add(margin == null ? "no margin for " + partner.type()
        : Money.percent(margin) + " " + partner.type() + " margin");
    if (program.selfSufficiency() != null) {
      parts.add(Money.percent(program.selfSufficiency().rateFor(partner)) + " partner commission ("
          + (partner.independent() ? "independent" : "assisted") + ")");
    }
    if (program.tiers() != null) {
      parts.add(program.tiers().basis().code() + "-based tiers");
    }
    if (!program.rebates().isEmpty()) {
      boolean listed = program.rebates().stream().anyMatch(r -> r.types().contains(partner.type()));
      parts.add(!listed ? "no rebate for " + partner.type()
          : partner.rebateEnrolled() ? "yearly rebate" : "not enrolled in the rebate");
    }
    if (program.upfront().containsKey(partner.type())) {
      parts.add(Money.percent(program.upfront().get(partner.type())) + " upfront discount");
    }
    if (program.repRewards() != null) {
      parts.add(program.repRewards().requiresRebateEnrollment() && !partner.rebateEnrolled()
          ? "no reward points (they need rebate enrollment)"
          : "reward points for its sellers");
    }
    return String.join("; ", parts);
  }

  private static void appendByPeriod(StringBuilder out, List<LedgerLine> lines,
      boolean showPayee) {
    // by period label, which sorts as the periods do (FY2026-Q4 before FY2027-Q1): lines the
    // engine makes after the deals (draws, rebates, prizes) join their own period
    Map<String, List<LedgerLine>> byPeriod = new java.util.TreeMap<>();
    for (LedgerLine line : lines) {
      byPeriod.computeIfAbsent(line.period(), k -> new java.util.ArrayList<>()).add(line);
    }
    for (Map.Entry<String, List<LedgerLine>> period : byPeriod.entrySet()) {
      out.append('\n').append(period.getKey()).append('\n');
      for (LedgerLine line : period.getValue()) {
        out.append("  ");
        if (showPayee) {
          out.append(String.format(java.util.Locale.ROOT, "%-10s ", line.payee()));
        }
        out.append(String.format(java.util.Locale.ROOT, "%-10s %-18s %-11s %12s  ",
            line.dealId() == null ? "-" : line.dealId(), line.component().code(),
            line.status().code(), Money.grouped(line.amount())));
        if (line.payDate() != null) {
          out.append("paid ").append(line.payDate()).append("  ");
        }
        out.append(line.trace() == null ? "" : TerminalText.cell(line.trace())).append('\n');
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
    BigDecimal drawn = Money.ZERO;
    BigDecimal recovered = Money.ZERO;
    boolean draws = false;
    for (LedgerLine line : lines) {
      if (line.component() == dev.compsim.engine.Component.DRAW) {
        drawn = drawn.add(line.amount());
        draws = true;
      } else if (line.component() == dev.compsim.engine.Component.DRAW_RECOVERY
          && line.status() == Status.PAID) {
        recovered = recovered.add(line.amount());
        draws = true;
      }
    }
    if (draws) {
      BigDecimal forgiven = byStatus.get(Status.FORGIVEN);
      out.append("\nDraws ").append(Money.grouped(drawn)).append(" − recovered ")
          .append(Money.grouped(recovered.negate())).append(" − forgiven ")
          .append(Money.grouped(forgiven.negate())).append(" = advance outstanding ")
          .append(Money.grouped(drawn.add(recovered).add(forgiven)));
    }
    BigDecimal cost = Money.ZERO;
    for (LedgerLine line : lines) {
      cost = cost.add(line.cost());
    }
    out.append("\nCost to the company (paid + released + held + clawed back): ")
        .append(Money.grouped(cost));
    return out.toString();
  }

  private static String describe(dev.compsim.model.Draw draw) {
    return Money.grouped(draw.amount()) + " a period, "
        + (draw.recoverable() ? "recoverable from commission above it" : "not recoverable (a guarantee)")
        + (draw.months() == null ? ", every period" : ", for " + draw.months()
            + " months from the rep's start")
        + (draw.recoverable() ? (draw.carry() ? "; a balance is carried into the next year"
            : "; a balance left at the year's end is forgiven") : "");
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
    if (rules.holdback().wholeOnPayment()) {
      out.append("; paid as the customer pays (pay_on: payment)");
    } else if (rules.holdback().holdsBack()) {
      out.append("; ").append(Money.percent(rules.holdback().share())).append(" held back until ")
          .append(rules.holdback().release().code());
    }
    return out.toString();
  }

  private static String name(Map<String, Rep> reps, String id) {
    Rep rep = reps.get(id);
    return TerminalText.cell(rep == null || rep.name().equals(id) ? id
        : rep.name() + " (" + id + ")");
  }

  /** Lines of a partner: its own lines and the reward lines of its sellers on its deals. */
  public static java.util.function.Predicate<LedgerLine> ofPartner(String partnerId,
      List<Deal> deals) {
    java.util.Set<String> dealIds = new java.util.HashSet<>();
    for (Deal deal : deals) {
      if (partnerId.equals(deal.partner())) {
        dealIds.add(deal.id());
      }
    }
    return line -> line.payeeKind() == PayeeKind.PARTNER ? line.payee().equals(partnerId)
        : line.payeeKind() == PayeeKind.PARTNER_REP && dealIds.contains(line.dealId());
  }

  /** Lines of a rep: their own payee lines. */
  public static boolean ofRep(LedgerLine line, String repId) {
    return line.payeeKind() == PayeeKind.REP && line.payee().equals(repId);
  }
}
