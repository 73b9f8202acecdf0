package dev.compsim.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the behavior model expects of each plan, for the headline beside the static figures: the
 * mean over a seeded simulation of rep and partner pay, won revenue, and the reps who expect to
 * lose more than 10% of their pay against the baseline. Modelled, not measured.
 *
 * @param runs simulation runs behind the means
 * @param seed their seed
 * @param notComputed why the figures were not computed (then {@code plans} is empty), or null
 */
public record Outlook(int runs, long seed, List<Plan> plans, String notComputed) {
  public Outlook {
    plans = List.copyOf(plans);
  }

  public Outlook(int runs, long seed, List<Plan> plans) {
    this(runs, seed, plans, null);
  }

  /** No expected figures, and why. */
  public static Outlook notComputed(String why) {
    return new Outlook(0, 0, List.of(), why);
  }

  public boolean computed() {
    return notComputed == null;
  }

  /**
   * One plan's expected figures, money rounded to the cent.
   *
   * @param pulledIn revenue pulled into an earlier period, against a plan that pays nothing for
   *     moving a deal (negative: pushed out)
   * @param pullInDiscount the discount given on it
   */
  public record Plan(String plan, BigDecimal expectedCost, BigDecimal expectedRevenue,
      int repsLosingMoreThan10Pct, BigDecimal pulledIn, BigDecimal pullInDiscount) {}

  Plan of(String plan) {
    for (Plan p : plans) {
      if (p.plan().equals(plan)) {
        return p;
      }
    }
    return null;
  }
}
