package dev.compsim.report;

import dev.compsim.model.Guardrail;
import java.math.BigDecimal;

/**
 * One guardrail of one plan, evaluated.
 *
 * @param value null when the metric has no value for this plan: then the guardrail is skipped
 *     when nothing was paid (or it compares with the baseline and this is the baseline), and
 *     failed as {@code undefined} when money was paid
 * @param undefined why a failed guardrail has no value ("no won revenue while 50,000.00 is paid
 *     or owed"), or null
 */
public record GuardrailResult(String plan, Guardrail guardrail, BigDecimal value, Outcome outcome,
    String undefined) {

  /** How a guardrail came out. */
  public enum Outcome { PASSED, FAILED, SKIPPED }

  public GuardrailMetric metric() {
    return GuardrailMetric.of(guardrail.metric());
  }

  /** The limit as written: {@code max 14.0%}, {@code min 1,000.00}, or both. */
  public String limit() {
    GuardrailMetric metric = metric();
    StringBuilder out = new StringBuilder();
    if (guardrail.min() != null) {
      out.append("min ").append(metric.format(guardrail.min()));
    }
    if (guardrail.max() != null) {
      out.append(out.length() > 0 ? ", " : "").append("max ").append(metric.format(guardrail.max()));
    }
    return out.toString();
  }

  /** One line a person reads: plan, metric, value and limit. */
  public String message() {
    String name = "plan \"" + plan + "\": " + guardrail.metric();
    if (undefined != null) {
      return name + " undefined: " + undefined + "; a guardrail that cannot be computed while "
          + "money is paid fails (" + limit() + ")";
    }
    return switch (outcome) {
      case PASSED -> name + " = " + metric().format(value) + " within " + limit();
      case FAILED -> name + " = " + metric().format(value) + " breaks " + limit();
      case SKIPPED -> name + " skipped: " + (metric().versusBaseline()
          ? "it compares a plan with the baseline, and this plan is the baseline"
          : metric() == GuardrailMetric.COST_OF_SALES
              ? "no value (nothing was won and nothing was paid)"
              : "no value (nothing was paid)");
    };
  }

  /** The value as a table cell: money or a percentage, {@code undefined}, or {@code n/a}. */
  public Cell valueCell() {
    if (undefined != null) {
      return Cell.text("undefined");
    }
    return metric().money() ? Cell.money(value, null) : Cell.percent(value);
  }

  /** The value of a result in a table: the number, {@code undefined}, or {@code n/a}. */
  public String formattedValue() {
    return undefined != null ? "undefined" : metric().format(value);
  }

  /**
   * {@code value} against the guardrail's limits; with no value, failed when {@code undefined}
   * says why money was paid all the same, skipped otherwise.
   */
  static GuardrailResult evaluate(String plan, Guardrail guardrail, BigDecimal value,
      String undefined) {
    if (value == null) {
      return new GuardrailResult(plan, guardrail, null,
          undefined != null ? Outcome.FAILED : Outcome.SKIPPED, undefined);
    }
    boolean broken = guardrail.max() != null && value.compareTo(guardrail.max()) > 0
        || guardrail.min() != null && value.compareTo(guardrail.min()) < 0;
    return new GuardrailResult(plan, guardrail, value, broken ? Outcome.FAILED : Outcome.PASSED,
        null);
  }
}
