package dev.compsim.report;

import dev.compsim.model.Guardrail;
import java.math.BigDecimal;

/**
 * One guardrail of one plan, evaluated.
 *
 * @param value null when the metric has no value for this plan (then the guardrail is skipped)
 */
public record GuardrailResult(String plan, Guardrail guardrail, BigDecimal value, Outcome outcome) {

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
    return switch (outcome) {
      case PASSED -> name + " = " + metric().format(value) + " within " + limit();
      case FAILED -> name + " = " + metric().format(value) + " breaks " + limit();
      case SKIPPED -> name + " skipped: " + (metric().versusBaseline()
          ? "it compares a plan with the baseline, and this plan is the baseline"
          : "no value (nothing was won or paid)");
    };
  }

  static GuardrailResult evaluate(String plan, Guardrail guardrail, BigDecimal value) {
    if (value == null) {
      return new GuardrailResult(plan, guardrail, null, Outcome.SKIPPED);
    }
    boolean broken = guardrail.max() != null && value.compareTo(guardrail.max()) > 0
        || guardrail.min() != null && value.compareTo(guardrail.min()) < 0;
    return new GuardrailResult(plan, guardrail, value, broken ? Outcome.FAILED : Outcome.PASSED);
  }
}
