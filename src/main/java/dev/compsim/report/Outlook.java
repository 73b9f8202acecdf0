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
 */
public record Outlook(int runs, long seed, List<Plan> plans) {
  public Outlook {
    plans = List.copyOf(plans);
  }

  /** One plan's expected figures, money rounded to the cent. */
  public record Plan(String plan, BigDecimal expectedCost, BigDecimal expectedRevenue,
      int repsLosingMoreThan10Pct) {}

  Plan of(String plan) {
    for (Plan p : plans) {
      if (p.plan().equals(plan)) {
        return p;
      }
    }
    return null;
  }
}
