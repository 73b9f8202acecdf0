package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.DealColumns;
import dev.compsim.model.Payment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The release of a commission paid when the customer pays, in cents ({@link
 * PaymentRelease#centLines}), line for line and date for date the decimal one ({@link
 * PaymentRelease#lines}): on random invoices (zero and negative too), held and paid parts, and
 * payments (refunds, over-payments, payments before the close and after as-of, now and then a
 * fraction of a cent, which the cents decline).
 */
class PaymentReleaseCentsTest {
  private static final LocalDate CLOSE = LocalDate.of(2026, 3, 1);
  private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

  @Test
  void centLinesAreTheDecimalLinesInCents() {
    Random random = new Random(29);
    int priced = 0;
    int declined = 0;
    for (int round = 0; round < 20_000; round++) {
      BigDecimal invoice = money(random, random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(9));
      if (random.nextInt(30) == 0) {
        invoice = invoice.negate();
      }
      BigDecimal earned = money(random, 1 + random.nextInt(6));
      BigDecimal held = random.nextBoolean() ? earned
          : earned.multiply(new BigDecimal("0.3")).setScale(2, java.math.RoundingMode.HALF_EVEN);
      HoldbackSplit.Split split = new HoldbackSplit.Split(earned, earned.subtract(held), held,
          null, BigDecimal.ZERO);
      List<Payment> payments = new ArrayList<>();
      LocalDate day = CLOSE.minusDays(random.nextInt(20));
      for (int n = random.nextInt(6); n > 0; n--) {
        day = day.plusDays(random.nextInt(90));
        BigDecimal amount = switch (random.nextInt(6)) {
          case 0 -> invoice.abs().divide(BigDecimal.valueOf(1 + random.nextInt(4)), 2,
              java.math.RoundingMode.DOWN);
          case 1 -> money(random, 1 + random.nextInt(9)).negate(); // a refund
          case 2 -> invoice.abs().multiply(BigDecimal.valueOf(2)); // paid over the invoice
          case 3 -> random.nextInt(10) == 0 ? new BigDecimal("12.345") : money(random, 3);
          default -> money(random, 1 + random.nextInt(9));
        };
        payments.add(new Payment("D1", day, amount));
      }
      long invoiceCents = invoice.scale() <= 2 ? invoice.movePointRight(2).longValueExact()
          : DealColumns.NOT_CENTS;
      List<String> cents = new ArrayList<>();
      boolean inCents = PaymentRelease.centLines(split, invoiceCents, CLOSE, payments, AS_OF,
          (status, amount, paidOn) -> cents.add(status + " " + amount + " "
              + (paidOn == DealColumns.NO_DAY ? null : LocalDate.ofEpochDay(paidOn))));
      if (!inCents) {
        assertThat(cents).isEmpty();
        declined++;
        continue;
      }
      priced++;
      List<String> decimal = PaymentRelease.lines(split, invoice, CLOSE, payments, AS_OF, null,
          null, null).stream()
          // the paid-at-close line is dated by its caller, the close
          .map(part -> part.status() + " " + part.amount().movePointRight(2).longValueExact()
              + " " + (part.status() == Status.PAID ? null : part.date()))
          .toList();
      assertThat(cents).as("round %d: invoice %s, held %s, payments %s", round, invoice, held,
          payments).isEqualTo(decimal);
    }
    assertThat(priced).isGreaterThan(15_000);
    assertThat(declined).isGreaterThan(100);
  }

  /** A random amount with up to {@code digits} digits before the point, in cents. */
  private static BigDecimal money(Random random, int digits) {
    long bound = (long) Math.pow(10, digits);
    return BigDecimal.valueOf(Math.floorMod(random.nextLong(), bound * 100), 2);
  }
}
