package dev.compsim.report;

import static dev.compsim.testing.TestData.basePlan;
import static dev.compsim.testing.TestData.data;
import static dev.compsim.testing.TestData.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.engine.Engine;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.model.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vendor fiscal year from 02-01: FY2026 = 2025-02-01..2026-01-31. */
class PartnerProgramsSectionTest {
  private static final Plan VOLUME = plan(basePlan("Volume", """
      partners:
        margin: { VAR: 0.25 }
        tiers: { basis: volume, levels: [ { name: Silver, min: 100000, extra_margin: 0.02 } ] }
        rebates:
          - { types: [VAR], tiers: [ { from: 0, rate: 0.01 }, { from: 100000, rate: 0.03 } ] }
        rep_rewards: { points_per_1000: 10, point_value: 0.50, requires_rebate_enrollment: true }
      competitions:
        - { name: Spring, from: 2026-02-01, to: 2026-04-30, metric: won_revenue, prizes: [1000] }
      """));
  private static final Plan PLAIN = plan(basePlan("Plain", "partners: { margin: { VAR: 0.25 } }\n"));

  private static Deal deal(String id, String close, long amount, Stage stage) {
    return new Deal(id, "R1", LocalDate.parse(close), BigDecimal.valueOf(amount), stage, null,
        stage == Stage.WON ? "V" : null, PartnerRole.RESELL, false, false, null, "V-ana",
        List.of(), Implementation.PENDING, null, null, null, null);
  }

  private static Engine engine() {
    DataSet data = data().rep("R1", "AE", 800_000)
        .partner(new Partner("V", "Vega", "VAR", "Silver", 0, false, true, null, null))
        .deal(deal("L0", "2025-01-10", 1000, Stage.LOST)) // the data starts 2025-01-10
        .deal(deal("D1", "2025-03-01", 150_000, Stage.WON))
        .deal(deal("D2", "2026-03-01", 80_000, Stage.WON))
        .build();
    return new Engine(data, LocalDate.parse("2026-06-30"));
  }

  @Test
  void tiersRebatesRewardsAndStandingsPerPlan() {
    ReportSection section = PartnerPrograms.section(List.of(VOLUME, PLAIN), engine());
    assertThat(section.id()).isEqualTo("partner_programs");
    // tiers: FY2026's previous year (from 2024-02-01) predates the data: partners.csv Silver;
    //   FY2027's previous year FY2026 had 150,000 ≥ 100,000: Silver on volume
    assertThat(section.tables().get(0).rows()).containsExactly(
        List.of("Volume", "V", "FY2026 (2025-02-01..2026-01-31)", "Silver",
            "tier Silver in partners.csv; no FY2025 in the data"),
        List.of("Volume", "V", "FY2027 (2026-02-01..2027-01-31)", "Silver",
            "FY2026 volume 150000.00"));
    // rebates: FY2026 150,000 ≥ 100,000: 3% = 4,500 paid; FY2027 80,000 so far: 1% = 800 held
    assertThat(section.tables().get(1).rows()).containsExactly(
        List.of("Volume", "V", "FY2026 (2025-02-01..2026-01-31)", "1", "150,000.00", "3%",
            "4,500.00", "paid"),
        List.of("Volume", "V", "FY2027 (2026-02-01..2027-01-31)", "1", "80,000.00", "1%",
            "800.00", "held"));
    // rewards: (150 + 80) × 10 = 2,300 points × 0.50 = 1,150
    assertThat(section.tables().get(2).rows()).containsExactly(
        List.of("Volume", "V", "V-ana", "2", "2,300", "1,150.00"));
    // the spring competition: R1 won 80,000 between 02-01 and 04-30: rank 1, 1,000 paid
    assertThat(section.tables().get(3).rows()).containsExactly(
        List.of("Volume", "Spring", "1", "R1", "80000.00", "1,000.00", "paid"));
    assertThat(section.notes()).containsExactly(
        "Volume: volume-based tiers; rebates 4,500.00 paid and 800.00 accrued over 2 "
            + "partner-years; 2,300 reward points worth 1,150.00; R1 won Spring.",
        "Plain: no partner tiers, rebates, rewards or competitions.");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> plans = (List<Map<String, Object>>) section.json().get("plans");
    assertThat(plans).extracting(p -> p.get("plan")).containsExactly("Volume", "Plain");
    @SuppressWarnings("unchecked")
    Map<String, Object> rewards = (Map<String, Object>) plans.get(0).get("rewards");
    assertThat(rewards).containsEntry("points", new BigDecimal("2300.00"))
        .containsEntry("value", new BigDecimal("1150.00"));
  }
}
