package dev.compsim.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A limit a plan must respect, checked by {@code compsim check} and {@code compare --check}. */
public record Guardrail(String metric, BigDecimal min, BigDecimal max) {

  /** The metrics a guardrail can name; each is documented in docs/reports.md. */
  public static final List<String> METRICS = List.of("cost_of_sales", "rep_cost_share",
      "channel_cost_share", "held_liability", "total_cost", "forfeited_share",
      "reps_losing_more_than_10pct", "reps_losing_share", "max_rep_loss_pct", "cost_change_pct");

  public Guardrail {
    Objects.requireNonNull(metric, "metric");
    if (min == null && max == null) {
      throw new IllegalArgumentException("a guardrail needs min or max");
    }
  }
}
