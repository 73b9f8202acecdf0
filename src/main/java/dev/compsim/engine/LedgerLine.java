package dev.compsim.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a plan's ledger: an amount, already rounded to the cent, owed to one payee.
 *
 * @param dealId null for lines not tied to one deal (activity spiffs, rebates, prizes)
 * @param period the vendor fiscal period in which the money was earned
 * @param payDate when it is paid; null when nothing is paid (held, forfeited, banned)
 * @param trace a short human-readable account of the computation; null when not asked for
 */
public record LedgerLine(String plan, String payee, PayeeKind payeeKind, Component component,
    String dealId, String period, Status status, BigDecimal amount, LocalDate payDate,
    String trace) {

  public LedgerLine {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(payee, "payee");
    Objects.requireNonNull(payeeKind, "payeeKind");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(amount, "amount");
    if (amount.scale() != 2) {
      throw new IllegalArgumentException("ledger amounts carry exactly two decimals: " + amount);
    }
  }

  /** Counted in cost: paid, released, held or clawed back. */
  public BigDecimal cost() {
    return cost(status, amount);
  }

  /** What a line of {@code status} and {@code amount} counts in cost (see {@link #cost()}). */
  public static BigDecimal cost(Status status, BigDecimal amount) {
    return status.countsAsCost() ? amount : BigDecimal.ZERO;
  }
}
