package dev.compsim.engine;

import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
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
 * The rule is written once, in epoch days ({@link #of(Holdback, long, Implementation, long, long,
 * boolean)}): the ledger asks it with a deal's dates, the columnar engine with its day columns.
 *
 * @param status released, held or forfeited
 * @param day when released or forfeited; for a held {@code days} holdback, the release day due;
 *     as an epoch day, or {@link DealColumns#NO_DAY}
 * @param reason a few words for the trace; null when not asked for
 * @param clawbackDay the failure day when the paid part is reclaimed, else {@link
 *     DealColumns#NO_DAY}
 */
public record HoldbackOutcome(Status status, long day, String reason, long clawbackDay) {
  private static final long NO_DAY = DealColumns.NO_DAY;

  public static HoldbackOutcome of(Holdback holdback, Deal deal, LocalDate asOf) {
    return of(holdback, deal, asOf, true);
  }

  /** As above; without {@code explain} the reason is null (a run that keeps no traces). */
  public static HoldbackOutcome of(Holdback holdback, Deal deal, LocalDate asOf,
      boolean explain) {
    return of(holdback, day(deal.closeDate()), deal.implementation(),
        day(deal.implementationDate()), day(asOf), explain);
  }

  /**
   * The rule, on epoch days.
   *
   * @param implementedDay the day of the deal's implementation outcome, or {@link
   *     DealColumns#NO_DAY}
   */
  public static HoldbackOutcome of(Holdback holdback, long closeDay,
      Implementation implementation, long implementedDay, long asOfDay, boolean explain) {
    if (implementedDay == NO_DAY || implementedDay > asOfDay) {
      implementation = Implementation.PENDING; // not known yet as of asOf
    }
    long failedOn = implementation == Implementation.FAILED ? implementedDay : NO_DAY;
    long clawback = holdback.clawback() ? failedOn : NO_DAY;
    if (holdback.release() == HoldbackRelease.PAYMENT) {
      // PaymentRelease prices it; the implementation changes nothing
      return new HoldbackOutcome(Status.HELD, NO_DAY, explain ? "until the customer pays" : null,
          NO_DAY);
    }

    if (holdback.release() == HoldbackRelease.DAYS) {
      long due = (long) closeDay + holdback.days();
      if (failedOn != NO_DAY && failedOn < due) {
        return new HoldbackOutcome(Status.FORFEITED, failedOn,
            explain ? "implementation failed " + date(failedOn) : null, clawback);
      }
      if (due <= asOfDay) {
        return new HoldbackOutcome(Status.RELEASED, due,
            explain ? holdback.days() + " days after close" : null, clawback);
      }
      return new HoldbackOutcome(Status.HELD, due, explain ? "due " + date(due) : null,
          clawback);
    }

    long horizon = holdback.horizonDays() == null ? NO_DAY
        : (long) closeDay + holdback.horizonDays();
    switch (implementation) {
      case CONFIRMED:
        if (horizon != NO_DAY && implementedDay > horizon) {
          return new HoldbackOutcome(Status.FORFEITED, horizon, explain ? "confirmed "
              + date(implementedDay) + ", after the " + holdback.horizonDays() + "-day horizon "
              + date(horizon) : null, NO_DAY);
        }
        return new HoldbackOutcome(Status.RELEASED, implementedDay,
            explain ? "implementation confirmed " + date(implementedDay) : null, NO_DAY);
      case FAILED:
        if (horizon != NO_DAY && horizon < failedOn) {
          return new HoldbackOutcome(Status.FORFEITED, horizon, explain ? "unconfirmed at the "
              + holdback.horizonDays() + "-day horizon " + date(horizon) : null, clawback);
        }
        return new HoldbackOutcome(Status.FORFEITED, failedOn,
            explain ? "implementation failed " + date(failedOn) : null, clawback);
      default:
        if (horizon != NO_DAY && horizon <= asOfDay) {
          return new HoldbackOutcome(Status.FORFEITED, horizon, explain ? "unconfirmed at the "
              + holdback.horizonDays() + "-day horizon " + date(horizon) : null, NO_DAY);
        }
        return new HoldbackOutcome(Status.HELD, NO_DAY, explain ? "until implementation is "
            + "confirmed" + (horizon == NO_DAY ? "" : ", at the latest " + date(horizon)) : null,
            NO_DAY);
    }
  }

  /** When released or forfeited (for a held {@code days} holdback, when due), or null. */
  public LocalDate date() {
    return date(day);
  }

  /** The failure date when the paid part is reclaimed, or null. */
  public LocalDate clawbackDate() {
    return date(clawbackDay);
  }

  /** Whether a clawback reclaims what was paid. */
  public boolean clawsBack() {
    return clawbackDay != NO_DAY;
  }

  /** Whether the held part had been paid out by the failure that triggers a clawback. */
  public boolean releasedBeforeClawback() {
    return status == Status.RELEASED && clawbackDay != NO_DAY && day <= clawbackDay;
  }

  private static long day(LocalDate date) {
    return date == null ? NO_DAY : date.toEpochDay();
  }

  private static LocalDate date(long day) {
    return day == NO_DAY ? null : LocalDate.ofEpochDay(day);
  }
}
