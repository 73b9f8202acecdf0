package dev.compsim.engine;

import static dev.compsim.testing.TestData.basePlan;
import static dev.compsim.testing.TestData.data;
import static dev.compsim.testing.TestData.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Implementation;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked ledgers. Unless a test says otherwise: quarterly plan, fiscal year from 02-01,
 * tiers 4% to 50%, 9% to 100%, 14% above; AE quota 800,000 a year = 200,000 a quarter.
 */
class EngineTest {
  private static final Plan BASE = plan(basePlan("Base", ""));

  private static Ledger ledger(Plan plan, DataSet data, String asOf) {
    return new Engine(data, LocalDate.parse(asOf)).ledger(plan);
  }

  private static List<LedgerLine> lines(Ledger ledger, String payee) {
    return ledger.select(line -> line.payee().equals(payee));
  }

  @Test
  void designTraceExample() {
    DataSet data = data().rep("R1", "AE", 800_000)
        .won("D1", "R1", "2026-02-10", 80_000)
        .won("D2", "R1", "2026-02-20", 60_000).build();
    Ledger ledger = ledger(BASE, data, "2026-03-31");
    assertThat(ledger.lines()).extracting(LedgerLine::dealId, LedgerLine::amount)
        .containsExactly(tuple("D1", new BigDecimal("3200.00")),
            tuple("D2", new BigDecimal("4400.00")));
    assertThat(ledger.lines().get(1).trace()).isEqualTo("credit 60000.00 (list) → attainment "
        + "40.0%→70.0% → 20000.00@4% + 40000.00@9% = 4400.00");
    assertThat(ledger.lines().get(1).period()).isEqualTo("FY2027-Q1");
    assertThat(ledger.lines().get(1).payDate()).isEqualTo(LocalDate.of(2026, 2, 20));
  }

  @Test
  void dealsAreTakenInCloseDateOrderThenDealId() {
    // B is listed first but closes later; A2 and A1 close the same day: A1 first
    DataSet data = data().rep("R1", "AE", 800_000)
        .won("B", "R1", "2026-03-01", 60_000)
        .won("A2", "R1", "2026-02-10", 40_000)
        .won("A1", "R1", "2026-02-10", 40_000).build();
    Ledger ledger = ledger(BASE, data, "2026-03-31");
    // A1: 40,000@4% = 1,600; A2: 40,000@4% = 1,600; B: 20,000@4% + 40,000@9% = 800 + 3,600
    assertThat(ledger.lines()).extracting(LedgerLine::dealId, LedgerLine::amount)
        .containsExactly(tuple("A1", new BigDecimal("1600.00")),
            tuple("A2", new BigDecimal("1600.00")), tuple("B", new BigDecimal("4400.00")));
  }

  @Test
  void attainmentStartsAfreshEachPeriodAcrossTheCalendarYear() {
    // FY2026-Q4 runs 2025-11-01 to 2026-01-31; FY2027-Q1 starts 2026-02-01
    DataSet data = data().rep("R1", "AE", 800_000)
        .won("D1", "R1", "2026-01-20", 150_000)
        .won("D2", "R1", "2026-02-02", 150_000).build();
    Ledger ledger = ledger(BASE, data, "2026-03-31");
    // each: 100,000@4% + 50,000@9% = 4,000 + 4,500 = 8,500
    assertThat(ledger.lines()).extracting(LedgerLine::period, LedgerLine::amount)
        .containsExactly(tuple("FY2026-Q4", new BigDecimal("8500.00")),
            tuple("FY2027-Q1", new BigDecimal("8500.00")));
  }

  @Test
  void monthlyPeriodsUseAMonthlyQuota() {
    Plan monthly = plan(basePlan("Monthly", "").replace("period: quarter", "period: month"));
    DataSet data = data().rep("R1", "AE", 1_200_000) // 100,000 a month
        .won("D1", "R1", "2026-02-10", 150_000).build();
    // 50,000@4% + 50,000@9% + 50,000@14% = 2,000 + 4,500 + 7,000 = 13,500
    assertThat(ledger(monthly, data, "2026-02-28").lines().get(0).amount())
        .isEqualByComparingTo("13500.00");
    assertThat(ledger(monthly, data, "2026-02-28").lines().get(0).period())
        .isEqualTo("FY2027-M01");
  }

  @Test
  void asOfHidesLaterDeals() {
    DataSet data = data().rep("R1", "AE", 800_000)
        .won("D1", "R1", "2026-02-10", 80_000)
        .won("D2", "R1", "2026-04-10", 60_000).build();
    assertThat(ledger(BASE, data, "2026-03-31").lines()).extracting(LedgerLine::dealId)
        .containsExactly("D1");
    assertThat(new Engine(data, LocalDate.parse("2026-03-31")).wonRevenue(BASE))
        .isEqualByComparingTo("80000");
  }

  @Test
  void lostAndOpenDealsPayNothing() {
    DataSet data = data().rep("R1", "AE", 800_000)
        .deal(Deal.direct("L", "R1", LocalDate.parse("2026-02-10"), BigDecimal.valueOf(50_000))
            .withPartner(null, null))
        .build();
    Deal lost = new Deal("L2", "R1", LocalDate.parse("2026-02-10"), BigDecimal.TEN,
        dev.compsim.model.Stage.LOST, null, null, null, false, false, null, null, List.of(),
        Implementation.PENDING, null, null, null, null);
    Deal open = new Deal("O", "R1", null, BigDecimal.TEN, dev.compsim.model.Stage.OPEN, null,
        null, null, false, false, null, null, List.of(), Implementation.PENDING, null, null, null,
        null);
    DataSet withLost = data().rep("R1", "AE", 800_000).deal(lost).deal(open).build();
    assertThat(ledger(BASE, withLost, "2026-03-31").lines()).isEmpty();
    assertThat(ledger(BASE, data, "2026-03-31").lines()).hasSize(1);
  }

  @Test
  void splitTeamSharesTheCreditAndEachPaysByItsRole() {
    Plan split = plan(basePlan("Split", """
        credit: { team: split, assist_share: 0.25 }
        roles:
          SE: { commission: { tiers: [ { rate: 0.02 } ] } }
        """));
    DataSet data = data().rep("R1", "AE", 800_000).rep("S1", "SE", 400_000)
        .assisted("D1", "R1", "2026-02-10", 100_000, "S1").build();
    Ledger ledger = ledger(split, data, "2026-03-31");
    // owner: 75% of 100,000 = 75,000@4% = 3,000; assist: 25,000 at the SE's flat 2% = 500
    assertThat(ledger.lines()).extracting(LedgerLine::payee, LedgerLine::amount)
        .containsExactly(tuple("R1", new BigDecimal("3000.00")),
            tuple("S1", new BigDecimal("500.00")));
    assertThat(ledger.lines().get(1).trace()).contains("×25% assist share");
  }

  @Test
  void fullTeamCreditGivesEachAssistTheWholeDeal() {
    Plan full = plan(basePlan("Full", """
        credit: { team: full }
        roles:
          SE: { commission: { tiers: [ { rate: 0.02 } ] } }
        """));
    DataSet data = data().rep("R1", "AE", 800_000).rep("S1", "SE", 400_000)
        .rep("S2", "SE", 400_000)
        .assisted("D1", "R1", "2026-02-10", 100_000, "S1", "S2").build();
    // owner 100,000@4% = 4,000; each assist 100,000@2% = 2,000
    assertThat(ledger(full, data, "2026-03-31").lines())
        .extracting(LedgerLine::payee, LedgerLine::amount)
        .containsExactly(tuple("R1", new BigDecimal("4000.00")),
            tuple("S1", new BigDecimal("2000.00")), tuple("S2", new BigDecimal("2000.00")));
  }

  @Test
  void partnerDealsPayMarginRegistrationBonusAndReferralFees() {
    Plan plan = plan(basePlan("Partners", """
        credit: { partner_basis: net }
        partners:
          margin: { VAR: 0.25 }
          registration_bonus: 0.05
          referral_fee: 0.10
        """));
    DataSet data = data().rep("R1", "AE", 800_000)
        .partner("P1", "VAR", null).partner("P2", "referral", null)
        .partnerDeal("D1", "R1", "2026-02-10", 60_000, "P1", PartnerRole.RESELL, true)
        .partnerDeal("D2", "R1", "2026-02-11", 50_000, "P2", PartnerRole.REFERRAL, false)
        .partnerDeal("D3", "R1", "2026-02-12", 10_000, "P1", PartnerRole.INFLUENCE, false)
        .build();
    Ledger ledger = ledger(plan, data, "2026-03-31");
    // D1: margin 25% + 5% = 30%: partner 18,000; net 42,000@4% = 1,680
    // D2: referral: the vendor sells at list, so credit 50,000@4% = 2,000; fee 10% = 5,000
    // D3: influence: credited as direct; 92,000 → 102,000 crosses the 100,000 bound:
    //     8,000@4% + 2,000@9% = 320 + 180 = 500; no partner line
    assertThat(ledger.lines())
        .extracting(LedgerLine::payee, LedgerLine::component, LedgerLine::amount)
        .containsExactly(
            tuple("R1", Component.COMMISSION, new BigDecimal("1680.00")),
            tuple("P1", Component.PARTNER_MARGIN, new BigDecimal("18000.00")),
            tuple("R1", Component.COMMISSION, new BigDecimal("2000.00")),
            tuple("P2", Component.REFERRAL_FEE, new BigDecimal("5000.00")),
            tuple("R1", Component.COMMISSION, new BigDecimal("500.00")));
    assertThat(ledger.lines().get(1).payeeKind()).isEqualTo(PayeeKind.PARTNER);
    assertThat(ledger.lines().get(1).trace())
        .isEqualTo("25% VAR margin + 5% registration bonus on list 60000.00");
  }

  @Test
  void aDealsOwnPartnerDiscountOverridesThePlanMargin() {
    Plan plan = plan(basePlan("Discount", """
        credit: { partner_basis: midpoint }
        partners: { margin: { VAR: 0.25 }, registration_bonus: 0.05 }
        """));
    Deal deal = new Deal("D1", "R1", LocalDate.parse("2026-02-10"), BigDecimal.valueOf(100_000),
        dev.compsim.model.Stage.WON, null, "P1", PartnerRole.RESELL, false, true,
        new BigDecimal("0.40"), null, List.of(), Implementation.PENDING, null, null, null, null);
    DataSet data = data().rep("R1", "AE", 800_000).partner("P1", "VAR", null).deal(deal).build();
    Ledger ledger = ledger(plan, data, "2026-03-31");
    // margin 40% (not 25% + 5%): net 60,000; midpoint 80,000: 80,000@4% = 3,200; partner 40,000
    assertThat(ledger.lines()).extracting(LedgerLine::amount)
        .containsExactly(new BigDecimal("3200.00"), new BigDecimal("40000.00"));
  }

  @Test
  void channelManagerOverlayIsPaidByTheManagersRole() {
    Plan plan = plan(basePlan("Overlay", """
        credit: { partner_basis: net, channel_manager: true }
        roles:
          CM: { commission: { tiers: [ { rate: 0.01 } ] } }
        partners: { margin: { VAR: 0.25 } }
        """));
    DataSet data = data().rep("R1", "AE", 800_000).rep("CM1", "CM", 0)
        .partner("P1", "VAR", "CM1")
        .partnerDeal("D1", "R1", "2026-02-10", 60_000, "P1", PartnerRole.RESELL, false).build();
    // owner: net 45,000@4% = 1,800; manager: 45,000 at the CM's flat 1% = 450
    assertThat(ledger(plan, data, "2026-03-31").lines())
        .extracting(LedgerLine::payee, LedgerLine::amount)
        .containsExactly(tuple("R1", new BigDecimal("1800.00")),
            tuple("CM1", new BigDecimal("450.00")), tuple("P1", new BigDecimal("15000.00")));
  }

  @Test
  void holdbackSplitsEachDealsCommission() {
    Plan plan = plan(basePlan("Holdback", """
        holdback: { share: 0.30, release: implementation, horizon_days: 270, clawback: true }
        """));
    DataSet data = data().rep("R1", "AE", 800_000)
        .implemented("D1", "R1", "2026-02-10", 80_000, Implementation.CONFIRMED, "2026-04-01")
        .implemented("D2", "R1", "2026-02-11", 60_000, Implementation.FAILED, "2026-05-01")
        .implemented("D3", "R1", "2026-02-12", 110_000, Implementation.PENDING, null).build();
    Ledger ledger = ledger(plan, data, "2026-06-30");
    // D1 3,200: 960 held, released 2026-04-01; 2,240 paid at close
    // D2 4,400: 1,320 held, forfeited on failure; 3,080 paid, then clawed back
    // D3 12,400: 3,720 held, still owed; 8,680 paid
    assertThat(ledger.lines())
        .extracting(LedgerLine::dealId, LedgerLine::status, LedgerLine::amount,
            LedgerLine::payDate)
        .containsExactly(
            tuple("D1", Status.PAID, new BigDecimal("2240.00"), LocalDate.parse("2026-02-10")),
            tuple("D1", Status.RELEASED, new BigDecimal("960.00"), LocalDate.parse("2026-04-01")),
            tuple("D2", Status.PAID, new BigDecimal("3080.00"), LocalDate.parse("2026-02-11")),
            tuple("D2", Status.FORFEITED, new BigDecimal("1320.00"), null),
            tuple("D2", Status.CLAWED_BACK, new BigDecimal("-3080.00"),
                LocalDate.parse("2026-05-01")),
            tuple("D3", Status.PAID, new BigDecimal("8680.00"), LocalDate.parse("2026-02-12")),
            tuple("D3", Status.HELD, new BigDecimal("3720.00"), null));
    // cost counts paid, released, held and clawed back: 2,240 + 960 + 3,080 − 3,080 + 8,680 + 3,720
    assertThat(ledger.sum(line -> line.status().countsAsCost())).isEqualByComparingTo("15600.00");
  }

  @Test
  void rolesOverrideOnlyWhatTheyName() {
    Plan plan = plan(basePlan("Roles", """
        holdback: { share: 0.5, release: days, days: 30 }
        roles:
          SE: { commission: { tiers: [ { rate: 0.02 } ] } }
        """));
    DataSet data = data().rep("S1", "SE", 400_000).won("D1", "S1", "2026-02-10", 10_000).build();
    // SE flat 2%: 200; the plan's 50% holdback still applies: 100 paid, 100 released 30 days later
    assertThat(ledger(plan, data, "2026-06-30").lines())
        .extracting(LedgerLine::status, LedgerLine::amount, LedgerLine::payDate)
        .containsExactly(
            tuple(Status.PAID, new BigDecimal("100.00"), LocalDate.parse("2026-02-10")),
            tuple(Status.RELEASED, new BigDecimal("100.00"), LocalDate.parse("2026-03-12")));
  }

  @Test
  void activitySpiffsPayPerPeriodOrAreRecordedAsBanned() {
    String spiffs = """
        spiffs:
          - { name: meeting booked, kind: activity, activity: meeting, amount: 40 }
          - { name: demo given, kind: activity, activity: demo, amount: 75 }
        """;
    DataSet data = data().rep("R1", "AE", 800_000)
        .activity("R1", "2026-02-03", "meeting", 3).activity("R1", "2026-02-10", "meeting", 2)
        .activity("R1", "2026-02-03", "demo", 1).activity("R1", "2026-05-05", "meeting", 1)
        .build();
    Ledger paid = ledger(plan(basePlan("Spiffs", spiffs)), data, "2026-06-30");
    // FY2027-Q1: 5 meetings × 40 = 200 and 1 demo × 75; FY2027-Q2: 1 × 40; paid at period end
    assertThat(paid.lines())
        .extracting(LedgerLine::period, LedgerLine::status, LedgerLine::amount,
            LedgerLine::payDate)
        .containsExactly(
            tuple("FY2027-Q1", Status.PAID, new BigDecimal("200.00"), LocalDate.parse("2026-04-30")),
            tuple("FY2027-Q1", Status.PAID, new BigDecimal("75.00"), LocalDate.parse("2026-04-30")),
            tuple("FY2027-Q2", Status.PAID, new BigDecimal("40.00"), LocalDate.parse("2026-07-31")));
    Ledger banned = ledger(plan(basePlan("Banned", spiffs + "ban_activity_spiffs: true\n")), data,
        "2026-06-30");
    assertThat(banned.lines()).extracting(LedgerLine::status, LedgerLine::amount,
        LedgerLine::payDate).containsExactly(
        tuple(Status.BANNED, new BigDecimal("200.00"), null),
        tuple(Status.BANNED, new BigDecimal("75.00"), null),
        tuple(Status.BANNED, new BigDecimal("40.00"), null));
    assertThat(banned.sum(line -> line.status().countsAsCost())).isEqualByComparingTo("0");
    assertThat(banned.lines().get(0).trace())
        .isEqualTo("activity spiffs banned; would have paid meeting booked: 5 meeting × 40.00 "
            + "in FY2027-Q1");
  }

  @Test
  void dealAndImplementationSpiffsPayTheOwner() {
    Plan plan = plan(basePlan("Deal spiffs", """
        spiffs:
          - { name: any win, kind: deal, amount: 100 }
          - { name: partner win, kind: partner_deal, amount: 300 }
          - { name: go-live, kind: implementation, amount: 250 }
        partners: { margin: { VAR: 0.25 } }
        """));
    DataSet data = data().rep("R1", "AE", 800_000).partner("P1", "VAR", null)
        .implemented("D1", "R1", "2026-02-10", 10_000, Implementation.CONFIRMED, "2026-05-02")
        .partnerDeal("D2", "R1", "2026-02-11", 10_000, "P1", PartnerRole.RESELL, false).build();
    List<LedgerLine> spiffs = ledger(plan, data, "2026-06-30")
        .select(line -> line.component() == Component.SPIFF);
    // D1: any win at close; go-live on the confirmation date, in that date's period (Q2)
    // D2: any win and partner win at close
    assertThat(spiffs).extracting(LedgerLine::dealId, LedgerLine::amount, LedgerLine::period,
        LedgerLine::payDate).containsExactly(
        tuple("D1", new BigDecimal("100.00"), "FY2027-Q1", LocalDate.parse("2026-02-10")),
        tuple("D1", new BigDecimal("250.00"), "FY2027-Q2", LocalDate.parse("2026-05-02")),
        tuple("D2", new BigDecimal("100.00"), "FY2027-Q1", LocalDate.parse("2026-02-11")),
        tuple("D2", new BigDecimal("300.00"), "FY2027-Q1", LocalDate.parse("2026-02-11")));
    // as of the day before the confirmation the go-live is not known: no spiff yet, in the
    // ledger and in the columnar engine's sums alike
    List<LedgerLine> before = ledger(plan, data, "2026-05-01")
        .select(line -> line.component() == Component.SPIFF);
    assertThat(before).extracting(LedgerLine::dealId, LedgerLine::amount)
        .doesNotContain(tuple("D1", new BigDecimal("250.00")));
    Engine asOfMay1 = new Engine(data, LocalDate.parse("2026-05-01"));
    assertThat(asOfMay1.sums(plan).cost(Component.SPIFF)).isEqualByComparingTo("500.00");
  }

  @Test
  void foreignCurrencyDealsAreConvertedAndRoundedToTheCent() {
    DataSet data = data().rep("R1", "AE", 800_000).fx("EUR", "1.0837")
        .deal(new Deal("D1", "R1", LocalDate.parse("2026-02-10"), new BigDecimal("10000.55"),
            dev.compsim.model.Stage.WON, "EUR", null, null, false, false, null, null, List.of(),
            Implementation.PENDING, null, null, null, null))
        .build();
    Engine engine = new Engine(data, LocalDate.parse("2026-03-31"));
    // 10,000.55 × 1.0837 = 10,837.596035 → 10,837.60; × 4% = 433.504 → 433.50
    assertThat(engine.amountIn(BASE, data.deals().get(0))).isEqualByComparingTo("10837.60");
    assertThat(engine.ledger(BASE).lines().get(0).amount()).isEqualByComparingTo("433.50");
  }

  @Test
  void capStopsPayingBeyondTheCapAttainment() {
    Plan capped = plan(basePlan("Capped", "").replace("    - { rate: 0.14 }\n",
        "    - { rate: 0.14 }\n  cap: 1.5\n"));
    DataSet data = data().rep("R1", "AE", 800_000)
        .won("D1", "R1", "2026-02-10", 250_000).won("D2", "R1", "2026-02-11", 100_000).build();
    // D1: 4,000 + 9,000 + 50,000@14% = 20,000; D2: 50,000@14% up to the 300,000 cap = 7,000
    assertThat(ledger(capped, data, "2026-03-31").lines()).extracting(LedgerLine::amount)
        .containsExactly(new BigDecimal("20000.00"), new BigDecimal("7000.00"));
  }
}
