package dev.compsim.engine;

import dev.compsim.model.DealColumns;
import dev.compsim.model.Money;
import dev.compsim.model.Payment;
import dev.compsim.model.Payments;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Pay when paid: the one statement of how a commission held until the customer pays
 * ({@code pay_on: payment}, or the held part under {@code holdback.release: payment}) is released
 * as the customer pays.
 *
 * <ul>
 *   <li>The customer's paid share after each payment is what it has paid so far (payments up to
 *       and including that one, refunds counted negative) over the invoice, the deal's amount in
 *       its own currency, kept within [0, 1]: an over-payment releases no more than the whole.
 *   <li>Released so far = held × paid share, rounded half-even to the cent, once. Each payment
 *       that changes it writes one {@code released} line of the difference from the line before,
 *       dated the payment (or the close, for a deposit paid before it). So every line is rounded
 *       once, the last payment takes the remainder, and the lines add up exactly to the held
 *       amount when the invoice is paid in full.
 *   <li>A refund that lowers the paid share writes a negative {@code released} line: the release
 *       is reversed and that money is owed again, on collection, as part of the held line. It is
 *       not {@code clawed_back}, which is money reclaimed for good; so released + held stays the
 *       commission.
 *   <li>Payments after as-of are not known yet; what the customer has not paid as of as-of is one
 *       {@code held} line, an open liability counted in cost.
 * </ul>
 */
public final class PaymentRelease {
  private PaymentRelease() {}

  /**
   * One line of a payment release.
   *
   * @param date the payment's date (or the close), null for the held remainder
   * @param trace null when not asked for
   */
  public record Part(Status status, BigDecimal amount, LocalDate date, String trace) {}

  /**
   * Every line of a commission paid when the customer pays: the part paid at close when the
   * holdback keeps some of it back (and the line the ledger writes for a commission of nothing),
   * then {@link #of} the held part. The ledger and the columnar engine both take these lines.
   *
   * @param invoice the deal's amount in its own currency, which the payments are in
   * @param close the deal's close date
   * @param closeTrace the trace of the part paid at close; null for no traces
   */
  public static List<Part> lines(HoldbackSplit.Split split, BigDecimal invoice, LocalDate close,
      List<Payment> payments, LocalDate asOf, String closeTrace, String first, String rest) {
    List<Part> released = of(split.held(), invoice, close, payments, asOf, first, rest);
    if (!split.hasPaidLine()) {
      return released;
    }
    List<Part> lines = new ArrayList<>(released.size() + 1);
    lines.add(new Part(Status.PAID, split.paid(), close, closeTrace));
    lines.addAll(released);
    return lines;
  }

  /**
   * The lines that release {@code held} of a deal's commission as {@code payments} come in.
   *
   * @param invoice the deal's amount in its own currency, which the payments are in
   * @param close the deal's close date: nothing is released before it
   * @param payments the deal's payments in date order
   * @param first what the first line's trace starts with; null for no traces
   * @param rest what the traces of the other lines start with
   */
  public static List<Part> of(BigDecimal held, BigDecimal invoice, LocalDate close,
      List<Payment> payments, LocalDate asOf, String first, String rest) {
    boolean traces = first != null;
    List<Part> parts = new ArrayList<>(2);
    BigDecimal paid = BigDecimal.ZERO; // what the customer paid so far, unbounded
    BigDecimal share = BigDecimal.ZERO; // the paid share, within [0, 1]
    BigDecimal released = Money.ZERO;
    for (int i = 0; i < payments.size(); i++) {
      Payment payment = payments.get(i);
      if (payment.date().isAfter(asOf)) {
        break; // in date order: the rest is not known yet either
      }
      paid = paid.add(payment.amount());
      BigDecimal before = share;
      share = paidShare(paid, invoice);
      BigDecimal target = releasedBy(held, paid, invoice);
      BigDecimal line = target.subtract(released);
      if (line.signum() == 0) {
        continue;
      }
      released = target;
      LocalDate date = payment.date().isBefore(close) ? close : payment.date();
      String text = null;
      if (traces) {
        text = (parts.isEmpty() ? first : rest) + (payment.amount().signum() < 0 ? "refund " : "payment ")
            + Money.grouped(payment.amount()) + " of " + Money.grouped(invoice) + " on "
            + payment.date() + (line.signum() < 0 ? " takes back " : " releases ")
            + percent(share.subtract(before).abs()) + " of " + Money.grouped(held) + ": " + Money.grouped(line) + " (customer has paid "
            + Money.grouped(paid) + ", " + percent(share) + "; " + Money.grouped(released)
            + " released so far)"
            + (paid.compareTo(invoice) > 0 ? "; paid over the invoice, nothing more released"
                : "")
            + (payment.date().isBefore(close) ? "; paid before close, released at close" : "");
      }
      parts.add(new Part(Status.RELEASED, line, date, text));
    }
    BigDecimal remaining = held.subtract(released);
    if (remaining.signum() != 0) {
      String text = traces ? (parts.isEmpty() ? first : rest) + Money.grouped(remaining) + " of " + Money.grouped(held)
          + " owed when the customer pays: " + Money.grouped(paid)
          + " of " + Money.grouped(invoice) + " paid (" + percent(share) + ") as of " + asOf
          : null;
      parts.add(new Part(Status.HELD, remaining, null, text));
    }
    return parts;
  }

  /**
   * {@link #lines} in cents, for sums that need no traces (the columnar engine): each line's
   * status, cents and (a release's) pay day to {@code out}, in the same order, by the same rule
   * on longs
   * (released so far = held × the paid amount within [0, invoice] / invoice, rounded half-even
   * once). Returns false, having told {@code out} nothing, when the invoice or a payment known by
   * as-of is not a whole number of cents, or a sum or product would not fit a long: {@link
   * #lines} prices those. {@code PaymentReleaseCentsTest} holds the two equal.
   *
   * @param invoiceCents the deal's amount in its own currency, in cents; {@link
   *     DealColumns#NOT_CENTS} when it is not whole cents
   */
  public static boolean centLines(HoldbackSplit.Split split, long invoiceCents, LocalDate close,
      List<Payment> payments, LocalDate asOf, HoldbackSplit.CentLines out) {
    long held = DealColumns.centsOf(split.held());
    long paidAtClose = DealColumns.centsOf(split.paid());
    if (held == DealColumns.NOT_CENTS || paidAtClose == DealColumns.NOT_CENTS) {
      return false;
    }
    // the payments as columns of their own, as the engine keeps them
    Payments.Cents own = Payments.Cents.of(payments);
    return centLines(held, paidAtClose, invoiceCents, close.toEpochDay(), own.days(),
        own.cents(), own.start(0), own.end(0), asOf.toEpochDay(), out);
  }

  /**
   * The rule of {@link #centLines(HoldbackSplit.Split, long, LocalDate, List, LocalDate,
   * HoldbackSplit.CentLines)} on cents and days throughout: a commission split into {@code
   * paidCents} paid at close and {@code heldCents} held, a deal closed on {@code closeDay}, and
   * its payments {@code from} to {@code to} of {@code days} and {@code cents} (in date order;
   * {@link DealColumns#NOT_CENTS} for an amount that is not whole cents).
   */
  public static boolean centLines(long heldCents, long paidCents, long invoiceCents,
      long closeDay, int[] days, long[] cents, int from, int to, long asOfDay,
      HoldbackSplit.CentLines out) {
    if (invoiceCents == DealColumns.NOT_CENTS) {
      return false;
    }
    long[] lines = new long[to - from];
    long[] lineDays = new long[to - from];
    int count = 0;
    long released = 0;
    try {
      long paid = 0;
      for (int k = from; k < to; k++) {
        if (days[k] > asOfDay) {
          break; // in date order: the rest is not known yet either
        }
        if (cents[k] == DealColumns.NOT_CENTS) {
          return false;
        }
        paid = Math.addExact(paid, cents[k]);
        long target = releasedBy(heldCents, paid, invoiceCents);
        if (target != released) {
          lines[count] = target - released;
          // dated as of() dates a part: the payment, or the close for a deposit paid before it
          lineDays[count++] = Math.max(days[k], closeDay);
          released = target;
        }
      }
    } catch (ArithmeticException notInCents) {
      return false;
    }
    if (paidCents != 0 || heldCents == 0) { // the split's paid line (HoldbackSplit.Split)
      out.line(Status.PAID, paidCents, DealColumns.NO_DAY);
    }
    for (int k = 0; k < count; k++) {
      out.line(Status.RELEASED, lines[k], lineDays[k]);
    }
    if (heldCents != released) {
      out.line(Status.HELD, heldCents - released, DealColumns.NO_DAY);
    }
    return true;
  }

  /** {@link #releasedBy(BigDecimal, BigDecimal, BigDecimal)} in cents; throws beyond a long. */
  private static long releasedBy(long held, long paid, long invoice) {
    if (invoice <= 0) {
      return paid > 0 ? held : 0;
    }
    long bounded = Math.min(Math.max(paid, 0), invoice);
    long product = Money.multiplyExact(held, bounded);
    if (product == Long.MIN_VALUE) {
      throw new ArithmeticException("beyond a long"); // no negation of it in the rounding
    }
    return Money.divideHalfEven(product, invoice);
  }

  /** The paid share of the invoice, within [0, 1]; an invoice of 0 is paid by any payment. */
  static BigDecimal paidShare(BigDecimal paid, BigDecimal invoice) {
    if (invoice.signum() <= 0) {
      return paid.signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (paid.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    if (paid.compareTo(invoice) >= 0) {
      return BigDecimal.ONE;
    }
    return paid.divide(invoice, 6, RoundingMode.HALF_EVEN);
  }

  /** Held × paid share, with the share exact (not the rounded one of the trace), rounded once. */
  static BigDecimal releasedBy(BigDecimal held, BigDecimal paid, BigDecimal invoice) {
    if (invoice.signum() <= 0) {
      return paid.signum() > 0 ? held : Money.ZERO;
    }
    BigDecimal bounded = paid.max(BigDecimal.ZERO).min(invoice);
    return held.multiply(bounded).divide(invoice, Money.SCALE, Money.ROUNDING);
  }

  private static String percent(BigDecimal share) {
    return Money.percent1(share).replace(".0%", "%");
  }
}
