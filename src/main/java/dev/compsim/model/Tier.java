package dev.compsim.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A commission tier: {@code rate} applies to attainment up to {@code to} (a fraction of the period
 * quota); the last tier has no bound.
 */
public record Tier(BigDecimal to, BigDecimal rate) {
  public Tier {
    Objects.requireNonNull(rate, "rate");
  }
}
