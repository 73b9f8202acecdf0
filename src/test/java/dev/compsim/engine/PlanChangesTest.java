package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.DataSet;
import dev.compsim.model.Plan;
import dev.compsim.testing.TestData;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Effective-dated plans: each deal is priced by the version in force on its close date; a period
 * a change falls in keeps its attainment across the change.
 */
class PlanChangesTest {
  /** The design's tiers until 1 September 2026, then 5% to half of quota and 12% above. */
  private static final String SWITCH = TestData.basePlan("Switch", """
      spiffs:
        - { name: win, kind: deal, amount: 100 }
      changes:
        - from: 2026-09-01
          commission: { tiers: [ { to: 0.5, rate: 0.05 }, { rate: 0.12 } ] }
          spiffs: []
      """);

  /** Quota 800,000 a year: 200,000 a quarter; FY2027-Q3 runs 1 August to 31 October 2026. */
  private static DataSet data() {
    return TestData.data().rep("R1", "AE", 800_000)
        .won("D1", "R1", "2026-08-15", 80_000)
        .won("D2", "R1", "2026-09-15", 60_000)
        .won("D3", "R1", "2026-11-15", 60_000)
        .build();
  }

  private static String commission(Ledger ledger, String deal) {
    return ledger.sum(l -> deal.equals(l.dealId()) && l.component() == Component.COMMISSION)
        .toPlainString();
  }

  @Test
  void eachDealIsPricedByTheVersionInForceOnItsCloseDate() {
    Plan plan = TestData.plan(SWITCH);
    assertThat(plan.changes()).hasSize(1);
    assertThat(plan.versionOn(LocalDate.of(2026, 8, 31))).isSameAs(plan);
    assertThat(plan.versionOn(LocalDate.of(2026, 9, 1)).rules().commission().tiers()).hasSize(2);

    Ledger ledger = new Engine(data(), LocalDate.of(2026, 11, 30)).ledger(plan);
    // D1 under v1: 80,000 at 4% = 3,200, attainment 0% → 40%
    assertThat(commission(ledger, "D1")).isEqualTo("3200.00");
    // D2 under v2, attainment carried from 40% to 70%: 20,000 at 5% + 40,000 at 12% = 5,800
    // (reset at the change it would have been 60,000 at 5% = 3,000)
    assertThat(commission(ledger, "D2")).isEqualTo("5800.00");
    // D3 in the next quarter, all under v2: 60,000 at 5% = 3,000
    assertThat(commission(ledger, "D3")).isEqualTo("3000.00");
    // the deal spiff of v1 pays on D1 only: v2 has none
    assertThat(ledger.select(l -> l.component() == Component.SPIFF))
        .extracting(LedgerLine::dealId).containsExactly("D1");

    String trace = ledger.select(l -> "D2".equals(l.dealId())).get(0).trace();
    assertThat(trace).isEqualTo("v2 (from 2026-09-01): credit 60000.00 (list) → attainment "
        + "40.0%→70.0% → 20000.00@5% + 40000.00@12% = 5800.00; FY2027-Q3 straddles a change: "
        + "blended quota 200000.00 = 67391.30 (31 of 92 days under v1) + 132608.70 (61 of 92 "
        + "days under v2), attainment carried across the change");
    assertThat(ledger.select(l -> "D3".equals(l.dealId())).get(0).trace())
        .startsWith("v2 (from 2026-09-01): credit 60000.00 (list) → attainment 0.0%→30.0%")
        .doesNotContain("straddles");
    assertThat(ledger.select(l -> "D1".equals(l.dealId())).get(0).trace())
        .startsWith("v1 (as written): ");
  }

  @Test
  void aPlanThatNeverChangesTracesAsBefore() {
    Ledger ledger = new Engine(data(), LocalDate.of(2026, 11, 30))
        .ledger(TestData.plan(TestData.basePlan("Stay", "")));
    assertThat(ledger.lines().get(0).trace()).startsWith("credit 80000.00 (list) → ");
  }

  @Test
  void rolesAndKeysNotChangedCarryOver() {
    Plan plan = TestData.plan(TestData.basePlan("Roles", """
        holdback: { share: 0.3, release: days, days: 30 }
        roles:
          SE: { commission: { tiers: [ { rate: 0.02 } ] } }
        changes:
          - { from: 2026-05-01, credit: { partner_basis: list } }
          - { from: 2026-09-01, commission: { tiers: [ { rate: 0.10 } ] } }
        """));
    Plan last = plan.versionOn(LocalDate.of(2026, 12, 1));
    assertThat(last.rules().holdback().share()).isEqualByComparingTo("0.3");
    assertThat(last.rules().credit().partnerBasis().name()).isEqualTo("LIST");
    assertThat(last.rulesFor("SE").commission().tiers().get(0).rate())
        .isEqualByComparingTo("0.02");
    assertThat(last.rulesFor("AE").commission().tiers().get(0).rate())
        .isEqualByComparingTo("0.10");
    assertThat(plan.versionLabel(LocalDate.of(2026, 6, 1))).isEqualTo("v2 (from 2026-05-01)");
  }

  @Test
  void whatAChangeAddsThatTheDataCannotMeasureIsNamed() {
    Plan plan = TestData.plan(TestData.basePlan("Later holdback", """
        changes:
          - { from: 2026-09-01, holdback: { share: 0.3, release: implementation } }
        """));
    // no deal has an implementation outcome: the September holdback could never be released
    assertThat(DataCoverage.of(plan, data())).extracting(DataCoverage.Gap::feature)
        .containsExactly("holdback_release");
    // the plan as written alone has nothing the data cannot show
    assertThat(DataCoverage.of(TestData.plan(TestData.basePlan("Later holdback", "")), data()))
        .isEmpty();
  }
}
