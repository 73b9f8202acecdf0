package dev.compsim.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A draw: each period the rep's commission is topped up to {@code amount}.
 *
 * @param amount the floor per plan period, in the plan's currency
 * @param recoverable the top-ups build a balance that later commission above the amount repays;
 *     false: a plain guarantee, never repaid
 * @param months how many months from the rep's start the draw is paid, or null for every period;
 *     recovery of a balance goes on after
 * @param carry a balance left at the plan year's end is carried into the next year (true) or
 *     forgiven (false)
 */
public record Draw(BigDecimal amount, boolean recoverable, Integer months, boolean carry) {
  public Draw {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("a draw amount must be 0 or more");
    }
    if (months != null && months <= 0) {
      throw new IllegalArgumentException("draw months must be above 0");
    }
  }
}
