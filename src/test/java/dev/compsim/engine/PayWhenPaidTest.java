package dev.compsim.engine;

import static dev.compsim.testing.TestData.data;
import static dev.compsim.testing.TestData.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.compsim.model.DataSet;
import dev.compsim.model.Implementation;
import dev.compsim.model.Plan;
import dev.compsim.testing.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of pay when paid (issue 13, part 2; docs/pay-when-paid.md): a flat 20% plan
 * on a rep with a large quota, so each deal's commission is 20% of it.
 */
class PayWhenPaidTest {
  private static final String FLAT = "name: Flat\nfiscal_year_start: 02-01\nperiod: quarter\n"
      + "commission: { tiers: [ { rate: 0.2 } ] }\n";
  private static final Plan ON_PAYMENT = plan(FLAT + "pay_on: payment\n");
  private static final Plan HOLD_ON_PAYMENT =
      plan(FLAT + "holdback: { share: 0.3, release: payment }\n");

  private static TestData rep() {
    return data().rep("R1", "AE", 100_000_000);
  }

  private static List<LedgerLine> ledger(Plan plan, DataSet data, String asOf) {
    return new Engine(data, LocalDate.parse(asOf)).ledger(plan).lines();
  }

  private static BigDecimal money(String text) {
    return new BigDecimal(text);
  }

  @Test
  void aPaymentOfHalfTheInvoiceReleasesHalfTheCommission() {
    // invoice 1,000 at 20% = 200; a payment of 500 releases 100, the other 100 is owed
    DataSet data = rep().won("D1", "R1", "2026-03-01", 1_000)
        .payment("D1", "2026-03-10", "500").build();
    List<LedgerLine> lines = ledger(ON_PAYMENT, data, "2026-04-30");
    assertThat(lines).extracting(LedgerLine::status, LedgerLine::amount, LedgerLine::payDate)
        .containsExactly(
            tuple(Status.RELEASED, money("100.00"), LocalDate.of(2026, 3, 10)),
            tuple(Status.HELD, money("100.00"), null));
    assertThat(lines.get(0).trace()).contains("paid as the customer pays: payment 500.00 of "
        + "1,000.00 on 2026-03-10 releases 50% of 200.00: 100.00");
    assertThat(lines.get(1).trace()).contains("100.00 of 200.00 owed when the customer pays: "
        + "500.00 of 1,000.00 paid (50%) as of 2026-04-30");
  }

  @Test
  void twoPaymentsOfHalfReleaseTwoHalves() {
    // commission 4,000 on 20,000; two payments of 10,000 → 2,000 + 2,000, nothing held
    DataSet data = rep().won("D1", "R1", "2026-03-01", 20_000)
        .payment("D1", "2026-04-15", "10000").payment("D1", "2026-03-20", "10000").build();
    List<LedgerLine> lines = ledger(ON_PAYMENT, data, "2026-06-30");
    assertThat(lines).extracting(LedgerLine::status, LedgerLine::amount, LedgerLine::payDate)
        .containsExactly(
            tuple(Status.RELEASED, money("2000.00"), LocalDate.of(2026, 3, 20)),
            tuple(Status.RELEASED, money("2000.00"), LocalDate.of(2026, 4, 15)));
  }

  @Test
  void aPaymentAfterAsOfReleasesNothing() {
    DataSet data = rep().won("D1", "R1", "2026-03-01", 20_000)
        .payment("D1", "2026-03-20", "10000").payment("D1", "2026-05-02", "10000").build();
    List<LedgerLine> lines = ledger(ON_PAYMENT, data, "2026-05-01");
    assertThat(lines).extracting(LedgerLine::status, LedgerLine::amount)
        .containsExactly(tuple(Status.RELEASED, money("2000.00")),
            tuple(Status.HELD, money("2000.00")));
  }

  @Test
  void aRefundTakesBackItsShareAndThatShareIsOwedAgain() {
    // 200 commission: 750 paid releases 150; a refund of 250 takes back 50, so 100 is owed again
    DataSet data = rep().won("D1", "R1", "2026-03-01", 1_000)
        .payment("D1", "2026-03-10", "500").payment("D1", "2026-03-20", "250")
        .payment("D1", "2026-04-01", "-250").build();
    List<LedgerLine> lines = ledger(ON_PAYMENT, data, "2026-04-30");
    assertThat(lines).extracting(LedgerLine::status, LedgerLine::amount, LedgerLine::payDate)
        .containsExactly(
            tuple(Status.RELEASED, money("100.00"), LocalDate.of(2026, 3, 10)),
            tuple(Status.RELEASED, money("50.00"), LocalDate.of(2026, 3, 20)),
            tuple(Status.RELEASED, money("-50.00"), LocalDate.of(2026, 4, 1)),
            tuple(Status.HELD, money("100.00"), null));
    assertThat(lines.get(2).trace()).contains("refund -250.00 of 1,000.00 on 2026-04-01 takes "
        + "back 25% of 200.00: -50.00");
    assertThat(sum(lines)).isEqualByComparingTo("200.00");
  }

  @Test
  void anOverPaymentNeverReleasesMoreThanTheCommission() {
    DataSet data = rep().won("D1", "R1", "2026-03-01", 1_000)
        .payment("D1", "2026-03-10", "800").payment("D1", "2026-03-11", "700")
        .payment("D1", "2026-03-12", "-300").build();
    List<LedgerLine> lines = ledger(ON_PAYMENT, data, "2026-04-30");
    // 800 → 160; 1,500 is over the invoice → the last 40; -300 leaves 1,200, still all paid
    assertThat(lines).extracting(LedgerLine::status, LedgerLine::amount)
        .containsExactly(tuple(Status.RELEASED, money("160.00")),
            tuple(Status.RELEASED, money("40.00")));
    assertThat(lines.get(1).trace()).contains("paid over the invoice, nothing more released");
  }

  @Test
  void partialReleasesAreRoundedOnceAndTheLastTakesTheRemainder() {
    // commission 200.00 on 1,000; three payments of a third: 66.67, 66.66, 66.67
    DataSet data = rep().won("D1", "R1", "2026-03-01", 1_000)
        .payment("D1", "2026-03-10", "333.33").payment("D1", "2026-03-11", "333.33")
        .payment("D1", "2026-03-12", "333.34").build();
    List<LedgerLine> lines = ledger(ON_PAYMENT, data, "2026-04-30");
    // released so far: round(200 × 333.33/1000) = 66.67, round(200 × 666.66/1000) = 133.33,
    // then all of it: 200.00
    assertThat(lines).extracting(LedgerLine::amount)
        .containsExactly(money("66.67"), money("66.66"), money("66.67"));
    assertThat(sum(lines)).isEqualByComparingTo("200.00");
  }

  @Test
  void aDepositBeforeCloseIsReleasedAtClose() {
    DataSet data = rep().won("D1", "R1", "2026-03-01", 1_000)
        .payment("D1", "2026-02-20", "1000").build();
    List<LedgerLine> lines = ledger(ON_PAYMENT, data, "2026-04-30");
    assertThat(lines).extracting(LedgerLine::status, LedgerLine::amount, LedgerLine::payDate)
        .containsExactly(tuple(Status.RELEASED, money("200.00"), LocalDate.of(2026, 3, 1)));
  }

  @Test
  void aHoldbackReleasedOnPaymentPaysTheRestAtClose() {
    // 200 commission, 30% (60) held until the customer pays; 500 of 1,000 paid releases 30
    DataSet data = rep().implemented("D1", "R1", "2026-03-01", 1_000, Implementation.FAILED,
        "2026-03-05").payment("D1", "2026-03-10", "500").build();
    List<LedgerLine> lines = ledger(HOLD_ON_PAYMENT, data, "2026-04-30");
    assertThat(lines).extracting(LedgerLine::status, LedgerLine::amount, LedgerLine::payDate)
        .containsExactly(
            tuple(Status.PAID, money("140.00"), LocalDate.of(2026, 3, 1)),
            tuple(Status.RELEASED, money("30.00"), LocalDate.of(2026, 3, 10)),
            tuple(Status.HELD, money("30.00"), null));
    // the failed implementation changes nothing: the release waits for the customer alone
    assertThat(lines.get(0).trace()).endsWith("30% (60.00) held until the customer pays, 140.00 "
        + "paid at close");
    assertThat(lines.get(1).trace()).startsWith("30% of 200.00 commission held until the "
        + "customer pays: payment 500.00 of 1,000.00 on 2026-03-10 releases 50% of 60.00: 30.00");
  }

  @Test
  void withoutPaymentsEverythingWaitingIsHeldAndStillCountsAsCost() {
    DataSet data = rep().won("D1", "R1", "2026-03-01", 1_000).build();
    Engine engine = new Engine(data, LocalDate.parse("2026-04-30"));
    List<LedgerLine> lines = engine.ledger(ON_PAYMENT).lines();
    assertThat(lines).extracting(LedgerLine::status, LedgerLine::amount)
        .containsExactly(tuple(Status.HELD, money("200.00")));
    assertThat(lines.get(0).cost()).isEqualByComparingTo("200.00");
    assertThat(DataCoverage.of(ON_PAYMENT, data)).extracting(DataCoverage.Gap::feature)
        .containsExactly("payment_release");
    assertThat(DataCoverage.of(ON_PAYMENT, data).get(0).message())
        .startsWith("pay when paid cannot be measured: there is no payments.csv");
    assertThat(DataCoverage.of(HOLD_ON_PAYMENT, data).get(0).message())
        .startsWith("holdback release on payment cannot be measured");
    DataSet withFile = rep().won("D1", "R1", "2026-03-01", 1_000).payments().build();
    assertThat(DataCoverage.of(ON_PAYMENT, withFile).get(0).message())
        .contains("payments.csv has no payment for a won deal");
    DataSet paid = rep().won("D1", "R1", "2026-03-01", 1_000)
        .payment("D1", "2026-03-10", "1").build();
    assertThat(DataCoverage.of(ON_PAYMENT, paid)).isEmpty();
  }

  @Test
  void everyRecipientIsReleasedInTheSameProportion() {
    Plan split = plan(FLAT + "pay_on: payment\ncredit: { team: split, assist_share: 0.25 }\n");
    DataSet data = rep().rep("S1", "SE", 100_000_000)
        .assisted("D1", "R1", "2026-03-01", 1_000, "S1")
        .payment("D1", "2026-03-10", "250").build();
    List<LedgerLine> lines = ledger(split, data, "2026-04-30");
    // owner 150 commission, assist 50; a quarter paid releases 37.50 and 12.50
    assertThat(lines).extracting(LedgerLine::payee, LedgerLine::status, LedgerLine::amount)
        .containsExactly(
            tuple("R1", Status.RELEASED, money("37.50")), tuple("R1", Status.HELD, money("112.50")),
            tuple("S1", Status.RELEASED, money("12.50")), tuple("S1", Status.HELD, money("37.50")));
  }

  @Test
  void theDefaultAsOfIncludesTheLatestPayment() {
    DataSet data = rep().won("D1", "R1", "2026-03-01", 1_000)
        .payment("D1", "2026-06-10", "1000").build();
    assertThat(data.latestDate()).isEqualTo(LocalDate.of(2026, 6, 10));
    assertThat(Engine.latest(data).ledger(ON_PAYMENT).lines()).extracting(LedgerLine::status)
        .containsExactly(Status.RELEASED);
  }

  private static BigDecimal sum(List<LedgerLine> lines) {
    return lines.stream().map(LedgerLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
