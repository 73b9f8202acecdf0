package dev.compsim.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a customer paid against a deal's invoice on one day, from payments.csv.
 *
 * @param amount in the deal's currency; negative for a refund
 */
public record Payment(String dealId, LocalDate date, BigDecimal amount) {
  public Payment {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(amount, "amount");
  }
}
