package dev.compsim.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * Commission on period attainment.
 *
 * @param tiers marginal tiers, like tax brackets; the last one has no bound
 * @param retroactive the whole period is paid at the rate of the highest tier reached
 * @param cap attainment beyond which nothing more is earned, or null
 */
public record Commission(List<Tier> tiers, boolean retroactive, BigDecimal cap) {

  public Commission {
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("commission needs at least one tier");
    }
    for (int i = 0; i < tiers.size(); i++) {
      boolean last = i == tiers.size() - 1;
      if (last != (tiers.get(i).to() == null)) {
        throw new IllegalArgumentException("only the last tier has no bound");
      }
      if (i > 0 && !last && tiers.get(i).to().compareTo(tiers.get(i - 1).to()) <= 0) {
        throw new IllegalArgumentException("tier bounds must increase");
      }
    }
  }

  /** Whether commission depends on attainment at all (more than one tier, or a cap). */
  public boolean needsQuota() {
    return tiers.size() > 1 || cap != null;
  }
}
