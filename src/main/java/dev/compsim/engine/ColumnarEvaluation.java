package dev.compsim.engine;

import dev.compsim.model.Credit;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Holdback;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Rules;
import dev.compsim.model.Spiff;
import dev.compsim.model.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One plan priced over a {@link DealTable} in long cents, summing its ledger without making a
 * line: the engine's fast path for figures that need sums only (the totals of {@code run}).
 *
 * <p>It asks the same rules as {@link Evaluation}, once per shape instead of once per deal:
 * {@link Recipients} per team, {@link PartnerTerms} and {@link PartnerPay} per terms shape (and
 * partner tier), {@link Crediting} per terms shape and credit class (a recipient role's credit
 * rules and share), then applies their answers to each deal's amount in cents: credit is linear in
 * the amount, and each partner line is the amount × its rate rounded half-even once. Commission
 * runs on {@link LongSchedule}, the split on {@link HoldbackSplit#lines}, the deal spiffs on
 * {@link Evaluation#dealSpiffDate}; activity spiffs, rebates and prizes come from
 * {@link Evaluation#programs} itself. {@code ColumnarDriftTest} holds the sums equal to the
 * ledger's.
 */
final class ColumnarEvaluation implements HoldbackSplit.CentLines {
  /** Beyond this many days between the first and last close, periods are not tabulated. */
  private static final int MAX_DAYS = 1 << 20;

  private final Engine engine;
  private final Plan plan;
  private final DealTable table;
  private final DataSet data;
  private final LocalDate asOf;
  private final List<Rep> reps;

  // the ledger's sums, as the lines would add them
  private final long[] byStatus = new long[Status.values().length];
  private final long[] costByComponent = new long[Component.values().length];
  private final long[] repCost;
  private final boolean[] repHasCost;
  private long rep;
  private long channel;
  private long lines;
  private int current; // the payee of the commission being split

  private ColumnarEvaluation(Engine engine, Plan plan) {
    this.engine = engine;
    this.plan = plan;
    this.table = engine.table();
    this.data = engine.data();
    this.asOf = engine.asOf();
    this.reps = table.reps;
    this.repCost = new long[reps.size()];
    this.repHasCost = new boolean[reps.size()];
  }

  /**
   * The sums of the plan's ledger, or null when its numbers do not fit long cents (an amount
   * with fractions of a cent, a product beyond a long): the decimal ledger prices those.
   */
  static LedgerSums sums(Engine engine, Plan plan) {
    if (!priced(plan)) {
      return null;
    }
    try {
      return new ColumnarEvaluation(engine, plan).run();
    } catch (ArithmeticException notInLongs) {
      return null;
    }
  }

  /**
   * Whether the columnar pass prices the plan: not yet one with draws (settled per rep and period
   * on the commission lines) or with effective-dated versions (a version per close date); the
   * ledger prices those.
   */
  static boolean priced(Plan plan) {
    return !Draws.draws(plan) && !plan.isEffectiveDated();
  }

  /**
   * Who each team credits, as {@link Recipients} says, in flat arrays: team t's recipients are
   * {@code start[t]} to {@code start[t + 1]}, owner first, each a rep index and a credit class.
   * It depends on the plan only through the credit rules of each rep's role, so plans alike in
   * those share it ({@link DealTable#teams}).
   */
  record Teams(int[] start, int[] payee, int[] creditClass, List<CreditClass> classes) {}

  /** A recipient's credit rules and share: with a terms shape, its credit per unit of amount. */
  record CreditClass(Credit credit, BigDecimal share) {}

  /** A terms shape under the plan (and the partner's tier): its margin and partner lines. */
  private static final class TermsRule {
    final Deal deal;
    final PartnerTerms terms;
    final int[] component;
    final long[] rate; // per line, in units of 1 / divisor
    final long[] divisor; // 10^(scale of the rate + 2): cents × rate / divisor is the line
    long[] multiplier; // per credit class: credit units (10^-s) per cent of amount

    TermsRule(Deal deal, PartnerTerms terms, List<PartnerPay.Line> partnerLines) {
      this.deal = deal;
      this.terms = terms;
      int n = partnerLines.size();
      component = new int[n];
      rate = new long[n];
      divisor = new long[n];
      for (int l = 0; l < n; l++) {
        PartnerPay.Line line = partnerLines.get(l);
        BigDecimal r = line.rate().stripTrailingZeros();
        int scale = Math.max(0, r.scale());
        component[l] = line.component().ordinal();
        rate[l] = r.movePointRight(scale).longValueExact();
        divisor[l] = BigDecimal.TEN.pow(scale).longValueExact();
      }
    }
  }

  private LedgerSums run() {
    long[] cents = table.centsIn(engine, plan);
    int days = table.lastDay - table.firstDay + 1;
    if (cents == null || days > MAX_DAYS) {
      return null;
    }
    int n = table.size();
    // the period of every close date, as its first day
    int[] periodOfDay = new int[Math.max(days, 0)];
    for (int d = 0; d < days; d++) {
      LocalDate day = LocalDate.ofEpochDay(table.firstDay + (long) d);
      periodOfDay[d] = Math.toIntExact(plan.calendar().periodOf(day).start().toEpochDay());
    }

    // who each team credits, and with which credit class
    List<Credit> creditRules = new ArrayList<>(reps.size());
    for (Rep who : reps) {
      creditRules.add(plan.rulesFor(who.role()).credit());
    }
    Teams teams = table.teams.computeIfAbsent(creditRules, k -> teams());
    List<CreditClass> classes = teams.classes();

    // the terms of every deal: by terms shape, and by partner tier where the plan has tiers
    PartnerTiers tiers = PartnerTiers.of(plan, engine);
    List<TermsRule> termsRules = new ArrayList<>();
    int[] termsOf = new int[n];
    int[] plain = new int[table.termsShapes()];
    Arrays.fill(plain, -1);
    Map<PartnerTiers.Standing, Map<Integer, Integer>> tiered = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      int shape = table.terms[i];
      Deal deal = table.termsDeal[shape];
      PartnerTiers.Standing standing = null;
      Partner partner = null;
      if (deal.hasPartner() && (plain[shape] < 0 || tiers.active())) {
        partner = data.partners().get(deal.partner());
        standing = tiers.standing(partner, LocalDate.ofEpochDay(table.closeDay[i]));
      }
      if (standing == null || standing.level() == null) {
        if (plain[shape] < 0) {
          PartnerTerms terms = partner == null ? PartnerTerms.NONE
              : PartnerTerms.of(deal, partner, plan.partners(), BigDecimal.ZERO, null, false);
          plain[shape] = add(termsRules, deal, partner, terms);
        }
        termsOf[i] = plain[shape];
      } else {
        Map<Integer, Integer> byShape = tiered.computeIfAbsent(standing, k -> new HashMap<>());
        Integer known = byShape.get(shape);
        if (known == null) {
          PartnerTerms terms = PartnerTerms.of(deal, partner, plan.partners(),
              standing.extraMargin(), standing.level().name(), false);
          known = add(termsRules, deal, partner, terms);
          byShape.put(shape, known);
        }
        termsOf[i] = known;
      }
    }

    // the unit of credit: the finest scale any credit, tier bound or cap needs
    BigDecimal[][] factor = new BigDecimal[termsRules.size()][classes.size()];
    int scale = Money.SCALE;
    for (int m = 0; m < factor.length; m++) {
      TermsRule rule = termsRules.get(m);
      for (int c = 0; c < classes.size(); c++) {
        CreditClass cls = classes.get(c);
        factor[m][c] = Crediting.credit(cls.credit(), rule.deal, BigDecimal.ONE, rule.terms,
            cls.share(), null, false).credit().stripTrailingZeros();
        scale = Math.max(scale, factor[m][c].scale() + Money.SCALE);
      }
    }
    int rateScale = 0;
    for (Rep who : reps) {
      Rules rules = plan.rulesFor(who.role());
      for (Tier tier : rules.commission().tiers()) {
        rateScale = Math.max(rateScale, tier.rate().stripTrailingZeros().scale());
        if (tier.to() != null) {
          scale = Math.max(scale, tier.to().multiply(who.quota()).stripTrailingZeros().scale());
        }
      }
      if (rules.commission().cap() != null) {
        scale = Math.max(scale,
            rules.commission().cap().multiply(who.quota()).stripTrailingZeros().scale());
      }
    }
    for (int m = 0; m < factor.length; m++) {
      long[] multiplier = new long[classes.size()];
      for (int c = 0; c < multiplier.length; c++) {
        // credit in units of 10^-scale = cents × factor × 10^(scale - 2)
        multiplier[c] = factor[m][c].movePointRight(scale - Money.SCALE).longValueExact();
      }
      termsRules.get(m).multiplier = multiplier;
    }

    // each payee's schedule, holdback split and credit so far in its period
    int payees = reps.size();
    int periodsPerYear = plan.calendar().length().perYear();
    LongSchedule[] schedule = new LongSchedule[payees];
    HoldbackSplit[] split = new HoldbackSplit[payees];
    int[] holdbackOf = new int[payees];
    List<Holdback> holdbacks = new ArrayList<>();
    for (int p = 0; p < payees; p++) {
      Rules rules = plan.rulesFor(reps.get(p).role());
      schedule[p] = new LongSchedule(rules.commission(), reps.get(p).quota(), periodsPerYear,
          scale, rateScale);
      split[p] = HoldbackSplit.of(rules.holdback());
      int h = holdbacks.indexOf(rules.holdback());
      if (h < 0) {
        holdbacks.add(rules.holdback());
        h = holdbacks.size() - 1;
      }
      holdbackOf[p] = h;
    }
    int[] period = new int[payees];
    Arrays.fill(period, Integer.MIN_VALUE);
    long[] credit = new long[payees];
    long[] total = new long[payees];
    HoldbackOutcome[] outcome = new HoldbackOutcome[holdbacks.size()];

    List<Spiff> dealSpiffs = new ArrayList<>();
    for (Spiff spiff : plan.spiffs()) {
      if (!(spiff instanceof Spiff.ActivitySpiff)) {
        dealSpiffs.add(spiff);
      }
    }
    Spiff[] spiffs = dealSpiffs.toArray(Spiff[]::new);
    long[] spiffCents = new long[spiffs.length];
    for (int s = 0; s < spiffs.length; s++) {
      spiffCents[s] = Money.round(spiffs[s].amount()).movePointRight(Money.SCALE)
          .longValueExact();
    }

    int spiffComponent = Component.SPIFF.ordinal();
    int[] teamStart = teams.start();
    int[] teamPayee = teams.payee();
    int[] teamClass = teams.creditClass();
    for (int i = 0; i < n; i++) {
      long amount = cents[i];
      int p = periodOfDay[table.closeDay[i] - table.firstDay];
      int team = table.team[i];
      TermsRule terms = termsRules.get(termsOf[i]);
      Arrays.fill(outcome, null);
      Deal deal = null; // made from the columns when a rule reads the deal itself
      for (int r = teamStart[team], end = teamStart[team + 1]; r < end; r++) {
        int who = teamPayee[r];
        if (period[who] != p) {
          period[who] = p;
          credit[who] = 0;
          total[who] = 0;
        }
        long after = Math.addExact(credit[who],
            Math.multiplyExact(amount, terms.multiplier[teamClass[r]]));
        long totalAfter = schedule[who].total(after);
        long earned = schedule[who].commission(total[who], totalAfter);
        credit[who] = after;
        total[who] = totalAfter;
        current = who;
        HoldbackSplit rule = split[who];
        if (rule.holdback().onPayment()) {
          // pay when paid: the release follows the deal's payments, in decimals as the ledger
          deal = deal == null ? table.deal(i) : deal;
          HoldbackSplit.Split parts = rule.split(BigDecimal.valueOf(earned, Money.SCALE),
              deal, asOf, false);
          if (parts.onPayment()) {
            for (PaymentRelease.Part part : PaymentRelease.lines(parts, deal,
                data.payments().forDeal(deal.id()), asOf, null, null, null)) {
              line(part.status(), part.amount().movePointRight(Money.SCALE).longValueExact());
            }
            continue;
          }
        }
        HoldbackOutcome known = null;
        if (rule.dependsOnOutcome() && rule.needsOutcome(earned)) {
          int h = holdbackOf[who];
          if (outcome[h] == null) {
            deal = deal == null ? table.deal(i) : deal;
            outcome[h] = HoldbackOutcome.of(holdbacks.get(h), deal, asOf, false);
          }
          known = outcome[h];
        }
        rule.lines(earned, known, this);
      }
      if (spiffs.length > 0) {
        int owner = teamPayee[teamStart[team]];
        deal = deal == null ? table.deal(i) : deal;
        for (int s = 0; s < spiffs.length; s++) {
          if (Evaluation.dealSpiffDate(spiffs[s], deal, asOf) != null) {
            repLine(owner, spiffComponent, Status.PAID, spiffCents[s]);
          }
        }
      }
      for (int l = 0; l < terms.rate.length; l++) {
        long line = Money.divideHalfEven(Math.multiplyExact(amount, terms.rate[l]),
            terms.divisor[l]);
        lines++;
        byStatus[0] = Math.addExact(byStatus[0], line);
        costByComponent[terms.component[l]] =
            Math.addExact(costByComponent[terms.component[l]], line);
        channel = Math.addExact(channel, line);
      }
    }

    LedgerSums sums = new LedgerSums();
    Map<String, Long> perRep = new HashMap<>();
    for (int p = 0; p < payees; p++) {
      if (repHasCost[p]) {
        perRep.put(reps.get(p).id(), repCost[p]);
      }
    }
    sums.addAll(byStatus, costByComponent, rep, channel, lines, perRep);
    new Evaluation(engine, plan, sums, false).programs();
    return sums;
  }

  private Teams teams() {
    List<CreditClass> classes = new ArrayList<>();
    Map<CreditClass, Integer> classIndex = new HashMap<>();
    int[] start = new int[table.teams() + 1];
    int[] payee = new int[table.teams() + 8];
    int[] creditClass = new int[payee.length];
    int next = 0;
    for (int t = 0; t < table.teams(); t++) {
      start[t] = next;
      Deal deal = table.teamDeal[t];
      Partner partner = deal.hasPartner() ? data.partners().get(deal.partner()) : null;
      Credit team = plan.rulesFor(data.rep(deal.owner()).role()).credit();
      for (Recipients.Recipient recipient : Recipients.of(team, deal, partner)) {
        Rep who = data.rep(recipient.rep());
        if (next == payee.length) {
          payee = Arrays.copyOf(payee, next * 2);
          creditClass = Arrays.copyOf(creditClass, next * 2);
        }
        payee[next] = table.repIndex.get(who.id());
        creditClass[next] = classIndex.computeIfAbsent(
            new CreditClass(plan.rulesFor(who.role()).credit(), recipient.share()), k -> {
              classes.add(k);
              return classes.size() - 1;
            });
        next++;
      }
    }
    start[table.teams()] = next;
    return new Teams(start, Arrays.copyOf(payee, next), Arrays.copyOf(creditClass, next),
        List.copyOf(classes));
  }

  private int add(List<TermsRule> rules, Deal deal, Partner partner, PartnerTerms terms) {
    // the rates do not depend on the amount: ask with one unit of it
    List<PartnerPay.Line> partnerLines =
        PartnerPay.of(plan, deal, partner, terms, BigDecimal.ONE, false);
    rules.add(new TermsRule(deal, terms, partnerLines));
    return rules.size() - 1;
  }

  /** A commission line of the payee being split. */
  @Override
  public void line(Status status, long cents) {
    repLine(current, Component.COMMISSION.ordinal(), status, cents);
  }

  private void repLine(int who, int component, Status status, long cents) {
    lines++;
    byStatus[status.ordinal()] = Math.addExact(byStatus[status.ordinal()], cents);
    if (status.countsAsCost()) {
      costByComponent[component] = Math.addExact(costByComponent[component], cents);
      rep = Math.addExact(rep, cents);
      repCost[who] = Math.addExact(repCost[who], cents);
      repHasCost[who] = true;
    }
  }
}
