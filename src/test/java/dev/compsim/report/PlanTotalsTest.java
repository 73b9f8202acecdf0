package dev.compsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.compsim.engine.Component;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.PayeeKind;
import dev.compsim.engine.Status;
import dev.compsim.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * PlanTotals adds ledger amounts as whole cents in a long while they fit: the totals must be
 * exactly (scale included) the BigDecimal sums of the lines, which this test computes the plain
 * way and compares.
 */
class PlanTotalsTest {
  private static final BigDecimal REVENUE = new BigDecimal("1000.00");

  private static LedgerLine line(String payee, PayeeKind kind, Component component,
      Status status, String amount) {
    return new LedgerLine("P", payee, kind, component, null, "FY2027-Q1", status,
        new BigDecimal(amount), null, null);
  }

  @Test
  void totalsOfAFewHandWrittenLines() {
    PlanTotals totals = new PlanTotals("P", REVENUE);
    totals.accept(line("R1", PayeeKind.REP, Component.COMMISSION, Status.PAID, "100.10"));
    totals.accept(line("R1", PayeeKind.REP, Component.COMMISSION, Status.CLAWED_BACK, "-40.05"));
    totals.accept(line("R2", PayeeKind.REP, Component.SPIFF, Status.BANNED, "80.00"));
    totals.accept(line("R2", PayeeKind.REP, Component.COMMISSION, Status.HELD, "0.01"));
    totals.accept(line("P1", PayeeKind.PARTNER, Component.PARTNER_MARGIN, Status.PAID, "250.00"));
    // rep: 100.10 − 40.05 + 0.01 = 60.06; channel 250.00; banned is not cost
    assertThat(totals.repCost()).isEqualTo(new BigDecimal("60.06"));
    assertThat(totals.channelCost()).isEqualTo(new BigDecimal("250.00"));
    assertThat(totals.totalCost()).isEqualTo(new BigDecimal("310.06"));
    assertThat(totals.status(Status.PAID)).isEqualTo(new BigDecimal("350.10"));
    assertThat(totals.status(Status.BANNED)).isEqualTo(new BigDecimal("80.00"));
    assertThat(totals.status(Status.FORFEITED)).isEqualTo(Money.ZERO);
    assertThat(totals.component(Component.SPIFF)).isEqualTo(Money.ZERO);
    assertThat(totals.repCosts()).containsExactly(Map.entry("R1", new BigDecimal("60.05")),
        Map.entry("R2", new BigDecimal("0.01")));
    // 310.06 / 1000.00 = 0.31006
    assertThat(totals.costOfSales()).isEqualTo(new BigDecimal("0.310060"));
    assertThat(totals.lines()).isEqualTo(5);
  }

  @Test
  void sumsBeyondALongOfCentsStayExact() {
    PlanTotals totals = new PlanTotals("P", REVENUE);
    // 2 × 60,000,000,000,000,000.00 is 1.2e19 cents, more than a long holds (9.2e18)
    String huge = "60000000000000000.00";
    totals.accept(line("R1", PayeeKind.REP, Component.COMMISSION, Status.PAID, huge));
    totals.accept(line("R1", PayeeKind.REP, Component.COMMISSION, Status.PAID, huge));
    totals.accept(line("R1", PayeeKind.REP, Component.COMMISSION, Status.PAID, "0.07"));
    totals.accept(line("R1", PayeeKind.REP, Component.COMMISSION, Status.PAID,
        "123456789012345678901234.56")); // not a long of cents at all
    BigDecimal expected = new BigDecimal("123456909012345678901234.63");
    assertThat(totals.repCost()).isEqualTo(expected);
    assertThat(totals.status(Status.PAID)).isEqualTo(expected);
    assertThat(totals.repCosts()).containsEntry("R1", expected);
  }

  @Test
  void everyTotalEqualsThePlainBigDecimalSumOfItsLines() {
    qt().withFixedSeed(20261130L).withExamples(300).forAll(longs().all())
        .checkAssert(PlanTotalsTest::check);
  }

  private static void check(long seed) {
    Random random = new Random(seed);
    List<LedgerLine> lines = new ArrayList<>();
    int n = random.nextInt(60);
    for (int i = 0; i < n; i++) {
      long cents = switch (random.nextInt(4)) {
        case 0 -> random.nextInt(1_000_000) - 200_000;
        case 1 -> random.nextLong() / 2; // near the edge of a long
        case 2 -> Long.MAX_VALUE - random.nextInt(3);
        default -> random.nextInt(100);
      };
      BigDecimal amount = BigDecimal.valueOf(cents, 2);
      if (random.nextInt(10) == 0) {
        amount = amount.multiply(BigDecimal.valueOf(1_000_000)); // beyond a long of cents
      }
      lines.add(new LedgerLine("P", "R" + random.nextInt(4),
          PayeeKind.values()[random.nextInt(PayeeKind.values().length)],
          Component.values()[random.nextInt(Component.values().length)], null, "FY2027-Q1",
          Status.values()[random.nextInt(Status.values().length)], amount, null, null));
    }

    PlanTotals totals = new PlanTotals("P", REVENUE);
    lines.forEach(totals::accept);

    // the plain way: BigDecimal additions starting from 0.00
    Map<Status, BigDecimal> byStatus = new EnumMap<>(Status.class);
    Map<Component, BigDecimal> byComponent = new EnumMap<>(Component.class);
    Map<String, BigDecimal> perRep = new TreeMap<>();
    BigDecimal rep = Money.ZERO;
    BigDecimal channel = Money.ZERO;
    for (LedgerLine line : lines) {
      byStatus.merge(line.status(), line.amount(), BigDecimal::add);
      if (line.status().countsAsCost()) {
        byComponent.merge(line.component(), line.amount(), BigDecimal::add);
        if (line.payeeKind() == PayeeKind.REP) {
          rep = rep.add(line.amount());
          perRep.merge(line.payee(), line.amount(), BigDecimal::add);
        } else {
          channel = channel.add(line.amount());
        }
      }
    }
    for (Status status : Status.values()) {
      assertThat(totals.status(status)).isEqualTo(byStatus.getOrDefault(status, Money.ZERO));
    }
    for (Component component : Component.values()) {
      assertThat(totals.component(component))
          .isEqualTo(byComponent.getOrDefault(component, Money.ZERO));
    }
    assertThat(totals.repCost()).isEqualTo(rep);
    assertThat(totals.channelCost()).isEqualTo(channel);
    assertThat(totals.totalCost()).isEqualTo(rep.add(channel));
    assertThat(totals.repCosts()).isEqualTo(perRep);
    assertThat(totals.lines()).isEqualTo(n);
  }
}
