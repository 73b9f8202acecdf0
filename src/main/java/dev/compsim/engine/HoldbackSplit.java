package dev.compsim.engine;

import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
import dev.compsim.model.Holdback;
import dev.compsim.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * How one recipient's commission on a deal splits into paid, held, released, forfeited and
 * clawed back: the one statement of the rule, asked by the ledger ({@code Evaluation}) in decimals
 * and by the simulation's fast path in cents.
 *
 * <ul>
 *   <li>held = share × commission, rounded half-even to the cent, on a positive commission under
 *       a holdback; paid at close = commission − held.
 *   <li>The held part ends as {@link HoldbackOutcome} says: released, still held, or forfeited.
 *   <li>With clawback, a failed implementation reclaims what had been paid by then: the part
 *       paid at close, and the held part too when it had been released before the failure.
 * </ul>
 */
public final class HoldbackSplit {
  private final Holdback holdback;
  private final long shareUnits; // the share in units of 1 / unit
  private final long unit;

  private HoldbackSplit(Holdback holdback) {
    this.holdback = holdback;
    BigDecimal share = holdback.share().stripTrailingZeros();
    int scale = Math.max(0, share.scale());
    this.unit = BigDecimal.TEN.pow(scale).longValueExact();
    this.shareUnits = share.movePointRight(scale).longValueExact();
  }

  public static HoldbackSplit of(Holdback holdback) {
    return new HoldbackSplit(holdback);
  }

  public Holdback holdback() {
    return holdback;
  }

  /**
   * Whether the deal's implementation can change what this commission costs. A release on
   * payment cannot: released or still held, all of it counts ({@link PaymentRelease}).
   */
  public boolean dependsOnOutcome() {
    return dependsOnOutcome(holdback);
  }

  /** {@link #dependsOnOutcome()} of a holdback's split, without making the split. */
  public static boolean dependsOnOutcome(Holdback holdback) {
    return !holdback.onPayment() && (holdback.holdsBack() || holdback.clawback());
  }

  /** The held part of a commission. */
  public BigDecimal held(BigDecimal earned) {
    return holdback.holdsBack() && earned.signum() > 0
        ? Money.round(earned.multiply(holdback.share()))
        : Money.ZERO;
  }

  /** {@link #held(BigDecimal)} in cents: the same half-even rounding, on long integers. */
  public long held(long earnedCents) {
    return earnedCents > 0 && shareUnits != 0
        ? Money.divideHalfEven(earnedCents * shareUnits, unit) : 0;
  }

  /**
   * A commission split as of a date.
   *
   * @param outcome what became of the held part; null when nothing is held and there is no
   *     clawback (the implementation changes nothing)
   * @param reclaimed what a clawback takes back (positive), or zero
   */
  public record Split(BigDecimal earned, BigDecimal paid, BigDecimal held,
      HoldbackOutcome outcome, BigDecimal reclaimed) {

    /** The paid-at-close line: written unless the whole commission is held back. */
    public boolean hasPaidLine() {
      return paid.signum() != 0 || held.signum() == 0;
    }

    public boolean hasHeldLine() {
      return held.signum() != 0;
    }

    public Status heldStatus() {
      return outcome.status();
    }

    /** When the held part is paid: its release date, or null while held or when forfeited. */
    public LocalDate heldPayDate() {
      return outcome.status() == Status.RELEASED ? outcome.date() : null;
    }

    public boolean hasClawbackLine() {
      return reclaimed.signum() != 0;
    }

    /** Whether the held part is released as the customer pays ({@link PaymentRelease}). */
    public boolean onPayment() {
      return hasHeldLine() && outcome == null;
    }

    /** What the lines of this split count as cost. */
    public BigDecimal cost() {
      BigDecimal cost = paid;
      if (onPayment()) {
        return cost.add(held); // released or still held, all of it counts
      }
      if (hasHeldLine() && heldStatus().countsAsCost()) {
        cost = cost.add(held);
      }
      return cost.subtract(reclaimed);
    }
  }

  /** How {@code earned} on {@code deal} splits as of {@code asOf}. */
  public Split split(BigDecimal earned, Deal deal, LocalDate asOf, boolean explain) {
    return split(earned, () -> HoldbackOutcome.of(holdback, deal, asOf, explain));
  }

  /** As above, with the deal's outcome asked only when the split depends on it. */
  public Split split(BigDecimal earned, Supplier<HoldbackOutcome> outcomeOfDeal) {
    BigDecimal held = held(earned);
    BigDecimal paid = earned.subtract(held);
    if (held.signum() == 0 && !holdback.clawback() || holdback.onPayment()) {
      return new Split(earned, paid, held, null, Money.ZERO); // see PaymentRelease
    }
    HoldbackOutcome outcome = outcomeOfDeal.get();
    BigDecimal reclaimed = !outcome.clawsBack() ? Money.ZERO
        : outcome.releasedBeforeClawback() ? paid.add(held) : paid;
    return new Split(earned, paid, held, outcome, reclaimed);
  }

  /** Receives the ledger lines of a split in cents: the columnar engine's {@link #split}. */
  public interface CentLines {
    /**
     * One line.
     *
     * @param payDay the epoch day the line is paid when the split decides it (a release, a
     *     clawback); {@link DealColumns#NO_DAY} for a line paid at close, which its caller
     *     dates, or not paid (held, forfeited)
     */
    void line(Status status, long cents, long payDay);
  }

  /** Whether {@link #lines} needs the deal's outcome for a commission of {@code earnedCents}. */
  public boolean needsOutcome(long earnedCents) {
    return held(earnedCents) != 0 || holdback.clawback();
  }

  /**
   * The lines {@link #split} makes of {@code earnedCents}, in cents and in ledger order: paid at
   * close, the held part with the outcome's status, the clawback (negative).
   *
   * @param outcome the deal's outcome; null only when {@link #needsOutcome} says it is not needed
   */
  public void lines(long earnedCents, HoldbackOutcome outcome, CentLines out) {
    long held = held(earnedCents);
    long paid = earnedCents - held;
    if (outcome == null) {
      out.line(Status.PAID, paid, DealColumns.NO_DAY);
      return;
    }
    long reclaimed = !outcome.clawsBack() ? 0
        : outcome.releasedBeforeClawback() ? paid + held : paid;
    if (paid != 0 || held == 0) {
      out.line(Status.PAID, paid, DealColumns.NO_DAY);
    }
    if (held != 0) {
      // as Split#heldPayDate: a released part is paid on the outcome's day
      out.line(outcome.status(), held,
          outcome.status() == Status.RELEASED ? outcome.day() : DealColumns.NO_DAY);
    }
    if (reclaimed != 0) {
      out.line(Status.CLAWED_BACK, -reclaimed, outcome.clawbackDay());
    }
  }

  /**
   * An outcome in three bits, for the fast path that prices commissions it does not know yet:
   * bit 0 the held part counts as cost, bit 1 a clawback reclaims the paid part, bit 2 it
   * reclaims the paid and the held part.
   */
  public static int mode(HoldbackOutcome outcome) {
    return (outcome.status().countsAsCost() ? 1 : 0)
        | (!outcome.clawsBack() ? 0 : outcome.releasedBeforeClawback() ? 4 : 2);
  }

  /**
   * What a commission of {@code earnedCents} counts as cost under an outcome of {@link #mode}
   * (0 when the outcome changes nothing): {@link Split#cost()} in cents.
   */
  public long cost(long earnedCents, int mode) {
    long held = held(earnedCents);
    long paid = earnedCents - held;
    long cost = paid;
    if ((mode & 1) != 0) {
      cost += held;
    }
    if ((mode & 2) != 0) {
      cost -= paid;
    } else if ((mode & 4) != 0) {
      cost -= paid + held;
    }
    return cost;
  }
}
