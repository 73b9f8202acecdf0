package dev.compsim.behavior;

import dev.compsim.engine.CommissionSchedule;
import dev.compsim.engine.Component;
import dev.compsim.engine.PartnerTiers;
import dev.compsim.engine.Crediting;
import dev.compsim.engine.Engine;
import dev.compsim.engine.HoldbackOutcome;
import dev.compsim.engine.HoldbackSplit;
import dev.compsim.engine.PartnerPay;
import dev.compsim.engine.Recipients;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.LongSchedule;
import dev.compsim.engine.PartnerTerms;
import dev.compsim.engine.PayeeKind;
import dev.compsim.model.Activity;
import dev.compsim.model.Credit;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Holdback;
import dev.compsim.model.Implementation;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Rules;
import dev.compsim.model.Spiff;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One plan compiled for fast re-pricing: for every won deal and every combination of its choices
 * (routed or direct, assisted or alone, moved across the period boundary or not), what the engine
 * credits to whom, what the partner and the spiffs cost and how a holdback ends, so that a
 * simulation run only walks primitive arrays.
 *
 * <p>Credits are kept as long integers in units of 10^-s, s the largest scale any credit, tier
 * bound or cap needs; commission is the engine's marginal tier arithmetic on those integers with
 * the engine's single half-even rounding per line, so the totals equal the engine's to the cent
 * ({@code CompiledPlanTest} proves it on drawn choices). When the numbers could overflow a long,
 * the plan falls back to the engine's own {@link CommissionSchedule}.
 *
 * <p>A variant is {@code v = routed << 2 | assisted << 1 | moved}.
 */
final class CompiledPlan {
  /** A deal closing this many days or fewer after its period starts can be pulled in. */
  static final int EARLY_DAYS = 30;

  final Plan plan;
  final DealFacts facts;
  /** By payee: the discount on a deal its owner pulls in; the discount a push-out recovers. */
  final double[] pullDiscount;
  final double[] pushRecovery;
  final int n;
  // each deal's eight variants side by side (index deal * 8 + variant): the owner's credit and
  // holdback outcome bits; other recipients (assists, channel manager) in the extra arrays
  final long[] ownerCredit;
  final byte[] ownerHold;
  final byte[] extraMask; // by deal: bit v set when variant v has other recipients
  final int[] extraStart; // by deal * 8 + variant, into the arrays below
  final int[] extraPayee;
  final long[] extraCredit;
  final byte[] extraHold;
  final long[] revenue; // by deal and move
  final long[] partnerPay; // by deal, route and move
  final long[] dealSpiff; // by deal and route
  final long[] implementationSpiff; // by deal, when confirmed
  final int[] period; // by deal and move
  final boolean[] late; // by deal and move
  final byte[] move; // by deal: 1 pulled into the period before, -1 pushed into the next, 0 fixed
  final boolean[] early; // by deal: in the first EARLY_DAYS of its period
  final int[] order; // deal * 2 + move, in pay order
  // by place in that order: the owner, the period, and by route and assist (index k * 4 +
  // routed << 1 | assisted) the owner's credit and holdback outcome bits
  private final int[] slotOwner;
  private final int[] slotPeriod;
  private final long[] slotCredit;
  private final byte[] slotHold;
  /** Variants compiled (at most eight per deal): the work of compiling. */
  final int variants;
  private final Schedule[] schedules;
  /** Whether commission runs on long integers (else on the engine's decimal schedule). */
  final boolean exact;
  private final int[] tierStart; // by payee: the first of its tiers in the arrays below
  private final long[] tierUpper;
  private final long[] tierRate;
  private final long[] tierLower;
  private final long[] tierBelow;
  private final long[] tierCap;
  private final boolean[] tierRetroactive;
  private final long unitPeriods;
  private final long unitDivisor;
  private final HoldbackSplit[] splits; // by payee
  private final boolean[] outcomeFree; // by payee: no holdback and no clawback
  // meetings: one key per rep and period
  final int[] meetingRep; // payee index, or -1 for a rep not in reps.csv
  final String[] meetingRepId;
  final long[] meetingBase;
  final LocalDate[] meetingDay;
  private final BigDecimal[] meetingSpiffs;
  private final long meetingUnitCents; // per meeting, when every amount is whole cents; else -1
  final long otherActivityCents;
  /**
   * Rebates and competition prizes as the engine pays them on the observed data: they depend on
   * a whole year's or competition's results, and are not redrawn per run. Draws (and their
   * recoveries) depend on a whole period's commission and are carried the same way, with the
   * prizes.
   */
  final long rebateCents;
  final long prizeCents;
  /** By payee: what prizes and activities other than meetings pay, the same in every draw. */
  private final long[] constantPay;
  private final PartnerTiers tiers;

  /**
   * @param pullDiscount by payee: the discount on a deal the owner pulls into an earlier period
   * @param pushRecovery by payee: the discount the owner gave under the baseline on a deal that
   *     a push into the next period now closes without (a push undoes a pull-in)
   */
  CompiledPlan(Plan plan, DealFacts facts, double[] pullDiscount, double[] pushRecovery) {
    this(plan, facts, pullDiscount, pushRecovery, null, null);
  }

  /**
   * @param reachable by deal, the variants a draw can choose (bit v for variant v), or null for
   *     all: the others are not compiled, and pricing a draw that chooses one is an error
   * @param moves {@link #moves(Plan, DealFacts)} when the caller has them, else null
   */
  CompiledPlan(Plan plan, DealFacts facts, double[] pullDiscount, double[] pushRecovery,
      byte[] reachable, Moves moves) {
    this.plan = plan;
    this.facts = facts;
    this.pullDiscount = pullDiscount.clone();
    this.pushRecovery = pushRecovery.clone();
    this.n = facts.size();
    Engine engine = facts.engine;
    int payees = facts.payees.size();

    tiers = PartnerTiers.of(plan, engine);
    long[] programLines = new long[2];
    constantPay = new long[payees];
    // only plans with rebates or competitions have year-level lines to take from the engine
    boolean yearLines = !plan.partners().rebates().isEmpty() || !plan.competitions().isEmpty()
        || hasDraws(plan);
    if (yearLines) {
      engine.evaluate(plan, line -> {
        if (line.component() == Component.REBATE) {
          programLines[0] = Math.addExact(programLines[0], cents(line.cost()));
        } else if (line.component() == Component.PRIZE || isDraw(line.component())) {
          programLines[1] = Math.addExact(programLines[1], cents(line.cost()));
          Integer who = facts.payeeIndex.get(line.payee());
          if (line.payeeKind() == PayeeKind.REP && who != null) {
            constantPay[who] = Math.addExact(constantPay[who], cents(line.cost()));
          }
        }
      }, false);
    }
    rebateCents = programLines[0];
    prizeCents = programLines[1];
    Periods periods = new Periods(plan.calendar());
    if (moves == null) {
      moves = moves(periods, facts);
    }
    move = moves.move();
    early = moves.early();
    revenue = new long[n * 2];
    period = new int[n * 2];
    late = new boolean[n * 2];
    partnerPay = new long[n * 4];
    dealSpiff = new long[n * 2];
    implementationSpiff = new long[n];

    BigDecimal dealSpiffs = BigDecimal.ZERO;
    BigDecimal partnerDealSpiffs = BigDecimal.ZERO;
    BigDecimal implementationSpiffs = BigDecimal.ZERO;
    for (Spiff spiff : plan.spiffs()) {
      if (spiff instanceof Spiff.DealSpiff) {
        dealSpiffs = dealSpiffs.add(Money.round(spiff.amount()));
      } else if (spiff instanceof Spiff.PartnerDealSpiff) {
        partnerDealSpiffs = partnerDealSpiffs.add(Money.round(spiff.amount()));
      } else if (spiff instanceof Spiff.ImplementationSpiff) {
        implementationSpiffs = implementationSpiffs.add(Money.round(spiff.amount()));
      }
    }

    List<Rules> rules = payeeRules();
    Building b = new Building(periods, reachable, n, rules.toArray(Rules[]::new), dealSpiffs,
        partnerDealSpiffs, implementationSpiffs);
    compileDeals(b);
    int[] slotStart = b.slotStart;
    List<BigDecimal> creditList = b.creditList;
    Map<LocalDate, Integer> periodIndex = b.periodIndex;
    LocalDate[] closeOf = b.closeOf;
    boolean[] slotDrawn = b.slotDrawn;
    slotStart[n * 8] = b.payees.size;
    int[] payee = Arrays.copyOf(b.payees.values, b.payees.size);
    byte[] hold = bytes(b.holds);

    // the unit of credit: the finest scale any credit, bound or cap needs
    LongSchedule.Scales scales = tierScales(rules, creditScale(creditList));
    int scale = scales.scale();
    int rateScale = scales.rateScale();
    int periodsPerYear = plan.calendar().length().perYear();
    long[] credit = units(creditList, scale);
    double highest = mostCreditInAPeriod(slotStart, payee, credit, scale, payees,
        periodIndex.size());
    boolean exactBound = scale + rateScale <= 17
        && fitsInLongs(highest, largest(credit), scales, periodsPerYear);
    ownerCredit = new long[n * 8];
    ownerHold = new byte[n * 8];
    extraMask = new byte[n];
    extraStart = new int[n * 8 + 1];
    int compiled = compiledVariants(slotStart); // every one has its owner first
    variants = compiled;
    int extras = payee.length - compiled;
    extraPayee = new int[extras];
    extraCredit = new long[extras];
    extraHold = new byte[extras];
    flatten(slotStart, payee, credit, hold);
    schedules = new Schedule[payees];
    splits = new HoldbackSplit[payees];
    outcomeFree = new boolean[payees];
    // the engine's long schedule of every payee, when the bound above allows and its own
    // overflow checks pass (a tier no credit reaches can still be too large for a long)
    LongSchedule[] longSchedules = exactBound ? longSchedules(rules, scale, rateScale,
        periodsPerYear) : null;
    exact = longSchedules != null;
    payeeSchedules(rules, longSchedules, scale, periodsPerYear);
    // the long schedules flattened into primitive arrays, for the hot loop
    tierStart = new int[payees + 1];
    tierCap = new long[payees];
    tierRetroactive = new boolean[payees];
    int tiers = tierStarts(rules);
    tierUpper = new long[tiers];
    tierRate = new long[tiers];
    tierLower = new long[tiers];
    tierBelow = new long[tiers];
    if (exact) {
      flattenTiers(longSchedules);
      unitPeriods = periodsPerYear;
      unitDivisor = longSchedules[0].divisor();
    } else {
      unitPeriods = 0;
      unitDivisor = 0;
    }

    order = payOrder(slotDrawn, closeOf);
    // what the pricing loop reads of each slot, side by side in pay order (by deal it jumped
    // about eight longs a deal, through arrays larger than the caches)
    slotOwner = new int[order.length];
    slotPeriod = new int[order.length];
    slotCredit = new long[order.length * 4];
    slotHold = new byte[order.length * 4];
    layOutSlots();

    // meetings: counts per rep and period (grouped once per calendar), and the spiffs that pay
    DealFacts.Meetings meetings = facts.meetings(plan.calendar());
    meetingRep = meetings.rep();
    meetingRepId = meetings.repId();
    meetingBase = meetings.base();
    meetingDay = meetings.day();
    // the raw rows only for a plan whose spiffs change by date; the sums are empty when they are
    List<Activity> others = plan.isEffectiveDated() ? facts.otherActivities()
        : facts.otherActivitiesByPeriod(plan.calendar());
    List<BigDecimal> meetingAmounts = new ArrayList<>();
    for (Spiff spiff : plan.spiffs()) {
      if (spiff instanceof Spiff.ActivitySpiff a
          && a.activity().equalsIgnoreCase(Simulation.MEETING) && !plan.banActivitySpiffs()) {
        meetingAmounts.add(a.amount());
      }
    }
    meetingSpiffs = meetingAmounts.toArray(BigDecimal[]::new);
    long unit = 0;
    for (BigDecimal amount : meetingSpiffs) {
      unit = amount.stripTrailingZeros().scale() <= 2 && unit >= 0 ? unit + cents(amount) : -1;
    }
    meetingUnitCents = unit;
    boolean otherSpiffs = !plan.banActivitySpiffs() && plan.spiffs().stream().anyMatch(
        spiff -> spiff instanceof Spiff.ActivitySpiff a
            && !a.activity().equalsIgnoreCase(Simulation.MEETING));
    otherActivityCents = others.isEmpty() || !otherSpiffs ? 0
        : activityCost(plan, plan.isEffectiveDated() ? facts.activitiesEngine(others)
            : facts.otherActivitiesEngine(plan.calendar()));
  }

  /**
   * What the engine pays for activities other than meetings (unchanged by any choice), in cents;
   * each rep's part is added to {@link #constantPay}.
   */
  private long activityCost(Plan plan, Engine activities) {
    long[] sum = {0};
    activities.evaluate(plan, line -> {
      if (isDraw(line.component())) {
        return; // a plan without deals draws in full: the draws are carried with the prizes
      }
      long cost = cents(line.cost());
      sum[0] = Math.addExact(sum[0], cost);
      Integer who = facts.payeeIndex.get(line.payee());
      if (line.payeeKind() == PayeeKind.REP && who != null) {
        constantPay[who] = Math.addExact(constantPay[who], cost);
      }
    }, false);
    return sum[0];
  }

  /** The deal under one combination of choices, before its implementation is drawn. */
  Deal variant(int i, boolean routed, boolean assisted, boolean moved, LocalDate movedClose) {
    Deal deal = facts.withChoices(i, routed, assisted);
    if (moved && move[i] != 0) {
      deal = deal.withCloseDate(movedClose);
      int who = facts.owner[i];
      if (move[i] > 0 && pullDiscount[who] > 0) {
        deal = deal.withAmount(Money.round(deal.amount()
            .multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(pullDiscount[who])))));
      } else if (move[i] < 0 && pushRecovery[who] > 0) {
        deal = deal.withAmount(Money.round(deal.amount().divide(
            BigDecimal.ONE.subtract(BigDecimal.valueOf(pushRecovery[who])),
            java.math.MathContext.DECIMAL64)));
      }
    }
    return deal;
  }

  /** The moved close date of deal {@code i} (its own date when it cannot move). */
  LocalDate movedClose(int i) {
    Deal deal = facts.deals.get(i);
    FiscalPeriod own = plan.calendar().periodOf(deal.closeDate());
    return move[i] > 0 ? own.start().minusDays(1)
        : move[i] < 0 ? own.end().plusDays(1) : deal.closeDate();
  }

  /** Where each deal can move: see {@link #move} and {@link #early}. */
  record Moves(byte[] move, boolean[] early) {}

  /**
   * Which deals can move on {@code plan}'s calendar: a deal in the first {@link #EARLY_DAYS} of
   * its period can be pulled into the period before; a late deal (see {@link BaselineShares})
   * can be pushed into the next period when that starts by as-of.
   */
  static Moves moves(Plan plan, DealFacts facts) {
    return moves(new Periods(plan.calendar()), facts);
  }

  private static Moves moves(Periods periods, DealFacts facts) {
    int n = facts.size();
    byte[] move = new byte[n];
    boolean[] early = new boolean[n];
    LocalDate asOf = facts.engine.asOf();
    for (int i = 0; i < n; i++) {
      LocalDate close = facts.deals.get(i).closeDate();
      FiscalPeriod own = periods.of(close);
      early[i] = close.isBefore(own.start().plusDays(EARLY_DAYS));
      if (early[i]) {
        move[i] = 1;
      } else if (BaselineShares.isLate(own, close) && !own.end().plusDays(1).isAfter(asOf)) {
        move[i] = -1;
      }
    }
    return new Moves(move, early);
  }

  /** The state of a compilation, deal by deal. */
  private static final class Building {
    final Periods periods;
    final byte[] reachable;
    final Rules[] rules; // by payee
    final int[] slotStart;
    // by slot: each variant's recipients, their credits and holdback outcome bits
    final Ints payees = new Ints();
    final List<BigDecimal> creditList = new ArrayList<>();
    final Ints holds = new Ints(); // each a byte's bits, kept as ints while compiling
    final Map<LocalDate, Integer> periodIndex = new HashMap<>();
    final LocalDate[] closeOf;
    final boolean[] slotDrawn; // by deal * 2 + move: whether a draw can close the deal there
    final BigDecimal dealSpiffs;
    final BigDecimal partnerDealSpiffs;
    final long implementationSpiff;

    Building(Periods periods, byte[] reachable, int n, Rules[] rules, BigDecimal dealSpiffs,
        BigDecimal partnerDealSpiffs, BigDecimal implementationSpiffs) {
      this.periods = periods;
      this.reachable = reachable;
      this.rules = rules;
      slotStart = new int[n * 8 + 1];
      closeOf = new LocalDate[n * 2];
      slotDrawn = new boolean[n * 2];
      this.dealSpiffs = dealSpiffs;
      this.partnerDealSpiffs = partnerDealSpiffs;
      implementationSpiff = cents(implementationSpiffs);
    }
  }

  /** A growing array of ints: the slots' payees and holds (boxed lists were a tenth of it). */
  private static final class Ints {
    int[] values = new int[1024];
    int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }
  }

  // The constructor's passes over every deal, variant or slot are methods of their own: a loop in
  // a method run once is compiled on the stack (OSR), and in the constructor each hot loop
  // compiled the whole constructor again (five compilations of 55 KB of code per run).

  /** Compiles every deal's variants that a draw can reach. */
  private void compileDeals(Building b) {
    for (int i = 0; i < n; i++) {
      compile(i, b);
    }
  }

  /** The finest scale of any credit, and at least cents. */
  private static int creditScale(List<BigDecimal> credits) {
    int scale = 2;
    for (BigDecimal c : credits) {
      // stripping zeros never raises a scale: only a credit finer than the unit so far can
      if (c.scale() > scale) {
        scale = Math.max(scale, c.stripTrailingZeros().scale());
      }
    }
    return scale;
  }

  /**
   * The most credit a payee can reach in one period: every deal that can close in it and credit
   * the payee, each at its largest credit to the payee (in doubles: only a bound).
   */
  private double mostCreditInAPeriod(int[] slotStart, int[] payee, long[] credit, int scale,
      int payees, int periodCount) {
    double unit = Math.pow(10, scale); // exact: a power of ten below 10^23
    double[] perPeriod = new double[payees * periodCount];
    int[] seen = new int[8 * 4];
    double[] most = new double[seen.length];
    // each payee's place in seen while deal stampOf[payee] is read: found at once, where a
    // search of seen took a deal with 100,000 assists 10^10 steps
    int[] placeOf = new int[payees];
    int[] stampOf = new int[payees];
    Arrays.fill(stampOf, -1);
    for (int i = 0; i < n; i++) {
      int distinct = 0;
      for (int k = slotStart[i * 8]; k < slotStart[i * 8 + 8]; k++) {
        int who = payee[k];
        double value = credit[k] / unit;
        if (stampOf[who] != i) {
          if (distinct == seen.length) {
            seen = Arrays.copyOf(seen, distinct * 2);
            most = Arrays.copyOf(most, distinct * 2);
          }
          stampOf[who] = i;
          placeOf[who] = distinct;
          seen[distinct] = who;
          most[distinct++] = value;
        } else {
          int at = placeOf[who];
          most[at] = Math.max(most[at], value);
        }
      }
      for (int d = 0; d < distinct; d++) {
        perPeriod[seen[d] * periodCount + period[i * 2]] += most[d];
        if (period[i * 2 + 1] != period[i * 2]) {
          perPeriod[seen[d] * periodCount + period[i * 2 + 1]] += most[d];
        }
      }
    }
    double highest = 0;
    for (double v : perPeriod) {
      highest = Math.max(highest, v);
    }
    return highest;
  }

  /**
   * Whether the hot loop's long arithmetic is exact for credits up to {@code highest} in a
   * period and {@code largest} units on one line. A payee's scaled credit C (the period's credit
   * × P, in units) must fit a long with room to spare. T(C) need not: {@link #priceDeals}
   * computes T in Java's wrapping long arithmetic and keeps only differences T(after) − T(before),
   * which are exact modulo 2^64 and so exact whenever the true difference fits. On marginal tiers
   * T rises by at most the largest rate per unit, so the difference is at most one line's scaled
   * credit times that rate; a retroactive tier reprices the whole period, so there it is the
   * period's. With 100,000 deals and 34 reps, a midpoint plan whose split team makes credits of 10^-7 had
   * T(C) past a long and was priced in decimals, a fifth of the simulation's speed lost.
   */
  private static boolean fitsInLongs(double highest, long largest, LongSchedule.Scales scales,
      int periodsPerYear) {
    BigDecimal limit = new BigDecimal(BigInteger.ONE.shiftLeft(61));
    BigDecimal periods = BigDecimal.valueOf(periodsPerYear);
    // with a margin for the doubles' rounding
    BigDecimal mostScaled = BigDecimal.valueOf(highest * 1.001 + 1).multiply(periods)
        .movePointRight(scales.scale());
    BigDecimal step = scales.retroactive() ? mostScaled
        : BigDecimal.valueOf(largest).multiply(periods);
    return mostScaled.compareTo(limit) < 0
        && step.multiply(scales.largestRateUnits()).compareTo(limit) < 0;
  }

  /** The largest magnitude of any credit, in units. */
  private static long largest(long[] credit) {
    long most = 0;
    for (long c : credit) {
      most = Math.max(most, Math.abs(c));
    }
    return most;
  }

  /** Each credit in units of 10^-scale. */
  private static long[] units(List<BigDecimal> credits, int scale) {
    long[] out = new long[credits.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = credits.get(k).movePointRight(scale).longValueExact();
    }
    return out;
  }

  /** Variants compiled: those with recipients (every one has its owner first). */
  private static int compiledVariants(int[] slotStart) {
    int compiled = 0;
    for (int iv = 0; iv + 1 < slotStart.length; iv++) {
      compiled += slotStart[iv + 1] > slotStart[iv] ? 1 : 0;
    }
    return compiled;
  }

  /** Each variant's owner into the owner arrays, its other recipients into the extra arrays. */
  private void flatten(int[] slotStart, int[] payee, long[] credit, byte[] hold) {
    int next = 0;
    for (int iv = 0; iv < n * 8; iv++) {
      int first = slotStart[iv];
      extraStart[iv] = next;
      if (first == slotStart[iv + 1]) {
        continue; // not compiled
      }
      ownerCredit[iv] = credit[first];
      ownerHold[iv] = hold[first];
      for (int k = first + 1; k < slotStart[iv + 1]; k++) {
        extraPayee[next] = payee[k];
        extraCredit[next] = credit[k];
        extraHold[next] = hold[k];
        next++;
        extraMask[iv / 8] |= (byte) (1 << (iv % 8));
      }
    }
    extraStart[n * 8] = next;
  }

  /**
   * The pay order of every deal at both of its possible close dates (those a draw can choose):
   * close date, then deal id; as deal * 2 + move.
   */
  private int[] payOrder(boolean[] slotDrawn, LocalDate[] closeOf) {
    int drawn = 0;
    for (boolean d : slotDrawn) {
      drawn += d ? 1 : 0;
    }
    Integer[] slots = new Integer[drawn];
    for (int k = 0, at = 0; k < n * 2; k++) {
      if (slotDrawn[k]) {
        slots[at++] = k;
      }
    }
    Arrays.sort(slots, (x, y) -> {
      int byDate = closeOf[x].compareTo(closeOf[y]);
      return byDate != 0 ? byDate
          : facts.deals.get(x / 2).id().compareTo(facts.deals.get(y / 2).id());
    });
    int[] out = new int[slots.length];
    for (int k = 0; k < slots.length; k++) {
      out[k] = slots[k];
    }
    return out;
  }

  /** Fills the slot arrays: what the pricing loop reads of each slot, in pay order. */
  private void layOutSlots() {
    for (int k = 0; k < order.length; k++) {
      int slot = order[k];
      int i = slot >> 1;
      slotOwner[k] = facts.owner[i];
      slotPeriod[k] = period[slot];
      for (int rs = 0; rs < 4; rs++) {
        int iv = i * 8 + (rs << 1 | (slot & 1));
        slotCredit[k * 4 + rs] = ownerCredit[iv];
        slotHold[k * 4 + rs] = ownerHold[iv];
      }
    }
  }

  /**
   * Compiles deal {@code i}: its closes, periods and the variants a draw can choose (a method of
   * its own, so the JIT compiles it rather than running one long loop in the constructor).
   */
  private void compile(int i, Building b) {
    Deal original = facts.deals.get(i);
    FiscalPeriod own = b.periods.of(original.closeDate());
    LocalDate movedClose = move[i] > 0 ? own.start().minusDays(1)
        : move[i] < 0 ? own.end().plusDays(1) : original.closeDate();
    for (int t = 0; t < 2; t++) {
      LocalDate close = t == 1 ? movedClose : original.closeDate();
      b.closeOf[i * 2 + t] = close;
      FiscalPeriod p = b.periods.of(close);
      period[i * 2 + t] = b.periodIndex.computeIfAbsent(p.start(), k -> b.periodIndex.size());
      late[i * 2 + t] = BaselineShares.isLate(p, close);
      for (int v = t; v < 8; v += 2) {
        b.slotDrawn[i * 2 + t] |= b.reachable == null || (b.reachable[i] >> v & 1) != 0;
      }
    }
    if (!facts.implementationDate[i].isAfter(facts.engine.asOf())) {
      implementationSpiff[i] = b.implementationSpiff;
    }
    // a choice the deal cannot make leaves it as it is: a variant with it copies the one
    // without it, which is compiled whenever the variant is reachable
    int cannot = (move[i] == 0 ? 1 : 0) | (facts.routeEligible[i] ? 0 : 4)
        | (facts.teamEligible(i) ? 0 : 2);
    int reach = b.reachable == null ? 0xFF : b.reachable[i] & 0xFF;
    for (int v = 0; v < 8; v++) {
      if ((reach >> v & 1) != 0) {
        reach |= 1 << (v & ~cannot);
      }
    }
    int figured = 0; // bit r * 2 + t: revenue, partner pay and deal spiffs of route and move
    for (int v = 0; v < 8; v++) {
      b.slotStart[i * 8 + v] = b.payees.size;
      if ((reach >> v & 1) == 0) {
        continue; // never drawn
      }
      boolean routed = (v & 4) != 0;
      boolean assisted = (v & 2) != 0;
      int t = v & 1;
      int same = v & ~cannot;
      if (same != v) {
        for (int k = b.slotStart[i * 8 + same]; k < b.slotStart[i * 8 + same + 1]; k++) {
          b.payees.add(b.payees.values[k]);
          b.creditList.add(b.creditList.get(k));
          b.holds.add(b.holds.values[k]);
        }
        if (!assisted) {
          int r = routed ? 1 : 0;
          int r0 = (same & 4) != 0 ? 1 : 0;
          revenue[i * 2 + t] = revenue[i * 2 + (same & 1)];
          partnerPay[(i * 2 + r) * 2 + t] = partnerPay[(i * 2 + r0) * 2 + (same & 1)];
          dealSpiff[i * 2 + r] = dealSpiff[i * 2 + r0];
          figured |= 1 << (r * 2 + t);
        }
        continue;
      }
      Deal deal = variant(i, routed, assisted, t == 1, b.closeOf[i * 2 + 1]);
      BigDecimal amount = facts.engine.amountIn(plan, deal);
      Partner partner = deal.hasPartner() ? facts.engine.data().partners().get(deal.partner()) : null;
      PartnerTerms terms = terms(deal, partner);
      if (!assisted) {
        figures(i, routed, t, deal, amount, partner, terms, b.dealSpiffs, b.partnerDealSpiffs);
        figured |= 1 << ((routed ? 2 : 0) + t);
      }
      recipients(deal, amount, terms, partner, i, b);
    }
    // a route and move drawn only with an assist: its figures from the deal without one
    for (int v = 0; v < 8; v++) {
      int rt = ((v >> 2) & 1) * 2 + (v & 1);
      if ((reach >> v & 1) != 0 && (figured >> rt & 1) == 0) {
        boolean routed = (v & 4) != 0;
        Deal deal = variant(i, routed, false, (v & 1) == 1, b.closeOf[i * 2 + 1]);
        BigDecimal amount = facts.engine.amountIn(plan, deal);
        Partner partner = deal.hasPartner() ? facts.engine.data().partners().get(deal.partner())
            : null;
        figures(i, routed, v & 1, deal, amount, partner, terms(deal, partner), b.dealSpiffs,
            b.partnerDealSpiffs);
        figured |= 1 << rt;
      }
    }
  }

  /** A calendar's periods, each day's found once (deals share their days). */
  private static final class Periods {
    /** Days looked up by epoch day within this many of the first day asked (about 45 years). */
    private static final int SPAN = 1 << 14;

    private final dev.compsim.model.FiscalCalendar calendar;
    private final FiscalPeriod[] byOffset = new FiscalPeriod[2 * SPAN];
    private long base = Long.MIN_VALUE; // the epoch day at the middle of byOffset
    private final Map<LocalDate, FiscalPeriod> farDays = new HashMap<>();

    Periods(dev.compsim.model.FiscalCalendar calendar) {
      this.calendar = calendar;
    }

    FiscalPeriod of(LocalDate day) {
      long epochDay = day.toEpochDay();
      if (base == Long.MIN_VALUE) {
        base = epochDay;
      }
      long at = epochDay - base + SPAN;
      if (at < 0 || at >= byOffset.length) {
        return farDays.computeIfAbsent(day, calendar::periodOf);
      }
      FiscalPeriod period = byOffset[(int) at];
      if (period == null) {
        period = calendar.periodOf(day);
        byOffset[(int) at] = period;
      }
      return period;
    }
  }

  /** As the engine: the partner's terms at the tier of its standing on the observed data. */
  private PartnerTerms terms(Deal deal, Partner partner) {
    if (partner == null) {
      return PartnerTerms.NONE;
    }
    // volume tiers do not follow the draws
    PartnerTiers.Standing tier = tiers.standing(partner, deal.closeDate());
    // the margin alone: its explanation is for traces
    return tier == null || tier.level() == null
        ? PartnerTerms.of(deal, partner, plan.partners(), BigDecimal.ZERO, null, false)
        : PartnerTerms.of(deal, partner, plan.partners(), tier.extraMargin(),
            tier.level().name(), false);
  }

  /** What depends on a deal's route and move only: revenue, partner pay and deal spiffs. */
  private void figures(int i, boolean routed, int t, Deal deal, BigDecimal amount,
      Partner partner, PartnerTerms terms, BigDecimal dealSpiffs, BigDecimal partnerDealSpiffs) {
    int r = routed ? 1 : 0;
    revenue[i * 2 + t] = cents(amount);
    partnerPay[(i * 2 + r) * 2 + t] = partnerCents(deal, partner, terms, amount);
    dealSpiff[i * 2 + r] = cents(dealSpiffs
        .add(deal.hasPartner() ? partnerDealSpiffs : BigDecimal.ZERO));
  }

  /** Whether the plan pays anything per meeting: else the meeting counts change no pay. */
  boolean paysMeetings() {
    return meetingSpiffs.length > 0;
  }

  /** The engine's per-deal partner lines ({@link PartnerPay}), in cents. */
  private long partnerCents(Deal deal, Partner partner, PartnerTerms terms, BigDecimal amount) {
    long sum = 0;
    for (PartnerPay.Line line : PartnerPay.of(plan, deal, partner, terms, amount, false)) {
      sum = Math.addExact(sum, cents(line.amount()));
    }
    return sum;
  }

  /**
   * The engine's recipients of a deal's credit ({@link Recipients}), in the engine's order.
   * Recipients under the same rules with the same share get the same credit and holdback
   * outcomes on the deal, asked of the rules once: a deal with 100,000 assists asks twice.
   */
  private void recipients(Deal deal, BigDecimal amount, PartnerTerms terms, Partner partner,
      int i, Building b) {
    // a variant keeps the deal's owner: the team rules are the owner's
    Credit team = b.rules[facts.owner[i]].credit();
    List<Recipients.Recipient> recipients = Recipients.of(team, deal, partner);
    // by rules (a plan's rules of one role are one instance), then share; a team of two asks
    Map<Rules, Map<BigDecimal, Asked>> asked =
        recipients.size() > 2 ? new IdentityHashMap<>() : null;
    for (Recipients.Recipient recipient : recipients) {
      int payee = facts.payeeIndex.get(recipient.rep());
      Rules rules = b.rules[payee];
      Asked answer = asked == null
          ? ask(rules, deal, amount, terms, recipient.share(), i)
          : asked.computeIfAbsent(rules, k -> new HashMap<>()).computeIfAbsent(
              recipient.share(), share -> ask(rules, deal, amount, terms, share, i));
      b.payees.add(payee);
      b.creditList.add(answer.credit());
      b.holds.add(answer.mode());
    }
  }

  /** One recipient's credit on a deal, and its holdback outcome bits. */
  private record Asked(BigDecimal credit, int mode) {}

  private Asked ask(Rules rules, Deal deal, BigDecimal amount, PartnerTerms terms,
      BigDecimal share, int i) {
    BigDecimal credit = Crediting.credit(rules.credit(), deal, amount, terms, share, null, false)
        .credit();
    int mode = 0;
    Holdback holdback = rules.holdback();
    if (HoldbackSplit.dependsOnOutcome(holdback)) {
      // the outcome of both implementations: bits 0-2 failed, bits 3-5 confirmed
      long implementedDay = facts.implementationDate[i].toEpochDay();
      for (int o = 0; o < 2; o++) {
        mode |= HoldbackSplit.mode(HoldbackOutcome.of(holdback, deal.closeDate().toEpochDay(),
            o == 1 ? Implementation.CONFIRMED : Implementation.FAILED, implementedDay,
            facts.asOfDay, false)) << (3 * o);
      }
    }
    return new Asked(credit, mode);
  }

  // The constructor's loops over payees and slots are methods of their own: it runs once a
  // plan, is compiled on the stack, and each loop that ran long enough (8,000 payees) compiled
  // all of its 2 KB again

  /** Each payee's rules under the plan, by payee index. */
  private List<Rules> payeeRules() {
    List<Rules> rules = new ArrayList<>(facts.payees.size());
    for (Rep rep : facts.payees) {
      rules.add(plan.rulesFor(rep.role()));
    }
    return rules;
  }

  private static byte[] bytes(Ints values) {
    byte[] out = new byte[values.size];
    for (int k = 0; k < out.length; k++) {
      out[k] = (byte) values.values[k];
    }
    return out;
  }

  /** The scales of the long schedules of every payee's commission and quota. */
  private LongSchedule.Scales tierScales(List<Rules> rules, int creditScale) {
    LongSchedule.Scales scales = new LongSchedule.Scales(creditScale);
    for (int p = 0; p < rules.size(); p++) {
      scales.add(rules.get(p).commission(), facts.payees.get(p).quota());
    }
    return scales;
  }

  /** Each payee's holdback split and schedule: the long one, or the engine's decimal one. */
  private void payeeSchedules(List<Rules> rules, LongSchedule[] longSchedules, int scale,
      int periodsPerYear) {
    for (int p = 0; p < splits.length; p++) {
      Rep rep = facts.payees.get(p);
      Holdback holdback = rules.get(p).holdback();
      splits[p] = HoldbackSplit.of(holdback);
      outcomeFree[p] = !splits[p].dependsOnOutcome();
      schedules[p] = longSchedules != null ? longSchedules[p]::increment
          : new DecimalSchedule(new CommissionSchedule(rules.get(p).commission(), rep.quota(),
              periodsPerYear), scale);
    }
  }

  /** Each payee's first tier in the flattened tiers; the number of tiers. */
  private int tierStarts(List<Rules> rules) {
    int tiers = 0;
    for (int p = 0; p < rules.size(); p++) {
      tierStart[p] = tiers;
      tiers += rules.get(p).commission().tiers().size();
    }
    tierStart[rules.size()] = tiers;
    return tiers;
  }

  /** The long schedules' tiers, side by side in the flat arrays. */
  private void flattenTiers(LongSchedule[] longSchedules) {
    for (int p = 0; p < longSchedules.length; p++) {
      LongSchedule schedule = longSchedules[p];
      int at = tierStart[p];
      long[] upper = schedule.upperBounds();
      System.arraycopy(upper, 0, tierUpper, at, upper.length);
      System.arraycopy(schedule.rates(), 0, tierRate, at, upper.length);
      System.arraycopy(schedule.lowerBounds(), 0, tierLower, at, upper.length);
      System.arraycopy(schedule.totalsBelow(), 0, tierBelow, at, upper.length);
      tierCap[p] = schedule.capBound();
      tierRetroactive[p] = schedule.retroactive();
    }
  }

  /** The engine's long schedules of the payees, or null when a number does not fit a long. */
  private LongSchedule[] longSchedules(List<Rules> rules, int scale, int rateScale,
      int periodsPerYear) {
    LongSchedule[] longs = new LongSchedule[rules.size()];
    try {
      for (int p = 0; p < longs.length; p++) {
        longs[p] = new LongSchedule(rules.get(p).commission(), facts.payees.get(p).quota(),
            periodsPerYear, scale, rateScale);
      }
      return longs;
    } catch (ArithmeticException tooLarge) {
      return null;
    }
  }

  static long cents(BigDecimal amount) {
    return amount.setScale(2, Money.ROUNDING).movePointRight(2).longValueExact();
  }

  /** Per-run scratch: each payee's credit in its current period. */
  static final class Scratch {
    final long[] credit;
    final long[] total; // T(credit × P) of that credit, so each deal computes T once
    final int[] period;
    final long[] pay; // each payee's counted pay in the draw, in cents

    Scratch(int payees) {
      credit = new long[payees];
      total = new long[payees];
      period = new int[payees];
      pay = new long[payees];
    }
  }

  Scratch scratch() {
    return new Scratch(facts.payees.size());
  }

  /** Totals of one priced draw, in cents (meetings as a count). */
  static final class Totals {
    long revenue;
    long repPay;
    long partnerPay;
    long won;
    long routed;
    long routeEligible;
    long confirmed;
    long late;
    long meetings;
    /** Undiscounted revenue of the deals pulled in, less that of the deals pushed out. */
    long movedIn;
    /** Discount given on pulled-in deals, less the discount pushed-out deals recover. */
    long discount;

    /** These totals made equal to {@code other}. */
    void set(Totals other) {
      revenue = other.revenue;
      repPay = other.repPay;
      partnerPay = other.partnerPay;
      won = other.won;
      routed = other.routed;
      routeEligible = other.routeEligible;
      confirmed = other.confirmed;
      late = other.late;
      meetings = other.meetings;
      movedIn = other.movedIn;
      discount = other.discount;
    }
  }

  /**
   * Prices one draw. {@code choice[i]} holds bit 0 moved, bit 1 assisted, bit 2 routed, bit 3
   * implementation confirmed, bit 4 won; {@code meetings[k]} the meetings of key k.
   */
  void price(byte[] choice, long[] meetings, Scratch scratch, Totals totals) {
    priceDeals(choice, scratch, totals);
    priceMeetings(meetings, scratch.pay, totals);
  }

  /**
   * The deals of one draw ({@link #price} without the meetings): {@code scratch.pay} holds each
   * payee's pay from the deals and what is the same in every draw, {@code totals} every figure
   * but the meetings' (none counted, none paid).
   */
  void priceDeals(byte[] choice, Scratch scratch, Totals totals) {
    Arrays.fill(scratch.period, -1);
    long[] payeePay = scratch.pay;
    System.arraycopy(constantPay, 0, payeePay, 0, payeePay.length);
    long movedIn = 0;
    long discountSum = 0;
    long revenueSum = 0;
    long partnerSum = 0;
    long repSum = 0;
    long won = 0;
    long routed = 0;
    long eligible = 0;
    long confirmed = 0;
    long lateCount = 0;
    boolean[] routeEligible = facts.routeEligible;
    // the fields in locals: C1, which compiles compare, reloads a field on every use
    long[] revenue = this.revenue;
    byte[] move = this.move;
    long[] partnerPay = this.partnerPay;
    long[] dealSpiff = this.dealSpiff;
    long[] implementationSpiff = this.implementationSpiff;
    boolean[] late = this.late;
    int[] owner = facts.owner;
    int n = this.n;
    for (int i = 0; i < n; i++) {
      int c = choice[i];
      if ((c & 16) == 0) {
        continue;
      }
      int t = c & 1;
      int r = (c >> 2) & 1;
      won++;
      // exact sums: pay beyond a long throws (Simulation.BeyondCents), never wraps round
      revenueSum = Math.addExact(revenueSum, revenue[i * 2 + t]);
      if (t == 1 && move[i] != 0) {
        // pulled in: the revenue moved earlier; pushed out: taken from the earlier period
        movedIn = move[i] > 0 ? Math.addExact(movedIn, revenue[i * 2])
            : Math.subtractExact(movedIn, revenue[i * 2 + 1]);
        discountSum = Math.addExact(discountSum,
            Math.subtractExact(revenue[i * 2], revenue[i * 2 + 1]));
      }
      partnerSum = Math.addExact(partnerSum, partnerPay[(i * 2 + r) * 2 + t]);
      long spiffs = dealSpiff[i * 2 + r];
      if ((c & 8) != 0) {
        confirmed++;
        spiffs = Math.addExact(spiffs, implementationSpiff[i]);
      }
      repSum = Math.addExact(repSum, spiffs);
      payeePay[owner[i]] = Math.addExact(payeePay[owner[i]], spiffs);
      if (routeEligible[i]) {
        eligible++;
        routed += r;
      }
      if (late[i * 2 + t]) {
        lateCount++;
      }
    }
    int[] slots = order;
    int[] slotOwner = this.slotOwner;
    int[] slotPeriod = this.slotPeriod;
    long[] slotCredit = this.slotCredit;
    byte[] slotHold = this.slotHold;
    byte[] extraMask = this.extraMask;
    int[] extraStart = this.extraStart;
    int[] extraPayee = this.extraPayee;
    long[] extraCredit = this.extraCredit;
    byte[] extraHold = this.extraHold;
    long[] periodCredit = scratch.credit;
    long[] periodTotal = scratch.total;
    int[] payeePeriod = scratch.period;
    boolean exact = this.exact;
    long unitPeriods = this.unitPeriods;
    long unitDivisor = this.unitDivisor;
    long[] tierCap = this.tierCap;
    int[] tierStart = this.tierStart;
    long[] tierUpper = this.tierUpper;
    boolean[] tierRetroactive = this.tierRetroactive;
    long[] tierRate = this.tierRate;
    long[] tierBelow = this.tierBelow;
    long[] tierLower = this.tierLower;
    boolean[] outcomeFree = this.outcomeFree;
    for (int s = 0; s < slots.length; s++) {
      int slot = slots[s];
      int i = slot >> 1;
      int c = choice[i];
      if ((c & 16) == 0 || (c & 1) != (slot & 1)) {
        continue;
      }
      int at = s * 4 + (c >> 1 & 3);
      int p = slotPeriod[s];
      int shift = (c & 8) != 0 ? 3 : 0;
      // the slot's recipients, its owner first, then the variant's others (k to end): each
      // one's credit costs the commission it adds in the period (on the flattened long tiers,
      // or the engine's decimal schedule), split as HoldbackSplit says under the outcome mode.
      // One body for both, written out here with the arrays in locals: C1, which compiles
      // compare, did not inline it as a method (earn, a third of a run's samples with 8,000
      // reps) and reloaded its fields on every call
      int who = slotOwner[s];
      long credit = slotCredit[at];
      int mode = slotHold[at] >> shift;
      int k = 0;
      int end = 0;
      if ((extraMask[i] & (1 << (c & 7))) != 0) {
        int iv = i * 8 + (c & 7);
        k = extraStart[iv];
        end = extraStart[iv + 1];
      }
      while (true) {
        if (payeePeriod[who] != p) {
          payeePeriod[who] = p;
          periodCredit[who] = 0;
          periodTotal[who] = 0;
        }
        long before = periodCredit[who];
        long after = before + credit;
        long earned;
        if (exact) {
          // LongSchedule.total, inlined over the flattened tiers (FastPathDriftTest and
          // CompiledPlanTest hold it to the engine); T may wrap past a long, its difference
          // with the period's last T may not (see fitsInLongs)
          long scaled = after * unitPeriods;
          long cap = tierCap[who];
          long capped = scaled > cap ? cap : scaled;
          int j = tierStart[who];
          while (capped > tierUpper[j]) {
            j++;
          }
          long total = tierRetroactive[who] ? capped * tierRate[j]
              : tierBelow[j] + (capped - tierLower[j]) * tierRate[j];
          earned = Money.divideHalfEven(total - periodTotal[who], unitDivisor);
          periodTotal[who] = total;
        } else {
          earned = schedules[who].increment(before, credit);
        }
        periodCredit[who] = after;
        long cost = outcomeFree[who] ? earned : splits[who].cost(earned, mode);
        payeePay[who] = Math.addExact(payeePay[who], cost);
        repSum = Math.addExact(repSum, cost);
        if (k == end) {
          break;
        }
        who = extraPayee[k];
        credit = extraCredit[k];
        mode = extraHold[k] >> shift;
        k++;
      }
    }
    totals.revenue = revenueSum;
    totals.partnerPay = Math.addExact(partnerSum, rebateCents);
    totals.repPay = Math.addExact(Math.addExact(repSum, otherActivityCents), prizeCents);
    totals.won = won;
    totals.routed = routed;
    totals.routeEligible = eligible;
    totals.confirmed = confirmed;
    totals.late = lateCount;
    totals.meetings = 0;
    totals.movedIn = movedIn;
    totals.discount = discountSum;
  }

  /**
   * Whether a draw of these choices pays the same whichever implementation outcomes it draws
   * (bit 3 of {@code choice[i]} ignored): no won deal has an implementation spiff, and every
   * recipient of its variant either keeps no holdback that waits on the outcome or ends it the
   * same way, confirmed or failed (see {@link #priceDeals}, the only reader of that bit).
   */
  boolean payIgnoresOutcome(byte[] choice) {
    for (int i = 0; i < n; i++) {
      int c = choice[i];
      if ((c & 16) == 0) {
        continue;
      }
      if (implementationSpiff[i] != 0) {
        return false;
      }
      int iv = i * 8 + (c & 7);
      if (!endsAlike(facts.owner[i], ownerHold[iv])) {
        return false;
      }
      if ((extraMask[i] & (1 << (c & 7))) != 0) {
        for (int k = extraStart[iv]; k < extraStart[iv + 1]; k++) {
          if (!endsAlike(extraPayee[k], extraHold[k])) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Whether {@code who}'s holdback on a credit costs the same under both outcomes. */
  private boolean endsAlike(int who, byte hold) {
    // priceDeals reads a mode's low three bits: the failed outcome's, or the confirmed one's
    // shifted
    return outcomeFree[who] || (hold & 7) == (hold >> 3 & 7);
  }

  /**
   * Adds the meetings of one draw ({@code meetings[k]} those of key k) to a draw's deals priced
   * by {@link #priceDeals}: what each payee's meetings pay into {@code payeePay}, their count and
   * pay into {@code totals}.
   */
  void priceMeetings(long[] meetings, long[] payeePay, Totals totals) {
    long meetingCount = 0;
    long meetingCents = 0;
    for (int k = 0; k < meetings.length; k++) {
      long count = meetings[k];
      meetingCount = Math.addExact(meetingCount, count);
      // exact: a large count of a large spiff throws (Simulation.BeyondCents), never wraps
      if (meetingUnitCents >= 0) {
        long one = Math.multiplyExact(meetingUnitCents, count);
        meetingCents = Math.addExact(meetingCents, one);
        if (meetingRep[k] >= 0) {
          payeePay[meetingRep[k]] = Math.addExact(payeePay[meetingRep[k]], one);
        }
      } else {
        for (BigDecimal amount : meetingSpiffs) {
          long one = cents(Money.round(amount.multiply(BigDecimal.valueOf(count))));
          meetingCents = Math.addExact(meetingCents, one);
          if (meetingRep[k] >= 0) {
            payeePay[meetingRep[k]] = Math.addExact(payeePay[meetingRep[k]], one);
          }
        }
      }
    }
    totals.repPay = Math.addExact(totals.repPay, meetingCents);
    totals.meetings = meetingCount;
  }

  /**
   * The data set a draw describes, for the full engine: lost deals, moved and discounted closes,
   * routes, assists, implementation outcomes and the drawn meetings.
   */
  DataSet apply(byte[] choice, long[] meetings) {
    DataSet data = facts.engine.data();
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int c = choice[i];
      Deal deal = variant(i, (c & 4) != 0, (c & 2) != 0, (c & 1) != 0, movedClose(i))
          .withImplementation((c & 8) != 0 ? Implementation.CONFIRMED : Implementation.FAILED,
              facts.implementationDate[i]);
      deals.add((c & 16) != 0 ? deal : DealFacts.lost(deal));
    }
    List<Activity> activities = new ArrayList<>();
    for (Activity activity : facts.engine.activities()) {
      if (!Simulation.MEETING.equalsIgnoreCase(activity.activity())) {
        activities.add(activity);
      }
    }
    for (int k = 0; k < meetings.length; k++) {
      activities.add(new Activity(meetingRepId[k], meetingDay[k], Simulation.MEETING,
          Math.toIntExact(meetings[k])));
    }
    return new DataSet(deals, data.reps(), data.partners(), activities, data.fxRates());
  }

  /** Sums a ledger line into totals as {@link #price} does: rep pay and partner pay. */
  static void count(LedgerLine line, Totals totals) {
    long cost = cents(line.cost());
    if (line.payeeKind() == PayeeKind.REP) {
      totals.repPay = Math.addExact(totals.repPay, cost);
    } else {
      totals.partnerPay = Math.addExact(totals.partnerPay, cost);
    }
  }

  /** Commission a credit adds on top of the credit already booked, in cents. */
  interface Schedule {
    long increment(long before, long credit);
  }

  /** The engine's own schedule, for plans whose numbers do not fit the long arithmetic. */
  static final class DecimalSchedule implements Schedule {
    private final CommissionSchedule schedule;
    private final int scale;

    DecimalSchedule(CommissionSchedule schedule, int scale) {
      this.schedule = schedule;
      this.scale = scale;
    }

    @Override
    public long increment(long before, long credit) {
      return cents(schedule.increment(BigDecimal.valueOf(before, scale),
          BigDecimal.valueOf(credit, scale), false).commission());
    }
  }

  /** Whether a role of the plan has a draw. */
  static boolean hasDraws(Plan plan) {
    boolean any = plan.rules().draw() != null;
    for (var rules : plan.roles().values()) {
      any = any || rules.draw() != null;
    }
    return any;
  }

  /** A draw's line: carried as the engine paid it on the observed data, like a prize. */
  static boolean isDraw(Component component) {
    return component == Component.DRAW || component == Component.DRAW_RECOVERY
        || component == Component.GUARANTEE;
  }
}
