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

    RepResponse(String rep, double[] shares) {
      this.rep = rep;
      this.shares = shares.clone();
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
    double[] shares = new double[behaviors.length];
    double[] weighted = new double[behaviors.length];
    for (Gradients.RepGradient rep : plan.reps().values()) {
      Gradients.RepGradient base = baseline.reps().get(rep.rep());
      for (Behavior behavior : behaviors) {
        int b = behavior.ordinal();
        double delta = base == null ? 0 : delta(base, rep, behavior);
        double beta = betas[b];
        double factor = StrictMath.exp(beta * delta);
        if (behavior == Behavior.EFFORT) {
          double effort = effort(beta, delta);
          capped += effort != factor ? 1 : 0;
          shares[b] = effort;
        } else {
          shares[b] = behavior == Behavior.MEETINGS ? factor
              : pivot(observed.get(behavior), beta, delta);
        }
      }
      RepResponse response = new RepResponse(rep.rep(), shares);
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
