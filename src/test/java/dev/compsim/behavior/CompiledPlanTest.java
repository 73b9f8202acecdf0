package dev.compsim.behavior;

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
import dev.compsim.testing.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path prices a draw of choices exactly as the full engine prices the data set that
 * draw describes: same rep pay, partner pay and revenue to the cent, on plans that exercise every
 * part of the compiled tables.
 */
class CompiledPlanTest {
  private static final String HEAD = "name: P\nfiscal_year_start: 02-01\n";
  private static final String PARTNERS = "partners: { margin: { VAR: 0.25, MSSP: 0.30, "
      + "referral: 0.0 }, registration_bonus: 0.05, referral_fee: 0.10 }\n";
  private static final String TIERS = "commission: { tiers: [ { to: 0.5, rate: 0.04 }, "
      + "{ to: 1.0, rate: 0.09 }, { rate: 0.14 } ] }\n";

  static DataSet data(long seed) {
    Random random = new Random(seed);
    TestData data = TestData.data().rep("A1", "AE", 800_000).rep("A2", "AE", 1_200_000)
        .rep("A3", "AE", 333_333).rep("S1", "SE", 500_000).rep("M1", "CM", 600_000)
        .partner(new Partner("P1", "P1", "VAR", null, 12, false, true, null, "M1"))
        .partner(new Partner("P2", "P2", "MSSP", null, 5, true, false, null, "A2"))
        .partner("P3", "referral", null);
    String[] owners = {"A1", "A2", "A3"};
    LocalDate start = LocalDate.of(2025, 2, 1);
    for (int i = 0; i < 120; i++) {
      String owner = owners[random.nextInt(3)];
      LocalDate close = start.plusDays(random.nextInt(600));
      BigDecimal amount = BigDecimal.valueOf(5_000 + random.nextInt(150_000))
          .add(BigDecimal.valueOf(random.nextInt(100), 2));
      int kind = random.nextInt(6);
      String partner = kind == 0 ? "P1" : kind == 1 ? "P2" : kind == 2 ? "P3" : null;
      PartnerRole role = kind == 2 ? PartnerRole.REFERRAL
          : kind == 3 && random.nextBoolean() ? null : PartnerRole.RESELL;
      if (kind == 3 && random.nextInt(3) == 0) {
        partner = "P1";
        role = PartnerRole.INFLUENCE;
      }
      List<String> assists = random.nextInt(4) == 0 ? List.of("S1") : List.of();
      Implementation impl = Implementation.values()[random.nextInt(3)];
      LocalDate implDate = impl == Implementation.PENDING && random.nextBoolean() ? null
          : close.plusDays(20 + random.nextInt(200));
      Stage stage = random.nextInt(5) == 0 ? Stage.LOST : Stage.WON;
      data.deal(new Deal("D" + (1000 + i), owner, close, amount, stage, null, partner,
          partner == null ? null : role, partner != null && random.nextBoolean(),
          partner != null && random.nextBoolean(), null,
          partner != null && random.nextBoolean() ? partner + "-seller" : null, assists, impl,
          implDate, null,
          null, null));
    }
    for (int d = 0; d < 600; d += 7) {
      data.activity(owners[d % 3], start.plusDays(d).toString(), d % 2 == 0 ? "meeting" : "Meeting",
          1 + d % 5);
      data.activity(owners[(d + 1) % 3], start.plusDays(d).toString(), "demo", 1);
    }
    return data.build();
  }

  static final List<String> PLANS = List.of(
      // net credit, split team, tiers, meeting and demo spiffs
      HEAD + "period: quarter\n" + PARTNERS + TIERS
          + "credit: { partner_basis: net, team: split, assist_share: 0.25 }\n"
          + "spiffs: [ { name: m, kind: activity, activity: meeting, amount: 40 },"
          + " { name: d, kind: activity, activity: demo, amount: 75.5 } ]\n",
      // list credit, multiplier, holdback released on implementation with clawback, spiffs,
      // and a partner program: certification tiers, self-sufficiency commission, upfront
      // discount, reward points for the partners' sellers
      HEAD + "period: quarter\n" + TIERS
          + "partners: { margin: { VAR: 0.25, MSSP: 0.30, referral: 0.0 }, "
          + "registration_bonus: 0.05, referral_fee: 0.10, "
          + "self_sufficiency: { assisted: 0.04, independent: 0.20 }, "
          + "tiers: { basis: certifications, levels: [ { name: Gold, min: 10, extra_margin: 0.04 },"
          + " { name: Silver, min: 4, extra_margin: 0.02 } ] }, upfront: { MSSP: 0.05 }, "
          + "rep_rewards: { points_per_1000: 10, point_value: 0.5, "
          + "requires_rebate_enrollment: true } }\n"
          + "credit: { partner_basis: list, partner_multiplier: 1.1, partner_sourced: 0.8, "
          + "channel_manager: true }\n"
          + "holdback: { share: 0.30, release: implementation, horizon_days: 270, "
          + "clawback: true }\n"
          + "spiffs: [ { name: g, kind: implementation, amount: 250 },"
          + " { name: p, kind: partner_deal, amount: 300 }, { name: w, kind: deal, amount: 10 },"
          + " { name: m, kind: activity, activity: meeting, amount: 40 } ]\n"
          + "ban_activity_spiffs: true\n",
      // midpoint, monthly, retroactive with a cap, days holdback, role overrides
      HEAD + "period: month\n" + PARTNERS
          + "commission: { tiers: [ { to: 0.6, rate: 0.05 }, { rate: 0.11 } ], "
          + "retroactive: true, cap: 2.0 }\n"
          + "credit: { partner_basis: midpoint, team: split, assist_share: 0.333 }\n"
          + "holdback: { share: 0.125, release: days, days: 60 }\n"
          + "roles: { SE: { commission: { tiers: [ { rate: 0.02 } ] } } }\n");

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void fastPathTotalsEqualTheEngineLedgerOnTheDrawnDataSet(int which) {
    Plan plan = plan(PLANS.get(which));
    for (long seed = 1; seed <= 3; seed++) {
      assertFastPathIsTheLedger(plan, data(seed), seed, which);
    }
  }

  /**
   * Full credit to everyone, specialists on their own credit basis and holdback: the owner, the
   * specialists and the channel manager all take a share of 1, under different rules.
   */
  private static final String FULL_TEAMS = HEAD + "period: quarter\n" + PARTNERS + TIERS
      + "credit: { partner_basis: net, team: full, channel_manager: true }\n"
      + "holdback: { share: 0.30, release: implementation }\n"
      + "roles: { SE: { credit: { partner_basis: list, team: full }, "
      + "holdback: { share: 0.10, release: implementation } } }\n";

  /**
   * Teams of three to five: an owner, two or three specialists under the same rules and share
   * (the compiled plan asks the rules once for them), and a channel manager on some.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void teamsWhoseAssistsShareTheirRulesArePricedAsTheLedgerPricesThem(int which) {
    Random random = new Random(which);
    TestData data = TestData.data().rep("A1", "AE", 800_000).rep("A2", "AE", 1_200_000)
        .rep("S1", "SE", 500_000).rep("S2", "SE", 500_000).rep("S3", "SE", 700_000)
        .rep("M1", "CM", 600_000)
        .partner(new Partner("P1", "P1", "VAR", null, 12, false, true, null, "M1"));
    LocalDate start = LocalDate.of(2025, 2, 1);
    for (int i = 0; i < 80; i++) {
      List<String> assists = random.nextBoolean() ? List.of("S1", "S2", "S3")
          : List.of("S2", "S3");
      LocalDate close = start.plusDays(random.nextInt(600));
      boolean partnered = random.nextBoolean();
      data.deal(new Deal("D" + (1000 + i), i % 2 == 0 ? "A1" : "A2", close,
          BigDecimal.valueOf(5_000 + random.nextInt(150_000)),
          random.nextInt(5) == 0 ? Stage.LOST : Stage.WON, null, partnered ? "P1" : null,
          partnered ? PartnerRole.RESELL : null, false, false, null, null, assists,
          Implementation.values()[random.nextInt(3)], close.plusDays(20 + random.nextInt(200)),
          null, null, null));
    }
    assertFastPathIsTheLedger(plan(which < PLANS.size() ? PLANS.get(which) : FULL_TEAMS),
        data.build(), 7, which);
  }

  /**
   * A payee whose period credit times the top rate passes a long, though no one line's does:
   * 100 deals of about 90 million over half a year, credits in units of 10^-8 (midpoint, a team
   * split of 0.333), so T of a quarter's credit is about 1.4·10^19 units. Marginal tiers keep
   * the long path, whose T wraps while the differences it keeps do not; it had been priced in
   * decimals. Retroactive tiers reprice the whole period at each step, so the same deals go to
   * decimals there. Both to the cent of the ledger.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void creditsWhoseTotalsPassALongArePricedExactly(boolean retroactive) {
    Random random = new Random(11);
    TestData data = TestData.data().rep("A1", "AE", 4_000_000_000L).rep("S1", "SE", 900_000_000)
        .partner(new Partner("P1", "P1", "VAR", null, 12, false, true, null, null));
    LocalDate start = LocalDate.of(2025, 2, 1);
    for (int i = 0; i < 100; i++) {
      LocalDate close = start.plusDays(random.nextInt(180));
      boolean partnered = random.nextBoolean();
      data.deal(new Deal("D" + (1000 + i), "A1", close,
          BigDecimal.valueOf(8_000_000_000L + random.nextInt(2_000_000_000), 2),
          Stage.WON, null, partnered ? "P1" : null, partnered ? PartnerRole.RESELL : null,
          false, false, null, null, random.nextBoolean() ? List.of("S1") : List.of(),
          Implementation.CONFIRMED, close.plusDays(30), null, null, null));
    }
    Plan plan = plan(HEAD + "period: quarter\n" + PARTNERS
        + "commission: { tiers: [ { to: 0.5, rate: 0.04 }, { to: 1.0, rate: 0.09 }, "
        + "{ rate: 0.14 } ], retroactive: " + retroactive + " }\n"
        + "credit: { partner_basis: midpoint, team: split, assist_share: 0.333 }\n");
    assertFastPathIsTheLedger(plan, data.build(), 3, 0, !retroactive);
  }

  private static void assertFastPathIsTheLedger(Plan plan, DataSet data, long seed, int which) {
    assertFastPathIsTheLedger(plan, data, seed, which, true);
  }

  private static void assertFastPathIsTheLedger(Plan plan, DataSet data, long seed, int which,
      boolean inLongs) {
    Engine engine = Engine.latest(data);
    BehaviorModel model = new BehaviorModel(engine, List.of(plan));
    DealFacts facts = model.facts();
    // every rep pulls in at 7% and recovers 5% on a push, R2 pulls in at 3%
    double[] pull = new double[facts.payees.size()];
    double[] push = new double[pull.length];
    java.util.Arrays.fill(pull, 0.07);
    java.util.Arrays.fill(push, 0.05);
    pull[Math.min(1, pull.length - 1)] = 0.03;
    CompiledPlan compiled = new CompiledPlan(plan, facts, pull, push);
    assertThat(compiled.exact).as("long arithmetic").isEqualTo(inLongs);
    Random random = new Random(seed * 31 + which);
    for (int draw = 0; draw < 25; draw++) {
      byte[] choice = new byte[facts.size()];
      for (int i = 0; i < choice.length; i++) {
        choice[i] = (byte) random.nextInt(32);
      }
      long[] meetings = new long[compiled.meetingBase.length];
      for (int k = 0; k < meetings.length; k++) {
        meetings[k] = random.nextInt(12);
      }
      CompiledPlan.Totals fast = new CompiledPlan.Totals();
      CompiledPlan.Scratch scratch = compiled.scratch();
      compiled.price(choice, meetings, scratch, fast);

      DataSet drawn = compiled.apply(choice, meetings);
      Engine full = new Engine(drawn, engine.asOf());
      CompiledPlan.Totals ledger = new CompiledPlan.Totals();
      java.util.Map<String, Long> byRep = new java.util.TreeMap<>();
      full.evaluate(plan, line -> {
        CompiledPlan.count(line, ledger);
        if (line.payeeKind() == dev.compsim.engine.PayeeKind.REP) {
          byRep.merge(line.payee(), CompiledPlan.cents(line.cost()), Long::sum);
        }
      }, false);
      for (int k = 0; k < facts.payees.size(); k++) {
        assertThat(scratch.pay[k]).as("pay of %s, seed %d draw %d",
            facts.payees.get(k).id(), seed, draw)
            .isEqualTo(byRep.getOrDefault(facts.payees.get(k).id(), 0L));
      }
      assertThat(fast.repPay).as("rep pay, seed %d draw %d", seed, draw)
          .isEqualTo(ledger.repPay);
      assertThat(fast.partnerPay).as("partner pay").isEqualTo(ledger.partnerPay);
      assertThat(fast.revenue).as("revenue")
          .isEqualTo(CompiledPlan.cents(full.wonRevenue(plan)));
      assertThat(fast.won).isEqualTo(full.wonDeals().size());
    }
  }

  /**
   * Rebates, volume tiers and competition prizes depend on a whole year's results: the fast path
   * carries them as the engine pays them on the observed data. Drawn as in the data (same deals
   * won, same routes and assists, nothing moved, the logged meetings), its totals equal the
   * engine's, year-level lines included.
   */
  @org.junit.jupiter.api.Test
  void drawnAsInTheDataEvenYearLevelLinesMatchTheEngine() {
    Plan plan = plan(HEAD + "period: quarter\n" + TIERS
        + "partners: { margin: { VAR: 0.25, MSSP: 0.30, referral: 0.0 }, referral_fee: 0.10, "
        + "tiers: { basis: volume, levels: [ { name: Gold, min: 400000, extra_margin: 0.04 } ] },"
        + " rebates: [ { types: [VAR, MSSP], tiers: [ { from: 0, rate: 0 },"
        + " { from: 200000, rate: 0.03 } ] } ] }\n"
        + "competitions: [ { name: push, from: 2025-06-01, to: 2026-05-31, "
        + "metric: partner_deals, prizes: [5000, 2500] } ]\n");
    DataSet data = data(4);
    Engine engine = Engine.latest(data);
    DealFacts facts = new BehaviorModel(engine, List.of(plan)).facts();
    double[] discounts = new double[facts.payees.size()];
    java.util.Arrays.fill(discounts, 0.07);
    CompiledPlan compiled = new CompiledPlan(plan, facts, discounts, discounts);
    assertThat(compiled.rebateCents).isPositive();
    assertThat(compiled.prizeCents).isEqualTo(750_000);
    byte[] choice = new byte[facts.size()];
    for (int i = 0; i < choice.length; i++) {
      choice[i] = (byte) ((facts.wonInData[i] ? 16 : 0) | 8 | (facts.routedInData[i] ? 4 : 0)
          | (facts.assistedInData[i] ? 2 : 0));
    }
    long[] meetings = compiled.meetingBase.clone();
    CompiledPlan.Totals fast = new CompiledPlan.Totals();
    compiled.price(choice, meetings, compiled.scratch(), fast);
    CompiledPlan.Totals ledger = new CompiledPlan.Totals();
    new Engine(compiled.apply(choice, meetings), engine.asOf())
        .evaluate(plan, line -> CompiledPlan.count(line, ledger), false);
    assertThat(fast.repPay).isEqualTo(ledger.repPay);
    assertThat(fast.partnerPay).isEqualTo(ledger.partnerPay);
  }

  /**
   * Issue 15, finding 2: a deal with 100,000 assists did not finish. Compiling a plan looked
   * each recipient up among the deal's earlier ones (and asked the rules once per recipient):
   * with 400,000 assists about 10^12 steps, over the limit here (20 s; about 4 s now). The limit
   * only guards against the square coming back.
   */
  @org.junit.jupiter.api.Test
  void aDealWithFourHundredThousandAssistsCompilesInLinearTime() {
    int assists = 400_000;
    TestData data = TestData.data().rep("A1", "AE", 800_000);
    List<String> ids = new java.util.ArrayList<>();
    for (int k = 0; k < assists; k++) {
      String id = "S" + k;
      data.rep(id, "SE", 500_000);
      ids.add(id);
    }
    LocalDate close = LocalDate.of(2025, 6, 10);
    data.deal(new Deal("BIG", "A1", close, BigDecimal.valueOf(2_000_000), Stage.WON, null,
        null, null, false, false, null, null, ids, Implementation.CONFIRMED,
        close.plusDays(60), null, null, null));
    data.deal(new Deal("SMALL", "A1", close.plusDays(3), BigDecimal.valueOf(40_000), Stage.WON,
        null, null, null, false, false, null, null, List.of(), Implementation.PENDING, null,
        null, null, null));
    Plan plan = plan(FULL_TEAMS);
    Engine engine = Engine.latest(data.build());
    DealFacts facts = new DealFacts(engine, new Typical(engine), 90);
    double[] none = new double[facts.payees.size()];
    CompiledPlan compiled = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(20), () -> new CompiledPlan(plan, facts, none, none));
    assertThat(compiled.variants).isGreaterThanOrEqualTo(2);
  }
}
