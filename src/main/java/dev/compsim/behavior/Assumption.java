package dev.compsim.behavior;

import java.util.Locale;

/**
 * One parameter of the behavior model: a sensitivity (how strongly reps respond to a change in
 * what a choice pays) or a consequence (what the choice does to the business). Each has a default
 * and a low and high value for the sensitivity table. None is measured by compsim: they are
 * assumptions, and {@link #quantified()} says whether any published figure backs the default.
 */
public enum Assumption {
  ROUTE_SENSITIVITY("route_sensitivity", 5, 1, 10, 0, 50, false,
      "Logit β per month of on-target pay for routing deals through partners. Direction from "
          + "Anagol, Cole & Sarkar (agents steer to the higher-paying option); size unquantified."),
  ENGAGE_SENSITIVITY("engage_sensitivity", 3, 1, 8, 0, 50, false,
      "Logit β for staying engaged through implementation. No source measures holdback effects "
          + "on sellers; retention effects of deferred pay (Jochem et al., Vance) set only the "
          + "direction."),
  MEETINGS_SENSITIVITY("meetings_sensitivity", 50, 10, 100, 0, 500, false,
      "Response of meetings booked to the pay per meeting (meetings scale by e^(βΔ)). Kishore "
          + "et al.: paying for a measured task shifts effort toward it; size unquantified."),
  TEAM_SENSITIVITY("team_sensitivity", 3, 1, 8, 0, 50, false,
      "Logit β for bringing in a specialist. Chan, Li & Pierce: team credit favours helping; "
          + "size unquantified."),
  TIMING_SENSITIVITY("timing_sensitivity", 5, 2, 10, 0, 50, false,
      "Logit β for pulling deals across a period end. Larkin, Oyer, Owan et al.: convex pay near "
          + "a threshold moves deal timing (strong evidence of direction; no logit β published)."),
  EFFORT_SENSITIVITY("effort_sensitivity", 0.6, 0.3, 1.2, 0, 20, false,
      "Response of a rep's deal volume to the expected pay of one more typical deal (volume "
          + "scales by e^(βΔ)). Shape from Chung, Steenburgh & Sudhir (2014: reps give up far "
          + "from quota, keep going past it when overachievement pays; caps stop the best); size "
          + "calibrated so that removing a binding cap gives about Misra & Nair's +9% revenue."),
  PARTNER_WIN_UPLIFT("partner_win_uplift", 0.117, 0, 0.25, 0, 1, true,
      "Relative win-rate lift of deals with a partner: 11.7% on the Crossbeam network (vendor "
          + "data, selection bias); range 0%–25%."),
  ENGAGEMENT_SUCCESS_EFFECT("engagement_success_effect", 0.15, 0, 0.30, 0, 1, false,
      "Percentage points by which an engaged seller raises the chance the implementation is "
          + "confirmed. No quantified source found."),
  PULL_IN_DISCOUNT("pull_in_discount", 0.07, 0.04, 0.12, 0, 0.9, true,
      "Discount on a deal pulled into an earlier period by a rep right at an accelerator "
          + "threshold (it fades with distance, see pull_in_discount_slope): Larkin's 6–8% "
          + "revenue cost under accelerators; 4% (Jindal & Newberry) to 12% (InsideSales, "
          + "last-week deal size)."),
  PULL_IN_DISCOUNT_SLOPE("pull_in_discount_slope", 0.38, 0.2, 0.6, 0, 5, true,
      "How fast the pull-in discount fades with the rep's distance to the next accelerator "
          + "threshold, per unit of attainment: Jindal & Newberry (2022), about 3.8% more "
          + "discount per 10 points closer to quota in the final week."),
  IMPLEMENTATION_LAG_DAYS("implementation_lag_days", 90, 30, 180, 0, 3650, false,
      "Days from close to go-live, used only when the data holds no decided implementation "
          + "dates (otherwise the observed lags are used and this moves nothing)."),
  SPECIALIST_WIN_UPLIFT("specialist_win_uplift", 0.10, 0, 0.30, 0, 2, false,
      "Relative win-rate lift when a specialist assists. No quantified source found (one "
          + "consultancy anecdote only)."),
  MEETING_CONVERSION("meeting_conversion", 0.25, 0, 0.5, 0, 1, false,
      "How well spiff-driven meetings convert relative to the meetings reps book anyway "
          + "(1 = as well). No usable source found.");

  private final String key;
  private final double defaultValue;
  private final double low;
  private final double high;
  private final double min;
  private final double max;
  private final boolean quantified;
  private final String source;

  Assumption(String key, double defaultValue, double low, double high, double min, double max,
      boolean quantified, String source) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.low = low;
    this.high = high;
    this.min = min;
    this.max = max;
    this.quantified = quantified;
    this.source = source;
  }

  /** The key in {@code assumptions.yaml}. */
  public String key() {
    return key;
  }

  public double defaultValue() {
    return defaultValue;
  }

  public double low() {
    return low;
  }

  public double high() {
    return high;
  }

  /** Smallest value that makes sense; a file giving less is an error. */
  public double min() {
    return min;
  }

  /** Largest value that makes sense; a file giving more is an error. */
  public double max() {
    return max;
  }

  /** Whether a published figure backs the default (otherwise a labelled assumption). */
  public boolean quantified() {
    return quantified;
  }

  public String source() {
    return source;
  }

  /** The sensitivity of one behavior. */
  public static Assumption sensitivityOf(Behavior behavior) {
    return valueOf(behavior.name() + "_SENSITIVITY");
  }

  public static Assumption ofKey(String key) {
    for (Assumption a : values()) {
      if (a.key.equals(key.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    return null;
  }
}
