package dev.compsim.engine;

import dev.compsim.model.Deal;
import dev.compsim.model.Holdback;
import dev.compsim.model.HoldbackRelease;
import dev.compsim.model.Implementation;
import java.time.LocalDate;

/**
 * What happened to a deal's held-back commission as of a date.
 *
 * <ul>
 *   <li>{@code implementation}: released on the date the customer confirmed; forfeited when the
 *       implementation failed, or when it is still unconfirmed {@code horizon_days} after close
 *       (a confirmation after the horizon comes too late); otherwise still held.
 *   <li>{@code days}: released {@code days} after close, unless the implementation failed before.
 * </ul>
 *
 * With {@code clawback}, a failure also reclaims what was paid before it.
 *
 * @param status released, held or forfeited
 * @param date when released or forfeited; for a held {@code days} holdback, the release date due
 * @param reason a few words for the trace
 * @param clawbackDate the failure date when the paid part is reclaimed, else null
 */
public record HoldbackOutcome(Status status, LocalDate date, String reason,
    LocalDate clawbackDate) {

  public static HoldbackOutcome of(Holdback holdback, Deal deal, LocalDate asOf) {
    LocalDate close = deal.closeDate();
    Implementation implementation = deal.implementation();
    LocalDate implementedOn = deal.implementationDate();
    if (implementedOn == null || implementedOn.isAfter(asOf)) {
      implementation = Implementation.PENDING; // not known yet as of asOf
    }
    LocalDate failedOn = implementation == Implementation.FAILED ? implementedOn : null;
    LocalDate clawback = holdback.clawback() ? failedOn : null;

    if (holdback.release() == HoldbackRelease.DAYS) {
      LocalDate due = close.plusDays(holdback.days());
      if (failedOn != null && failedOn.isBefore(due)) {
        return new HoldbackOutcome(Status.FORFEITED, failedOn,
            "implementation failed " + failedOn, clawback);
      }
      if (!due.isAfter(asOf)) {
        return new HoldbackOutcome(Status.RELEASED, due,
            holdback.days() + " days after close", clawback);
      }
      return new HoldbackOutcome(Status.HELD, due, "due " + due, clawback);
    }

    LocalDate horizon = holdback.horizonDays() == null ? null
        : close.plusDays(holdback.horizonDays());
    switch (implementation) {
      case CONFIRMED:
        if (horizon != null && implementedOn.isAfter(horizon)) {
          return new HoldbackOutcome(Status.FORFEITED, horizon, "confirmed " + implementedOn
              + ", after the " + holdback.horizonDays() + "-day horizon " + horizon, null);
        }
        return new HoldbackOutcome(Status.RELEASED, implementedOn,
            "implementation confirmed " + implementedOn, null);
      case FAILED:
        if (horizon != null && horizon.isBefore(failedOn)) {
          return new HoldbackOutcome(Status.FORFEITED, horizon, "unconfirmed at the "
              + holdback.horizonDays() + "-day horizon " + horizon, clawback);
        }
        return new HoldbackOutcome(Status.FORFEITED, failedOn,
            "implementation failed " + failedOn, clawback);
      default:
        if (horizon != null && !horizon.isAfter(asOf)) {
          return new HoldbackOutcome(Status.FORFEITED, horizon, "unconfirmed at the "
              + holdback.horizonDays() + "-day horizon " + horizon, null);
        }
        return new HoldbackOutcome(Status.HELD, null, "until implementation is confirmed"
            + (horizon == null ? "" : ", at the latest " + horizon), null);
    }
  }

  /** Whether the held part had been paid out by the failure that triggers a clawback. */
  public boolean releasedBeforeClawback() {
    return status == Status.RELEASED && clawbackDate != null && !date.isAfter(clawbackDate);
  }
}
