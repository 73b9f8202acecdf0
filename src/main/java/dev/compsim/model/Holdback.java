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

  /** {@code pay_on: payment}: the whole commission is paid as the customer pays. */
  public static final Holdback PAY_ON_PAYMENT =
      new Holdback(BigDecimal.ONE, HoldbackRelease.PAYMENT, 0, null, false);

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

  /** Whether the held part is released as the customer pays. */
  public boolean onPayment() {
    return release == HoldbackRelease.PAYMENT && holdsBack();
  }

  /** Whether the whole commission waits for the customer's payment ({@code pay_on: payment}). */
  public boolean wholeOnPayment() {
    return onPayment() && share.compareTo(BigDecimal.ONE) == 0;
  }
}
