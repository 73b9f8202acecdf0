package dev.compsim.model;

import java.util.Objects;

/** The credit, commission and holdback rules that apply to one role of a plan. */
public record Rules(Credit credit, Commission commission, Holdback holdback) {
  public Rules {
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(commission, "commission");
    Objects.requireNonNull(holdback, "holdback");
  }
}
