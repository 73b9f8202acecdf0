package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.DataSet;
import dev.compsim.model.Plan;
import dev.compsim.report.PlanTotals;
import dev.compsim.testing.TestData;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The issue's worked example of a draw, and what becomes of a balance at the year's end. */
class DrawsTest {
  /** A monthly plan paying a flat 10%, so commission is a tenth of each month's deals. */
  private static Plan plan(String draw) {
    return TestData.plan("name: Draw\nfiscal_year_start: 01-01\nperiod: month\n"
        + "commission: { tiers: [ { rate: 0.10 } ] }\n" + draw);
  }

  /** Commission 2,000, 3,000 and 9,000 in January, February and March 2026. */
  private static DataSet data() {
    return TestData.data().rep("R1", "AE", 600_000)
        .won("D1", "R1", "2026-01-15", 20_000)
        .won("D2", "R1", "2026-02-15", 30_000)
        .won("D3", "R1", "2026-03-15", 90_000)
        .build();
  }

  private static List<String> lines(Ledger ledger) {
    return ledger.select(l -> l.component() != Component.COMMISSION).stream()
        .map(l -> l.period() + " " + l.component().code() + " " + l.status().code() + " "
            + l.amount().toPlainString() + " " + l.payDate())
        .toList();
  }

  @Test
  void theIssuesWorkedExample() {
    Engine engine = new Engine(data(), LocalDate.of(2026, 3, 31));
    Plan plan = plan("draw: { amount: 5000, recoverable: true }\n");
    Ledger ledger = engine.ledger(plan);
    assertThat(lines(ledger)).containsExactly(
        "FY2026-M01 draw paid 3000.00 2026-01-31",
        "FY2026-M02 draw paid 2000.00 2026-02-28",
        "FY2026-M03 draw_recovery paid -4000.00 2026-03-31");
    // draws 3,000 and 2,000: balance 5,000; March recovers the 4,000 above the draw: 1,000 left
    assertThat(ledger.sum(l -> l.component() == Component.DRAW
        || l.component() == Component.DRAW_RECOVERY)).isEqualByComparingTo("1000.00");
    // in March the rep is paid 9,000 commission less 4,000 recovered: 5,000
    assertThat(ledger.sum(l -> "FY2026-M03".equals(l.period()) && l.status().countsAsCost()))
        .isEqualByComparingTo("5000.00");
    assertThat(ledger.select(l -> l.component() == Component.DRAW_RECOVERY).get(0).trace())
        .isEqualTo("commission 9000.00 earned in FY2026-M03: 4000.00 above the 5000.00 draw "
            + "recovers 4000.00; balance 1000.00");
    PlanTotals totals = new PlanTotals("Draw", engine.wonRevenue(plan));
    ledger.lines().forEach(totals::accept);
    assertThat(totals.advance()).isEqualByComparingTo("1000.00");
    assertThat(totals.repCost()).isEqualByComparingTo("15000.00"); // 14,000 + 5,000 − 4,000
  }

  /**
   * A draw starts in the period of the first deal a rep owns, assists or manages the partner of
   * (a channel manager's overlay credit), so a rep first seen in March is not advanced January.
   */
  @Test
  void aDrawStartsWhereTheRepIsFirstSeenAsOwnerAssistOrChannelManager() {
    DataSet data = TestData.data().rep("R1", "AE", 600_000).rep("R2", "AE", 600_000)
        .rep("CM", "CM", 600_000).partner("P1", "var", "CM")
        .won("D1", "R1", "2026-01-15", 20_000)
        .partnerDeal("D2", "R1", "2026-02-15", 30_000, "P1",
            dev.compsim.model.PartnerRole.INFLUENCE, false)
        .assisted("D3", "R1", "2026-03-15", 20_000, "R2")
        .build();
    Ledger ledger = new Engine(data, LocalDate.of(2026, 3, 31))
        .ledger(plan("draw: { amount: 5000, recoverable: false }\n"));
    assertThat(ledger.select(l -> l.component() == Component.GUARANTEE).stream()
        .map(l -> l.payee() + " " + l.period()).toList())
        .containsExactlyInAnyOrder("R1 FY2026-M01", "R1 FY2026-M02", "R1 FY2026-M03",
            "CM FY2026-M02", "CM FY2026-M03", "R2 FY2026-M03");
  }

  @Test
  void aNonRecoverableDrawIsAGuaranteeNeverRepaid() {
    Ledger ledger = new Engine(data(), LocalDate.of(2026, 3, 31))
        .ledger(plan("draw: { amount: 5000, recoverable: false }\n"));
    assertThat(lines(ledger)).containsExactly(
        "FY2026-M01 guarantee paid 3000.00 2026-01-31",
        "FY2026-M02 guarantee paid 2000.00 2026-02-28");
  }

  @Test
  void aBalanceLeftAtTheYearsEndIsForgivenOrCarried() {
    Engine engine = new Engine(data(), LocalDate.of(2027, 1, 31));
    Ledger forgiven = engine.ledger(plan("draw: { amount: 5000, months: 3 }\n"));
    assertThat(lines(forgiven)).containsExactly(
        "FY2026-M01 draw paid 3000.00 2026-01-31",
        "FY2026-M02 draw paid 2000.00 2026-02-28",
        "FY2026-M03 draw_recovery paid -4000.00 2026-03-31",
        "FY2026-M12 draw_recovery forgiven -1000.00 null");
    assertThat(forgiven.sum(l -> l.status().countsAsCost())).isEqualByComparingTo("15000.00");

    Ledger carried = engine.ledger(plan("draw: { amount: 5000, months: 3, carry: true }\n"));
    assertThat(lines(carried)).containsExactly(
        "FY2026-M01 draw paid 3000.00 2026-01-31",
        "FY2026-M02 draw paid 2000.00 2026-02-28",
        "FY2026-M03 draw_recovery paid -4000.00 2026-03-31");
  }

  @Test
  void theDrawStopsAfterItsMonthsAndWaitsForThePeriodsEnd() {
    // months: 2 from the rep's first month; as of mid-April, April is not settled yet
    Ledger ledger = new Engine(data(), LocalDate.of(2026, 4, 15))
        .ledger(plan("draw: { amount: 5000, months: 2 }\n"));
    assertThat(lines(ledger)).containsExactly(
        "FY2026-M01 draw paid 3000.00 2026-01-31",
        "FY2026-M02 draw paid 2000.00 2026-02-28",
        "FY2026-M03 draw_recovery paid -4000.00 2026-03-31");
  }

  @Test
  void aRoleHasItsOwnDraw() {
    DataSet data = TestData.data().rep("R1", "AE", 600_000).rep("S1", "SE", 300_000)
        .won("D1", "R1", "2026-01-15", 20_000).won("D2", "S1", "2026-01-20", 10_000).build();
    Ledger ledger = new Engine(data, LocalDate.of(2026, 1, 31)).ledger(plan(
        "draw: { amount: 5000 }\nroles:\n  SE: { draw: { amount: 1500, recoverable: false } }\n"));
    assertThat(ledger.select(l -> l.component() != Component.COMMISSION).stream()
        .map(l -> l.payee() + " " + l.component().code() + " " + l.amount()).toList())
        .containsExactly("R1 draw 3000.00", "S1 guarantee 500.00");
  }
}
