package dev.compsim.behavior;

import static dev.compsim.testing.TestData.basePlan;
import static dev.compsim.testing.TestData.data;
import static dev.compsim.testing.TestData.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.compsim.engine.Engine;
import dev.compsim.model.DataSet;
import dev.compsim.model.Implementation;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked gradients. R1: AE, quota 400,000 a year = 100,000 a quarter (fiscal year from
 * 02-01), OTE 80,000 (6,666.67 a month). R1 won 20,000 in FY2027-Q1 (assisted by the specialist
 * S1) and 20,000 through the VAR P1 in Q2: the typical deal is 20,000 and the typical credit
 * already booked in a period is 20,000 (20% attainment). As of 2026-06-10 the period is Q2, so
 * the typical deal closes 2026-07-31 on top of 20,000.
 */
class GradientsTest {
  private static final DataSet DATA = data().rep("R1", "AE", 400_000).rep("S1", "SE", 400_000)
      .partner("P1", "VAR", null)
      .assisted("D1", "R1", "2026-03-10", 20_000, "S1")
      .partnerDeal("D2", "R1", "2026-06-10", 20_000, "P1", PartnerRole.RESELL, false)
      .build();
  private static final String PARTNERS = "partners: { margin: { VAR: 0.25 } }\n";

  private static BigDecimal gradient(String extra, Behavior behavior) {
    Plan plan = plan(basePlan("P", PARTNERS + extra));
    Typical typical = new Typical(Engine.latest(DATA));
    return Gradients.of(plan, typical, DATA.rep("R1")).of(behavior);
  }

  @Test
  void typicalDealAndPartnerAndSpecialistComeFromTheData() {
    Typical typical = new Typical(Engine.latest(DATA));
    assertThat(typical.deal("R1")).isEqualByComparingTo("20000");
    assertThat(typical.partner().id()).isEqualTo("P1");
    assertThat(typical.specialist()).isEqualTo("S1");
  }

  @Test
  void netCreditMakesRoutingThroughAPartnerCostTheOwner() {
    // net: credit 20,000 × 0.75 = 15,000 → 20k→35k all at 4% = 600; direct 20k→40k = 800
    assertThat(gradient("credit: { partner_basis: net }\n", Behavior.ROUTE))
        .isEqualByComparingTo("-200.00");
  }

  @Test
  void listCreditMakesRoutingNeutral() {
    assertThat(gradient("credit: { partner_basis: list }\n", Behavior.ROUTE))
        .isEqualByComparingTo("0");
  }

  @Test
  void aMultiplierAboveOneMakesRoutingPay() {
    // list × 1.2 = 24,000 → 20k→44k at 4% = 960, against 800 direct
    assertThat(gradient("credit: { partner_basis: list, partner_multiplier: 1.2 }\n",
        Behavior.ROUTE)).isEqualByComparingTo("160.00");
  }

  @Test
  void aHoldbackPutsMoneyAtStakeOnEngagement() {
    // commission 800; 30% = 240 held: released when confirmed, forfeited when it fails
    assertThat(gradient("", Behavior.ENGAGE)).isEqualByComparingTo("0");
    assertThat(gradient("holdback: { share: 0.30, release: implementation }\n", Behavior.ENGAGE))
        .isEqualByComparingTo("240.00");
    // plus a 250 go-live spiff paid only on confirmation
    assertThat(gradient("holdback: { share: 0.30, release: implementation }\n"
        + "spiffs: [ { name: go-live, kind: implementation, amount: 250 } ]\n", Behavior.ENGAGE))
        .isEqualByComparingTo("490.00");
  }

  @Test
  void aHoldbackFromAChangeAfterAsOfPutsMoneyAtStakeOnEngagement() {
    // the scenarios close after as-of (2026-06-10), under the version from 2026-07-01
    assertThat(gradient("changes:\n  - from: 2026-07-01\n"
        + "    holdback: { share: 0.30, release: implementation }\n", Behavior.ENGAGE))
        .isEqualByComparingTo("240.00");
  }

  @Test
  void aSpiffBanZeroesTheMeetingGradient() {
    String spiff = "spiffs: [ { name: meeting booked, kind: activity, activity: meeting, "
        + "amount: 40 } ]\n";
    assertThat(gradient(spiff, Behavior.MEETINGS)).isEqualByComparingTo("40.00");
    assertThat(gradient(spiff + "ban_activity_spiffs: true\n", Behavior.MEETINGS))
        .isEqualByComparingTo("0");
  }

  @Test
  void aSplitTeamCostsTheOwnerAndFullCreditDoesNot() {
    // split: owner keeps 75% = 15,000 → 600 against 800 alone
    assertThat(gradient("credit: { team: split, assist_share: 0.25 }\n", Behavior.TEAM))
        .isEqualByComparingTo("-200.00");
    assertThat(gradient("credit: { team: full }\n", Behavior.TEAM)).isEqualByComparingTo("0");
  }

  @Test
  void theSpecialistsGainIsKeptBesideTheOwners() {
    Plan plan = plan(basePlan("P", PARTNERS + "credit: { team: full }\n"
        + "roles: { SE: { commission: { tiers: [ { rate: 0.02 } ] } } }\n"));
    Typical typical = new Typical(Engine.latest(DATA));
    // S1 on full credit: 20,000 × 2% = 400
    assertThat(Gradients.of(plan, typical, DATA.rep("R1")).specialistGain())
        .isEqualByComparingTo("400.00");
  }

  /** R1 won 20,000 in each of three complete quarters (FY2027 Q1 to Q3) by as-of. */
  private static final DataSet STEADY = data().rep("R1", "AE", 400_000)
      .won("Q1", "R1", "2026-03-10", 20_000).won("Q2", "R1", "2026-06-10", 20_000)
      .won("Q3", "R1", "2026-09-10", 20_000).won("Q4", "R1", "2026-11-24", 5_000).build();

  @Test
  void anAcceleratorJustAboveThePeriodsAttainmentMakesPullInsPay() {
    // 4% to 25% attainment, 20% above. Each pair of quarters holds 20,000 + 20,000: pulling the
    // next quarter's 20,000 in pays 5,000@4% + 15,000@20% = 3,200 on top of this quarter's
    // 20,000 and loses the 800 it earned from zero next quarter: +2,400 per pair
    String accelerator = "name: A\nfiscal_year_start: 02-01\nperiod: quarter\n"
        + "commission: { tiers: [ { to: 0.25, rate: 0.04 }, { rate: 0.20 } ] }\n";
    Typical typical = new Typical(Engine.latest(STEADY));
    assertThat(typical.periodCredits("R1", plan(accelerator).calendar()))
        .containsExactly(new BigDecimal("20000"), new BigDecimal("20000"),
            new BigDecimal("20000"));
    Gradients.RepGradient accelerated = Gradients.of(plan(accelerator), typical,
        STEADY.rep("R1"));
    assertThat(accelerated.of(Behavior.TIMING)).isEqualByComparingTo("2400.00");
    // 20% attainment is 5 points below the threshold: at 7% and 0.38 per unit, 5.1% discount
    assertThat(accelerated.pullInDiscount(0.07, 0.38)).isCloseTo(0.051, within(1e-9));
    // a flat rate gives no reason to pull a deal in, and no threshold to discount towards
    Plan flat = plan(accelerator.replace("{ to: 0.25, rate: 0.04 }, { rate: 0.20 }",
        "{ rate: 0.04 }"));
    Gradients.RepGradient linear = Gradients.of(flat, typical, STEADY.rep("R1"));
    assertThat(linear.of(Behavior.TIMING)).isEqualByComparingTo("0");
    assertThat(linear.pullInDiscount(0.07, 0.38)).isZero();
  }

  @Test
  void aCapTurnsPullingInIntoALossAndStopsEffortAboveIt() {
    // 10% flat, capped at 30% attainment (30,000 a quarter). Each quarter holds 20,000: a
    // further 20,000 earns only 10,000@10% = 1,000; alone next quarter it earned 2,000
    String capped = "name: C\nfiscal_year_start: 02-01\nperiod: quarter\n"
        + "commission: { tiers: [ { rate: 0.10 } ], cap: 0.3 }\n";
    Typical typical = new Typical(Engine.latest(STEADY));
    Gradients.RepGradient g = Gradients.of(plan(capped), typical, STEADY.rep("R1"));
    assertThat(g.of(Behavior.TIMING)).isEqualByComparingTo("-1000.00");
    // one more typical deal on top of each quarter's 20,000: 1,000
    assertThat(g.of(Behavior.EFFORT)).isEqualByComparingTo("1000.00");
    Gradients.RepGradient uncapped = Gradients.of(plan(capped.replace(", cap: 0.3", "")),
        typical, STEADY.rep("R1"));
    assertThat(uncapped.of(Behavior.EFFORT)).isEqualByComparingTo("2000.00");
  }

  @Test
  void theForfeitureHorizonAgainstTheObservedLagMovesTheEngagementGradient() {
    // go-lives 76 days after close; 30% of the 800 commission is held until go-live
    DataSet lagged = data().rep("R1", "AE", 400_000)
        .implemented("D1", "R1", "2026-03-10", 20_000, Implementation.CONFIRMED, "2026-05-25")
        .implemented("D2", "R1", "2026-06-10", 20_000, Implementation.CONFIRMED, "2026-08-25").build();
    Typical typical = new Typical(Engine.latest(lagged));
    assertThat(typical.lag(0.5, 90)).isEqualTo(76);
    String holdback = "holdback: { share: 0.30, release: implementation, horizon_days: %d }\n";
    BigDecimal longHorizon = Gradients.of(plan(basePlan("P", holdback.formatted(270))),
        typical, lagged.rep("R1")).of(Behavior.ENGAGE);
    BigDecimal shortHorizon = Gradients.of(plan(basePlan("P", holdback.formatted(45))),
        typical, lagged.rep("R1")).of(Behavior.ENGAGE);
    // 270 days: the 240 held is released on go-live or forfeited on failure; 45 days: go-live
    // comes after the horizon, so the held part is forfeited whatever the seller does
    assertThat(longHorizon).isEqualByComparingTo("240.00");
    assertThat(shortHorizon).isEqualByComparingTo("0");
  }

  /**
   * Reps alike in all the engine reads of them (role, quota, typical deal and period credit)
   * share one seller in the scenario book. Every rep's gradients must be those of a book of that
   * rep alone, under every shipped plan, on generated data where most reps have such twins (the
   * specialists and channel managers own no deals, and many account executives won nothing).
   */
  @Test
  void repsPricedThroughATwinHaveTheGradientsOfABookOfTheirOwn() throws java.io.IOException {
    dev.compsim.generate.DataGenerator generator = new dev.compsim.generate.DataGenerator(
        dev.compsim.generate.GeneratorSettings.of(100, 300, 6, 11, null, null));
    java.util.Map<String, Rep> reps = new java.util.LinkedHashMap<>();
    generator.reps().forEach(r -> reps.put(r.id(), r));
    java.util.Map<String, dev.compsim.model.Partner> partners = new java.util.LinkedHashMap<>();
    generator.partners().forEach(p -> partners.put(p.id(), p));
    List<dev.compsim.model.Deal> deals = new java.util.ArrayList<>();
    generator.deals(deals::add);
    List<dev.compsim.model.Activity> activities = new java.util.ArrayList<>();
    generator.activities(activities::add);
    DataSet data = new DataSet(deals, reps, partners, activities, java.util.Map.of());
    Typical typical = new Typical(Engine.latest(data));
    List<Plan> plans = shippedPlans();
    assertThat(plans).hasSizeGreaterThan(5);
    for (Plan plan : plans) {
      assertThat(Gradients.sellers(plan, typical, 90)).as(plan.name())
          .isLessThan(reps.size() * 2 / 3);
      Gradients.PlanGradients shared = Gradients.of(plan, typical, 90);
      for (Rep rep : reps.values()) {
        Gradients.PlanGradients alone = Gradients.of(plan, typical, 90, List.of(rep));
        assertSameGradients(new Gradients.PlanGradients(plan.name(),
            java.util.Map.of(rep.id(), shared.reps().get(rep.id()))), alone);
      }
    }
  }

  /**
   * Reps who share a seller in the scenario book (alike in role, quota, typical deal and median
   * period credit) still differ in their spread of period credits and in how many of their deals
   * went through a partner, and their effort gradients with them. A1, A2 and A3 each won three
   * deals of 20,000 (quota 100,000 a quarter; 4% to half of it, 9% to all of it): A1 one a
   * quarter, 20,000 a quarter, so one more deal earns 20k→40k at 4% = 800 every quarter; A2
   * nothing, then 20,000, then 40,000: 800, 800 and 40k→50k at 4% + 50k→60k at 9% = 1,300, a
   * mean of 966.67; A3 as A1 but a third of its deals resold by P1, credited net of its 25%
   * margin (600 against 800): 800 × (2/3 + 1/3 × 0.75) = 733.33.
   */
  @Test
  void repsSharingASellerKeepTheirOwnSpreadAndPartnerMix() {
    DataSet data = data().rep("A1", "AE", 400_000).rep("A2", "AE", 400_000)
        .rep("A3", "AE", 400_000).rep("X", "SE", 400_000).partner("P1", "VAR", null)
        .won("D1", "A1", "2026-03-10", 20_000).won("D2", "A1", "2026-06-10", 20_000)
        .won("D3", "A1", "2026-09-10", 20_000)
        .won("D4", "A2", "2026-06-15", 20_000).won("D5", "A2", "2026-09-12", 20_000)
        .won("D6", "A2", "2026-09-14", 20_000)
        .won("D7", "A3", "2026-03-12", 20_000)
        .partnerDeal("D8", "A3", "2026-06-12", 20_000, "P1", PartnerRole.RESELL, false)
        .won("D9", "A3", "2026-09-16", 20_000)
        .won("D10", "X", "2026-11-05", 5_000) // as-of: Q1 to Q3 are complete
        .build();
    Plan plan = plan(basePlan("P", PARTNERS + "credit: { partner_basis: net }\n"));
    Typical typical = new Typical(Engine.latest(data));
    assertThat(Gradients.sellers(plan, typical, 90)).isEqualTo(2);
    Gradients.PlanGradients shared = Gradients.of(plan, typical, 90);
    assertThat(shared.reps().get("A1").of(Behavior.EFFORT)).isEqualByComparingTo("800.00");
    assertThat(shared.reps().get("A2").of(Behavior.EFFORT)).isEqualByComparingTo("966.67");
    assertThat(shared.reps().get("A3").of(Behavior.EFFORT)).isEqualByComparingTo("733.33");
    for (Rep rep : data.reps().values()) {
      Gradients.PlanGradients alone = Gradients.of(plan, typical, 90, List.of(rep));
      assertSameGradients(new Gradients.PlanGradients(plan.name(),
          java.util.Map.of(rep.id(), shared.reps().get(rep.id()))), alone);
    }
  }

  /**
   * The scenario books priced by the engine's columnar pass, deal by deal, give the figures the
   * ledger gives them: every shipped plan on sample-data and generated data, and the random plans
   * and data of the reconciliation property (the ledger path is what a plan whose numbers need
   * decimals takes).
   */
  @Test
  void theColumnarPassPricesTheScenarioBooksAsTheLedgerDoes() throws java.io.IOException {
    List<Plan> plans = shippedPlans();
    List<DataSet> sets = List.of(new dev.compsim.io.DataReader().read(
            dev.compsim.io.DataFiles.inDirectory(java.nio.file.Path.of("sample-data"))).data(),
        dev.compsim.engine.LedgerGoldenSumsTest.generated(2000, 60, 8, 8));
    int compared = 0;
    for (DataSet data : sets) {
      Typical typical = new Typical(Engine.latest(data));
      for (Plan plan : plans) {
        assertSameGradients(plan, typical);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(plans.size() * sets.size());
    org.quicktheories.QuickTheory.qt().withFixedSeed(20261205L).withExamples(120)
        .forAll(org.quicktheories.generators.SourceDSL.longs().all()).checkAssert(seed -> {
          var c = dev.compsim.engine.ReconciliationPropertyTest.draw(seed);
          assertSameGradients(c.plan(), new Typical(new Engine(c.data(), c.asOf())));
        });
  }

  private static void assertSameGradients(Plan plan, Typical typical) {
    assertSameGradients(Gradients.of(plan, typical, 90), Gradients.byLedger(plan, typical, 90));
  }

  /** Every rep's gradients alike, field by field (a record's arrays compare by identity). */
  private static void assertSameGradients(Gradients.PlanGradients actual,
      Gradients.PlanGradients expected) {
    assertThat(actual.reps().keySet()).isEqualTo(expected.reps().keySet());
    for (var entry : expected.reps().entrySet()) {
      Gradients.RepGradient want = entry.getValue();
      Gradients.RepGradient got = actual.reps().get(entry.getKey());
      String as = expected.plan() + " " + entry.getKey();
      assertThat(got.owner()).as(as).isEqualTo(want.owner());
      assertThat(got.specialistGain()).as(as).isEqualTo(want.specialistGain());
      assertThat(got.monthlyOte()).as(as).isEqualTo(want.monthlyOte());
      assertThat(got.thresholdDistances()).as(as).isEqualTo(want.thresholdDistances());
    }
  }

  private static List<Plan> shippedPlans() throws java.io.IOException {
    try (var listing = java.nio.file.Files.list(java.nio.file.Path.of("plans"))) {
      return new dev.compsim.io.PlanReader().readAll(
          listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
    }
  }

  /**
   * Plans on one calendar share one scenario book, engagement slots and all, whether or not their
   * engagement pays: each plan's gradients are those of a book of its own.
   */
  @Test
  void plansSharingABookHaveTheGradientsOfTheirOwn() throws java.io.IOException {
    List<Plan> plans = shippedPlans();
    Typical typical = new Typical(Engine.latest(
        dev.compsim.engine.LedgerGoldenSumsTest.generated(2000, 60, 8, 8)));
    List<Gradients.PlanGradients> shared = Gradients.of(plans, typical, 90);
    assertThat(shared).hasSameSizeAs(plans);
    for (int p = 0; p < plans.size(); p++) {
      assertSameGradients(shared.get(p), Gradients.of(plans.get(p), typical, 90));
    }
  }

  /**
   * Effort and timing ask a schedule per commission and quota, in long integers where the
   * numbers fit and in decimals where they do not (a credit finer than its units, a product
   * beyond a long): either way what the engine's decimal schedule gives, scale included.
   */
  @Test
  void theIncrementsInLongsAreTheDecimalSchedules() {
    java.util.Random random = new java.util.Random(20261204L);
    int checked = 0;
    for (int example = 0; example < 400; example++) {
      List<dev.compsim.model.Tier> tiers = new java.util.ArrayList<>();
      int n = 1 + random.nextInt(4);
      BigDecimal bound = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        BigDecimal rate = BigDecimal.valueOf(random.nextInt(2000), 2 + random.nextInt(3));
        if (i == n - 1) {
          tiers.add(new dev.compsim.model.Tier(null, rate));
        } else {
          bound = bound.add(BigDecimal.valueOf(1 + random.nextInt(80), 2 + random.nextInt(2)));
          tiers.add(new dev.compsim.model.Tier(bound, rate));
        }
      }
      BigDecimal cap = random.nextInt(3) == 0
          ? BigDecimal.valueOf(50 + random.nextInt(300), 2 + random.nextInt(3)) : null;
      dev.compsim.model.Commission commission =
          new dev.compsim.model.Commission(tiers, random.nextInt(4) == 0, cap);
      BigDecimal quota = random.nextInt(10) == 0 ? BigDecimal.ZERO
          : BigDecimal.valueOf(1 + random.nextLong(random.nextBoolean() ? 2_000_000L
              : 900_000_000_000_000L), random.nextInt(4));
      int periods = new int[] {1, 2, 4, 12}[random.nextInt(4)];
      Gradients.Increments increments = new Gradients.Increments(commission, quota, periods);
      dev.compsim.engine.CommissionSchedule decimal =
          new dev.compsim.engine.CommissionSchedule(commission, quota, periods);
      for (int k = 0; k < 8; k++) {
        BigDecimal before = BigDecimal.valueOf(random.nextLong(random.nextBoolean()
            ? 100_000_000L : 900_000_000_000_000_000L), random.nextInt(7));
        BigDecimal credit = BigDecimal.valueOf(random.nextInt(60_000_000), random.nextInt(7));
        assertThat(increments.of(before, credit)).as("example %d", example)
            .isEqualTo(decimal.increment(before, credit, false).commission());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(3200);
  }
}
