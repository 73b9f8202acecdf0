package dev.compsim.behavior;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The behavior response: how each rep's choices move when a plan changes what they pay.
 *
 * <p>A share s0 observed under the baseline moves to s1 = s0·e^(βΔ) / (s0·e^(βΔ) + 1 − s0), the
 * pivot-point logit, with Δ the change of the rep's gradient against the baseline plan in months
 * of the rep's on-target earnings (ote / 12) and β the behavior's sensitivity. Meetings and effort
 * are not shares: meetings scale by e^(βΔ), and so does the volume of deals a rep wins through
 * effort, between {@link #MIN_EFFORT} and {@link #MAX_EFFORT} (a factor beyond them is capped, and
 * the reports say so). A rep with no on-target earnings does not respond (Δ = 0).
 */
public final class Response {
  /** The effort factor never goes below this: the model is not trusted to halve volume. */
  public static final double MIN_EFFORT = 0.5;
  /** ... nor above this. */
  public static final double MAX_EFFORT = 1.5;

  private Response() {}

  /** Whether a behavior moves a count or volume by e^(βΔ) rather than a share. */
  static boolean isFactor(Behavior behavior) {
    return behavior == Behavior.MEETINGS || behavior == Behavior.EFFORT;
  }

  /** The effort factor e^(βΔ), capped to [MIN_EFFORT, MAX_EFFORT]. */
  static double effort(double beta, double delta) {
    return Math.max(MIN_EFFORT, Math.min(MAX_EFFORT, StrictMath.exp(beta * delta)));
  }

  /** The pivot-point logit. */
  public static double pivot(double s0, double beta, double delta) {
    if (s0 <= 0 || s0 >= 1 || beta * delta == 0) {
      return s0 <= 0 ? 0 : s0 >= 1 ? 1 : s0;
    }
    double odds = s0 * StrictMath.exp(beta * delta);
    if (Double.isInfinite(odds)) {
      return 1;
    }
    return odds / (odds + 1 - s0);
  }

  /** Δ for one rep and behavior: the gradient change in months of on-target earnings. */
  public static double delta(Gradients.RepGradient baseline, Gradients.RepGradient plan,
      Behavior behavior) {
    if (plan.monthlyOte().signum() <= 0) {
      return 0;
    }
    BigDecimal change = plan.of(behavior).subtract(baseline.of(behavior));
    return change.doubleValue() / plan.monthlyOte().doubleValue();
  }

  /**
   * One rep's predicted behavior under a plan: a share per behavior, and for meetings the factor
   * by which the rep's meetings scale.
   */
  public static final class RepResponse {
    private final String rep;
    // by behavior ordinal: a rep's response is read in the simulation's preparation, deal by
    // deal, and made for every rep of every plan (maps of boxed doubles were most of it)
    private final double[] shares;

    /** Whether the effort factor was capped to [MIN_EFFORT, MAX_EFFORT]. */
    private final boolean effortCapped;

    RepResponse(String rep, double[] shares, boolean effortCapped) {
      this.rep = rep;
      this.shares = shares.clone();
      this.effortCapped = effortCapped;
    }

    /** Rep {@code rep}'s response where it is {@code like}'s. */
    RepResponse(String rep, RepResponse like) {
      this.rep = rep;
      this.shares = like.shares;
      this.effortCapped = like.effortCapped;
    }

    public String rep() {
      return rep;
    }

    public double share(Behavior behavior) {
      return shares[behavior.ordinal()];
    }
  }

  /**
   * Every rep's response under one plan and the plan-wide result: shares and the effort factor
   * weighted by each rep's won deals (every rep alike when no deal was won), meetings per rep.
   *
   * @param effortCapped reps whose effort factor was capped
   */
  public record PlanResponse(String plan, Map<String, RepResponse> reps,
      Map<Behavior, Double> predicted, int effortCapped) {
    public PlanResponse {
      reps = Collections.unmodifiableMap(new LinkedHashMap<>(reps));
      predicted = Collections.unmodifiableMap(new EnumMap<>(predicted));
    }

    public double predicted(Behavior behavior) {
      return predicted.get(behavior);
    }
  }

  /** Reps alike in their gradients under both plans (by identity) and their OTE. */
  private record Alike(Object baseline, Object plan, BigDecimal monthlyOte) {}

  /** One rep's response to {@code rep}'s gradients against {@code base}'s (none: no change). */
  private static RepResponse respond(Gradients.RepGradient base, Gradients.RepGradient rep,
      double[] betas, BaselineShares observed) {
    double[] shares = new double[betas.length];
    boolean capped = false;
    for (Behavior behavior : Behavior.values()) {
      int b = behavior.ordinal();
      double delta = base == null ? 0 : delta(base, rep, behavior);
      double beta = betas[b];
      double factor = StrictMath.exp(beta * delta);
      if (behavior == Behavior.EFFORT) {
        double effort = effort(beta, delta);
        capped = effort != factor;
        shares[b] = effort;
      } else {
        shares[b] = behavior == Behavior.MEETINGS ? factor
            : pivot(observed.get(behavior), beta, delta);
      }
    }
    return new RepResponse(rep.rep(), shares, capped);
  }

  public static PlanResponse of(Gradients.PlanGradients baseline, Gradients.PlanGradients plan,
      BaselineShares observed, Assumptions assumptions) {
    Map<String, RepResponse> reps = new LinkedHashMap<>(IdOrder.capacity(plan.reps().size()));
    double totalWeight = 0;
    double meetings = 0;
    int capped = 0;
    long totalWon = observed.wonByRep().values().stream().mapToLong(Long::longValue).sum();
    // looked up once, not per rep: the sensitivities (the per-rep counts are found by hash)
    double[] betas = new double[Behavior.values().length];
    for (Behavior behavior : Behavior.values()) {
      betas[behavior.ordinal()] = assumptions.sensitivity(behavior);
    }
    Map<String, Long> wonByRep = observed.wonByRep();
    Map<String, Long> meetingsByRep = observed.meetingsByRep();
    Behavior[] behaviors = Behavior.values();
    double[] weighted = new double[behaviors.length];
    // reps whose gradients under both plans were computed once for all of them and who have the
    // same OTE respond alike: with 100,000 reps assisting one deal, nearly all of them
    Map<Alike, RepResponse> alike = new java.util.HashMap<>();
    for (Gradients.RepGradient rep : plan.reps().values()) {
      Gradients.RepGradient base = baseline.reps().get(rep.rep());
      Alike key = base == null ? null : new Alike(base.figures(), rep.figures(), rep.monthlyOte());
      RepResponse like = key == null ? null : alike.get(key);
      RepResponse response = like != null ? new RepResponse(rep.rep(), like)
          : respond(base, rep, betas, observed);
      if (like == null && key != null) {
        alike.put(key, response);
      }
      double[] shares = response.shares;
      capped += response.effortCapped ? 1 : 0;
      reps.put(rep.rep(), response);
      double weight = totalWon == 0 ? 1 : wonByRep.getOrDefault(rep.rep(), 0L);
      totalWeight += weight;
      for (Behavior behavior : behaviors) {
        if (!isFactor(behavior) || behavior == Behavior.EFFORT) {
          // summed as deviations from the observed share, so no change stays exactly no change
          int b = behavior.ordinal();
          weighted[b] += weight * (shares[b] - observed.get(behavior));
        }
      }
      meetings += meetingsByRep.getOrDefault(rep.rep(), 0L)
          * (shares[Behavior.MEETINGS.ordinal()] - 1);
    }
    Map<Behavior, Double> predicted = new EnumMap<>(Behavior.class);
    for (Behavior behavior : Behavior.values()) {
      if (behavior == Behavior.MEETINGS) {
        int n = plan.reps().size();
        predicted.put(behavior, n == 0 ? observed.get(behavior)
            : observed.get(behavior) + meetings / n);
      } else {
        predicted.put(behavior, totalWeight == 0 ? observed.get(behavior)
            : observed.get(behavior) + weighted[behavior.ordinal()] / totalWeight);
      }
    }
    return new PlanResponse(plan.plan(), reps, predicted, capped);
  }
}
