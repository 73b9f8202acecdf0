package dev.compsim.behavior;

import dev.compsim.engine.Engine;
import dev.compsim.model.DealColumns;
import dev.compsim.model.Money;
import dev.compsim.model.Plan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The Monte Carlo of the behavior model. Each run draws, for every won deal, its route, team,
 * timing, engagement, implementation outcome and whether it is won at all, and for every rep and
 * period the meetings booked; then re-prices every plan on those draws with the compiled plans.
 *
 * <p>The same uniform numbers drive every plan in a run (common random numbers), so differences
 * between plans are not noise from separate draws. Run k's generator is XoRoShiRo128++ seeded from
 * SplitMix64 on (seed, k): runs may go in any order on any thread and give the same numbers on
 * every JDK. Results are kept in run order.
 *
 * <p>Consequences of a choice (see {@link Assumption}). The opportunities are the deals won or
 * lost by as-of. A choice multiplies the chance of winning by f = (1 + u·r)/(1 + u·r0) for the
 * partner uplift u (r the drawn route, r0 the route in the data), times the same ratio for the
 * specialist uplift, times 1 + conversion·(meeting factor − 1) for the owner's meetings. Outcomes
 * are coupled to what happened, as if the baseline's outcome were U < w0 and the new one U < f·w0
 * for one uniform U and the observed win rate w0: a won deal stays won with probability min(1,
 * f), a lost deal turns into a win with probability (f − 1)·w0/(1 − w0) when f > 1. Drawn as in
 * the data, every deal ends as it did. An engaged seller's implementation is confirmed with
 * probability c0 + effect·(1 − c0), a disengaged one's c0 − effect·c0 (c0 the observed confirmed
 * share), so the baseline keeps c0; a pulled-in deal closes on the last day of the previous
 * period at a discount.
 */
public final class Simulation {
  /** The activity the meetings behavior counts. */
  public static final String MEETING = "meeting";
  /** Random longs per deal and run: each gives three 21-bit uniforms. */
  private static final int DRAWS = 2;
  private static final int BITS = 21;
  private static final long MASK = (1L << BITS) - 1;
  private static final double SCALE = 1L << BITS;

  private final BehaviorModel model;
  private final boolean headline;
  private final Map<List<Double>, List<CompiledPlan>> compiled = new HashMap<>();
  private volatile long compiledVariants;

  public Simulation(BehaviorModel model) {
    this(model, false);
  }

  /**
   * @param headline for compare's headline: one set of assumptions, so each plan compiles only
   *     the deal variants its draws can choose (not cached for other assumptions), and a plan
   *     that pays nothing per meeting draws no meetings (they change no other figure), its
   *     {@link Metric#MEETINGS} NaN
   */
  private Simulation(BehaviorModel model, boolean headline) {
    this.model = model;
    this.headline = headline;
  }

  /**
   * The simulation behind compare's headline: the same figures as {@link #Simulation(
   * BehaviorModel)} but {@link Metric#MEETINGS}, with less work.
   */
  public static Simulation forHeadline(BehaviorModel model) {
    return new Simulation(model, true);
  }

  public BehaviorModel model() {
    return model;
  }

  /**
   * Compiles every plan for the pull-in discount assumptions (done once per pair of values): a
   * deal its owner pulls in carries the discount of the owner's distance to the plan's next
   * accelerator threshold; a deal pushed out recovers the discount the baseline gave.
   */
  synchronized List<CompiledPlan> compiled(Assumptions assumptions) {
    double atThreshold = assumptions.get(Assumption.PULL_IN_DISCOUNT);
    double slope = assumptions.get(Assumption.PULL_IN_DISCOUNT_SLOPE);
    return compiled.computeIfAbsent(List.of(atThreshold, slope), key -> {
      double[] baseline = discounts(0, atThreshold, slope);
      // each plan compiles on its own: in parallel, kept in plan order
      return IntStream.range(0, model.plans().size()).parallel()
          .mapToObj(p -> new CompiledPlan(model.plans().get(p), model.facts(),
              discounts(p, atThreshold, slope), baseline))
          .toList();
    });
  }

  /** Each payee's pull-in discount under plan {@code p}. */
  double[] discounts(int p, double atThreshold, double slope) {
    DealFacts facts = model.facts();
    Gradients.PlanGradients gradients = model.gradients().get(p);
    double[] out = new double[facts.payees.size()];
    for (int k = 0; k < out.length; k++) {
      Gradients.RepGradient rep = gradients.reps().get(facts.payees.get(k).id());
      out[k] = rep == null ? 0 : rep.pullInDiscount(atThreshold, slope);
    }
    return out;
  }

  /**
   * The values of every metric, by plan, metric and run, and each rep's mean pay by plan.
   *
   * @param reps rep ids, in the order of {@code repPay}'s second index
   * @param repPay mean counted pay over the runs, by plan and rep
   * @param cappedDeals per plan, opportunities whose chance of being won had to be capped at 1
   * @param effortCapped per plan, reps whose effort factor was capped
   */
  public record Outcome(List<String> plans, double[][][] values, List<String> reps,
      double[][] repPay, int[] cappedDeals, int[] effortCapped) {
    public double[] of(int plan, Metric metric) {
      return values[plan][metric.ordinal()];
    }

    public double mean(int plan, Metric metric) {
      return Statistics.mean(of(plan, metric));
    }

    public int runs() {
      return values.length == 0 ? 0 : values[0][0].length;
    }
  }

  /**
   * Runs the simulation.
   *
   * @param threads worker threads; 0 for every core
   * @param progress told the number of each finished run (from any thread), or null
   */
  public Outcome run(Assumptions assumptions, int runs, long seed, int threads,
      IntConsumer progress) {
    try {
      return runInCents(assumptions, runs, seed, threads, progress);
    } catch (ArithmeticException beyondLong) {
      throw BeyondCents.of(model.engine());
    }
  }

  /**
   * Pay beyond what the simulation counts: it prices in whole cents in 64 bits, where the
   * payout engine falls back to decimals (a deal of 10^17, say). Not a bug, and not a problem of
   * the data either: the data runs, the simulation cannot model it.
   */
  public static final class BeyondCents extends RuntimeException {
    /** The most the simulation counts: a long of cents. */
    private static final BigDecimal MOST = BigDecimal.valueOf(Long.MAX_VALUE, Money.SCALE);
    private final String dealId;

    private BeyondCents(String message, String dealId) {
      super(message);
      this.dealId = dealId;
    }

    /** Of {@code engine}'s data: naming the deal of the largest amount when it alone is beyond. */
    static BeyondCents of(Engine engine) {
      DealColumns deals = DealColumns.of(engine.data().deals());
      int largest = -1;
      BigDecimal most = MOST;
      for (int i = 0; i < deals.size(); i++) {
        BigDecimal amount = deals.amount(i).abs();
        if (amount.compareTo(most) > 0) {
          largest = i;
          most = amount;
        }
      }
      String limit = "the simulation counts pay in cents in 64 bits, up to "
          + String.format(Locale.ROOT, "%,.2f", MOST) + ", and ";
      return largest < 0
          ? new BeyondCents(limit + "pay under these plans goes beyond it; run prices it in "
              + "decimals", null)
          : new BeyondCents(limit + "deal " + deals.id(largest) + " alone goes beyond it: "
              + deals.amount(largest).toPlainString(), deals.id(largest));
    }

    /** The deal whose amount alone is beyond the cents, or null when none is. */
    public String dealId() {
      return dealId;
    }
  }

  private Outcome runInCents(Assumptions assumptions, int runs, long seed, int threads,
      IntConsumer progress) {
    List<Prepared> prepared = prepare(assumptions);
    int plans = prepared.size();
    double[][][] values = new double[plans][Metric.values().length][runs];
    int n = model.facts().size();
    int payees = model.facts().payees.size();
    List<Work> works = java.util.Collections.synchronizedList(new ArrayList<>());
    ThreadLocal<Work> work = ThreadLocal.withInitial(() -> {
      Work w = new Work(n, prepared, payees);
      works.add(w);
      return w;
    });
    Runnable all = () -> IntStream.range(0, runs).parallel().forEach(run -> {
      Work w = work.get();
      runOnce(prepared, seed, run, w);
      for (int p = 0; p < plans; p++) {
        long[] pay = w.scratchPay[p];
        long[] sum = w.repPay[p];
        for (int k = 0; k < pay.length; k++) {
          sum[k] = Math.addExact(sum[k], pay[k]);
        }
        for (int m = 0; m < Metric.values().length; m++) {
          values[p][m][run] = w.metrics[p][m];
        }
      }
      if (progress != null) {
        progress.accept(run);
      }
    });
    int parallelism = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    ForkJoinPool pool = new ForkJoinPool(parallelism);
    try {
      pool.submit(all).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ArithmeticException beyondLong) {
        throw beyondLong;
      }
      throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
    List<String> names = model.plans().stream().map(p -> p.name()).toList();
    // integer sums: the same whatever thread ran which run
    double[][] repPay = new double[plans][payees];
    int[] cappedDeals = new int[plans];
    int[] effortCapped = new int[plans];
    for (int p = 0; p < plans; p++) {
      long[] total = new long[payees];
      for (Work w : works) {
        for (int k = 0; k < payees; k++) {
          total[k] = Math.addExact(total[k], w.repPay[p][k]);
        }
      }
      for (int k = 0; k < payees; k++) {
        repPay[p][k] = total[k] / 100.0 / runs;
      }
      cappedDeals[p] = prepared.get(p).cappedDeals;
      effortCapped[p] = prepared.get(p).effortCapped;
    }
    List<String> ids = model.facts().payees.stream().map(r -> r.id()).toList();
    return new Outcome(names, values, ids, repPay, cappedDeals, effortCapped);
  }

  /** Per-thread scratch, reused across runs. */
  private static final class Work {
    final long[] uniforms;
    final byte[] choice;
    final long[][] meetings; // by plan and key
    final CompiledPlan.Scratch scratch;
    final CompiledPlan.Totals totals = new CompiledPlan.Totals();
    final double[][] metrics;
    final long[][] scratchPay; // by plan: each payee's pay in the current run, in cents
    final long[][] repPay; // by plan: each payee's pay summed over this thread's runs

    Work(int deals, List<Prepared> plans, int payees) {
      scratchPay = new long[plans.size()][payees];
      repPay = new long[plans.size()][payees];
      uniforms = new long[deals * DRAWS];
      choice = new byte[deals];
      meetings = new long[plans.size()][];
      for (int p = 0; p < plans.size(); p++) {
        meetings[p] = new long[plans.get(p).compiled.meetingBase.length];
      }
      scratch = new CompiledPlan.Scratch(payees);
      metrics = new double[plans.size()][Metric.values().length];
    }
  }

  private void runOnce(List<Prepared> prepared, long seed, int run, Work w) {
    UniformRandomProvider rng = generator(seed, run, 0);
    long[] u = w.uniforms;
    for (int k = 0; k < u.length; k++) {
      u[k] = rng.nextLong();
    }
    // one stream for the meetings of every plan: a rep's meetings in a period are drawn from
    // the same numbers under every plan (common random numbers)
    long meetingSeed = generator(seed, run, 1).nextLong();
    for (int p = 0; p < prepared.size(); p++) {
      Prepared plan = prepared.get(p);
      if (plan.fixed != null) {
        plan.fixed.price(plan, u, w.scratch, w.totals);
      } else {
        plan.choose(u, w.choice);
        plan.compiled.priceDeals(w.choice, w.scratch, w.totals);
      }
      // a plan that draws no meetings has none to price (totals.meetings stays 0)
      if (plan.drawsMeetings) {
        if (plan.meetingsLike >= 0) {
          // the same means from the same numbers: the same counts
          System.arraycopy(w.meetings[plan.meetingsLike], 0, w.meetings[p], 0,
              w.meetings[p].length);
        } else {
          plan.meetings(meetingSeed, w.meetings[p]);
        }
        plan.compiled.priceMeetings(w.meetings[p], w.scratch.pay, w.totals);
      }
      System.arraycopy(w.scratch.pay, 0, w.scratchPay[p], 0, w.scratchPay[p].length);
      record(w.totals, w.metrics[p], model.facts().payees.size(), plan.baselineMovedIn,
          plan.baselineDiscount);
      if (!plan.drawsMeetings) {
        w.metrics[p][Metric.MEETINGS.ordinal()] = Double.NaN;
      }
    }
  }

  /** Draws the choices of one plan for a given set of uniforms: used by tests as well. */
  static void record(CompiledPlan.Totals t, double[] out, int reps, double baselineMovedIn,
      double baselineDiscount) {
    out[Metric.PULLED_IN.ordinal()] = baselineMovedIn + t.movedIn / 100.0;
    out[Metric.DISCOUNT_COST.ordinal()] = baselineDiscount + t.discount / 100.0;
    double revenue = t.revenue / 100.0;
    out[Metric.REVENUE.ordinal()] = revenue;
    out[Metric.REP_PAY.ordinal()] = t.repPay / 100.0;
    out[Metric.PARTNER_PAY.ordinal()] = t.partnerPay / 100.0;
    out[Metric.COST_OF_SALES.ordinal()] =
        t.revenue == 0 ? 0 : (double) (t.repPay + t.partnerPay) / t.revenue;
    out[Metric.PARTNER_SHARE.ordinal()] =
        t.routeEligible == 0 ? 0 : (double) t.routed / t.routeEligible;
    out[Metric.IMPLEMENTATION_SUCCESS.ordinal()] = t.won == 0 ? 0 : (double) t.confirmed / t.won;
    out[Metric.LATE_SHARE.ordinal()] = t.won == 0 ? 0 : (double) t.late / t.won;
    out[Metric.MEETINGS.ordinal()] = reps == 0 ? 0 : (double) t.meetings / reps;
  }

  /**
   * Run {@code run}'s generator for stream {@code stream} (0: the deals' draws, 1: the seed of
   * the meetings' draws): XoRoShiRo128++ seeded with two SplitMix64 outputs of the mixed (seed,
   * run, stream).
   */
  static UniformRandomProvider generator(long seed, int run, int stream) {
    long mixed = mix(mix(seed) ^ mix(0x9E3779B97F4A7C15L * (run + 1L)) ^ (stream * 0xBF58476D1CE4E5B9L));
    UniformRandomProvider seeder = RandomSource.SPLIT_MIX_64.create(mixed);
    return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seeder.nextLong(),
        seeder.nextLong()});
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  List<Prepared> prepare(Assumptions assumptions) {
    double[] baselineGaming = baselineGaming(assumptions);
    DealFacts facts = model.facts();
    int count = model.plans().size();
    List<Response.PlanResponse> responses = model.responses(assumptions);
    double atThreshold = assumptions.get(Assumption.PULL_IN_DISCOUNT);
    double slope = assumptions.get(Assumption.PULL_IN_DISCOUNT_SLOPE);
    double[] baseline = headline ? discounts(0, atThreshold, slope) : null;
    // each plan's draws (and in the headline its compilation) on its own: in parallel, kept in
    // plan order
    List<Prepared> out = IntStream.range(0, count).parallel().mapToObj(p -> {
      Plan plan = model.plans().get(p);
      CompiledPlan.Moves moves = CompiledPlan.moves(plan, facts);
      Prepared prepared = new Prepared(facts, moves, facts.meetings(plan.calendar()),
          model.observedFor(p), responses.get(p), assumptions, baselineGaming);
      if (headline) {
        // one set of assumptions: each plan compiles only the variants its draws can choose
        prepared.compiled = new CompiledPlan(plan, facts, discounts(p, atThreshold, slope),
            baseline, prepared.reachable(), moves);
        // a plan whose draws change nothing it pays is priced once (the baseline, drawn as in
        // the data, when it holds nothing back until go-live and pays no go-live spiff)
        prepared.fixed = Fixed.of(prepared);
      }
      return prepared;
    }).toList();
    if (!headline) {
      List<CompiledPlan> plans = compiled(assumptions);
      for (int p = 0; p < count; p++) {
        out.get(p).compiled = plans.get(p);
      }
    }
    long variants = 0;
    for (Prepared plan : out) {
      variants += plan.compiled.variants;
    }
    compiledVariants = variants;
    for (int p = 0; p < count; p++) {
      Prepared plan = out.get(p);
      plan.drawsMeetings = !headline || plan.compiled.paysMeetings();
      for (int q = 0; q < p && plan.drawsMeetings; q++) {
        Prepared earlier = out.get(q);
        if (earlier.drawsMeetings && earlier.meetingsLike < 0
            && earlier.meetingBase == plan.meetingBase
            && Arrays.equals(earlier.meetingMean, plan.meetingMean)) {
          plan.meetingsLike = q;
          break;
        }
      }
      if (plan.drawsMeetings && plan.meetingsLike < 0) {
        plan.setUpMeetingDraws();
      }
    }
    return out;
  }

  /**
   * The baseline's own timing game, against a reference plan that pays nothing for moving a deal
   * (the pivot-point logit run backwards from the observed late share by the baseline's timing
   * gradient): the revenue its reps pulled into earlier periods, and the discount they gave on
   * it. Negative revenue means the baseline pushes deals out (a cap, say).
   */
  double[] baselineGaming(Assumptions assumptions) {
    DealFacts facts = model.facts();
    BaselineShares observed = model.observed();
    double s0 = observed.get(Behavior.TIMING);
    double beta = assumptions.sensitivity(Behavior.TIMING);
    double atThreshold = assumptions.get(Assumption.PULL_IN_DISCOUNT);
    double slope = assumptions.get(Assumption.PULL_IN_DISCOUNT_SLOPE);
    Gradients.PlanGradients gradients = model.gradients().get(0);
    Map<String, Double> wonRevenue = baselineWonRevenue();
    double moved = 0;
    double discount = 0;
    for (var rep : facts.payees) {
      Gradients.RepGradient g = gradients.reps().get(rep.id());
      double won = wonRevenue.getOrDefault(rep.id(), 0.0);
      if (g == null || won == 0 || g.monthlyOte().signum() <= 0) {
        continue;
      }
      double delta = g.of(Behavior.TIMING).doubleValue() / g.monthlyOte().doubleValue();
      double reference = Response.pivot(s0, beta, -delta);
      double gamed = (s0 - reference) * won;
      moved += gamed;
      if (gamed > 0) {
        double d = g.pullInDiscount(atThreshold, slope);
        discount += gamed * d / (1 - d);
      }
    }
    return new double[] {moved, discount};
  }

  private Map<String, Double> baselineWonRevenue;

  /** Each rep's won revenue as owner in the baseline's currency (the same for every re-run). */
  private synchronized Map<String, Double> baselineWonRevenue() {
    if (baselineWonRevenue == null) {
      Map<String, Double> wonRevenue = new HashMap<>();
      for (var deal : model.engine().wonDeals()) {
        wonRevenue.merge(deal.owner(), model.engine().amountIn(model.plans().get(0), deal)
            .doubleValue(), Double::sum);
      }
      baselineWonRevenue = wonRevenue;
    }
    return baselineWonRevenue;
  }

  /** One plan's choice probabilities per deal under one set of assumptions. */
  static final class Prepared {
    /** The plan compiled for these draws: set once the draws are known. */
    CompiledPlan compiled;
    final long[] meetingBase; // by meeting key: the meetings in the data
    // thresholds: a probability p as round(p·2^21)
    final int[] route;
    final int[] team;
    final int[] moved;
    final int[] engaged;
    final int[] win; // by deal, routed and assisted
    final int successEngaged;
    final int successNot;
    final double[] meetingMean;
    private SharedStateDiscreteSampler[] meetingSampler;
    /** By meeting key: e^-mean, the Poisson probability of no meeting. */
    private double[] meetingNone;
    /**
     * By meeting key: the Poisson distribution function of its mean as {@link #poisson} sums it,
     * or null (then the sum is run per draw). Keys of the same mean share one table.
     */
    private PoissonTable[] meetingCdf;
    /** The draw priced once, when no draw changes what the plan pays; else null. */
    Fixed fixed;
    /** Whether this plan draws its meetings (see {@link Simulation#forHeadline}). */
    boolean drawsMeetings = true;
    /** An earlier plan whose meeting counts this one copies (the same means), or -1. */
    int meetingsLike = -1;

    /** The baseline's own pulled-in revenue and its discount (see baselineGaming). */
    final double baselineMovedIn;
    final double baselineDiscount;
    /** Opportunities whose chance of being won was capped at 1, reps whose effort was. */
    final int cappedDeals;
    final int effortCapped;
    private long[] meetingKey;
    private final DealFacts.Meetings keys; // the meeting keys of the plan's calendar

    Prepared(DealFacts facts, CompiledPlan.Moves moves, DealFacts.Meetings meetings,
        BaselineShares observed, Response.PlanResponse response, Assumptions a,
        double[] baselineGaming) {
      this.baselineMovedIn = baselineGaming[0];
      this.baselineDiscount = baselineGaming[1];
      this.effortCapped = response.effortCapped();
      int capped = 0;
      int n = facts.size();
      route = new int[n];
      team = new int[n];
      moved = new int[n];
      engaged = new int[n];
      win = new int[n * 4];
      double routeShare = observed.get(Behavior.ROUTE);
      double teamShare = observed.get(Behavior.TEAM);
      double lateShare = observed.get(Behavior.TIMING);
      double confirmedShare = observed.get(Behavior.ENGAGE);
      double effect = a.get(Assumption.ENGAGEMENT_SUCCESS_EFFECT);
      successEngaged = threshold(confirmedShare + effect * (1 - confirmedShare));
      successNot = threshold(confirmedShare - effect * confirmedShare);
      double partnerUplift = a.get(Assumption.PARTNER_WIN_UPLIFT);
      double specialistUplift = a.get(Assumption.SPECIALIST_WIN_UPLIFT);
      double conversion = a.get(Assumption.MEETING_CONVERSION);
      double winRate = facts.winRate();
      long earlyCount = 0;
      for (int i = 0; i < n; i++) {
        if (moves.early()[i]) {
          earlyCount++;
        }
      }
      double earlyShare = n == 0 ? 0 : (double) earlyCount / n;
      // by payee: the rep's response, looked up once
      Response.RepResponse[] byPayee = new Response.RepResponse[facts.payees.size()];
      for (int k = 0; k < byPayee.length; k++) {
        byPayee[k] = response.reps().get(facts.payees.get(k).id());
      }
      for (int i = 0; i < n; i++) {
        Response.RepResponse rep = byPayee[facts.owner[i]];
        double routeTo = rep.share(Behavior.ROUTE);
        route[i] = threshold(!facts.routeEligible[i] ? (facts.routedInData[i] ? 1 : 0)
            : keep(facts.routedInData[i], routeShare, routeTo));
        team[i] = threshold(!facts.teamEligible(i) ? (facts.assistedInData[i] ? 1 : 0)
            : keep(facts.assistedInData[i], teamShare, rep.share(Behavior.TEAM)));
        double lateTo = rep.share(Behavior.TIMING);
        if (moves.move()[i] > 0 && lateTo > lateShare && earlyShare > 0) {
          moved[i] = threshold((lateTo - lateShare) / earlyShare);
        } else if (moves.move()[i] < 0 && lateTo < lateShare) {
          moved[i] = threshold((lateShare - lateTo) / lateShare);
        }
        engaged[i] = threshold(rep.share(Behavior.ENGAGE));
        double meetingsFactor = Math.max(0,
            1 + conversion * (rep.share(Behavior.MEETINGS) - 1)) * rep.share(Behavior.EFFORT);
        // relative to what happened (see the class comment)
        int r0 = facts.routedInData[i] ? 1 : 0;
        int s0 = facts.assistedInData[i] ? 1 : 0;
        for (int r = 0; r < 2; r++) {
          for (int s = 0; s < 2; s++) {
            double f = (1 + partnerUplift * r) / (1 + partnerUplift * r0)
                * (1 + specialistUplift * s) / (1 + specialistUplift * s0) * meetingsFactor;
            double p = facts.wonInData[i] ? f
                : winRate >= 1 ? 0 : (f - 1) * winRate / (1 - winRate);
            if (p > 1 && !facts.wonInData[i] && r == (facts.routedInData[i] ? 1 : 0)
                && s == (facts.assistedInData[i] ? 1 : 0)) {
              capped++;
            }
            win[i * 4 + r * 2 + s] = threshold(p);
          }
        }
      }
      cappedDeals = capped;
      meetingBase = meetings.base();
      meetingMean = new double[meetingBase.length];
      for (int k = 0; k < meetingMean.length; k++) {
        int who = meetings.rep()[k];
        double factor = who < 0 ? 1 : byPayee[who].share(Behavior.MEETINGS);
        meetingMean[k] = meetingBase[k] * factor;
      }
      this.keys = meetings;
    }

    /**
     * Sets up the meeting draws of {@link #meetings}: the keys' seeds and each mean's sampler or
     * table, once (the large-mean sampler's tables are not free) and only for a plan that draws
     * its own meetings (in compare's headline one that pays nothing per meeting draws none, and
     * one with an earlier plan's means copies its counts).
     */
    void setUpMeetingDraws() {
      meetingKey = new long[meetingMean.length];
      for (int k = 0; k < meetingMean.length; k++) {
        meetingKey[k] = mix(keys.repId()[k].hashCode() * 0x9E3779B97F4A7C15L
            ^ keys.day()[k].toEpochDay());
      }
      // each run lends its generator
      meetingSampler = new SharedStateDiscreteSampler[meetingMean.length];
      meetingNone = new double[meetingMean.length];
      UniformRandomProvider setup = RandomSource.SPLIT_MIX_64.create(0L);
      for (int k = 0; k < meetingMean.length; k++) {
        meetingSampler[k] = meetingMean[k] > INVERSION_MEAN && meetingMean[k] <= NORMAL_MEAN
            ? PoissonSampler.of(setup, meetingMean[k]) : null;
        meetingNone[k] = StrictMath.exp(-meetingMean[k]);
      }
      meetingCdf = new PoissonTable[meetingMean.length];
      Map<Double, PoissonTable> tables = new HashMap<>();
      for (int k = 0; k < meetingMean.length; k++) {
        double mean = meetingMean[k];
        if (mean > 0 && mean <= INVERSION_MEAN
            && (tables.containsKey(mean) || tables.size() < CDF_TABLES)) {
          meetingCdf[k] = tables.computeIfAbsent(mean, PoissonTable::of);
        }
      }
    }

    /**
     * By deal, the variants {@link #choose} can draw (bit v for variant v = routed << 2 |
     * assisted << 1 | moved): a choice whose threshold is 0 is never made, one at 2^21 always,
     * and a combination never won is never priced.
     */
    byte[] reachable() {
      byte[] out = new byte[route.length];
      for (int i = 0; i < out.length; i++) {
        int mask = 0;
        for (int v = 0; v < 8; v++) {
          int r = v >> 2 & 1;
          int s = v >> 1 & 1;
          int t = v & 1;
          if (can(route[i], r) && can(team[i], s) && can(moved[i], t)
              && win[i * 4 + r * 2 + s] > 0) {
            mask |= 1 << v;
          }
        }
        out[i] = (byte) mask;
      }
      return out;
    }

    /**
     * The choices every draw makes (bit 3, the implementation, left 0) when each deal's route,
     * team, move and win are certain (thresholds 0 or 2^21), else null.
     */
    byte[] certainChoices() {
      byte[] out = new byte[route.length];
      for (int i = 0; i < out.length; i++) {
        int r = certain(route[i]);
        int s = certain(team[i]);
        int t = certain(moved[i]);
        if (r < 0 || s < 0 || t < 0) {
          return null;
        }
        int won = certain(win[i * 4 + r * 2 + s]);
        if (won < 0) {
          return null;
        }
        out[i] = (byte) (won << 4 | r << 2 | s << 1 | t);
      }
      return out;
    }

    /** 1 when a draw against {@code threshold} always succeeds, 0 when never, else -1. */
    private static int certain(int threshold) {
      return threshold <= 0 ? 0 : threshold >= SCALE ? 1 : -1;
    }

    /**
     * Whether won deal {@code i}'s implementation is confirmed in the draw of {@code u}: bits 3
     * of {@link #choose}, drawn from the same uniforms.
     */
    boolean confirmed(long[] u, int i) {
      long b = u[i * DRAWS + 1];
      boolean engage = (b & MASK) < engaged[i];
      return ((b >>> BITS) & MASK) < (engage ? successEngaged : successNot);
    }

    /** Whether a draw against {@code threshold} can come out as {@code choice}. */
    private static boolean can(int threshold, int choice) {
      return choice == 1 ? threshold > 0 : threshold < SCALE;
    }

    /** The probability a deal makes the choice, given what it did in the data. */
    private static double keep(boolean inData, double from, double to) {
      if (inData) {
        return from <= 0 ? 1 : Math.min(1, to / from);
      }
      return from >= 1 ? 0 : Math.max(0, (to - from) / (1 - from));
    }

    /** p clamped to [0, 1], as a 21-bit threshold. */
    private static int threshold(double p) {
      double clamped = p < 0 ? 0 : p > 1 ? 1 : p;
      return (int) Math.round(clamped * SCALE);
    }

    /**
     * Draws every deal's choices from its two random longs: six 21-bit uniforms u, a choice made
     * when u < round(p·2^21), so probabilities 0 and 1 stay exact.
     */
    void choose(long[] u, byte[] choice) {
      // the fields in locals: C1, which compiles compare, reloads a field on every use
      int[] route = this.route;
      int[] team = this.team;
      int[] moved = this.moved;
      int[] engaged = this.engaged;
      int[] win = this.win;
      int successEngaged = this.successEngaged;
      int successNot = this.successNot;
      for (int i = 0, k = 0; i < choice.length; i++, k += DRAWS) {
        long a = u[k];
        long b = u[k + 1];
        int r = (a & MASK) < route[i] ? 1 : 0;
        int s = ((a >>> BITS) & MASK) < team[i] ? 1 : 0;
        int t = ((a >>> (2 * BITS)) & MASK) < moved[i] ? 1 : 0;
        boolean engage = (b & MASK) < engaged[i];
        int confirmed = ((b >>> BITS) & MASK) < (engage ? successEngaged : successNot) ? 1 : 0;
        int won = ((b >>> (2 * BITS)) & MASK) < win[i * 4 + r * 2 + s] ? 1 : 0;
        choice[i] = (byte) (won << 4 | confirmed << 3 | r << 2 | s << 1 | t);
      }
    }

    /**
     * Draws each rep's meetings in each period from a generator of its own, seeded by the run's
     * meeting seed and the rep and period: the same numbers under every plan. Drawn after
     * {@link #setUpMeetingDraws}.
     */
    void meetings(long seed, long[] out) {
      for (int k = 0; k < meetingMean.length; k++) {
        double mean = meetingMean[k];
        if (mean <= 0) {
          out[k] = 0;
        } else if (mean <= INVERSION_MEAN) {
          long bits = mix(seed ^ meetingKey[k]);
          PoissonTable cdf = meetingCdf[k];
          out[k] = cdf != null ? cdf.count(bits) : poisson(mean, meetingNone[k], bits);
        } else if (mean <= NORMAL_MEAN) {
          out[k] = meetingSampler[k].withUniformRandomProvider(
              new org.apache.commons.rng.core.source64.SplitMix64(seed ^ meetingKey[k]))
              .sample();
        } else {
          double z = ZigguratSampler.NormalizedGaussian.of(
              new org.apache.commons.rng.core.source64.SplitMix64(seed ^ meetingKey[k])).sample();
          out[k] = Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
        }
      }
    }
  }

  /**
   * A plan's deals priced once: every draw chooses the same route, team, move and win for each
   * deal (the baseline, whose draws reproduce the data, for one), and the implementation outcome
   * it draws changes no pay ({@link CompiledPlan#payIgnoresOutcome}). A run then counts the
   * confirmed implementations and adds its meetings; {@code HeadlineSimulationTest} holds the
   * figures equal to drawing and pricing every run.
   */
  static final class Fixed {
    private final int[] won; // the deals won in every draw
    private final long[] pay; // by payee, from the deals and what every draw pays alike
    private final CompiledPlan.Totals totals; // but the confirmed count and the meetings

    private Fixed(int[] won, long[] pay, CompiledPlan.Totals totals) {
      this.won = won;
      this.pay = pay;
      this.totals = totals;
    }

    /** The plan's deals priced once, or null when a draw can change what it pays. */
    static Fixed of(Prepared plan) {
      byte[] choices = plan.certainChoices();
      if (choices == null || !plan.compiled.payIgnoresOutcome(choices)) {
        return null;
      }
      CompiledPlan.Scratch scratch = plan.compiled.scratch();
      CompiledPlan.Totals totals = new CompiledPlan.Totals();
      plan.compiled.priceDeals(choices, scratch, totals);
      int[] won = new int[choices.length];
      int count = 0;
      for (int i = 0; i < choices.length; i++) {
        if ((choices[i] & 16) != 0) {
          won[count++] = i;
        }
      }
      return new Fixed(Arrays.copyOf(won, count), scratch.pay.clone(), totals);
    }

    /** {@link CompiledPlan#priceDeals} of the draw of {@code u}. */
    void price(Prepared plan, long[] u, CompiledPlan.Scratch scratch, CompiledPlan.Totals out) {
      long confirmed = 0;
      int[] won = this.won;
      for (int k = 0; k < won.length; k++) {
        if (plan.confirmed(u, won[k])) {
          confirmed++;
        }
      }
      System.arraycopy(pay, 0, scratch.pay, 0, pay.length);
      out.set(totals);
      out.confirmed = confirmed;
    }
  }

  /** Up to this mean, meetings are drawn by inverting the Poisson distribution function. */
  static final double INVERSION_MEAN = 200;

  /**
   * Beyond this mean Commons RNG's Poisson sampler refuses (2^30, its large-mean method's
   * bound); there the meetings are drawn from the normal distribution with the Poisson's mean
   * and variance, rounded, which differs from it by less than the skew, 1/sqrt(mean) = 3e-5.
   */
  static final double NORMAL_MEAN = Integer.MAX_VALUE / 2.0;

  /**
   * The Poisson count whose distribution function first reaches the uniform made of {@code
   * bits}: one uniform per rep and period, so a plan that expects more meetings never draws
   * fewer from the same numbers (and a copy of a plan draws the same). StrictMath and Java's
   * IEEE doubles give the same count on every JDK.
   */
  static long poisson(double mean, long bits) {
    return poisson(mean, StrictMath.exp(-mean), bits);
  }

  /** At most this many distinct means get a table of their distribution function. */
  static final int CDF_TABLES = 4096;

  /**
   * The sums {@link #poisson(double, double, long)} forms for {@code mean}, in order, up to the
   * count at which it stops whatever the uniform (the last entry).
   */
  static double[] poissonTable(double mean, double none) {
    double[] cdf = new double[64];
    double p = none;
    double sum = p;
    int k = 0;
    cdf[0] = sum;
    while (k < 100_000) {
      k++;
      p *= mean / k;
      sum += p;
      if (k == cdf.length) {
        cdf = Arrays.copyOf(cdf, k * 2);
      }
      cdf[k] = sum;
      if (p == 0 && k > mean) {
        break;
      }
    }
    return Arrays.copyOf(cdf, k + 1);
  }

  /**
   * The sums {@link #poisson(double, double, long)} forms for one mean ({@link #poissonTable}),
   * with a guide: {@code guide[j]} is the first count whose sum reaches j / guide.length. A
   * uniform u in [j, j + 1) / guide.length has its count at or after {@code guide[j]}, so the
   * draw starts there and steps forward to the first sum that reaches u (or the last count):
   * the count the summing loop gives, in a step or two instead of a binary search of a few
   * hundred sums (with 8,000 reps the meeting draws were a third of compare's 50 runs).
   */
  static final class PoissonTable {
    private final double[] cdf;
    private final int[] guide;

    private PoissonTable(double[] cdf) {
      this.cdf = cdf;
      // a power of two, so that j / length and u × length are exact
      guide = new int[Math.min(1024, Integer.highestOneBit(cdf.length) * 2)];
      int last = cdf.length - 1;
      int k = 0;
      for (int j = 0; j < guide.length; j++) {
        double from = (double) j / guide.length;
        while (k < last && cdf[k] < from) {
          k++;
        }
        guide[j] = k;
      }
    }

    static PoissonTable of(double mean) {
      return new PoissonTable(poissonTable(mean, StrictMath.exp(-mean)));
    }

    /** The count for the uniform made of {@code bits}, as {@link #poisson(double, long)}. */
    long count(long bits) {
      double u = (bits >>> 11) * 0x1.0p-53;
      int k = guide[(int) (u * guide.length)];
      int last = cdf.length - 1;
      while (k < last && u > cdf[k]) {
        k++;
      }
      return k;
    }
  }

  /** {@link #poisson(double, long)} with e^-mean worked out beforehand. */
  static long poisson(double mean, double none, long bits) {
    double u = (bits >>> 11) * 0x1.0p-53;
    double p = none;
    double cdf = p;
    long k = 0;
    while (u > cdf && k < 100_000) {
      k++;
      p *= mean / k;
      cdf += p;
      if (p == 0 && k > mean) {
        break; // the rest of the tail is below double precision
      }
    }
    return k;
  }

  /** Mean and 5th–95th percentile of one metric of one plan. */
  public record Summary(double mean, double p5, double p95) {
    public static Summary of(double[] values) {
      return new Summary(Statistics.mean(values), Statistics.percentile(values, 0.05),
          Statistics.percentile(values, 0.95));
    }
  }

  /**
   * One assumption at its low and high value, everything else as given: the mean of every metric
   * per plan at each end.
   *
   * @param low means by plan and metric with the assumption at its low value
   * @param high the same at its high value
   */
  public record Sensitivity(Assumption assumption, double lowValue, double highValue,
      double[][] low, double[][] high) {

    /** How far the metric moves between the two ends, in absolute terms. */
    public double swing(int plan, Metric metric) {
      return Math.abs(high[plan][metric.ordinal()] - low[plan][metric.ordinal()]);
    }
  }

  /**
   * Re-runs the simulation with each assumption at its low and then its high value (the others
   * as given), with the same seed, so the differences come from the assumption alone.
   *
   * @param progress told each finished run of every re-run, or null
   */
  public List<Sensitivity> sensitivity(Assumptions assumptions, int runs, long seed, int threads,
      IntConsumer progress) {
    List<Sensitivity> out = new ArrayList<>();
    for (Assumption p : sensitivityAssumptions()) {
      double lo = assumptions.low(p);
      double hi = assumptions.high(p);
      out.add(new Sensitivity(p, lo, hi,
          means(at(p, lo, assumptions).run(assumptions.at(p, lo), runs, seed, threads, progress)),
          means(at(p, hi, assumptions).run(assumptions.at(p, hi), runs, seed, threads,
              progress))));
    }
    return out;
  }

  /**
   * The assumptions the sensitivity table re-runs: all but the assumed implementation lag when
   * the data measures the lag (it is then never used).
   */
  public List<Assumption> sensitivityAssumptions() {
    List<Assumption> out = new ArrayList<>();
    for (Assumption p : Assumption.values()) {
      if (p != Assumption.IMPLEMENTATION_LAG_DAYS || !model.typical().lagMeasured()) {
        out.add(p);
      }
    }
    return out;
  }

  /** The simulation to re-run with {@code p} at {@code value}: a new model when p shapes it. */
  private Simulation at(Assumption p, double value, Assumptions assumptions) {
    if (p != Assumption.IMPLEMENTATION_LAG_DAYS) {
      return this;
    }
    return new Simulation(new BehaviorModel(model.engine(), model.plans(),
        assumptions.at(p, value)));
  }

  private static double[][] means(Outcome outcome) {
    double[][] means = new double[outcome.plans().size()][Metric.values().length];
    for (int p = 0; p < means.length; p++) {
      for (Metric m : Metric.values()) {
        means[p][m.ordinal()] = outcome.mean(p, m);
      }
    }
    return means;
  }

  /**
   * The deal variants the last {@link #run} priced with, over all plans: the work of compiling,
   * at most eight per opportunity and plan, each the engine's rules applied to one variant.
   */
  public long compiledVariants() {
    return compiledVariants;
  }

  /** Deal-evaluations in one call of {@link #run}: deals × runs × plans. */
  public long evaluations(int runs) {
    return (long) model.facts().size() * runs * model.plans().size();
  }

  /** For tests: the draws of every plan in one run. */
  byte[][] choices(Assumptions assumptions, long seed, int run) {
    List<Prepared> prepared = prepare(assumptions);
    Work w = new Work(model.facts().size(), prepared, model.facts().payees.size());
    UniformRandomProvider rng = generator(seed, run, 0);
    for (int k = 0; k < w.uniforms.length; k++) {
      w.uniforms[k] = rng.nextLong();
    }
    byte[][] out = new byte[prepared.size()][];
    for (int p = 0; p < prepared.size(); p++) {
      prepared.get(p).choose(w.uniforms, w.choice);
      out[p] = Arrays.copyOf(w.choice, w.choice.length);
    }
    return out;
  }
}
