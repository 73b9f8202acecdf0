package dev.compsim.engine;

import dev.compsim.model.Credit;
import dev.compsim.model.DataSet;
import dev.compsim.model.DealColumns;
import dev.compsim.model.Deal;
import dev.compsim.model.Holdback;
import dev.compsim.model.Implementation;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.Payments;
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
import java.util.Objects;

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
 * {@link Evaluation#dealSpiffPays}; activity spiffs, rebates and prizes come from
 * {@link Evaluation#programs} itself, and so do the draws' settlements, on the commission this
 * pass counts per payee and period ({@link Draws#counts}). A plan that changes on a date prices
 * each deal by its close date's version. {@code ColumnarDriftTest} holds the sums equal to the
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
  private int currentPeriod; // and the first day of its period
  /**
   * With draws: each payee's commission earned per period, in cents, keyed by payee and the
   * period's first day, as {@link Draws#counting} counts the ledger's lines; null without.
   */
  private final Map<Long, long[]> earned;

  private ColumnarEvaluation(Engine engine, Plan plan) {
    this.engine = engine;
    this.plan = plan;
    this.table = engine.table();
    this.data = engine.data();
    this.asOf = engine.asOf();
    this.reps = table.reps;
    this.repCost = new long[reps.size()];
    this.repHasCost = new boolean[reps.size()];
    this.earned = Draws.draws(plan) ? new HashMap<>() : null;
  }

  /**
   * The sums of the plan's ledger, or null when its numbers do not fit long cents (an amount
   * with fractions of a cent, a product beyond a long): the decimal ledger prices those.
   */
  static LedgerSums sums(Engine engine, Plan plan) {
    try {
      return new ColumnarEvaluation(engine, plan).run();
    } catch (ArithmeticException notInLongs) {
      return null;
    }
  }

  /**
   * Who each team credits, as {@link Recipients} says, in flat arrays: team t's recipients are
   * {@code start[t]} to {@code start[t + 1]}, owner first, each a rep index and a credit class.
   * It depends on the plan only through the credit rules of each rep's role, so plans alike in
   * those share it ({@link DealTable#teams}).
   */
  record Teams(int[] start, int[] payee, int[] creditClass, List<CreditClass> classes) {}

  /**
   * Who each team credits and with which share, {@link Recipients} in flat arrays: team t's
   * recipients are {@code start[t]} to {@code start[t + 1]}, each a rep index and an index into
   * {@code shares}. {@link Recipients} reads only the owner's team rules (team mode, assist
   * share, channel manager overlay), so plans alike in those, whatever their other credit rules,
   * share it ({@link DealTable#layouts}); a plan's {@link Teams} then only numbers the classes.
   */
  record Layout(int[] start, int[] payee, int[] share, List<BigDecimal> shares) {}

  /** A recipient's credit rules and share: with a terms shape, its credit per unit of amount. */
  record CreditClass(Credit credit, BigDecimal share) {
    // hash and equality written out, as the record's own would answer: those go through method
    // handles, which the C1 compiler a run uses does not inline, and a team table hashes one
    // per recipient (with Credit's, a tenth of a second per table on a million deals)
    @Override
    public int hashCode() {
      return Objects.hashCode(credit) * 31 + Objects.hashCode(share);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CreditClass c && Objects.equals(share, c.share)
          && Objects.equals(credit, c.credit);
    }
  }

  /** A terms shape under the plan (and the partner's tier): its margin and partner lines. */
  private static final class TermsRule {
    final int version; // the plan's version this rule is of, 0 for the plan as written
    final Deal deal;
    final PartnerTerms terms;
    final int[] component;
    final long[] rate; // per line, in units of 1 / divisor
    final long[] divisor; // 10^(scale of the rate + 2): cents × rate / divisor is the line
    long[] multiplier; // per credit class: credit units (10^-s) per cent of amount

    TermsRule(int version, Deal deal, PartnerTerms terms, List<PartnerPay.Line> partnerLines) {
      this.version = version;
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
    // the period of every close date, as its first day, and the version in force on it
    List<Plan> versions = new ArrayList<>();
    versions.add(plan);
    plan.changes().forEach(change -> versions.add(change.plan()));
    int[] periodOfDay = new int[Math.max(days, 0)];
    int[] versionOfDay = new int[periodOfDay.length];
    for (int d = 0; d < days; d++) {
      LocalDate day = LocalDate.ofEpochDay(table.firstDay + (long) d);
      periodOfDay[d] = Math.toIntExact(plan.calendar().periodOf(day).start().toEpochDay());
      versionOfDay[d] = plan.isEffectiveDated() ? plan.versionNumber(day) - 1 : 0;
    }

    // who each team credits, and with which credit class, under each version
    int count = versions.size();
    Teams[] teams = new Teams[count];
    for (int v = 0; v < count; v++) {
      Plan version = versions.get(v);
      List<Credit> creditRules = new ArrayList<>(reps.size());
      for (Rep who : reps) {
        creditRules.add(version.rulesFor(who.role()).credit());
      }
      teams[v] = table.teams.computeIfAbsent(creditRules, k -> teams(creditRules));
    }

    // the terms of every deal under its version: by terms shape, and by partner tier where the
    // version has tiers
    PartnerTiers[] tiers = new PartnerTiers[count];
    int[][] plain = new int[count][table.termsShapes()];
    List<Map<PartnerTiers.Standing, Map<Integer, Integer>>> tiered = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      tiers[v] = PartnerTiers.of(versions.get(v), engine);
      Arrays.fill(plain[v], -1);
      tiered.add(new IdentityHashMap<>());
    }
    List<TermsRule> termsRules = new ArrayList<>();
    // each deal's rule as termsRule[termsMap[termsKey[i]]]: by deal when the rule can depend
    // on the deal's date (versions, partner tiers), else by terms shape, found once a shape
    // rather than in a pass over every deal
    int[] termsKey;
    int[] termsMap;
    if (count == 1 && !tiers[0].active()) {
      termsKey = table.terms;
      termsMap = new int[table.termsShapes()];
      for (int shape = 0; shape < termsMap.length; shape++) {
        Deal deal = table.termsDeal[shape];
        Partner partner = deal.hasPartner() ? data.partners().get(deal.partner()) : null;
        PartnerTerms terms = partner == null ? PartnerTerms.NONE
            : PartnerTerms.of(deal, partner, plan.partners(), BigDecimal.ZERO, null, false);
        termsMap[shape] = add(termsRules, 0, plan, deal, partner, terms);
      }
    } else {
      termsKey = new int[n];
      termsMap = null; // set below: each rule is its own
    }
    int[] termsOf = termsKey;
    boolean byDeal = termsMap == null;
    for (int i = 0; byDeal && i < n; i++) {
      int v = versionOfDay[table.closeDay[i] - table.firstDay];
      Plan version = versions.get(v);
      int shape = table.terms[i];
      Deal deal = table.termsDeal[shape];
      PartnerTiers.Standing standing = null;
      Partner partner = null;
      if (deal.hasPartner() && (plain[v][shape] < 0 || tiers[v].active())) {
        partner = data.partners().get(deal.partner());
        standing = tiers[v].standing(partner, LocalDate.ofEpochDay(table.closeDay[i]));
      }
      if (standing == null || standing.level() == null) {
        if (plain[v][shape] < 0) {
          PartnerTerms terms = partner == null ? PartnerTerms.NONE
              : PartnerTerms.of(deal, partner, version.partners(), BigDecimal.ZERO, null, false);
          plain[v][shape] = add(termsRules, v, version, deal, partner, terms);
        }
        termsOf[i] = plain[v][shape];
      } else {
        Map<Integer, Integer> byShape =
            tiered.get(v).computeIfAbsent(standing, k -> new HashMap<>());
        Integer known = byShape.get(shape);
        if (known == null) {
          PartnerTerms terms = PartnerTerms.of(deal, partner, version.partners(),
              standing.extraMargin(), standing.level().name(), false);
          known = add(termsRules, v, version, deal, partner, terms);
          byShape.put(shape, known);
        }
        termsOf[i] = known;
      }
    }
    if (byDeal) {
      termsMap = new int[termsRules.size()];
      // a loop, not Arrays.setAll with a lambda: the first plan to come here (a partner tier in
      // force, or several versions) loaded a second IntUnaryOperator, and every compiled version
      // of this method, which had inlined setAll for the only one loaded before, was thrown away
      // while the other plans ran (-XX:+LogCompilation, ten plans on a million deals)
      for (int m = 0; m < termsMap.length; m++) {
        termsMap[m] = m;
      }
    }

    // the unit of credit: the finest scale any credit, tier bound or cap of any version needs
    BigDecimal[][] factor = new BigDecimal[termsRules.size()][];
    int scale = Money.SCALE;
    for (int m = 0; m < factor.length; m++) {
      TermsRule rule = termsRules.get(m);
      List<CreditClass> classes = teams[rule.version].classes();
      factor[m] = new BigDecimal[classes.size()];
      for (int c = 0; c < classes.size(); c++) {
        CreditClass cls = classes.get(c);
        factor[m][c] = Crediting.credit(cls.credit(), rule.deal, BigDecimal.ONE, rule.terms,
            cls.share(), null, false).credit().stripTrailingZeros();
        scale = Math.max(scale, factor[m][c].scale() + Money.SCALE);
      }
    }
    int rateScale = 0;
    for (Plan version : versions) {
      for (Rep who : reps) {
        Rules rules = version.rulesFor(who.role());
        for (Tier tier : rules.commission().tiers()) {
          rateScale = Math.max(rateScale, tier.rate().stripTrailingZeros().scale());
          if (tier.to() != null) {
            scale = Math.max(scale,
                tier.to().multiply(who.quota()).stripTrailingZeros().scale());
          }
        }
        if (rules.commission().cap() != null) {
          scale = Math.max(scale,
              rules.commission().cap().multiply(who.quota()).stripTrailingZeros().scale());
        }
      }
    }
    for (int m = 0; m < factor.length; m++) {
      long[] multiplier = new long[factor[m].length];
      for (int c = 0; c < multiplier.length; c++) {
        // credit in units of 10^-scale = cents × factor × 10^(scale - 2)
        multiplier[c] = factor[m][c].movePointRight(scale - Money.SCALE).longValueExact();
      }
      termsRules.get(m).multiplier = multiplier;
    }

    // each payee's schedule and holdback split under each version, and credit so far in its
    // period (carried across a change of version, as the ledger carries attainment)
    int payees = reps.size();
    int periodsPerYear = plan.calendar().length().perYear();
    LongSchedule[][] schedules = new LongSchedule[count][payees];
    HoldbackSplit[][] splits = new HoldbackSplit[count][payees];
    int[][] holdbacksOf = new int[count][payees];
    List<Holdback> holdbacks = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      for (int p = 0; p < payees; p++) {
        Rules rules = versions.get(v).rulesFor(reps.get(p).role());
        schedules[v][p] = new LongSchedule(rules.commission(), reps.get(p).quota(),
            periodsPerYear, scale, rateScale);
        splits[v][p] = HoldbackSplit.of(rules.holdback());
        int h = holdbacks.indexOf(rules.holdback());
        if (h < 0) {
          holdbacks.add(rules.holdback());
          h = holdbacks.size() - 1;
        }
        holdbacksOf[v][p] = h;
      }
    }
    int[] period = new int[payees];
    Arrays.fill(period, Integer.MIN_VALUE);
    int[] payeeVersion = new int[payees];
    long[] credit = new long[payees];
    long[] total = new long[payees];
    HoldbackOutcome[] outcome = new HoldbackOutcome[holdbacks.size()];

    Spiff[][] spiffsOf = new Spiff[count][];
    long[][] spiffCentsOf = new long[count][];
    for (int v = 0; v < count; v++) {
      List<Spiff> dealSpiffs = new ArrayList<>();
      for (Spiff spiff : versions.get(v).spiffs()) {
        if (!(spiff instanceof Spiff.ActivitySpiff)) {
          dealSpiffs.add(spiff);
        }
      }
      spiffsOf[v] = dealSpiffs.toArray(Spiff[]::new);
      spiffCentsOf[v] = new long[spiffsOf[v].length];
      for (int s = 0; s < spiffsOf[v].length; s++) {
        spiffCentsOf[v][s] = Money.round(spiffsOf[v][s].amount()).movePointRight(Money.SCALE)
            .longValueExact();
      }
    }

    int spiffComponent = Component.SPIFF.ordinal();
    // what the loop reads, in locals: C1, which run uses on a million deals, reloads a field
    // or calls an accessor on every use
    int[] closeDayOf = table.closeDay;
    Implementation[] implementationOf = table.implementation;
    int[] implementationDayOf = table.implementationDay;
    long asOfDay = asOf.toEpochDay();
    int firstDay = table.firstDay;
    int[] teamOf = table.team;
    TermsRule[] termsRule = termsRules.toArray(TermsRule[]::new);
    int[][] teamStarts = new int[count][];
    int[][] teamPayees = new int[count][];
    int[][] teamClasses = new int[count][];
    boolean[][] onPayment = new boolean[count][payees];
    for (int v = 0; v < count; v++) {
      teamStarts[v] = teams[v].start();
      teamPayees[v] = teams[v].payee();
      teamClasses[v] = teams[v].creditClass();
      for (int who = 0; who < payees; who++) {
        onPayment[v][who] = splits[v][who].holdback().onPayment();
      }
    }
    // the payments as columns, for pay-when-paid holdbacks (null without one, or when the
    // payments are not kept by row)
    boolean paysWhenPaid = false;
    for (boolean[] byPayee : onPayment) {
      for (boolean on : byPayee) {
        paysWhenPaid |= on;
      }
    }
    Payments.Cents paid = paysWhenPaid ? table.paymentCents(data.payments()) : null;
    int[] outcomeDeal = new int[holdbacks.size()]; // the deal each outcome is of
    Arrays.fill(outcomeDeal, -1);
    for (int i = 0; i < n; i++) {
      long amount = cents[i];
      int day = closeDayOf[i] - firstDay;
      int p = periodOfDay[day];
      int v = versionOfDay[day];
      int team = teamOf[i];
      TermsRule terms = termsRule[termsMap[termsKey[i]]];
      int[] teamStart = teamStarts[v];
      int[] teamPayee = teamPayees[v];
      int[] teamClass = teamClasses[v];
      LongSchedule[] schedule = schedules[v];
      for (int r = teamStart[team], end = teamStart[team + 1]; r < end; r++) {
        int who = teamPayee[r];
        if (period[who] != p) {
          period[who] = p;
          payeeVersion[who] = v;
          credit[who] = 0;
          total[who] = 0;
        } else if (payeeVersion[who] != v) {
          // a change within the period: the new version's tiers from where attainment stands
          payeeVersion[who] = v;
          total[who] = schedule[who].total(credit[who]);
        }
        long after = Math.addExact(credit[who],
            Money.multiplyExact(amount, terms.multiplier[teamClass[r]]));
        long totalAfter = schedule[who].total(after);
        long earned = schedule[who].commission(total[who], totalAfter);
        credit[who] = after;
        total[who] = totalAfter;
        current = who;
        currentPeriod = p;
        HoldbackSplit rule = splits[v][who];
        if (onPayment[v][who] && rule.held(earned) != 0) {
          // pay when paid: the held part is released as the deal's payments come in, in cents
          // (the payments' columns, or the deal's own when they are not kept by row), else in
          // decimals as the ledger
          long held = rule.held(earned);
          Payments.Cents own = paid != null ? paid
              : Payments.Cents.of(table.payments(i, data.payments()));
          int row = paid != null ? table.row(i) : 0;
          if (!PaymentRelease.centLines(held, earned - held, table.invoiceCents(i), own.days(),
              own.cents(), own.start(row), own.end(row), asOfDay, this)) {
            int at = i;
            HoldbackSplit.Split parts = rule.split(BigDecimal.valueOf(earned, Money.SCALE),
                () -> HoldbackOutcome.of(rule.holdback(), closeDayOf[at], implementationOf[at],
                    implementationDayOf[at], asOfDay, false));
            for (PaymentRelease.Part part : PaymentRelease.lines(parts, table.invoice(i),
                table.closeDate(i), table.payments(i, data.payments()), asOf, null, null,
                null)) {
              line(part.status(), part.amount().movePointRight(Money.SCALE).longValueExact());
            }
          }
          continue;
        }
        HoldbackOutcome known = null;
        if (rule.dependsOnOutcome() && rule.needsOutcome(earned)) {
          int h = holdbacksOf[v][who];
          if (outcomeDeal[h] != i) {
            outcomeDeal[h] = i;
            outcome[h] = HoldbackOutcome.of(holdbacks.get(h), closeDayOf[i],
                implementationOf[i], implementationDayOf[i], asOfDay, false);
          }
          known = outcome[h];
        }
        rule.lines(earned, known, this);
      }
      Spiff[] spiffs = spiffsOf[v];
      if (spiffs.length > 0) {
        int owner = teamPayee[teamStart[team]];
        boolean hasPartner = terms.deal.hasPartner(); // the partner is part of the terms shape
        for (int s = 0; s < spiffs.length; s++) {
          if (Evaluation.dealSpiffPays(spiffs[s], hasPartner, implementationOf[i],
              implementationDayOf[i], asOfDay)) {
            repLine(owner, spiffComponent, Status.PAID, spiffCentsOf[v][s]);
          }
        }
      }
      for (int l = 0; l < terms.rate.length; l++) {
        long line = Money.divideHalfEven(Money.multiplyExact(amount, terms.rate[l]),
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
    Evaluation programs = new Evaluation(engine, plan, sums, false);
    if (earned != null) {
      // the draws settle on the commission earned per period, as the ledger's lines count it
      for (Map.Entry<Long, long[]> e : earned.entrySet()) {
        String who = reps.get((int) (e.getKey() >>> 32)).id();
        String label = plan.calendar().periodOf(LocalDate.ofEpochDay((int) (long) e.getKey()))
            .label();
        programs.draws().earn(who, label, BigDecimal.valueOf(e.getValue()[0], Money.SCALE));
      }
    }
    programs.programs();
    return sums;
  }

  /**
   * The teams under credit rules {@code creditRules} (by rep index): the layout of their team
   * rules, its recipients numbered into credit classes in the order they first appear.
   */
  private Teams teams(List<Credit> creditRules) {
    List<Credit> teamRules = new ArrayList<>(creditRules.size());
    for (Credit credit : creditRules) {
      teamRules.add(Recipients.teamRules(credit));
    }
    Layout layout = table.layouts.computeIfAbsent(teamRules, k -> layout(teamRules));
    int shares = layout.shares().size();
    int[] classOf = new int[creditRules.size() * shares]; // by payee and share, + 1; 0: none yet
    List<CreditClass> classes = new ArrayList<>();
    Map<CreditClass, Integer> classIndex = new HashMap<>();
    int[] payee = layout.payee();
    int[] share = layout.share();
    int[] creditClass = new int[payee.length];
    for (int r = 0; r < payee.length; r++) {
      int at = payee[r] * shares + share[r];
      if (classOf[at] == 0) {
        CreditClass key = new CreditClass(creditRules.get(payee[r]),
            layout.shares().get(share[r]));
        Integer known = classIndex.get(key);
        if (known == null) {
          known = classes.size();
          classes.add(key);
          classIndex.put(key, known);
        }
        classOf[at] = known + 1;
      }
      creditClass[r] = classOf[at] - 1;
    }
    return new Teams(layout.start(), payee, creditClass, List.copyOf(classes));
  }

  /** The layout of the teams when each rep's role has the team rules {@code teamRules}. */
  private Layout layout(List<Credit> teamRules) {
    List<BigDecimal> shares = new ArrayList<>();
    Map<BigDecimal, Integer> shareIndex = new HashMap<>();
    int[] start = new int[table.teams() + 1];
    int[] payee = new int[table.teams() + 8];
    int[] share = new int[payee.length];
    int next = 0;
    for (int t = 0; t < table.teams(); t++) {
      start[t] = next;
      // the team's first deal, read off its columns: a team is all the rule reads
      DealColumns deals = table.columns();
      int row = table.teamRow[t];
      String owner = deals.owner(row);
      String partnerId = deals.partner(row);
      Partner partner = partnerId != null ? data.partners().get(partnerId) : null;
      Credit team = teamRules.get(table.repIndex.get(owner));
      List<Recipients.Recipient> recipients;
      try {
        recipients = Recipients.of(team, owner, deals.assists(row),
            Deal.throughPartner(partnerId, deals.partnerRole(row)), partner);
      } catch (IllegalStateException overflow) {
        throw new IllegalStateException("deal " + deals.id(row) + ": " + overflow.getMessage());
      }
      // by index, and get then put: an iterator and a lambda per team (70,000 in a million
      // generated deals) were garbage
      for (int r = 0; r < recipients.size(); r++) {
        Recipients.Recipient recipient = recipients.get(r);
        if (next == payee.length) {
          payee = Arrays.copyOf(payee, next * 2);
          share = Arrays.copyOf(share, next * 2);
        }
        payee[next] = table.repIndex.get(recipient.rep());
        Integer known = shareIndex.get(recipient.share());
        if (known == null) {
          known = shares.size();
          shares.add(recipient.share());
          shareIndex.put(recipient.share(), known);
        }
        share[next] = known;
        next++;
      }
    }
    start[table.teams()] = next;
    return new Layout(start, Arrays.copyOf(payee, next), Arrays.copyOf(share, next),
        List.copyOf(shares));
  }

  private static int add(List<TermsRule> rules, int v, Plan version, Deal deal, Partner partner,
      PartnerTerms terms) {
    // the rates do not depend on the amount: ask with one unit of it
    List<PartnerPay.Line> partnerLines =
        PartnerPay.of(version, deal, partner, terms, BigDecimal.ONE, false);
    rules.add(new TermsRule(v, deal, terms, partnerLines));
    return rules.size() - 1;
  }

  /** A commission line of the payee being split. */
  @Override
  public void line(Status status, long cents) {
    repLine(current, Component.COMMISSION.ordinal(), status, cents);
    if (earned != null && Draws.counts(Component.COMMISSION, PayeeKind.REP, status)) {
      long[] sum = earned.computeIfAbsent(((long) current << 32) | (currentPeriod & 0xFFFFFFFFL),
          k -> new long[1]);
      sum[0] = Math.addExact(sum[0], cents);
    }
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
