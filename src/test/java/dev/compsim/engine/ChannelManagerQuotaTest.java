package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.DataSet;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A channel manager with quota 0 is checked for a quota only when a deal would credit them: a
 * manager whose partner has only influence deals was refused ("has quota 0, but plan … pays on
 * attainment") though the engine never credits them. Validation now asks the engine's recipient
 * rule.
 */
class ChannelManagerQuotaTest {
  private static final Plan PLAN = TestData.plan(TestData.basePlan("Overlay", """
      credit: { channel_manager: true }
      partners: { margin: { VAR: 0.25 } }
      """));

  private static TestData data(PartnerRole role) {
    return TestData.data().rep("A", "AE", 400_000).rep("CM", "CM", 0)
        .partner("P", "VAR", "CM")
        .partnerDeal("D1", "A", "2026-03-02", 50_000, "P", role, false);
  }

  @Test
  void aZeroQuotaManagerOfAPartnerWithOnlyInfluenceDealsValidatesAndIsNeverCredited() {
    DataSet data = data(PartnerRole.INFLUENCE).build();
    assertThat(Consistency.check(data)).isEmpty();
    assertThat(Consistency.check(PLAN, data)).isEmpty();
    assertThat(Consistency.check(PLAN, DataProfile.of(data))).isEmpty();
    assertThat(Engine.latest(data).ledger(PLAN).lines()).extracting(LedgerLine::payee)
        .doesNotContain("CM");
  }

  @Test
  void aZeroQuotaManagerCreditedOnAResaleIsStillRefused() {
    DataSet data = data(PartnerRole.RESELL).build();
    assertThat(Consistency.check(PLAN, data)).extracting(Problem::message)
        .containsExactly("rep CM has quota 0, but plan Overlay pays on attainment (tiers or a cap)");
    assertThat(Engine.latest(data).ledger(PLAN).lines()).extracting(LedgerLine::payee)
        .contains("CM");
  }

  @Test
  void aZeroQuotaManagerWhoOwnsTheInfluenceDealIsCheckedAsItsOwner() {
    DataSet data = TestData.data().rep("CM", "CM", 0).partner("P", "VAR", "CM")
        .partnerDeal("D1", "CM", "2026-03-02", 50_000, "P", PartnerRole.INFLUENCE, false)
        .build();
    assertThat(Consistency.check(PLAN, data)).extracting(Problem::id)
        .isEqualTo(List.of("CM"));
  }
}
