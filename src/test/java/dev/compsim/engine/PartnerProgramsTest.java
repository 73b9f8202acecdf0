package dev.compsim.engine;

import static dev.compsim.testing.TestData.basePlan;
import static dev.compsim.testing.TestData.data;
import static dev.compsim.testing.TestData.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.model.Stage;
import dev.compsim.testing.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked partner programs. Unless a test says otherwise: quarterly plan, vendor fiscal year
 * from 02-01 (FY2027 = 2026-02-01..2027-01-31), tiers 4% to 50%, 9% to 100%, 14% above.
 */
class PartnerProgramsTest {

  private static Ledger ledger(Plan plan, DataSet data, String asOf) {
    return new Engine(data, LocalDate.parse(asOf)).ledger(plan);
  }

  private static List<LedgerLine> of(Ledger ledger, Component component) {
    return ledger.select(line -> line.component() == component);
  }

  /** id, type, tier, certifications, independent, rebate enrolled, fiscal year start. */
  private static Partner partner(String id, String type, String tier, int certifications,
      boolean independent, boolean enrolled, String yearStart) {
    return new Partner(id, id, type, tier, certifications, independent, enrolled,
        yearStart == null ? null : MonthDay.parse("--" + yearStart), null);
  }

  private static Deal deal(String id, String owner, String close, long amount, String partner,
      PartnerRole role, String partnerRep) {
    return new Deal(id, owner, LocalDate.parse(close), BigDecimal.valueOf(amount), Stage.WON,
        null, partner, role, false, false, null, partnerRep, List.of(), Implementation.PENDING,
        null, null, null, null);
  }

  private static Deal lost(String id, String owner, String close) {
    return new Deal(id, owner, LocalDate.parse(close), BigDecimal.valueOf(1000), Stage.LOST, null,
        null, null, false, false, null, null, List.of(), Implementation.PENDING, null, null, null,
        null);
  }

  @Test
  void selfSufficiencyCommissionFollowsThePartnersIndependentFlag() {
    Plan plan = plan(basePlan("Self", """
        partners:
          margin: { VAR: 0.25 }
          referral_fee: 0.10
          self_sufficiency: { assisted: 0.04, independent: 0.20 }
        """));
    DataSet data = data().rep("R1", "AE", 800_000)
        .partner(partner("PI", "VAR", null, 0, true, false, null))
        .partner(partner("PA", "VAR", null, 0, false, false, null))
        .deal(deal("D1", "R1", "2026-02-10", 50_000, "PI", PartnerRole.RESELL, null))
        .deal(deal("D2", "R1", "2026-02-11", 30_000, "PA", PartnerRole.REFERRAL, null))
        .deal(deal("D3", "R1", "2026-02-12", 20_000, "PI", PartnerRole.INFLUENCE, null))
        .build();
    Ledger ledger = ledger(plan, data, "2026-03-31");
    // D1 resell, independent: 50,000 × 20% = 10,000; D2 referral, assisted: 30,000 × 4% = 1,200;
    // D3 influence: the deal does not go through the partner, no commission
    assertThat(of(ledger, Component.PARTNER_COMMISSION))
        .extracting(LedgerLine::payee, LedgerLine::payeeKind, LedgerLine::dealId,
            LedgerLine::amount, LedgerLine::status, LedgerLine::period)
        .containsExactly(
            tuple("PI", PayeeKind.PARTNER, "D1", new BigDecimal("10000.00"), Status.PAID,
                "FY2027-Q1"),
            tuple("PA", PayeeKind.PARTNER, "D2", new BigDecimal("1200.00"), Status.PAID,
                "FY2027-Q1"));
    assertThat(of(ledger, Component.PARTNER_COMMISSION).get(0).trace())
        .isEqualTo("20% independent partner commission on 50000.00");
  }

  @Test
  void certificationTiersAddExtraMarginToEveryDeal() {
    Plan plan = plan(basePlan("Certified", """
        credit: { partner_basis: net }
        partners:
          margin: { VAR: 0.25 }
          tiers:
            basis: certifications
            levels: [ { name: Gold, min: 10, extra_margin: 0.04 }, { name: Silver, min: 4, extra_margin: 0.02 } ]
        """));
    DataSet data = data().rep("R1", "AE", 8_000_000) // 2,000,000 a quarter
        .partner(partner("G", "VAR", null, 12, false, false, null))
        .partner(partner("S", "VAR", null, 5, false, false, null))
        .partner(partner("N", "VAR", null, 1, false, false, null))
        .deal(deal("D1", "R1", "2026-02-10", 100_000, "G", PartnerRole.RESELL, null))
        .deal(deal("D2", "R1", "2026-02-11", 100_000, "S", PartnerRole.RESELL, null))
        .deal(deal("D3", "R1", "2026-02-12", 100_000, "N", PartnerRole.RESELL, null))
        .build();
    Ledger ledger = ledger(plan, data, "2026-03-31");
    // G: 12 certifications ≥ 10: Gold, 25% + 4% = 29%: margin 29,000, net 71,000 → 4% = 2,840
    // S: 5 ≥ 4: Silver, 27%: margin 27,000, net 73,000 → 2,920
    // N: 1 certification, no level: 25%: margin 25,000, net 75,000 → 3,000
    assertThat(of(ledger, Component.PARTNER_MARGIN)).extracting(LedgerLine::amount)
        .containsExactly(new BigDecimal("29000.00"), new BigDecimal("27000.00"),
            new BigDecimal("25000.00"));
    assertThat(of(ledger, Component.COMMISSION)).extracting(LedgerLine::amount)
        .containsExactly(new BigDecimal("2840.00"), new BigDecimal("2920.00"),
            new BigDecimal("3000.00"));
    assertThat(of(ledger, Component.PARTNER_MARGIN).get(0).trace())
        .isEqualTo("25% VAR margin + 4% Gold tier (12 certifications) on list 100000.00");
  }

  @Test
  void volumeTiersUseThePreviousYearOrElseTheTierColumn() {
    Plan plan = plan(basePlan("Volume", """
        partners:
          margin: { VAR: 0.25 }
          referral_fee: 0.10
          tiers:
            basis: volume
            levels: [ { name: Silver, min: 100000, extra_margin: 0.02 }, { name: Gold, min: 200000, extra_margin: 0.04 } ]
        """));
    DataSet data = data().rep("R1", "AE", 8_000_000)
        .partner(partner("P", "VAR", "silver", 0, false, false, null))
        .deal(lost("L0", "R1", "2025-01-15")) // the data starts 2025-01-15
        .deal(deal("D1", "R1", "2025-03-01", 150_000, "P", PartnerRole.RESELL, null))
        .deal(deal("D1b", "R1", "2025-06-01", 60_000, "P", PartnerRole.REFERRAL, null))
        .deal(deal("D2", "R1", "2026-03-01", 80_000, "P", PartnerRole.RESELL, null))
        .build();
    Ledger ledger = ledger(plan, data, "2026-03-31");
    // D1 in FY2026: FY2025 (from 2024-02-01) is before the data starts: partners.csv says
    //   "silver" = Silver: 27% × 150,000 = 40,500
    // D2 in FY2027: FY2026 volume = 150,000 + 60,000 (referral counts) = 210,000 ≥ 200,000:
    //   Gold: 29% × 80,000 = 23,200
    assertThat(of(ledger, Component.PARTNER_MARGIN))
        .extracting(LedgerLine::dealId, LedgerLine::amount, LedgerLine::trace)
        .containsExactly(
            tuple("D1", new BigDecimal("40500.00"), "25% VAR margin + 2% Silver tier (tier silver"
                + " in partners.csv; no FY2025 in the data) on list 150000.00"),
            tuple("D2", new BigDecimal("23200.00"), "25% VAR margin + 4% Gold tier (FY2026 volume"
                + " 210000.00) on list 80000.00"));
  }

  @Test
  void aYearCountsAsInTheDataWhenTheDataStartsInItsFirstMonth() {
    Plan plan = plan(basePlan("Volume", """
        partners:
          margin: { VAR: 0.25 }
          tiers: { basis: volume, levels: [ { name: Silver, min: 100000, extra_margin: 0.02 } ] }
        """));
    DataSet late = data().rep("R1", "AE", 8_000_000)
        .partner(partner("P", "VAR", "silver", 0, false, false, null))
        // an open deal without a close date does not move where the data starts
        .deal(new Deal("O1", "R1", null, BigDecimal.ZERO, Stage.OPEN, null, null, null, false,
            false, null, null, List.of(), Implementation.PENDING, null, null, null, null))
        .deal(deal("D0", "R1", "2025-02-20", 50_000, "P", PartnerRole.RESELL, null))
        .deal(deal("D1", "R1", "2026-03-01", 10_000, "P", PartnerRole.RESELL, null))
        .build();
    // D0 in FY2026: FY2025 is not in the data, partners.csv's silver: 27% × 50,000 = 13,500.
    // The first close, 2025-02-20, falls in FY2026's first month (2025-02-01..2025-02-28): for
    // D1 in FY2027, FY2026 counts as in the data; its 50,000 is below Silver: 25% = 2,500
    assertThat(of(ledger(plan, late, "2026-03-31"), Component.PARTNER_MARGIN))
        .extracting(LedgerLine::dealId, LedgerLine::amount)
        .containsExactly(tuple("D0", new BigDecimal("13500.00")),
            tuple("D1", new BigDecimal("2500.00")));
    DataSet later = data().rep("R1", "AE", 8_000_000)
        .partner(partner("P", "VAR", "silver", 0, false, false, null))
        .deal(deal("D0", "R1", "2025-03-01", 50_000, "P", PartnerRole.RESELL, null))
        .deal(deal("D1", "R1", "2026-03-01", 10_000, "P", PartnerRole.RESELL, null))
        .build();
    // first close 2025-03-01, after FY2026's first month: partners.csv's silver applies to both
    assertThat(of(ledger(plan, later, "2026-03-31"), Component.PARTNER_MARGIN))
        .extracting(LedgerLine::dealId, LedgerLine::amount)
        .containsExactly(tuple("D0", new BigDecimal("13500.00")),
            tuple("D1", new BigDecimal("2700.00")));
  }

  @Test
  void aPartnerCalendarFromAprilMovesTheYearATierCountsIn() {
    String program = """
        partners:
          margin: { VAR: 0.25 }
          calendar: %s
          tiers:
            basis: volume
            levels: [ { name: Silver, min: 100000, extra_margin: 0.02 } ]
        """;
    DataSet data = data().rep("R1", "AE", 8_000_000)
        .partner(partner("P", "VAR", null, 0, false, false, "04-01"))
        .deal(lost("L0", "R1", "2024-03-01"))
        .deal(deal("D1", "R1", "2025-05-01", 120_000, "P", PartnerRole.RESELL, null))
        .deal(deal("D2", "R1", "2026-03-15", 10_000, "P", PartnerRole.RESELL, null))
        .deal(deal("D3", "R1", "2026-04-02", 10_000, "P", PartnerRole.RESELL, null))
        .build();
    // partner calendar: years from 04-01. D1 and D2 fall in 2025-04-01..2026-03-31 (FY2026);
    //   its previous year 2024-04-01..2025-03-31 had no volume: no tier, D2 margin 25% = 2,500.
    //   D3 falls in FY2027 (from 2026-04-01): previous volume 120,000 + 10,000 = 130,000 ≥
    //   100,000: Silver, 27% × 10,000 = 2,700.
    Ledger partnerYears = ledger(plan(basePlan("Partner", program.formatted("partner"))), data,
        "2026-06-30");
    assertThat(of(partnerYears, Component.PARTNER_MARGIN))
        .extracting(LedgerLine::dealId, LedgerLine::amount)
        .containsExactly(tuple("D1", new BigDecimal("30000.00")),
            tuple("D2", new BigDecimal("2500.00")), tuple("D3", new BigDecimal("2700.00")));
    // vendor calendar: years from 02-01. D2 and D3 fall in FY2027 (from 2026-02-01) and FY2026
    //   (2025-02-01..2026-01-31) holds D1's 120,000: Silver for both, 2,700 each. D1: FY2025
    //   (from 2024-02-01) starts before the data, no tier column: 25%.
    Ledger vendorYears = ledger(plan(basePlan("Vendor", program.formatted("vendor"))), data,
        "2026-06-30");
    assertThat(of(vendorYears, Component.PARTNER_MARGIN))
        .extracting(LedgerLine::dealId, LedgerLine::amount)
        .containsExactly(tuple("D1", new BigDecimal("30000.00")),
            tuple("D2", new BigDecimal("2700.00")), tuple("D3", new BigDecimal("2700.00")));
  }

  private static final String REBATES = """
      partners:
        margin: { VAR: 0.25, MSSP: 0.30 }
        referral_fee: 0.10
        rebates:
          - { types: [VAR], tiers: [ { from: 0, rate: 0 }, { from: 100000, rate: 0.02 }, { from: 250000, rate: 0.04 } ] }
      """;

  private static DataSet rebateData() {
    return data().rep("R1", "AE", 8_000_000)
        .partner(partner("V", "VAR", null, 0, false, true, null))
        .partner(partner("X", "VAR", null, 0, false, false, null)) // not enrolled
        .partner(partner("M", "MSSP", null, 0, false, true, null)) // type not listed
        .deal(deal("D1", "R1", "2025-03-10", 90_000, "V", PartnerRole.RESELL, null))
        .deal(deal("D2", "R1", "2025-09-01", 80_000, "V", PartnerRole.RESELL, null))
        .deal(deal("D2r", "R1", "2025-09-02", 500_000, "V", PartnerRole.REFERRAL, null))
        .deal(deal("D3", "R1", "2026-02-20", 100_000, "V", PartnerRole.RESELL, null))
        .deal(deal("D4", "R1", "2026-03-05", 50_000, "V", PartnerRole.RESELL, null))
        .deal(deal("DX", "R1", "2025-05-01", 900_000, "X", PartnerRole.RESELL, null))
        .deal(deal("DM", "R1", "2025-05-01", 900_000, "M", PartnerRole.RESELL, null))
        .build();
  }

  @Test
  void aRebateCrossingATierPaysTheHigherRateOnTheWholeMutualYear() {
    Plan plan = plan(basePlan("Mutual", REBATES + "  calendar: mutual\n"
        + "  mutual_year_start: 03-01\n"));
    Ledger ledger = ledger(plan, rebateData(), "2026-06-30");
    // mutual year FY2026 = 2025-03-01..2026-02-28: resell D1 90,000 + D2 80,000 + D3 100,000 =
    //   270,000 (the referral D2r does not count); it crossed 100,000 (2%) with D2 and 250,000
    //   (4%) with D3: 4% of all 270,000 = 10,800, paid on 2026-02-28, vendor period FY2027-Q1.
    // FY2027 (from 2026-03-01): D4 50,000 so far, below 100,000: 0%, still running: held.
    // X is not enrolled and MSSP is not a listed type: no rebate.
    assertThat(of(ledger, Component.REBATE))
        .extracting(LedgerLine::payee, LedgerLine::dealId, LedgerLine::period, LedgerLine::status,
            LedgerLine::amount, LedgerLine::payDate)
        .containsExactly(
            tuple("V", null, "FY2027-Q1", Status.PAID, new BigDecimal("10800.00"),
                LocalDate.parse("2026-02-28")),
            tuple("V", null, "FY2028-Q1", Status.HELD, new BigDecimal("0.00"), null));
    assertThat(of(ledger, Component.REBATE).get(0).trace()).isEqualTo("rebate FY2026 "
        + "(2025-03-01..2026-02-28): 3 resell deals, volume 270000.00 → tier from 250000.00: 4% "
        + "of all 270000.00 = 10800.00");
  }

  @Test
  void theVendorCalendarCutsTheSameDealsIntoOtherRebateYears() {
    Plan plan = plan(basePlan("Vendor", REBATES));
    Ledger ledger = ledger(plan, rebateData(), "2026-06-30");
    // FY2026 = 2025-02-01..2026-01-31: D1 + D2 = 170,000 ≥ 100,000: 2% = 3,400, paid 2026-01-31
    // FY2027 from 2026-02-01: D3 + D4 = 150,000 so far: 2% = 3,000, held until 2027-01-31
    assertThat(of(ledger, Component.REBATE))
        .extracting(LedgerLine::period, LedgerLine::status, LedgerLine::amount,
            LedgerLine::payDate)
        .containsExactly(
            tuple("FY2026-Q4", Status.PAID, new BigDecimal("3400.00"),
                LocalDate.parse("2026-01-31")),
            tuple("FY2027-Q4", Status.HELD, new BigDecimal("3000.00"), null));
  }

  @Test
  void upfrontDiscountOnResellDealsOfListedTypes() {
    Plan plan = plan(basePlan("Upfront", """
        partners:
          margin: { VAR: 0.25, MSSP: 0.30 }
          referral_fee: 0.10
          upfront: { MSSP: 0.05 }
        """));
    DataSet data = data().rep("R1", "AE", 800_000)
        .partner(partner("M", "MSSP", null, 0, false, false, null))
        .partner(partner("V", "VAR", null, 0, false, false, null))
        .deal(deal("D1", "R1", "2026-02-10", 40_000, "M", PartnerRole.RESELL, null))
        .deal(deal("D2", "R1", "2026-02-11", 40_000, "M", PartnerRole.REFERRAL, null))
        .deal(deal("D3", "R1", "2026-02-12", 40_000, "V", PartnerRole.RESELL, null))
        .build();
    // D1: MSSP resell: 40,000 × 5% = 2,000. D2 is a referral (no order to discount), D3 a VAR.
    assertThat(of(ledger(plan, data, "2026-03-31"), Component.UPFRONT_DISCOUNT))
        .extracting(LedgerLine::payee, LedgerLine::dealId, LedgerLine::amount, LedgerLine::trace)
        .containsExactly(tuple("M", "D1", new BigDecimal("2000.00"),
            "5% upfront discount for MSSP on 40000.00"));
  }

  @Test
  void rewardPointsPayThePartnersSellerWhenThePartnerIsEnrolled() {
    Plan plan = plan(basePlan("Rewards", """
        partners:
          margin: { VAR: 0.25 }
          rep_rewards: { points_per_1000: 10, point_value: 0.50, requires_rebate_enrollment: true }
        """));
    DataSet data = data().rep("R1", "AE", 800_000)
        .partner(partner("E", "VAR", null, 0, false, true, null))
        .partner(partner("N", "VAR", null, 0, false, false, null))
        .deal(deal("D1", "R1", "2026-02-10", 12_345, "E", PartnerRole.RESELL, "E-ana"))
        .deal(deal("D2", "R1", "2026-02-11", 50_000, "N", PartnerRole.RESELL, "N-bo"))
        .deal(deal("D3", "R1", "2026-02-12", 50_000, "E", PartnerRole.RESELL, null))
        .build();
    // D1: 12,345 / 1000 × 10 = 123.45 points × 0.50 = 61.725 → 61.72 (half-even)
    // D2: N is not enrolled in rebates; D3 names no partner rep
    assertThat(of(ledger(plan, data, "2026-03-31"), Component.REWARDS))
        .extracting(LedgerLine::payee, LedgerLine::payeeKind, LedgerLine::amount,
            LedgerLine::trace)
        .containsExactly(tuple("E-ana", PayeeKind.PARTNER_REP, new BigDecimal("61.72"),
            "123.45 points (12345.00 / 1000 × 10) × 0.50 a point, seller of E"));

    Plan open = plan(basePlan("Open", """
        partners:
          margin: { VAR: 0.25 }
          rep_rewards: { points_per_1000: 10, point_value: 0.50 }
        """));
    // without the requirement N's seller earns too: 500 points × 0.50 = 250
    assertThat(of(ledger(open, data, "2026-03-31"), Component.REWARDS))
        .extracting(LedgerLine::payee, LedgerLine::amount)
        .containsExactly(tuple("E-ana", new BigDecimal("61.72")),
            tuple("N-bo", new BigDecimal("250.00")));
  }

  private static final String CONTEST = """
      partners: { margin: { VAR: 0.25 }, referral_fee: 0.10 }
      competitions:
        - { name: Q3 partner push, from: 2026-08-01, to: 2026-10-31, metric: partner_deals, prizes: [5000, 2500, 1000] }
      """;

  private static DataSet contestData() {
    TestData data = data().partner("P", "VAR", null);
    for (String rep : List.of("R1", "R2", "R3", "R4", "R5")) {
      data.rep(rep, "AE", 8_000_000);
    }
    return data
        .partnerDeal("A1", "R1", "2026-08-01", 1_000, "P", PartnerRole.RESELL, false)
        .partnerDeal("A2", "R1", "2026-08-15", 1_000, "P", PartnerRole.RESELL, false)
        .partnerDeal("A3", "R1", "2026-10-31", 1_000, "P", PartnerRole.RESELL, false)
        .partnerDeal("B1", "R2", "2026-09-01", 1_000, "P", PartnerRole.RESELL, false)
        .partnerDeal("B2", "R2", "2026-09-02", 1_000, "P", PartnerRole.RESELL, false)
        .partnerDeal("B3", "R2", "2026-09-03", 1_000, "P", PartnerRole.INFLUENCE, false)
        .partnerDeal("C1", "R3", "2026-09-04", 1_000, "P", PartnerRole.RESELL, false)
        .partnerDeal("C0", "R3", "2026-07-31", 1_000, "P", PartnerRole.RESELL, false) // before
        .partnerDeal("E1", "R4", "2026-09-05", 1_000, "P", PartnerRole.REFERRAL, false)
        .won("F1", "R5", "2026-09-06", 900_000) // direct: no partner deal, not ranked
        .build();
  }

  @Test
  void tiedRepsShareThePrizesOfTheRanksTheyOccupy() {
    Plan plan = plan(basePlan("Contest", CONTEST));
    Ledger ledger = ledger(plan, contestData(), "2026-11-30");
    // R1: 3 partner deals (A1 on from, A3 on to: both inclusive); R2: 3 (an influence deal is a
    // partner deal too); R3: 1 (C0 closed before the start); R4: 1; R5 none.
    // R1 and R2 share ranks 1-2: (5,000 + 2,500) / 2 = 3,750 each;
    // R3 and R4 share ranks 3-4: (1,000 + no 4th prize) / 2 = 500 each. Dated 2026-10-31,
    // vendor period FY2027-Q3 (2026-08-01..2026-10-31).
    assertThat(of(ledger, Component.PRIZE))
        .extracting(LedgerLine::payee, LedgerLine::amount, LedgerLine::status,
            LedgerLine::payDate, LedgerLine::period)
        .containsExactly(
            tuple("R1", new BigDecimal("3750.00"), Status.PAID, LocalDate.parse("2026-10-31"),
                "FY2027-Q3"),
            tuple("R2", new BigDecimal("3750.00"), Status.PAID, LocalDate.parse("2026-10-31"),
                "FY2027-Q3"),
            tuple("R3", new BigDecimal("500.00"), Status.PAID, LocalDate.parse("2026-10-31"),
                "FY2027-Q3"),
            tuple("R4", new BigDecimal("500.00"), Status.PAID, LocalDate.parse("2026-10-31"),
                "FY2027-Q3"));
    assertThat(of(ledger, Component.PRIZE).get(0).trace()).isEqualTo("Q3 partner push "
        + "(2026-08-01..2026-10-31): partner deals 3, tied 2 ways at rank 1..2, sharing the "
        + "prizes of those ranks → 3750.00");
  }

  @Test
  void aCompetitionStillRunningAccruesItsPrizesToTheCurrentLeaders() {
    Plan plan = plan(basePlan("Contest", CONTEST));
    Ledger ledger = ledger(plan, contestData(), "2026-09-01");
    // as of 2026-09-01: R1 has A1 and A2 (2), R2 has B1 (1): ranks 1 and 2; prizes held
    assertThat(of(ledger, Component.PRIZE))
        .extracting(LedgerLine::payee, LedgerLine::amount, LedgerLine::status,
            LedgerLine::payDate)
        .containsExactly(tuple("R1", new BigDecimal("5000.00"), Status.HELD, null),
            tuple("R2", new BigDecimal("2500.00"), Status.HELD, null));
  }

  @Test
  void theOddCentOfATieIsSettledDeterministically() {
    // 100.00 in 3: 33.33 each leaves a cent, to the first in rep-id order
    assertThat(Competitions.split(new BigDecimal("100.00"), 3)).containsExactly(
        new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
    // 0.05 in 2: 0.025 rounds half-even to 0.02 each, leaving a cent for the first
    assertThat(Competitions.split(new BigDecimal("0.05"), 2))
        .containsExactly(new BigDecimal("0.03"), new BigDecimal("0.02"));
    // 0.02 in 3: 0.0067 rounds to 0.01 each, one cent too many comes off the last
    assertThat(Competitions.split(new BigDecimal("0.02"), 3)).containsExactly(
        new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.00"));
  }

  @Test
  void otherCompetitionMetrics() {
    Plan plan = plan(basePlan("Metrics", """
        partners: { margin: { VAR: 0.25 } }
        competitions:
          - { name: rev, from: 2026-02-01, to: 2026-04-30, metric: partner_revenue, prizes: [100] }
          - { name: won, from: 2026-02-01, to: 2026-04-30, metric: won_revenue, prizes: [100] }
          - { name: live, from: 2026-04-01, to: 2026-04-30, metric: implementations, prizes: [100, 50] }
        """));
    DataSet data = data().rep("R1", "AE", 800_000).rep("R2", "AE", 800_000)
        .partner("P", "VAR", null)
        .partnerDeal("D1", "R1", "2026-02-10", 30_000, "P", PartnerRole.RESELL, false)
        .won("D2", "R2", "2026-02-11", 50_000)
        .implemented("D3", "R2", "2026-02-12", 1_000, Implementation.CONFIRMED, "2026-04-02")
        .implemented("D4", "R1", "2026-02-13", 1_000, Implementation.CONFIRMED, "2026-03-31")
        .build();
    // rev: only R1 sold through a partner (30,000); won: R2 51,000 beats R1 31,000;
    // live: D3 confirmed in April (R2); D4 was confirmed in March, outside the window
    assertThat(of(ledger(plan, data, "2026-06-30"), Component.PRIZE))
        .extracting(LedgerLine::payee, LedgerLine::amount)
        .containsExactly(tuple("R1", new BigDecimal("100.00")),
            tuple("R2", new BigDecimal("100.00")), tuple("R2", new BigDecimal("100.00")));
  }

  @Test
  void channelManagerOverlayCreditsEachDealThroughThePartnerOnce() {
    Plan plan = plan(basePlan("Overlay", """
        credit: { partner_basis: list, channel_manager: true }
        roles:
          CM: { commission: { tiers: [ { to: 1.0, rate: 0.01 }, { rate: 0.02 } ] } }
        partners: { margin: { VAR: 0.25 }, referral_fee: 0.10 }
        """));
    DataSet data = data().rep("R1", "AE", 800_000).rep("CM1", "CM", 400_000)
        .partner("P", "VAR", "CM1")
        .partnerDeal("D1", "R1", "2026-02-10", 60_000, "P", PartnerRole.RESELL, false)
        .partnerDeal("D2", "R1", "2026-02-11", 50_000, "P", PartnerRole.REFERRAL, false)
        .partnerDeal("D3", "R1", "2026-02-12", 70_000, "P", PartnerRole.INFLUENCE, false)
        .partnerDeal("D4", "CM1", "2026-02-13", 10_000, "P", PartnerRole.RESELL, false)
        .build();
    // CM1's quarter quota is 100,000 at 1%, 2% above, credit on list. Overlay on D1 (60,000@1%
    // = 600) and D2 (60,000 → 110,000: 40,000@1% + 10,000@2% = 600); D3 is influence, not
    // through the partner; D4 is CM1's own deal, credited once as owner: 10,000@2% = 200.
    assertThat(ledger(plan, data, "2026-03-31").select(line -> line.payee().equals("CM1")))
        .extracting(LedgerLine::dealId, LedgerLine::amount)
        .containsExactly(tuple("D1", new BigDecimal("600.00")),
            tuple("D2", new BigDecimal("600.00")), tuple("D4", new BigDecimal("200.00")));
  }
}
