package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compsim.engine.Recipients.Recipient;
import dev.compsim.engine.Recipients.Role;
import dev.compsim.model.Credit;
import dev.compsim.model.CreditBasis;
import dev.compsim.model.Deal;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Stage;
import dev.compsim.model.TeamMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is credited with what share: each clause of the rule, one case at a time. */
class RecipientsTest {
  private static final Partner VAR = new Partner("P", "P", "VAR", null, 0, false, false, null,
      "CM");

  private static Credit team(TeamMode mode, String assistShare, boolean channelManager) {
    return new Credit(CreditBasis.LIST, BigDecimal.ONE, BigDecimal.ONE, mode,
        new BigDecimal(assistShare), channelManager);
  }

  private static Deal deal(String owner, PartnerRole role, String... assists) {
    return new Deal("D1", owner, LocalDate.of(2026, 3, 1), new BigDecimal("1000"), Stage.WON,
        null, role == null ? null : "P", role, false, false, null, null, List.of(assists),
        Implementation.PENDING, null, null, null, null);
  }

  private static List<String> who(List<Recipient> recipients) {
    return recipients.stream().map(r -> r.rep() + ":" + r.role() + ":"
        + r.share().stripTrailingZeros().toPlainString()).toList();
  }

  @Test
  void aDirectDealCreditsItsOwnerWithTheWholeCredit() {
    assertThat(who(Recipients.of(team(TeamMode.SPLIT, "0.25", true), deal("A", null), null)))
        .containsExactly("A:OWNER:1");
  }

  @Test
  void fullTeamCreditGivesEveryAssistTheWholeCredit() {
    assertThat(who(Recipients.of(team(TeamMode.FULL, "0.25", false),
        deal("A", null, "S1", "S2"), null)))
        .containsExactly("A:OWNER:1", "S1:ASSIST:1", "S2:ASSIST:1");
  }

  @Test
  void splitTeamCreditGivesEachAssistItsShareAndTheOwnerTheRest() {
    List<Recipient> recipients = Recipients.of(team(TeamMode.SPLIT, "0.25", false),
        deal("A", null, "S1", "S2"), null);
    assertThat(who(recipients)).containsExactly("A:OWNER:0.5", "S1:ASSIST:0.25",
        "S2:ASSIST:0.25");
    assertThat(recipients.get(0).label(null)).isEqualTo("owner share");
    assertThat(recipients.get(1).label(null)).isEqualTo("assist share");
  }

  @Test
  void splitSharesBeyondTheWholeCreditAreRefusedAndValidationSaysWhy() {
    Credit split = team(TeamMode.SPLIT, "0.4", false);
    assertThat(Recipients.overflow(split, 2)).isNull();
    assertThat(Recipients.overflow(split, 3))
        .isEqualTo("3 assists at 0.4 assist_share each would take more than the whole credit");
    assertThatThrownBy(() -> Recipients.of(split, deal("A", null, "S1", "S2", "S3"), null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("D1");
    // full credit never overflows
    assertThat(Recipients.overflow(team(TeamMode.FULL, "0.4", false), 3)).isNull();
  }

  @Test
  void theChannelManagerIsAnOverlayOnDealsThroughThePartner() {
    Credit overlay = team(TeamMode.SPLIT, "0.25", true);
    List<Recipient> resale = Recipients.of(overlay, deal("A", PartnerRole.RESELL, "S1"), VAR);
    assertThat(who(resale)).containsExactly("A:OWNER:0.75", "S1:ASSIST:0.25",
        "CM:CHANNEL_MANAGER:1");
    assertThat(resale.get(2).label(VAR)).isEqualTo("channel manager overlay for P");
    assertThat(who(Recipients.of(overlay, deal("A", PartnerRole.REFERRAL), VAR)))
        .containsExactly("A:OWNER:1", "CM:CHANNEL_MANAGER:1");
  }

  @Test
  void anInfluenceDealDoesNotCreditTheChannelManager() {
    assertThat(who(Recipients.of(team(TeamMode.FULL, "0.25", true),
        deal("A", PartnerRole.INFLUENCE), VAR))).containsExactly("A:OWNER:1");
    assertThat(Recipients.overlay(deal("A", PartnerRole.INFLUENCE), VAR)).isFalse();
  }

  @Test
  void withoutChannelManagerCreditTheManagerIsNotCredited() {
    assertThat(who(Recipients.of(team(TeamMode.FULL, "0.25", false),
        deal("A", PartnerRole.RESELL), VAR))).containsExactly("A:OWNER:1");
    assertThat(Recipients.overlay(deal("A", PartnerRole.RESELL), VAR)).isTrue();
  }

  @Test
  void aManagerWithoutAPartnerOrAPartnerWithoutAManagerCreditsNoOverlay() {
    Partner unmanaged = new Partner("P", "P", "VAR", null, 0, false, false, null, null);
    assertThat(who(Recipients.of(team(TeamMode.FULL, "0.25", true),
        deal("A", PartnerRole.RESELL), unmanaged))).containsExactly("A:OWNER:1");
  }

  @Test
  void aManagerWhoOwnsTheDealIsCreditedOnce() {
    assertThat(who(Recipients.of(team(TeamMode.FULL, "0.25", true),
        deal("CM", PartnerRole.RESELL), VAR))).containsExactly("CM:OWNER:1");
  }

  @Test
  void aManagerWhoAssistsTheDealIsCreditedOnceAsAnAssist() {
    assertThat(who(Recipients.of(team(TeamMode.SPLIT, "0.25", true),
        deal("A", PartnerRole.RESELL, "CM"), VAR)))
        .containsExactly("A:OWNER:0.75", "CM:ASSIST:0.25");
  }

  @Test
  void theLedgerCreditsAManagerWhoAssistsOnce() {
    dev.compsim.model.Plan plan = dev.compsim.testing.TestData.plan(
        dev.compsim.testing.TestData.basePlan("CM", """
            credit: { partner_basis: list, channel_manager: true }
            partners: { margin: { VAR: 0.25 } }
            """));
    dev.compsim.model.DataSet data = dev.compsim.testing.TestData.data()
        .rep("A", "AE", 400_000).rep("CM", "CM", 400_000).partner("P", "VAR", "CM")
        .deal(deal("A", PartnerRole.RESELL, "CM")).build();
    Ledger ledger = Engine.latest(data).ledger(plan);
    // quarterly quota 100,000: 1,000 of credit is 1% attainment, all at 4%: 40.00 each, once
    assertThat(ledger.select(l -> l.component() == Component.COMMISSION))
        .extracting(LedgerLine::payee, LedgerLine::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A", new BigDecimal("40.00")),
            org.assertj.core.groups.Tuple.tuple("CM", new BigDecimal("40.00")));
  }
}
