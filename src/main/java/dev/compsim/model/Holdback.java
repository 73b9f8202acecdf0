package dev.compsim.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A share of each deal's commission kept until release.
 *
 * @param days with {@link HoldbackRelease#DAYS}, days after close
 * @param horizonDays still unconfirmed this many days after close: forfeited; null for no horizon
 * @param clawback a failed implementation also reclaims what was already paid
 */
public record Holdback(BigDecimal share, HoldbackRelease release, int days, Integer horizonDays,
    boolean clawback) {

  public static final Holdback NONE =
      new Holdback(BigDecimal.ZERO, HoldbackRelease.IMPLEMENTATION, 0, null, false);

  public Holdback {
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(release, "release");
    if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("holdback share must be within [0, 1]");
    }
  }

  public boolean holdsBack() {
    return share.signum() > 0;
  }
}
