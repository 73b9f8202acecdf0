package dev.compsim.model;

import java.util.Objects;

/**
 * The credit, commission, holdback and draw rules that apply to one role of a plan.
 *
 * @param draw the role's draw, or null for none
 */
public record Rules(Credit credit, Commission commission, Holdback holdback, Draw draw) {
  public Rules {
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(commission, "commission");
    Objects.requireNonNull(holdback, "holdback");
  }

  public Rules(Credit credit, Commission commission, Holdback holdback) {
    this(credit, commission, holdback, null);
  }

  /** These rules with another draw (null for none). */
  public Rules withDraw(Draw other) {
    return new Rules(credit, commission, holdback, other);
  }
}
