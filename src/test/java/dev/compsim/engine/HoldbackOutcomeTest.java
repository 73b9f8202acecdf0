package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.Deal;
import dev.compsim.model.Holdback;
import dev.compsim.model.HoldbackRelease;
import dev.compsim.model.Implementation;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HoldbackOutcomeTest {
  private static final LocalDate CLOSE = LocalDate.of(2026, 3, 1);
  private static final Holdback ON_IMPLEMENTATION = new Holdback(new BigDecimal("0.3"),
      HoldbackRelease.IMPLEMENTATION, 0, 270, false);
  private static final Holdback AFTER_90_DAYS = new Holdback(new BigDecimal("0.3"),
      HoldbackRelease.DAYS, 90, null, true);

  private static Deal deal(Implementation outcome, String on) {
    return Deal.direct("D1", "R1", CLOSE, BigDecimal.TEN)
        .withImplementation(outcome, on == null ? null : LocalDate.parse(on));
  }

  private static HoldbackOutcome outcome(Holdback holdback, Deal deal, String asOf) {
    return HoldbackOutcome.of(holdback, deal, LocalDate.parse(asOf));
  }

  @Test
  void confirmedImplementationReleasesOnTheConfirmationDate() {
    var outcome = outcome(ON_IMPLEMENTATION, deal(Implementation.CONFIRMED, "2026-05-10"),
        "2026-06-30");
    assertThat(outcome.status()).isEqualTo(Status.RELEASED);
    assertThat(outcome.date()).isEqualTo(LocalDate.of(2026, 5, 10));
  }

  @Test
  void aConfirmationAfterAsOfIsNotKnownYet() {
    var outcome = outcome(ON_IMPLEMENTATION, deal(Implementation.CONFIRMED, "2026-05-10"),
        "2026-05-09");
    assertThat(outcome.status()).isEqualTo(Status.HELD);
  }

  @Test
  void failedImplementationForfeits() {
    var outcome = outcome(ON_IMPLEMENTATION, deal(Implementation.FAILED, "2026-04-01"),
        "2026-06-30");
    assertThat(outcome.status()).isEqualTo(Status.FORFEITED);
    assertThat(outcome.date()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(outcome.clawbackDate()).isNull(); // no clawback in this holdback
  }

  @Test
  void stillUnconfirmedAtTheHorizonForfeits() {
    // close 2026-03-01 + 270 days = 2026-11-26
    var pending = deal(Implementation.PENDING, null);
    assertThat(outcome(ON_IMPLEMENTATION, pending, "2026-11-25").status()).isEqualTo(Status.HELD);
    var late = outcome(ON_IMPLEMENTATION, pending, "2026-11-26");
    assertThat(late.status()).isEqualTo(Status.FORFEITED);
    assertThat(late.date()).isEqualTo(LocalDate.of(2026, 11, 26));
  }

  @Test
  void aConfirmationAfterTheHorizonComesTooLate() {
    var outcome = outcome(ON_IMPLEMENTATION, deal(Implementation.CONFIRMED, "2026-12-01"),
        "2026-12-31");
    assertThat(outcome.status()).isEqualTo(Status.FORFEITED);
    assertThat(outcome.date()).isEqualTo(LocalDate.of(2026, 11, 26));
  }

  @Test
  void confirmationOnTheHorizonDayStillReleases() {
    var outcome = outcome(ON_IMPLEMENTATION, deal(Implementation.CONFIRMED, "2026-11-26"),
        "2026-12-31");
    assertThat(outcome.status()).isEqualTo(Status.RELEASED);
  }

  @Test
  void daysReleaseIsDueDaysAfterClose() {
    // 2026-03-01 + 90 days = 2026-05-30
    var pending = deal(Implementation.PENDING, null);
    var early = outcome(AFTER_90_DAYS, pending, "2026-05-29");
    assertThat(early.status()).isEqualTo(Status.HELD);
    assertThat(early.date()).isEqualTo(LocalDate.of(2026, 5, 30));
    var due = outcome(AFTER_90_DAYS, pending, "2026-05-30");
    assertThat(due.status()).isEqualTo(Status.RELEASED);
    assertThat(due.date()).isEqualTo(LocalDate.of(2026, 5, 30));
  }

  @Test
  void aFailureBeforeTheDaysReleaseForfeitsAndClawsBack() {
    var outcome = outcome(AFTER_90_DAYS, deal(Implementation.FAILED, "2026-04-15"), "2026-12-31");
    assertThat(outcome.status()).isEqualTo(Status.FORFEITED);
    assertThat(outcome.clawbackDate()).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(outcome.releasedBeforeClawback()).isFalse();
  }

  @Test
  void aFailureAfterTheDaysReleaseClawsBackTheReleasedPartToo() {
    var outcome = outcome(AFTER_90_DAYS, deal(Implementation.FAILED, "2026-07-01"), "2026-12-31");
    assertThat(outcome.status()).isEqualTo(Status.RELEASED);
    assertThat(outcome.releasedBeforeClawback()).isTrue();
  }
}
