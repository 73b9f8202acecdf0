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
 * @param reason a few words for the trace; null when not asked for
 * @param clawbackDate the failure date when the paid part is reclaimed, else null
 */
public record HoldbackOutcome(Status status, LocalDate date, String reason,
    LocalDate clawbackDate) {

  public static HoldbackOutcome of(Holdback holdback, Deal deal, LocalDate asOf) {
    return of(holdback, deal, asOf, true);
  }

  /** As above; without {@code explain} the reason is null (a run that keeps no traces). */
  public static HoldbackOutcome of(Holdback holdback, Deal deal, LocalDate asOf,
      boolean explain) {
    LocalDate close = deal.closeDate();
    Implementation implementation = deal.implementation();
    LocalDate implementedOn = deal.implementationDate();
    if (implementedOn == null || implementedOn.isAfter(asOf)) {
      implementation = Implementation.PENDING; // not known yet as of asOf
    }
    LocalDate failedOn = implementation == Implementation.FAILED ? implementedOn : null;
    LocalDate clawback = holdback.clawback() ? failedOn : null;
    if (holdback.release() == HoldbackRelease.PAYMENT) {
      // PaymentRelease prices it; the implementation changes nothing
      return new HoldbackOutcome(Status.HELD, null, explain ? "until the customer pays" : null,
          null);
    }

    if (holdback.release() == HoldbackRelease.DAYS) {
      LocalDate due = close.plusDays(holdback.days());
      if (failedOn != null && failedOn.isBefore(due)) {
        return new HoldbackOutcome(Status.FORFEITED, failedOn,
            explain ? "implementation failed " + failedOn : null, clawback);
      }
      if (!due.isAfter(asOf)) {
        return new HoldbackOutcome(Status.RELEASED, due,
            explain ? holdback.days() + " days after close" : null, clawback);
      }
      return new HoldbackOutcome(Status.HELD, due, explain ? "due " + due : null, clawback);
    }

    LocalDate horizon = holdback.horizonDays() == null ? null
        : close.plusDays(holdback.horizonDays());
    switch (implementation) {
      case CONFIRMED:
        if (horizon != null && implementedOn.isAfter(horizon)) {
          return new HoldbackOutcome(Status.FORFEITED, horizon, explain ? "confirmed "
              + implementedOn + ", after the " + holdback.horizonDays() + "-day horizon "
              + horizon : null, null);
        }
        return new HoldbackOutcome(Status.RELEASED, implementedOn,
            explain ? "implementation confirmed " + implementedOn : null, null);
      case FAILED:
        if (horizon != null && horizon.isBefore(failedOn)) {
          return new HoldbackOutcome(Status.FORFEITED, horizon, explain ? "unconfirmed at the "
              + holdback.horizonDays() + "-day horizon " + horizon : null, clawback);
        }
        return new HoldbackOutcome(Status.FORFEITED, failedOn,
            explain ? "implementation failed " + failedOn : null, clawback);
      default:
        if (horizon != null && !horizon.isAfter(asOf)) {
          return new HoldbackOutcome(Status.FORFEITED, horizon, explain ? "unconfirmed at the "
              + holdback.horizonDays() + "-day horizon " + horizon : null, null);
        }
        return new HoldbackOutcome(Status.HELD, null, explain ? "until implementation is "
            + "confirmed" + (horizon == null ? "" : ", at the latest " + horizon) : null, null);
    }
  }

  /** Whether the held part had been paid out by the failure that triggers a clawback. */
  public boolean releasedBeforeClawback() {
    return status == Status.RELEASED && clawbackDate != null && !date.isAfter(clawbackDate);
  }
}
