package dev.compsim.behavior;

import dev.compsim.engine.CommissionSchedule;
import dev.compsim.engine.Component;
import dev.compsim.engine.Engine;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.LongSchedule;
import dev.compsim.engine.PayeeKind;
import dev.compsim.engine.Status;
import dev.compsim.model.Activity;
import dev.compsim.model.Commission;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Implementation;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Tier;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Incentive gradients: for each rep under one plan, what each choice is worth to the rep. The
 * figures come from the payout engine itself, so a gradient follows whatever the engine does and
 * is never a separate formula:
 *
 * <ul>
 *   <li>route, engage, team and meetings: one engine run per plan over a scenario book in which
 *       every rep sells their typical deal (median won amount) on top of their typical period
 *       credit, once per scenario, each scenario in a period of its own after as-of: direct,
 *       through the typical reseller, with a specialist, confirmed or failed at the quartiles of
 *       the observed implementation lag, plus one logged meeting. Each rep gets their own copy of
 *       the reseller and the specialist, so no rep's scenarios touch another's attainment and the
 *       work grows with the number of reps, not its square;
 *   <li>effort: the expected pay of one more typical deal over the rep's observed spread of
 *       period credits (the last few complete periods, empty ones included): the engine's
 *       commission schedule at each period's credit, times the share of commission the direct
 *       scenario kept after its holdback, plus the deal's spiffs, in the rep's own mix of direct
 *       and partner deals (a partner deal paying what the route scenario paid against the direct
 *       one). Zero above a cap, low where the rep sits far below a low tier, high where
 *       accelerators pay;
 *   <li>timing: the change in the rep's total pay over two periods when a deal moves from the
 *       next period into this one, averaged over the rep's observed pairs of consecutive period
 *       credits; it is zero under a linear plan, positive where the deal would cross into an
 *       accelerator, negative when it runs into a cap.
 * </ul>
 *
 * For the pull-in discount each rep also carries, per pair of periods, the distance from the
 * period's attainment to the next accelerator threshold. Amounts are pay in the plan's currency.
 */
public final class Gradients {
  /** The quartiles of the observed implementation lag the engagement gradient averages over. */
  static final double[] LAG_QUANTILES = {0.25, 0.5, 0.75};
  private static final int BASE = 0;
  private static final int ROUTE = 1;
  private static final int TEAM = 2;
  private static final int CONFIRMED = 3;
  private static final int FAILED = CONFIRMED + LAG_QUANTILES.length;
  private static final int SLOTS = FAILED + LAG_QUANTILES.length;
  private static final String SEP = "\u0000";

  private Gradients() {}

  /** One rep's gradients under one plan. */
  public static final class RepGradient {
    private final String rep;
    private final BigDecimal monthlyOte;
    private final Map<Behavior, BigDecimal> owner;
    // by behavior ordinal: the reports and the responses read every rep's gradient of every
    // behavior, and a look-up in the map was a call through two maps
    private final BigDecimal[] byBehavior;
    private final BigDecimal specialistGain;
    private final double[] thresholdDistances;

    /**
     * @param thresholdDistances per observed pair of periods, how far the first period's
     *     attainment is below the next accelerator threshold (infinite when none is above it)
     */
    public RepGradient(String rep, BigDecimal monthlyOte, Map<Behavior, BigDecimal> owner,
        BigDecimal specialistGain, double[] thresholdDistances) {
      this.rep = rep;
      this.monthlyOte = monthlyOte;
      this.owner = Collections.unmodifiableMap(new EnumMap<>(owner));
      this.byBehavior = new BigDecimal[Behavior.values().length];
      this.owner.forEach((behavior, value) -> byBehavior[behavior.ordinal()] = value);
      this.specialistGain = specialistGain;
      this.thresholdDistances = thresholdDistances.clone();
    }

    /** Rep {@code rep}'s gradients where they are {@code like}'s: only the rep and OTE differ. */
    RepGradient(String rep, BigDecimal monthlyOte, RepGradient like) {
      this.rep = rep;
      this.monthlyOte = monthlyOte;
      this.owner = like.owner;
      this.byBehavior = like.byBehavior;
      this.specialistGain = like.specialistGain;
      this.thresholdDistances = like.thresholdDistances;
    }

    public String rep() {
      return rep;
    }

    public BigDecimal monthlyOte() {
      return monthlyOte;
    }

    /** The owner's gradient of each behavior. */
    public Map<Behavior, BigDecimal> owner() {
      return owner;
    }

    public BigDecimal specialistGain() {
      return specialistGain;
    }

    public double[] thresholdDistances() {
      return thresholdDistances;
    }

    public BigDecimal of(Behavior behavior) {
      return byBehavior[behavior.ordinal()];
    }

    /**
     * What stands for this rep's figures by identity: the same object for reps whose gradients
     * were computed once for all of them (see {@code Book.gradient}), who differ at most in rep
     * and OTE.
     */
    Object figures() {
      return byBehavior;
    }

    /**
     * The discount a deal this rep pulls in carries: {@code atThreshold} less {@code slope} per
     * unit of attainment between the rep and the next accelerator threshold, never below zero,
     * averaged over the rep's observed pairs of periods (zero without any).
     */
    public double pullInDiscount(double atThreshold, double slope) {
      if (thresholdDistances.length == 0) {
        return 0;
      }
      double sum = 0;
      for (double distance : thresholdDistances) {
        sum += Math.max(0, atThreshold - slope * distance);
      }
      return Math.min(0.9, sum / thresholdDistances.length);
    }
  }

  /** Every rep's gradients under one plan, by rep id. */
  public record PlanGradients(String plan, Map<String, RepGradient> reps) {
    public PlanGradients {
      reps = IdOrder.map(reps);
    }

    /** The gradient of {@code behavior} across reps, in rep order. */
    public List<BigDecimal> values(Behavior behavior) {
      List<BigDecimal> out = new ArrayList<>(reps.size());
      reps.values().forEach(r -> out.add(r.of(behavior)));
      return out;
    }

    /**
     * Each rep's gradient of {@code behavior} by rep id, in rep order: a read-only view of
     * {@link #reps}, not a copy (report.json lists every rep's gradient of every behavior under
     * every plan, and with 100,000 reps copying them into maps was among compare's most
     * sampled frames).
     */
    public Map<String, BigDecimal> byRep(Behavior behavior) {
      return new ByRep(reps, behavior);
    }
  }

  /** {@link PlanGradients#byRep}: one behavior's gradients read off the reps' as asked. */
  private static final class ByRep extends java.util.AbstractMap<String, BigDecimal> {
    private final Map<String, RepGradient> reps;
    private final Behavior behavior;

    ByRep(Map<String, RepGradient> reps, Behavior behavior) {
      this.reps = reps;
      this.behavior = behavior;
    }

    @Override
    public java.util.Set<Map.Entry<String, BigDecimal>> entrySet() {
      return new java.util.AbstractSet<>() {
        @Override
        public java.util.Iterator<Map.Entry<String, BigDecimal>> iterator() {
          return reps.entrySet().stream().<Map.Entry<String, BigDecimal>>map(rep ->
              new SimpleImmutableEntry<>(rep.getKey(), rep.getValue().of(behavior))).iterator();
        }

        @Override
        public int size() {
          return reps.size();
        }
      };
    }

    @Override
    public BigDecimal get(Object rep) {
      RepGradient gradient = reps.get(rep);
      return gradient == null ? null : gradient.of(behavior);
    }
  }

  /** The gradients of every rep in the data under {@code plan}. */
  public static PlanGradients of(Plan plan, Typical typical, long assumedLagDays) {
    return of(plan, typical, assumedLagDays,
        IdOrder.values(typical.engine().data().reps()));
  }

  /** One rep's gradients under {@code plan}, with the assumed lag's default. */
  public static RepGradient of(Plan plan, Typical typical, Rep rep) {
    long lag = (long) Assumption.IMPLEMENTATION_LAG_DAYS.defaultValue();
    return of(plan, typical, lag, List.of(rep)).reps().get(rep.id());
  }

  /** The gradients of {@code reps} under {@code plan}. */
  public static PlanGradients of(Plan plan, Typical typical, long assumedLagDays,
      Collection<Rep> reps) {
    return price(plan, new Scenarios(plan.calendar(), engagementPays(plan), typical,
        assumedLagDays, reps));
  }

  /**
   * The gradients of every rep under each of {@code plans}, in plan order. Plans on the same
   * calendar share one scenario book (the scenarios depend on nothing else of a plan but whether
   * engagement pays, and a plan whose engagement pays nothing is paid alike on its confirmed and
   * failed slots); each plan prices it with the engine, the plans in parallel.
   */
  public static List<PlanGradients> of(List<Plan> plans, Typical typical, long assumedLagDays) {
    Collection<Rep> reps = IdOrder.values(typical.engine().data().reps());
    Map<FiscalCalendar, Boolean> engagement = new HashMap<>();
    plans.forEach(plan ->
        engagement.merge(plan.calendar(), engagementPays(plan), Boolean::logicalOr));
    Map<FiscalCalendar, Scenarios> books = new java.util.concurrent.ConcurrentHashMap<>();
    return plans.parallelStream().map(plan -> price(plan, books.computeIfAbsent(
        plan.calendar(), calendar -> new Scenarios(calendar, engagement.get(calendar), typical,
            assumedLagDays, reps))))
        .toList();
  }

  /**
   * The gradients of every rep under {@code plan} with the scenario book priced by the ledger
   * alone, never the columnar pass: for tests that hold the two to the same figures.
   */
  static PlanGradients byLedger(Plan plan, Typical typical, long assumedLagDays) {
    return price(plan, new Scenarios(plan.calendar(), engagementPays(plan), typical,
        assumedLagDays, IdOrder.values(typical.engine().data().reps())), true);
  }

  private static PlanGradients price(Plan plan, Scenarios scenarios) {
    return price(plan, scenarios, false);
  }

  private static PlanGradients price(Plan plan, Scenarios scenarios, boolean byLedger) {
    Book book = new Book(plan, scenarios, byLedger);
    book.price();
    Map<String, RepGradient> out = new LinkedHashMap<>();
    for (int r = 0; r < scenarios.reps.size(); r++) {
      out.put(scenarios.reps.get(r).id(), book.gradient(r));
    }
    return new PlanGradients(plan.name(), out);
  }

  /**
   * The deals in the scenario book of {@code plan}: the engine evaluates them once per plan to
   * price the gradients, at most {@code 2 × 9} per rep (a prior credit and a scenario deal in
   * each slot), so the work grows with the reps, not their square.
   */
  public static int scenarioDeals(Plan plan, Typical typical, long assumedLagDays) {
    return new Scenarios(plan.calendar(), engagementPays(plan), typical, assumedLagDays,
        IdOrder.values(typical.engine().data().reps())).deals;
  }

  /** How many reps sell in the scenario book of {@code plan}: one per set of twins. */
  static int sellers(Plan plan, Typical typical, long assumedLagDays) {
    return new Scenarios(plan.calendar(), engagementPays(plan), typical, assumedLagDays,
        IdOrder.values(typical.engine().data().reps())).sellers.size();
  }

  /**
   * Whether confirming or failing an implementation can change what the plan pays, in any of its
   * versions (the scenarios close after as-of, where a later version may be in force): a
   * holdback, a clawback or an implementation spiff. Without one the engagement scenarios are
   * not priced.
   */
  private static boolean engagementPays(Plan plan) {
    for (Plan version : plan.versions()) {
      List<dev.compsim.model.Rules> all = new ArrayList<>(version.roles().values());
      all.add(version.rules());
      if (all.stream().anyMatch(r -> r.holdback().holdsBack() || r.holdback().clawback())
          || version.spiffs().stream()
              .anyMatch(spiff -> spiff instanceof dev.compsim.model.Spiff.ImplementationSpiff)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The scenario book of a calendar: every rep sells their typical deal in each slot, each slot
   * in a period of its own after as-of, in one data set with its engine. It depends on a plan
   * only through the calendar and whether engagement pays.
   */
  private static final class Scenarios {
    final Typical typical;
    final List<Rep> reps;
    /**
     * The reps who sell in the book: one per set of reps whose scenarios the engine prices alike
     * (see {@link #twins}), in rep order; {@code bookOf[r]} is rep r's place among them.
     */
    final List<Rep> sellers = new ArrayList<>();
    final int[] bookOf;
    final long[] lags = new long[LAG_QUANTILES.length];
    final long medianLag;
    final List<FiscalPeriod> periods = new ArrayList<>();
    /** By deal id: seller × SLOTS + slot, for the ledger's lines; made when first asked. */
    private Map<String, Integer> scenarioOfId;
    /** By deal, in the data set's order: seller × SLOTS + slot, or -1 for a prior deal. */
    int[] scenarioOfRow;
    final Map<String, Integer> specialistOf = new HashMap<>();
    final Map<String, Integer> sellerIndex = new HashMap<>();
    final Engine engine;
    final int deals;

    Scenarios(FiscalCalendar calendar, boolean engagementPays, Typical typical, long assumedLag,
        Collection<Rep> reps) {
      this.typical = typical;
      this.reps = List.copyOf(reps);
      this.bookOf = new int[this.reps.size()];
      Map<Object, Integer> seen = new HashMap<>();
      for (int r = 0; r < this.reps.size(); r++) {
        Rep rep = this.reps.get(r);
        Integer at = seen.putIfAbsent(twins(rep, calendar), sellers.size());
        if (at == null) {
          bookOf[r] = sellers.size();
          sellerIndex.put(rep.id(), sellers.size());
          sellers.add(rep);
        } else {
          bookOf[r] = at;
        }
      }
      for (int q = 0; q < LAG_QUANTILES.length; q++) {
        lags[q] = typical.lag(LAG_QUANTILES[q], assumedLag);
      }
      medianLag = typical.lag(0.5, assumedLag);
      FiscalPeriod period = calendar.periodOf(typical.engine().asOf());
      for (int s = 0; s < SLOTS; s++) {
        period = calendar.periodOf(period.end().plusDays(1));
        periods.add(period);
      }
      DataSet data = build(calendar, engagementPays);
      deals = data.deals().size();
      // years after the last scenario: every holdback has been decided
      engine = new Engine(data, periods.get(SLOTS - 1).end().plusYears(10));
    }

    /** Deal {@code id}'s seller × SLOTS + slot, or null for a prior deal. */
    synchronized Integer scenarioOf(String id) {
      if (scenarioOfId == null) {
        scenarioOfId = new HashMap<>();
        List<Deal> deals = engine.data().deals();
        for (int row = 0; row < scenarioOfRow.length; row++) {
          if (scenarioOfRow[row] >= 0) {
            scenarioOfId.put(deals.get(row).id(), scenarioOfRow[row]);
          }
        }
      }
      return scenarioOfId.get(id);
    }

    /**
     * What the engine reads of a rep to price their scenarios: their role and quota, their
     * typical deal and typical period credit, and whether they are the typical specialist (whose
     * specialist copy is themselves). Reps alike in all of it are paid alike on every scenario
     * (each rep's scenarios touch nobody else's: their own reseller and specialist copies, periods
     * of their own), so one of them sells for all: in generated data with 8,000 reps, the 3,833
     * who won nothing are 348 sellers. Amounts compare with their scale, so a twin is never
     * found where the engine could round differently. {@code GradientsTest} holds the figures
     * equal to a book of each rep alone.
     */
    private Object twins(Rep rep, FiscalCalendar calendar) {
      return List.of(String.valueOf(rep.role()), rep.quota(), typical.deal(rep.id()),
          typical.periodCredit(rep.id(), calendar),
          rep.id().equals(typical.specialist()) ? rep.id() : "");
    }

    /**
     * Every seller's scenarios: the data set the engine prices. The deals are made slot by slot,
     * each slot's prior deals (on the period's first day) before its scenario deals (on its last),
     * every group in rep order: with the reps in id order that is the engine's pay order, so the
     * engine need not sort them (it sorts any other order itself).
     */
    private DataSet build(FiscalCalendar calendar, boolean engagementPays) {
      Engine engine = typical.engine();
      Map<String, Rep> known = new HashMap<>(engine.data().reps());
      Map<String, Partner> partners = new HashMap<>();
      List<Activity> activities = new ArrayList<>();
      Partner reseller = typical.partner();
      String[] specialists = new String[sellers.size()];
      String[] resellers = new String[sellers.size()];
      BigDecimal[] priors = new BigDecimal[sellers.size()];
      BigDecimal[] amounts = new BigDecimal[sellers.size()];
      for (int r = 0; r < sellers.size(); r++) {
        Rep rep = sellers.get(r);
        known.put(rep.id(), rep);
        // the rep's own copies of the typical specialist and reseller
        Rep like = typical.specialist() != null && !typical.specialist().equals(rep.id())
            ? engine.data().rep(typical.specialist()) : rep;
        // the rep's id first: ids that differ only in their end hash to neighbouring values,
        // and a common prefix put the specialists' run of hashes beside the reps' own, where
        // the data set's immutable map (linear probing) walked one long cluster per look-up
        Rep specialist = new Rep(rep.id() + SEP + "specialist", like.name(), like.role(),
            like.territory(), like.quota(), like.ote());
        known.put(specialist.id(), specialist);
        specialistOf.put(specialist.id(), r);
        specialists[r] = specialist.id();
        if (reseller != null) {
          // no channel manager: an overlay credits the manager, never the owner
          Partner partner = new Partner(reseller.id() + SEP + rep.id(), reseller.name(),
              reseller.type(), reseller.tier(), reseller.certifications(),
              reseller.independent(), reseller.rebateEnrolled(), reseller.fiscalYearStart(),
              null);
          partners.put(partner.id(), partner);
          resellers[r] = partner.id();
        }
        priors[r] = typical.periodCredit(rep.id(), calendar);
        amounts[r] = typical.deal(rep.id());
        activities.add(new Activity(rep.id(), periods.get(BASE).start(), Simulation.MEETING, 1));
      }
      List<Deal> deals = new ArrayList<>();
      int[] ofRow = new int[SLOTS * 2 * sellers.size()];
      for (int s = 0; s < SLOTS; s++) {
        if (s >= CONFIRMED && !engagementPays) {
          break; // confirmed or failed pays the same: the engagement gradient is 0
        }
        FiscalPeriod period = periods.get(s);
        for (int r = 0; r < sellers.size(); r++) {
          if (priors[r].signum() > 0) {
            ofRow[deals.size()] = -1;
            deals.add(Deal.direct(SEP + "prior" + SEP + s + SEP + sellers.get(r).id(),
                sellers.get(r).id(), period.start(), priors[r])
                .withImplementation(Implementation.CONFIRMED, period.start()));
          }
        }
        if (s == ROUTE && reseller == null) {
          continue; // no reseller in the data: routing is not priced
        }
        LocalDate close = period.end();
        for (int r = 0; r < sellers.size(); r++) {
          Rep rep = sellers.get(r);
          String id = SEP + "deal" + SEP + s + SEP + rep.id();
          Deal deal = Deal.direct(id, rep.id(), close, amounts[r])
              .withImplementation(Implementation.CONFIRMED, close.plusDays(medianLag));
          if (s == ROUTE) {
            deal = deal.withPartner(resellers[r], PartnerRole.RESELL);
          } else if (s == TEAM) {
            deal = deal.withAssists(List.of(specialists[r]));
          } else if (s >= CONFIRMED && s < FAILED) {
            deal = deal.withImplementation(Implementation.CONFIRMED,
                close.plusDays(lags[s - CONFIRMED]));
          } else if (s >= FAILED) {
            deal = deal.withImplementation(Implementation.FAILED, close.plusDays(lags[s - FAILED]));
          }
          ofRow[deals.size()] = r * SLOTS + s;
          deals.add(deal);
        }
      }
      scenarioOfRow = java.util.Arrays.copyOf(ofRow, deals.size());
      return new DataSet(deals, known, partners, activities, engine.data().fxRates());
    }
  }

  /** One plan's prices of a scenario book: what each rep's scenarios pay. */
  private static final class Book {
    final Plan plan;
    final Typical typical;
    final Scenarios scenarios;
    final List<Rep> reps;
    // by rep and slot: the owner's counted pay on the scenario deal
    final BigDecimal[][] pay;
    final BigDecimal[] specialistGain;
    final BigDecimal[] meeting;
    final BigDecimal[] earned; // commission earned on the direct deal, before any holdback
    final BigDecimal[] counted; // of it, what counts as cost
    final BigDecimal[] spiffs; // spiffs counted on the direct deal

    final boolean byLedger;
    /** By commission and quota: the schedules the per-rep effort and timing ask. */
    private final Map<Commission, Map<BigDecimal, Increments>> increments =
        new java.util.IdentityHashMap<>();

    private Increments increments(Commission commission, BigDecimal quota, int periodsPerYear) {
      return increments.computeIfAbsent(commission, k -> new HashMap<>())
          .computeIfAbsent(quota, q -> new Increments(commission, q, periodsPerYear));
    }

    Book(Plan plan, Scenarios scenarios, boolean byLedger) {
      this.plan = plan;
      this.typical = scenarios.typical;
      this.scenarios = scenarios;
      this.reps = scenarios.reps;
      this.byLedger = byLedger;
      int n = scenarios.sellers.size();
      pay = new BigDecimal[n][SLOTS];
      specialistGain = new BigDecimal[n];
      meeting = new BigDecimal[n];
      earned = new BigDecimal[n];
      counted = new BigDecimal[n];
      spiffs = new BigDecimal[n];
      zero();
    }

    private void zero() {
      for (BigDecimal[] row : pay) {
        java.util.Arrays.fill(row, Money.ZERO);
      }
      for (BigDecimal[] a : List.of(specialistGain, meeting, earned, counted, spiffs)) {
        java.util.Arrays.fill(a, Money.ZERO);
      }
    }

    /**
     * Prices every rep's scenarios in one run of the engine: its columnar pass, told each rep
     * line of each deal; the ledger when the plan's numbers need decimals. Either way every line
     * goes through {@link #count(int, int, String, Component, Status, BigDecimal)}, and
     * {@code GradientsTest} holds the two to the same figures.
     */
    void price() {
      if (byLedger || !scenarios.engine.evaluateByDeal(plan, this::count, this::count)) {
        zero(); // the columnar pass stopped part way: what it told is void
        scenarios.engine.evaluate(plan, this::count, false);
      }
    }

    /** A line of the ledger: its deal's scenario found by id. */
    private void count(LedgerLine line) {
      if (line.payeeKind() != PayeeKind.REP) {
        return;
      }
      if (line.dealId() == null) {
        if (line.component() == Component.SPIFF) {
          Integer r = scenarios.sellerIndex.get(line.payee());
          if (r != null) {
            meeting[r] = meeting[r].add(line.cost());
          }
        }
        return;
      }
      Integer at = scenarios.scenarioOf(line.dealId());
      if (at != null) { // else a prior deal
        count(at / SLOTS, at % SLOTS, line.payee(), line.component(), line.status(),
            line.amount());
      }
    }

    /** A rep's line on a deal of the columnar pass: its scenario found by row. */
    private void count(int row, Rep payee, Component component, Status status, long cents) {
      int at = scenarios.scenarioOfRow[row];
      if (at >= 0) { // else a prior deal
        count(at / SLOTS, at % SLOTS, payee.id(), component, status,
            BigDecimal.valueOf(cents, Money.SCALE));
      }
    }

    /** A rep's line on seller r's scenario deal in slot s. */
    private void count(int r, int s, String payee, Component component, Status status,
        BigDecimal amount) {
      BigDecimal cost = LedgerLine.cost(status, amount);
      if (payee.equals(scenarios.sellers.get(r).id())) {
        pay[r][s] = pay[r][s].add(cost);
        if (s == BASE) {
          if (component == Component.COMMISSION) {
            if (status.partOfEarned()) {
              earned[r] = earned[r].add(amount);
            }
            counted[r] = counted[r].add(cost);
          } else if (component == Component.SPIFF) {
            spiffs[r] = spiffs[r].add(cost);
          }
        }
      } else if (s == TEAM && scenarios.specialistOf.containsKey(payee)) {
        specialistGain[r] = specialistGain[r].add(cost);
      }
    }

    /**
     * By what a rep's gradients read beyond their seller's scenarios (the seller, the rep's
     * period credits and routed share): the first rep's gradients. A seller's twins share role,
     * quota and typical deal, so reps alike in these get the same figures: with 8,000 generated
     * reps, the 3,833 who won nothing are priced once per seller, not once each.
     */
    private final Map<List<Object>, RepGradient> alike = new HashMap<>();

    RepGradient gradient(int r) {
      Rep rep = reps.get(r);
      int b = scenarios.bookOf[r]; // the seller whose scenarios price the rep's
      BigDecimal monthly = rep.ote().divide(BigDecimal.valueOf(12), 2, Money.ROUNDING);
      List<BigDecimal> credits = typical.periodCredits(rep.id(), plan.calendar());
      double routed = typical.routedShare(rep.id());
      List<Object> key = List.of(b, credits, routed);
      RepGradient like = alike.get(key);
      if (like != null) {
        return new RepGradient(rep.id(), monthly, like);
      }
      RepGradient gradient = gradient(rep, b, monthly, credits, routed);
      alike.put(key, gradient);
      return gradient;
    }

    /** Rep {@code rep}'s gradients, priced by seller b's scenarios, from its credits and mix. */
    private RepGradient gradient(Rep rep, int b, BigDecimal monthly, List<BigDecimal> credits,
        double routed) {
      Map<Behavior, BigDecimal> owner = new EnumMap<>(Behavior.class);
      BigDecimal direct = pay[b][BASE];
      owner.put(Behavior.ROUTE, typical.partner() == null ? Money.ZERO
          : pay[b][ROUTE].subtract(direct));
      BigDecimal engage = Money.ZERO;
      for (int q = 0; q < LAG_QUANTILES.length; q++) {
        engage = engage.add(pay[b][CONFIRMED + q].subtract(pay[b][FAILED + q]));
      }
      owner.put(Behavior.ENGAGE, Money.round(engage.divide(
          BigDecimal.valueOf(LAG_QUANTILES.length), MathContext.DECIMAL64)));
      owner.put(Behavior.MEETINGS, meeting[b]);
      owner.put(Behavior.TEAM, pay[b][TEAM].subtract(direct));

      // effort and timing: the engine's schedule over the rep's observed period credits
      int periodsPerYear = plan.calendar().length().perYear();
      var rules = plan.rulesFor(rep.role());
      Increments schedule = increments(rules.commission(), rep.quota(), periodsPerYear);
      BigDecimal keep = earned[b].signum() == 0 ? BigDecimal.ONE
          : counted[b].divide(earned[b], MathContext.DECIMAL64);
      BigDecimal deal = typical.deal(rep.id());
      BigDecimal effort;
      if (credits.isEmpty()) {
        effort = direct;
      } else {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal last = null; // the previous period's credit and its term: empty periods
        BigDecimal term = null; // repeat, and a rep who won nothing has eight of them
        for (BigDecimal credit : credits) {
          if (!credit.equals(last)) {
            last = credit;
            term = keep.multiply(schedule.of(credit, deal));
          }
          sum = sum.add(term).add(spiffs[b]);
        }
        effort = sum.divide(BigDecimal.valueOf(credits.size()), MathContext.DECIMAL64);
      }
      // in the rep's own mix of direct and partner deals: a partner deal pays what the route
      // scenario paid against the direct one
      if (routed > 0 && typical.partner() != null && direct.signum() > 0) {
        BigDecimal ratio = pay[b][ROUTE].divide(direct, MathContext.DECIMAL64);
        effort = effort.multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(routed))
            .add(BigDecimal.valueOf(routed).multiply(ratio)), MathContext.DECIMAL64);
      }
      owner.put(Behavior.EFFORT, Money.round(effort));

      BigDecimal periodQuota = rep.quota().divide(BigDecimal.valueOf(periodsPerYear),
          MathContext.DECIMAL64);
      List<Double> distances = new ArrayList<>();
      BigDecimal timing = BigDecimal.ZERO;
      int pairs = 0;
      for (int k = 0; k + 1 < credits.size(); k++) {
        BigDecimal next = credits.get(k + 1);
        if (next.signum() <= 0) {
          continue; // nothing in the next period to pull in
        }
        BigDecimal moved = deal.min(next);
        BigDecimal here = credits.get(k);
        BigDecimal gain = schedule.of(here, moved)
            .subtract(schedule.of(next.subtract(moved), moved));
        timing = timing.add(keep.multiply(gain));
        pairs++;
        distances.add(periodQuota.signum() == 0 ? Double.POSITIVE_INFINITY
            : distanceToThreshold(rules.commission().tiers(),
                here.divide(periodQuota, MathContext.DECIMAL64).doubleValue()));
      }
      owner.put(Behavior.TIMING, pairs == 0 ? Money.ZERO
          : Money.round(timing.divide(BigDecimal.valueOf(pairs), MathContext.DECIMAL64)));

      return new RepGradient(rep.id(), monthly, owner, specialistGain[b],
          distances.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }

  /**
   * The commission a credit adds on top of what a period already holds, as the engine's schedule
   * of one commission and quota gives it: in long integers where the numbers fit (the columnar
   * pass's {@link LongSchedule}, which {@code CommissionScheduleExactnessTest} holds equal to
   * the decimal one, scale included), else in decimals. Reps alike in commission and quota share
   * one: the gradients ask it some twenty times a rep.
   */
  static final class Increments {
    /** Credits in units of 10^-4 at least: typical deals and credits are cents or halves. */
    private static final int CREDIT_SCALE = 4;
    private final CommissionSchedule decimal;
    private final LongSchedule inLongs; // null where the numbers need decimals
    private final int scale;

    Increments(Commission commission, BigDecimal quota, int periodsPerYear) {
      decimal = new CommissionSchedule(commission, quota, periodsPerYear);
      LongSchedule.Scales scales = new LongSchedule.Scales(CREDIT_SCALE);
      scales.add(commission, quota);
      LongSchedule longs;
      try {
        longs = new LongSchedule(commission, quota, periodsPerYear, scales.scale(),
            scales.rateScale());
      } catch (ArithmeticException tooLarge) {
        longs = null;
      }
      inLongs = longs;
      scale = scales.scale();
    }

    BigDecimal of(BigDecimal before, BigDecimal credit) {
      if (inLongs != null) {
        try {
          return BigDecimal.valueOf(inLongs.increment(before.movePointRight(scale)
              .longValueExact(), credit.movePointRight(scale).longValueExact()), Money.SCALE);
        } catch (ArithmeticException notInLongs) {
          // finer than the scale or beyond a long: the decimal schedule below
        }
      }
      return decimal.increment(before, credit, false).commission();
    }
  }

  /**
   * How far attainment {@code at} is below the next accelerator threshold: the upper bound of a
   * tier whose successor pays a higher rate. Infinite when no such bound lies at or above it.
   */
  static double distanceToThreshold(List<Tier> tiers, double at) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i + 1 < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      if (tier.to() != null && tiers.get(i + 1).rate().compareTo(tier.rate()) > 0) {
        double bound = tier.to().doubleValue();
        if (bound >= at) {
          best = Math.min(best, bound - at);
        }
      }
    }
    return best;
  }
}
