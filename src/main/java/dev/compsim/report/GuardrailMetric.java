package dev.compsim.report;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The metrics a plan's guardrails can name. Ratios are fractions (0.2 = 20%), money is in the
 * plan's currency. Metrics {@link #versusBaseline() versus the baseline} have no value for the
 * baseline itself. The names here and {@code Guardrail.METRICS} are the same list (a test keeps
 * them so).
 */
public enum GuardrailMetric {
  /** Total cost / won list revenue. */
  COST_OF_SALES(false, (plan, change) -> plan.costOfSales()),
  /** Rep cost / total cost. */
  REP_COST_SHARE(false, (plan, change) -> plan.repCostShare()),
  /** Channel (partner and partner-rep) cost / total cost. */
  CHANNEL_COST_SHARE(false, (plan, change) -> plan.channelCostShare()),
  /** Held back and still owed as of --as-of: the open liability, in money. */
  HELD_LIABILITY(false, (plan, change) -> plan.status(dev.compsim.engine.Status.HELD)),
  /** Total cost, in money. */
  TOTAL_COST(false, (plan, change) -> plan.totalCost()),
  /** Forfeited / earned. */
  FORFEITED_SHARE(false, (plan, change) -> plan.forfeitedShare()),
  /** Share of reps whose payout falls by more than 10% versus the baseline. */
  REPS_LOSING_MORE_THAN_10PCT(true, (plan, change) -> change.share(change.losingMoreThan10Pct())),
  /** Share of reps whose payout falls at all versus the baseline. */
  REPS_LOSING_SHARE(true, (plan, change) -> change.share(change.losing())),
  /** The largest loss of one rep versus the baseline, as a fraction of their baseline pay. */
  MAX_REP_LOSS_PCT(true, (plan, change) -> change.maxLossPct()),
  /** (total cost − baseline total cost) / baseline total cost. */
  COST_CHANGE_PCT(true, null);

  private final boolean versusBaseline;
  private final BiFunction<PlanFigures, RepChanges, BigDecimal> value;

  GuardrailMetric(boolean versusBaseline, BiFunction<PlanFigures, RepChanges, BigDecimal> value) {
    this.versusBaseline = versusBaseline;
    this.value = value;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean versusBaseline() {
    return versusBaseline;
  }

  /** Whether the value is money (shown grouped) rather than a ratio (shown as a percent). */
  public boolean money() {
    return this == HELD_LIABILITY || this == TOTAL_COST;
  }

  /**
   * The metric's value for {@code plan}; {@code changes} and {@code baseline} are null for the
   * baseline itself. Null when the metric has no value (nothing won, no baseline).
   */
  BigDecimal value(PlanFigures plan, PlanFigures baseline, RepChanges changes) {
    if (versusBaseline && baseline == null) {
      return null;
    }
    if (this == COST_CHANGE_PCT) {
      return Fmt.ratio(plan.totalCost().subtract(baseline.totalCost()), baseline.totalCost());
    }
    return value.apply(plan, changes);
  }

  /**
   * Why the metric has no value for {@code plan} although the plan costs money, or null when it
   * has a value, is not meant for this plan (a versus-baseline metric of the baseline) or when
   * nothing was paid at all. A guardrail that cannot be computed while money goes out is
   * failed, never skipped: {@code cost_of_sales max 0.1} with every deal lost and 50,000.00 of
   * spiffs paid is not within budget.
   */
  String undefined(PlanFigures plan, PlanFigures baseline, RepChanges changes) {
    if (versusBaseline && baseline == null || value(plan, baseline, changes) != null) {
      return null;
    }
    BigDecimal cost = plan.totalCost();
    if (this == COST_CHANGE_PCT) {
      return cost.signum() == 0 ? null : "the baseline costs nothing while this plan costs "
          + Fmt.money(cost);
    }
    if (cost.signum() == 0) {
      return null;
    }
    return this == COST_OF_SALES ? "no won revenue while " + Fmt.money(cost) + " is paid or owed"
        : "it has no value while " + Fmt.money(cost) + " is paid or owed";
  }

  public static GuardrailMetric of(String code) {
    for (GuardrailMetric metric : values()) {
      if (metric.code().equals(code)) {
        return metric;
      }
    }
    throw new IllegalArgumentException("unknown guardrail metric " + code);
  }

  public String format(BigDecimal value) {
    if (value == null) {
      return "n/a";
    }
    return money() ? Fmt.money(value) : Fmt.pct(value);
  }
}
