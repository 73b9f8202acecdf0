package dev.compsim.engine;

import dev.compsim.model.Commission;
import dev.compsim.model.Credit;
import dev.compsim.model.DataSet;
import dev.compsim.model.DealColumns;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Holdback;
import dev.compsim.model.Implementation;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.Payments;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Rules;
import dev.compsim.model.Spiff;
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
 *
 * <p>For a report ({@link #summed}), the same pass also sums the deals' lines by what the report
 * reads of them ({@link SummingSink}: payee, component, status, period, the partner, a release's
 * pay period) and sends one line per group, then the programs' lines one by one.
 * {@code ColumnarDriftTest} holds the groups to the ledger's lines grouped alike. For figures
 * per deal ({@link #byDeal}: the behavior model's scenario books), the pass tells each rep line
 * with its deal instead; the same test holds those lines to the ledger's, deal by deal.
 */
final class ColumnarEvaluation implements HoldbackSplit.CentLines {
  private static final Component[] COMPONENTS = Component.values();
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
  /** The deals' lines summed by what a report reads ({@link #summed}); null for sums alone. */
  private final Groups groups;
  /** Told every rep line of every deal ({@link #byDeal}); null for sums alone. */
  private final Engine.RepLines perDeal;
  private int currentDeal; // the won deal being priced

  private ColumnarEvaluation(Engine engine, Plan plan, boolean grouped) {
    this(engine, plan, grouped, null);
  }

  private ColumnarEvaluation(Engine engine, Plan plan, boolean grouped,
      Engine.RepLines perDeal) {
    this.engine = engine;
    this.plan = plan;
    this.table = engine.table();
    this.data = engine.data();
    this.asOf = engine.asOf();
    this.reps = table.reps;
    this.repCost = new long[reps.size()];
    this.repHasCost = new boolean[reps.size()];
    this.earned = Draws.draws(plan) ? new HashMap<>() : null;
    this.groups = grouped ? new Groups() : null;
    this.perDeal = perDeal;
  }

  /**
   * The sums of the plan's ledger, or null when its numbers do not fit long cents (an amount
   * with fractions of a cent, a product beyond a long): the decimal ledger prices those.
   */
  static LedgerSums sums(Engine engine, Plan plan) {
    ColumnarEvaluation pass = new ColumnarEvaluation(engine, plan, false);
    try {
      if (!pass.price()) {
        return null;
      }
      LedgerSums sums = new LedgerSums();
      Map<String, Long> perRep = new HashMap<>();
      for (int p = 0; p < pass.reps.size(); p++) {
        if (pass.repHasCost[p]) {
          perRep.put(pass.reps.get(p).id(), pass.repCost[p]);
        }
      }
      sums.addAll(pass.byStatus, pass.costByComponent, pass.rep, pass.channel, pass.lines,
          perRep);
      pass.programs(sums);
      return sums;
    } catch (ArithmeticException notInLongs) {
      return null;
    }
  }

  /**
   * Sends {@code sink} the plan's ledger as {@link Evaluation} makes it, but with the deals'
   * lines priced in long cents and summed by what the sink reads ({@link SummingSink}), then the
   * lines that are not per deal (activity spiffs, rebates, prizes, draws) one by one. Returns
   * false, having sent nothing, when the plan's numbers do not fit long cents: the ledger prices
   * those.
   */
  static boolean summed(Engine engine, Plan plan, SummingSink sink) {
    ColumnarEvaluation pass = new ColumnarEvaluation(engine, plan, true);
    if (!pass.priceInLongs()) {
      return false;
    }
    pass.groups.send(sink);
    pass.programs(sink);
    return true;
  }

  /**
   * Prices the plan's deals in long cents, telling {@code perDeal} each rep line of each won deal
   * as the ledger would make it (commission by status, deal spiffs), then sends {@code programs}
   * the lines that are not per deal one by one. Returns false when the plan's numbers do not fit
   * long cents; what {@code perDeal} was told before then is void, and the ledger prices those.
   */
  static boolean byDeal(Engine engine, Plan plan, Engine.RepLines perDeal, LedgerSink programs) {
    ColumnarEvaluation pass = new ColumnarEvaluation(engine, plan, false, perDeal);
    if (!pass.priceInLongs()) {
      return false;
    }
    pass.programs(programs);
    return true;
  }

  /** {@link #price}, false too when a product goes beyond a long. */
  private boolean priceInLongs() {
    try {
      return price();
    } catch (ArithmeticException notInLongs) {
      return false;
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
    final PayeeKind[] kind;
    final String[] payee; // the partner; null for the deal's own partner rep
    long[] multiplier; // per credit class: credit units (10^-s) per cent of amount
    int[] slot; // per line, when lines are grouped: its payee's (-1: the deal's partner rep)

    TermsRule(int version, Deal deal, PartnerTerms terms, List<PartnerPay.Line> partnerLines) {
      this.version = version;
      this.deal = deal;
      this.terms = terms;
      int n = partnerLines.size();
      component = new int[n];
      rate = new long[n];
      divisor = new long[n];
      kind = new PayeeKind[n];
      payee = new String[n];
      for (int l = 0; l < n; l++) {
        PartnerPay.Line line = partnerLines.get(l);
        kind[l] = line.kind();
        // a partner rep's line is paid to the deal's own rep, which the terms shape leaves out
        payee[l] = line.kind() == PayeeKind.PARTNER_REP ? null : line.payee();
        BigDecimal r = line.rate().stripTrailingZeros();
        int scale = Math.max(0, r.scale());
        component[l] = line.component().ordinal();
        rate[l] = r.movePointRight(scale).longValueExact();
        divisor[l] = BigDecimal.TEN.pow(scale).longValueExact();
      }
    }
  }

  /** Prices every won deal; false when the plan's amounts are not cents or the days too many. */
  private boolean price() {
    long[] cents = table.centsIn(engine, plan);
    int days = table.lastDay - table.firstDay + 1;
    if (cents == null || days > MAX_DAYS) {
      return false;
    }
    int n = table.size();
    // the period of every close date, as its first day, and the version in force on it
    List<Plan> versions = plan.versions();
    int[] periodOfDay = new int[Math.max(days, 0)];
    int[] versionOfDay = new int[periodOfDay.length];
    calendarDays(periodOfDay, versionOfDay);
    if (groups != null) {
      groups.closePeriods(periodOfDay);
    }

    // who each team credits, and with which credit class, under each version
    int count = versions.size();
    Teams[] teams = new Teams[count];
    for (int v = 0; v < count; v++) {
      teams[v] = teamsUnder(versions.get(v));
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
      termsMap = shapeTerms(termsRules);
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
    BigDecimal[][] factor = creditFactors(termsRules, teams);
    LongSchedule.Scales scales = tierScales(versions, creditScale(factor));
    int scale = scales.scale();
    int rateScale = scales.rateScale();
    multipliers(termsRules, factor, scale);
    if (groups != null) {
      for (TermsRule rule : termsRules) {
        rule.slot = new int[rule.payee.length];
        for (int l = 0; l < rule.payee.length; l++) {
          rule.slot[l] = rule.payee[l] == null ? -1
              : groups.channel(rule.payee[l], rule.kind[l], rule.deal.partner());
        }
      }
    }

    // each payee's schedule and holdback split under each version, and credit so far in its
    // period (carried across a change of version, as the ledger carries attainment)
    int payees = reps.size();
    LongSchedule[][] schedules = new LongSchedule[count][payees];
    HoldbackSplit[][] splits = new HoldbackSplit[count][payees];
    int[][] holdbacksOf = new int[count][payees];
    List<Holdback> holdbacks = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      schedules(versions.get(v), scale, rateScale, schedules[v], splits[v], holdbacksOf[v],
          holdbacks);
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
    boolean[][] onPayment = new boolean[count][];
    boolean paysWhenPaid = false;
    for (int v = 0; v < count; v++) {
      teamStarts[v] = teams[v].start();
      teamPayees[v] = teams[v].payee();
      teamClasses[v] = teams[v].creditClass();
      onPayment[v] = onPayment(splits[v]);
      paysWhenPaid |= anyTrue(onPayment[v]);
    }
    // the payments as columns, for pay-when-paid holdbacks (null without one, or when the
    // payments are not kept by row)
    Payments.Cents paid = paysWhenPaid ? table.paymentCents(data.payments()) : null;
    int[] outcomeDeal = new int[holdbacks.size()]; // the deal each outcome is of
    Arrays.fill(outcomeDeal, -1);
    for (int i = 0; i < n; i++) {
      long amount = cents[i];
      currentDeal = i;
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
          if (!PaymentRelease.centLines(held, earned - held, table.invoiceCents(i),
              closeDayOf[i], own.days(), own.cents(), own.start(row), own.end(row), asOfDay,
              this)) {
            int at = i;
            HoldbackSplit.Split parts = rule.split(BigDecimal.valueOf(earned, Money.SCALE),
                () -> HoldbackOutcome.of(rule.holdback(), closeDayOf[at], implementationOf[at],
                    implementationDayOf[at], asOfDay, false));
            for (PaymentRelease.Part part : PaymentRelease.lines(parts, table.invoice(i),
                table.closeDate(i), table.payments(i, data.payments()), asOf, null, null,
                null)) {
              line(part.status(), part.amount().movePointRight(Money.SCALE).longValueExact(),
                  part.date() == null ? DealColumns.NO_DAY : part.date().toEpochDay());
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
            if (groups != null) {
              // as Evaluation#dealSpiffDate: an implementation spiff is paid on the go-live
              long paidOn = spiffs[s] instanceof Spiff.ImplementationSpiff
                  ? implementationDayOf[i] : closeDayOf[i];
              groups.add(owner, Component.SPIFF, Status.PAID, groups.periodOf(paidOn), paidOn, i,
                  spiffCentsOf[v][s]);
            }
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
        if (groups != null) {
          int slot = terms.slot[l] >= 0 ? terms.slot[l] : groups.channel(
              table.columns().partnerRep(table.row(i)), terms.kind[l], terms.deal.partner());
          groups.add(slot, Component.values()[terms.component[l]], Status.PAID,
              groups.periodOf(closeDayOf[i]), closeDayOf[i], i, line);
        }
      }
    }
    return true;
  }

  // The set-up's loops are methods of their own: price() runs a few times, is compiled on the
  // stack, and each of its loops that ran long enough (over the payees, the terms shapes, the
  // days) compiled all of its 3.7 KB again: four times in compare, which prices the scenario
  // books too. Each loop now compiles once, small.

  /** The first day of each close day's period, and the version in force on it, by offset. */
  private void calendarDays(int[] periodOfDay, int[] versionOfDay) {
    for (int d = 0; d < periodOfDay.length; d++) {
      LocalDate day = LocalDate.ofEpochDay(table.firstDay + (long) d);
      periodOfDay[d] = Math.toIntExact(plan.calendar().periodOf(day).start().toEpochDay());
      versionOfDay[d] = plan.isEffectiveDated() ? plan.versionNumber(day) - 1 : 0;
    }
  }

  /** Who each team credits under {@code version}, by the credit rules of every rep's role. */
  private Teams teamsUnder(Plan version) {
    List<Credit> creditRules = new ArrayList<>(reps.size());
    for (Rep who : reps) {
      creditRules.add(version.rulesFor(who.role()).credit());
    }
    return table.teams.computeIfAbsent(creditRules, k -> teams(creditRules));
  }

  /** Each terms shape's rule under the plan as written (one version, no partner tiers). */
  private int[] shapeTerms(List<TermsRule> termsRules) {
    int[] termsMap = new int[table.termsShapes()];
    for (int shape = 0; shape < termsMap.length; shape++) {
      Deal deal = table.termsDeal[shape];
      Partner partner = deal.hasPartner() ? data.partners().get(deal.partner()) : null;
      PartnerTerms terms = partner == null ? PartnerTerms.NONE
          : PartnerTerms.of(deal, partner, plan.partners(), BigDecimal.ZERO, null, false);
      termsMap[shape] = add(termsRules, 0, plan, deal, partner, terms);
    }
    return termsMap;
  }

  /** Each rule's credit per unit of amount for each credit class of its version's teams. */
  private static BigDecimal[][] creditFactors(List<TermsRule> termsRules, Teams[] teams) {
    BigDecimal[][] factor = new BigDecimal[termsRules.size()][];
    for (int m = 0; m < factor.length; m++) {
      TermsRule rule = termsRules.get(m);
      List<CreditClass> classes = teams[rule.version].classes();
      factor[m] = new BigDecimal[classes.size()];
      for (int c = 0; c < classes.size(); c++) {
        CreditClass cls = classes.get(c);
        factor[m][c] = Crediting.credit(cls.credit(), rule.deal, BigDecimal.ONE, rule.terms,
            cls.share(), null, false).credit().stripTrailingZeros();
      }
    }
    return factor;
  }

  /** The finest scale of credit in cents the factors need. */
  private static int creditScale(BigDecimal[][] factor) {
    int scale = Money.SCALE;
    for (BigDecimal[] byClass : factor) {
      for (BigDecimal f : byClass) {
        scale = Math.max(scale, f.scale() + Money.SCALE);
      }
    }
    return scale;
  }

  /** The scales of the schedules of every version's commission for every rep's quota. */
  private LongSchedule.Scales tierScales(List<Plan> versions, int creditScale) {
    LongSchedule.Scales scales = new LongSchedule.Scales(creditScale);
    for (Plan version : versions) {
      for (Rep who : reps) {
        scales.add(version.rulesFor(who.role()).commission(), who.quota());
      }
    }
    return scales;
  }

  /** Each rule's credit units (10^-scale) per cent of amount, by credit class. */
  private static void multipliers(List<TermsRule> termsRules, BigDecimal[][] factor, int scale) {
    for (int m = 0; m < factor.length; m++) {
      long[] multiplier = new long[factor[m].length];
      for (int c = 0; c < multiplier.length; c++) {
        // credit in units of 10^-scale = cents × factor × 10^(scale - 2)
        multiplier[c] = factor[m][c].movePointRight(scale - Money.SCALE).longValueExact();
      }
      termsRules.get(m).multiplier = multiplier;
    }
  }

  /**
   * Each payee's schedule, holdback split and holdback (an index into {@code holdbacks}, equal
   * holdbacks one entry) under {@code version}. Payees alike in commission and quota share one
   * schedule, in holdback one split (both immutable): made once each, not once a payee.
   */
  private void schedules(Plan version, int scale, int rateScale, LongSchedule[] schedules,
      HoldbackSplit[] splits, int[] holdbacksOf, List<Holdback> holdbacks) {
    int periodsPerYear = plan.calendar().length().perYear();
    Map<Commission, Map<BigDecimal, LongSchedule>> scheduleOf = new IdentityHashMap<>();
    Map<Holdback, HoldbackSplit> splitOf = new IdentityHashMap<>();
    Map<Holdback, Integer> indexOf = new IdentityHashMap<>(); // found by equality once each
    for (int p = 0; p < schedules.length; p++) {
      Rules rules = version.rulesFor(reps.get(p).role());
      Holdback holdback = rules.holdback();
      schedules[p] = scheduleOf.computeIfAbsent(rules.commission(), k -> new HashMap<>())
          .computeIfAbsent(reps.get(p).quota(), quota -> new LongSchedule(rules.commission(),
              quota, periodsPerYear, scale, rateScale));
      splits[p] = splitOf.computeIfAbsent(holdback, HoldbackSplit::of);
      holdbacksOf[p] = indexOf.computeIfAbsent(holdback, k -> {
        int h = holdbacks.indexOf(k);
        if (h < 0) {
          holdbacks.add(k);
          h = holdbacks.size() - 1;
        }
        return h;
      });
    }
  }

  /** Whether each payee's holdback is released as the deal's payments come in. */
  private static boolean[] onPayment(HoldbackSplit[] splits) {
    boolean[] on = new boolean[splits.length];
    for (int who = 0; who < on.length; who++) {
      on[who] = splits[who].holdback().onPayment();
    }
    return on;
  }

  private static boolean anyTrue(boolean[] values) {
    for (boolean value : values) {
      if (value) {
        return true;
      }
    }
    return false;
  }

  /**
   * The lines that are not per deal, to {@code sink}: activity spiffs, rebates, prizes, and the
   * draws' settlements on the commission this pass counted per payee and period.
   */
  private void programs(LedgerSink sink) {
    Evaluation programs = new Evaluation(engine, plan, sink, false);
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
  public void line(Status status, long cents, long payDay) {
    repLine(current, Component.COMMISSION.ordinal(), status, cents);
    if (groups != null) {
      int close = table.closeDay[currentDeal];
      // dated as the ledger dates it: paid at close unless the split says otherwise
      groups.add(current, Component.COMMISSION, status, groups.periodOf(close),
          status == Status.PAID && payDay == DealColumns.NO_DAY ? close : payDay, currentDeal,
          cents);
    }
    if (earned != null && Draws.counts(Component.COMMISSION, PayeeKind.REP, status)) {
      long[] sum = earned.computeIfAbsent(((long) current << 32) | (currentPeriod & 0xFFFFFFFFL),
          k -> new long[1]);
      sum[0] = Math.addExact(sum[0], cents);
    }
  }

  private void repLine(int who, int component, Status status, long cents) {
    if (perDeal != null) {
      perDeal.line(table.row(currentDeal), table.reps.get(who), COMPONENTS[component], status,
          cents);
    }
    lines++;
    byStatus[status.ordinal()] = Math.addExact(byStatus[status.ordinal()], cents);
    if (status.countsAsCost()) {
      costByComponent[component] = Math.addExact(costByComponent[component], cents);
      rep = Math.addExact(rep, cents);
      repCost[who] = Math.addExact(repCost[who], cents);
      repHasCost[who] = true;
    }
  }

  /**
   * The deals' lines summed by what a {@link SummingSink} reads: one group per payee (a rep by
   * index, then each partner and partner rep with its deal's partner), component, status, period
   * and, for a released line, the period it is paid in; each with its cents, its count of lines,
   * and its first line's deal and pay day.
   */
  private final class Groups {
    private final ShapeIndex index = new ShapeIndex(256);
    private long[] cents = new long[256];
    private long[] count = new long[256];
    private int[] firstDeal = new int[256];
    private long[] payDay = new long[256];
    private long[] keyA = new long[256]; // payee slot << 32 | component << 8 | status
    private long[] keyB = new long[256]; // period << 32 | 1 + pay period (0: none)
    // the periods met, numbered; the close days' by offset, other days' as asked
    private final List<FiscalPeriod> periods = new ArrayList<>();
    private final Map<Long, Integer> periodIndex = new HashMap<>(); // by first day
    private final Map<Long, Integer> farDays = new HashMap<>();
    private int[] closePeriods;
    private final List<String> channelPayee = new ArrayList<>();
    private final List<PayeeKind> channelKind = new ArrayList<>();
    private final Map<List<Object>, Integer> channelSlot = new HashMap<>();

    /** Numbers the period of every close day, from each day's period's first day. */
    void closePeriods(int[] firstDayOfDay) {
      closePeriods = new int[firstDayOfDay.length];
      for (int d = 0; d < firstDayOfDay.length; d++) {
        if (d > 0 && firstDayOfDay[d] == firstDayOfDay[d - 1]) {
          closePeriods[d] = closePeriods[d - 1]; // the same period as the day before
          continue;
        }
        long first = firstDayOfDay[d];
        Integer known = periodIndex.get(first);
        if (known == null) {
          known = number(plan.calendar().periodOf(LocalDate.ofEpochDay(first)));
        }
        closePeriods[d] = known;
      }
    }

    private int number(FiscalPeriod period) {
      return periodIndex.computeIfAbsent(period.start().toEpochDay(), k -> {
        periods.add(period);
        return periods.size() - 1;
      });
    }

    /** The number of the period of {@code day}, an epoch day. */
    int periodOf(long day) {
      if (day >= table.firstDay && day <= table.lastDay) {
        return closePeriods[(int) (day - table.firstDay)];
      }
      return farDays.computeIfAbsent(day,
          k -> number(plan.calendar().periodOf(LocalDate.ofEpochDay(k))));
    }

    /** The slot of a payee not a rep: each payee, kind and deal's partner its own. */
    int channel(String payee, PayeeKind kind, String partner) {
      return channelSlot.computeIfAbsent(Arrays.asList(payee, kind, partner), k -> {
        channelPayee.add(payee);
        channelKind.add(kind);
        return reps.size() + channelPayee.size() - 1;
      });
    }

    void add(int slot, Component component, Status status, int period, long day, int deal,
        long amount) {
      long a = (long) slot << 32 | component.ordinal() << 8 | status.ordinal();
      long b = (long) period << 32
          | (status == Status.RELEASED && day != DealColumns.NO_DAY ? 1 + periodOf(day) : 0);
      int g = index.indexOf(a, b);
      if (g == cents.length) {
        int size = g * 2;
        cents = Arrays.copyOf(cents, size);
        count = Arrays.copyOf(count, size);
        firstDeal = Arrays.copyOf(firstDeal, size);
        payDay = Arrays.copyOf(payDay, size);
        keyA = Arrays.copyOf(keyA, size);
        keyB = Arrays.copyOf(keyB, size);
      }
      if (count[g] == 0) {
        firstDeal[g] = deal;
        payDay[g] = day;
        keyA[g] = a;
        keyB[g] = b;
      }
      cents[g] = Math.addExact(cents[g], amount);
      count[g]++;
    }

    /** One line per group, in the order the groups were met. */
    void send(SummingSink sink) {
      Component[] components = Component.values();
      Status[] statuses = Status.values();
      for (int g = 0; g < index.size(); g++) {
        int slot = (int) (keyA[g] >>> 32);
        boolean rep = slot < reps.size();
        String payee = rep ? reps.get(slot).id() : channelPayee.get(slot - reps.size());
        PayeeKind kind = rep ? PayeeKind.REP : channelKind.get(slot - reps.size());
        sink.accept(new LedgerLine(plan.name(), payee, kind,
            components[(int) (keyA[g] >>> 8) & 0xFF], table.columns().id(table.row(firstDeal[g])),
            periods.get((int) (keyB[g] >>> 32)).label(), statuses[(int) keyA[g] & 0xFF],
            BigDecimal.valueOf(cents[g], Money.SCALE),
            payDay[g] == DealColumns.NO_DAY ? null : LocalDate.ofEpochDay(payDay[g]), null),
            count[g]);
      }
    }
  }
}
