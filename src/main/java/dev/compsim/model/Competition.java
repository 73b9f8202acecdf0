package dev.compsim.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A sales competition: reps ranked by {@code metric} between {@code from} and {@code to} inclusive
 * win {@code prizes} by rank.
 */
public record Competition(String name, LocalDate from, LocalDate to, Metric metric,
    List<BigDecimal> prizes) {

  public Competition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(metric, "metric");
    prizes = List.copyOf(prizes);
  }

  /** What reps are ranked by. */
  public enum Metric {
    /** Count of won partner deals the rep owns. */
    PARTNER_DEALS,
    /** Won list amount of partner deals the rep owns. */
    PARTNER_REVENUE,
    /** Won list amount of all deals the rep owns. */
    WON_REVENUE,
    /** Count of confirmed implementations of deals the rep owns. */
    IMPLEMENTATIONS;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
