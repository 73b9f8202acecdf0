package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.Deal;
import dev.compsim.model.Holdback;
import dev.compsim.model.HoldbackRelease;
import dev.compsim.model.Implementation;
import dev.compsim.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The holdback split: held rounded once, paid the rest, and the cents the fast path counts equal
 * the cost of the lines the ledger writes, for every outcome.
 */
class HoldbackSplitTest {
  private static final LocalDate CLOSE = LocalDate.of(2026, 3, 1);

  @Test
  void heldIsTheShareRoundedHalfEvenOncePaidIsTheRest() {
    HoldbackSplit split = HoldbackSplit.of(new Holdback(new BigDecimal("0.30"),
        HoldbackRelease.IMPLEMENTATION, 0, null, false));
    // 0.30 × 1,234.55 = 370.365 → 370.36 (half-even)
    assertThat(split.held(new BigDecimal("1234.55"))).isEqualByComparingTo("370.36");
    assertThat(split.held(123_455L)).isEqualTo(37_036L);
    // nothing held back from a negative or zero commission
    assertThat(split.held(new BigDecimal("-10.00"))).isEqualByComparingTo("0");
    assertThat(split.held(-1_000L)).isZero();
    Deal deal = Deal.direct("D", "A", CLOSE, BigDecimal.TEN)
        .withImplementation(Implementation.CONFIRMED, CLOSE.plusDays(10));
    HoldbackSplit.Split s = split.split(new BigDecimal("1234.55"), deal, CLOSE.plusDays(30), true);
    assertThat(s.paid()).isEqualByComparingTo("864.19");
    assertThat(s.heldStatus()).isEqualTo(Status.RELEASED);
    assertThat(s.heldPayDate()).isEqualTo(CLOSE.plusDays(10));
  }

  @Test
  void aClawbackReclaimsWhatWasPaidByTheFailure() {
    HoldbackSplit split = HoldbackSplit.of(new Holdback(new BigDecimal("0.25"),
        HoldbackRelease.DAYS, 30, null, true));
    Deal failedLate = Deal.direct("D", "A", CLOSE, BigDecimal.TEN)
        .withImplementation(Implementation.FAILED, CLOSE.plusDays(60));
    HoldbackSplit.Split late = split.split(new BigDecimal("100.00"), failedLate,
        CLOSE.plusDays(90), false);
    // released on day 30, failed on day 60: paid and held are both reclaimed
    assertThat(late.heldStatus()).isEqualTo(Status.RELEASED);
    assertThat(late.reclaimed()).isEqualByComparingTo("100.00");
    assertThat(late.cost()).isEqualByComparingTo("0");
    Deal failedEarly = failedLate.withImplementation(Implementation.FAILED, CLOSE.plusDays(10));
    HoldbackSplit.Split early = split.split(new BigDecimal("100.00"), failedEarly,
        CLOSE.plusDays(90), false);
    assertThat(early.heldStatus()).isEqualTo(Status.FORFEITED);
    assertThat(early.reclaimed()).isEqualByComparingTo("75.00");
    assertThat(early.cost()).isEqualByComparingTo("0");
  }

  @Test
  void theFastPathCentsEqualTheLedgerSplitForEveryOutcome() {
    Random random = new Random(20261203L);
    LocalDate asOf = CLOSE.plusDays(200);
    int checked = 0;
    for (int c = 0; c < 4000; c++) {
      Holdback holdback = new Holdback(BigDecimal.valueOf(random.nextInt(1001), 3),
          random.nextBoolean() ? HoldbackRelease.DAYS : HoldbackRelease.IMPLEMENTATION,
          random.nextInt(120), random.nextBoolean() ? null : 30 + random.nextInt(200),
          random.nextBoolean());
      HoldbackSplit split = HoldbackSplit.of(holdback);
      long cents = random.nextInt(2_000_000) - 100_000;
      BigDecimal earned = BigDecimal.valueOf(cents, 2);
      Implementation implementation = Implementation.values()[random.nextInt(3)];
      Deal deal = Deal.direct("D", "A", CLOSE, BigDecimal.TEN).withImplementation(
          implementation, implementation == Implementation.PENDING && random.nextBoolean() ? null
              : CLOSE.plusDays(random.nextInt(400)));
      HoldbackSplit.Split ledger = split.split(earned, deal, asOf, false);
      // what the ledger writes, line by line, as the engine writes it
      BigDecimal lines = ledger.hasPaidLine() ? ledger.paid() : Money.ZERO;
      if (ledger.hasHeldLine() && ledger.heldStatus().countsAsCost()) {
        lines = lines.add(ledger.held());
      }
      if (ledger.hasClawbackLine()) {
        lines = lines.subtract(ledger.reclaimed());
      }
      assertThat(ledger.held().add(ledger.paid())).isEqualByComparingTo(earned);
      assertThat(ledger.cost()).isEqualByComparingTo(lines);
      int mode = split.dependsOnOutcome()
          ? HoldbackSplit.mode(HoldbackOutcome.of(holdback, deal, asOf, false)) : 0;
      assertThat(split.cost(cents, mode)).as("case %d: %s %s %s", c, holdback, earned, deal)
          .isEqualTo(lines.movePointRight(2).longValueExact());
      checked++;
    }
    assertThat(checked).isEqualTo(4000);
  }
}
