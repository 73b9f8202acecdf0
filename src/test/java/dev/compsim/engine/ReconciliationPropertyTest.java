package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Implementation;
import dev.compsim.model.Money;
import dev.compsim.model.PartnerProgram;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Rules;
import dev.compsim.model.Stage;
import dev.compsim.model.Tier;
import dev.compsim.report.PlanTotals;
import dev.compsim.testing.TestData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random plans and data sets: each earning splits exactly into paid, released, held and
 * forfeited; a clawback reverses exactly what was paid; a release on payment is the customer's
 * paid share of the held part, rounded once; commissions add up to what the tiers pay
 * on the period's total credit; and every total of the summary is the sum of its ledger lines.
 */
public class ReconciliationPropertyTest {
  private static final LocalDate START = LocalDate.of(2025, 2, 1);

  /** A random plan and data set drawn from one seed. */
  public record Case(Plan plan, DataSet data, LocalDate asOf) {}

  public static Case draw(long seed) {
    Random random = new Random(seed);
    // channel managers come from a stream of their own, so the rest of each case stays as it was
    Random managers = new Random(seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL);
    boolean channelManager = managers.nextBoolean();
    StringBuilder yaml = new StringBuilder("name: P").append(seed).append('\n')
        .append("fiscal_year_start: 0").append(1 + random.nextInt(9)).append("-01\n")
        .append("period: ").append(List.of("month", "quarter", "year").get(random.nextInt(3)))
        .append('\n')
        .append("credit: { partner_basis: ")
        .append(List.of("list", "net", "midpoint").get(random.nextInt(3)))
        .append(", partner_multiplier: ").append(List.of("1", "1.2", "0.9").get(random.nextInt(3)))
        .append(", partner_sourced: ").append(List.of("1", "0.5").get(random.nextInt(2)))
        .append(", team: ").append(random.nextBoolean() ? "full" : "split")
        .append(", assist_share: 0.2")
        .append(channelManager ? ", channel_manager: true }\n" : " }\n")
        .append("commission:\n  tiers:\n");
    int tiers = 1 + random.nextInt(3);
    BigDecimal bound = BigDecimal.ZERO;
    BigDecimal rate = new BigDecimal("0.03");
    for (int i = 0; i < tiers; i++) {
      rate = rate.add(new BigDecimal(random.nextInt(5)).movePointLeft(2));
      if (i < tiers - 1) {
        bound = bound.add(new BigDecimal(1 + random.nextInt(8)).movePointLeft(1));
        yaml.append("    - { to: ").append(bound.toPlainString()).append(", rate: ")
            .append(rate.toPlainString()).append(" }\n");
      } else {
        yaml.append("    - { rate: ").append(rate.toPlainString()).append(" }\n");
      }
    }
    yaml.append("  retroactive: ").append(random.nextBoolean()).append('\n');
    if (random.nextBoolean()) {
      yaml.append("  cap: ").append(new BigDecimal(10 + random.nextInt(20)).movePointLeft(1))
          .append('\n');
    }
    if (random.nextInt(3) > 0) {
      boolean days = random.nextBoolean();
      yaml.append("holdback: { share: ").append(new BigDecimal(random.nextInt(101)).movePointLeft(2))
          .append(", release: ").append(days ? "days, days: " + random.nextInt(200)
              : "implementation")
          .append(random.nextBoolean() ? ", horizon_days: " + (30 + random.nextInt(300)) : "")
          .append(", clawback: ").append(random.nextBoolean()).append(" }\n");
    }
    yaml.append("spiffs:\n  - { name: win, kind: deal, amount: 25 }\n")
        .append("  - { name: live, kind: implementation, amount: 40.5 }\n")
        .append("  - { name: meet, kind: activity, activity: meeting, amount: 12.25 }\n")
        .append("ban_activity_spiffs: ").append(random.nextBoolean()).append('\n')
        .append("partners:\n  margin: { VAR: 0.25, MSSP: 0.3 }\n  registration_bonus: 0.05\n")
        .append("  referral_fee: 0.1\n");
    partnerProgram(random, yaml);
    draw(new Random(seed * 0x632BE59BD9B4E019L + 0x1B873593L), yaml);
    // pay when paid from a stream of its own too, so the rest of each case stays as it was
    Random pay = new Random(seed * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL);
    int payMode = pay.nextInt(3); // 0 as drawn, 1 pay_on: payment, 2 a holdback released on it
    String text = yaml.toString();
    if (payMode > 0) {
      text = text.replaceAll("(?m)^holdback: .*\n", "");
      text += payMode == 1 ? "pay_on: payment\n" : "holdback: { share: 0."
          + (1 + pay.nextInt(99)) + ", release: payment }\n";
    }
    Plan plan = TestData.plan(text);

    TestData data = TestData.data();
    int reps = 1 + random.nextInt(4);
    for (int r = 0; r < reps; r++) {
      data.rep("R" + r, "AE", 100_000L * (1 + random.nextInt(20)));
    }
    for (String[] partner : new String[][] {{"V", "VAR"}, {"M", "MSSP"}}) {
      data.partner(new Partner(partner[0], partner[0], partner[1],
          List.of("Gold", "Silver", "Registered").get(random.nextInt(3)), random.nextInt(14),
          random.nextBoolean(), random.nextBoolean(),
          random.nextBoolean() ? null : MonthDay.of(1 + random.nextInt(12), 1 + random.nextInt(28)),
          managers.nextInt(3) == 0 ? null : "R" + managers.nextInt(reps)));
    }
    int deals = random.nextInt(40);
    for (int d = 0; d < deals; d++) {
      LocalDate close = START.plusDays(random.nextInt(700));
      BigDecimal amount = BigDecimal.valueOf(random.nextInt(50_000_000)).movePointLeft(2);
      String owner = "R" + random.nextInt(reps);
      List<String> assists = new ArrayList<>();
      if (reps > 1 && random.nextInt(3) == 0) {
        String assist = "R" + random.nextInt(reps);
        if (!assist.equals(owner)) {
          assists.add(assist);
        }
      }
      String partner = switch (random.nextInt(4)) {
        case 0 -> "V";
        case 1 -> "M";
        default -> null;
      };
      PartnerRole role = partner == null ? null
          : PartnerRole.values()[random.nextInt(PartnerRole.values().length)];
      Implementation implementation = Implementation.values()[random.nextInt(3)];
      LocalDate implemented = implementation == Implementation.PENDING ? null
          : close.plusDays(random.nextInt(400));
      Stage stage = random.nextInt(5) == 0 ? Stage.LOST : Stage.WON;
      data.deal(new Deal("D" + d, owner, close, amount, stage, null, partner, role,
          partner != null && random.nextBoolean(), partner != null && random.nextBoolean(), null,
          partner != null && random.nextBoolean() ? partner + "-rep" + random.nextInt(3) : null,
          assists, implementation, implemented, null, null, null));
    }
    for (int a = 0; a < random.nextInt(10); a++) {
      data.activity("R" + random.nextInt(reps), START.plusDays(random.nextInt(700)).toString(),
          "meeting", random.nextInt(9));
    }
    LocalDate asOf = START.plusDays(200 + random.nextInt(800));
    if (pay.nextInt(4) > 0) { // else no payments.csv: everything waiting for payment is held
      data.payments();
      for (int d = 0; d < deals; d++) {
        payments(pay, data, "D" + d, START.plusDays(pay.nextInt(700)));
      }
    }
    return new Case(plan, data.build(), asOf);
  }

  /**
   * Up to four payments of a deal around its close: parts of a notional invoice of random size
   * (so that some deals are paid over, some under), now and then a refund.
   */
  private static void payments(Random pay, TestData data, String deal, LocalDate around) {
    int count = pay.nextInt(5);
    for (int p = 0; p < count; p++) {
      long cents = pay.nextInt(20_000_000) * (pay.nextInt(6) == 0 ? -1L : 1L);
      data.payment(deal, around.plusDays(pay.nextInt(400) - 20).toString(),
          BigDecimal.valueOf(cents).movePointLeft(2).toPlainString());
    }
  }

  /**
   * A draw in two cases of three, from a stream of its own so the rest of each case stays as it
   * was: recoverable or not, for some months or every period, carried or forgiven.
   */
  private static void draw(Random random, StringBuilder yaml) {
    if (random.nextInt(3) == 0) {
      return;
    }
    yaml.append("draw: { amount: ").append(500 + random.nextInt(30_000)).append('.')
        .append(String.format("%02d", random.nextInt(100)))
        .append(", recoverable: ").append(random.nextInt(4) > 0)
        .append(random.nextBoolean() ? ", months: " + (1 + random.nextInt(18)) : "")
        .append(", carry: ").append(random.nextBoolean()).append(" }\n");
  }

  /** Random partner-program keys and competitions, appended to the plan. */
  private static void partnerProgram(Random random, StringBuilder yaml) {
    if (random.nextBoolean()) {
      yaml.append("  self_sufficiency: { assisted: 0.0").append(1 + random.nextInt(5))
          .append(", independent: 0.1").append(random.nextInt(10)).append(" }\n");
    }
    if (random.nextBoolean()) {
      boolean volume = random.nextBoolean();
      yaml.append("  tiers:\n    basis: ").append(volume ? "volume" : "certifications")
          .append("\n    levels: [ { name: Silver, min: ")
          .append(volume ? 50_000 + random.nextInt(200_000) : 1 + random.nextInt(6))
          .append(", extra_margin: 0.02 }, { name: Gold, min: ")
          .append(volume ? 300_000 + random.nextInt(900_000) : 7 + random.nextInt(6))
          .append(", extra_margin: 0.045 } ]\n");
    }
    if (random.nextBoolean()) {
      yaml.append("  rebates:\n    - { types: [").append(random.nextBoolean() ? "VAR" : "VAR, MSSP")
          .append("], tiers: [ { from: 0, rate: 0.005 }, { from: ")
          .append(20_000 + random.nextInt(300_000)).append(", rate: 0.0175 }, { from: ")
          .append(400_000 + random.nextInt(900_000)).append(", rate: 0.033 } ] }\n");
    }
    if (random.nextBoolean()) {
      yaml.append("  upfront: { MSSP: 0.0").append(1 + random.nextInt(9)).append(" }\n");
    }
    if (random.nextBoolean()) {
      yaml.append("  rep_rewards: { points_per_1000: ").append(1 + random.nextInt(15))
          .append(", point_value: 0.").append(10 + random.nextInt(90))
          .append(", requires_rebate_enrollment: ").append(random.nextBoolean()).append(" }\n");
    }
    switch (random.nextInt(3)) {
      case 0 -> yaml.append("  calendar: vendor\n");
      case 1 -> yaml.append("  calendar: partner\n");
      default -> yaml.append("  calendar: mutual\n  mutual_year_start: ")
          .append(String.format("%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)))
          .append('\n');
    }
    int competitions = random.nextInt(3);
    if (competitions > 0) {
      yaml.append("competitions:\n");
    }
    List<String> metrics = List.of("partner_deals", "partner_revenue", "won_revenue",
        "implementations");
    for (int i = 0; i < competitions; i++) {
      LocalDate from = START.plusDays(random.nextInt(700));
      yaml.append("  - { name: C").append(i).append(", from: ").append(from).append(", to: ")
          .append(from.plusDays(random.nextInt(200))).append(", metric: ")
          .append(metrics.get(random.nextInt(metrics.size()))).append(", prizes: [");
      int prizes = 1 + random.nextInt(4);
      for (int p = 0; p < prizes; p++) {
        yaml.append(p == 0 ? "" : ", ").append(random.nextInt(5000)).append('.')
            .append(String.format("%02d", random.nextInt(100)));
      }
      yaml.append("] }\n");
    }
  }

  @Test
  void everyEarningReconcilesAndEveryTotalIsASumOfLines() {
    qt().withFixedSeed(20261124L).withExamples(200).forAll(longs().all())
        .checkAssert(seed -> check(draw(seed)));
  }

  @Test
  void theGeneratedCasesExerciseEveryPartnerProgram() {
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (long seed = 0; seed < 200; seed++) {
      Case c = draw(seed);
      Engine engine = new Engine(c.data(), c.asOf());
      for (LedgerLine line : engine.ledger(c.plan()).lines()) {
        seen.add(line.component().code() + ":" + line.status().code());
        if (line.trace() != null && line.trace().contains("paid as the customer pays")) {
          seen.add("payment");
        }
        if (line.status() == Status.RELEASED && line.amount().signum() < 0) {
          seen.add("refund");
        }
      }
      for (Competitions.Standing standing : Competitions.of(c.plan(), engine)) {
        if (standing.tied() > 1 && standing.prize().signum() > 0) {
          seen.add("tie");
        }
      }
      PartnerTiers tiers = PartnerTiers.of(c.plan(), engine);
      for (Deal deal : engine.wonDeals()) {
        PartnerTiers.Standing tier = deal.partner() == null ? null
            : tiers.standing(c.data().partners().get(deal.partner()), deal.closeDate());
        if (tier != null && tier.level() != null) {
          seen.add("tier:" + c.plan().partners().tiers().basis().code());
        }
      }
    }
    assertThat(seen).contains("commission:released", "commission:held", "refund", "payment",
        "draw:paid", "draw_recovery:paid", "draw_recovery:forgiven",
        "guarantee:paid", "partner_commission:paid", "upfront_discount:paid",
        "rewards:paid", "rebate:paid", "rebate:held", "prize:paid", "prize:held", "tie",
        "tier:volume", "tier:certifications");
  }

  private static void check(Case c) {
    Engine engine = new Engine(c.data(), c.asOf());
    Ledger ledger = engine.ledger(c.plan());
    PlanTotals totals = new PlanTotals(c.plan().name(), engine.wonRevenue(c.plan()));
    engine.evaluate(c.plan(), totals, false);

    // 1. summary totals are sums of ledger lines, with or without traces
    for (Status status : Status.values()) {
      assertThat(totals.status(status)).isEqualByComparingTo(ledger.sum(l -> l.status() == status));
    }
    assertThat(totals.totalCost()).isEqualByComparingTo(ledger.sum(l -> l.status().countsAsCost()));
    assertThat(totals.repCost()).isEqualByComparingTo(
        ledger.sum(l -> l.status().countsAsCost() && l.payeeKind() == PayeeKind.REP));
    assertThat(totals.repCosts().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(totals.repCost());
    assertThat(totals.lines()).isEqualTo(ledger.lines().size());

    // 2. per payee and deal, the commission splits: held = round(share × earned), and a
    //    clawback reverses exactly what had been paid out
    Map<String, List<LedgerLine>> byPayeeDeal = new LinkedHashMap<>();
    for (LedgerLine line : ledger.lines()) {
      if (line.component() == Component.COMMISSION) {
        byPayeeDeal.computeIfAbsent(line.payee() + "|" + line.dealId(), k -> new ArrayList<>())
            .add(line);
      }
    }
    for (List<LedgerLine> group : byPayeeDeal.values()) {
      Rules rules = c.plan().rulesFor(c.data().rep(group.get(0).payee()).role());
      BigDecimal earned = sum(group, l -> l.status().partOfEarned());
      BigDecimal held = sum(group, l -> l.status().partOfEarned() && l.status() != Status.PAID);
      BigDecimal share = rules.holdback().share();
      BigDecimal expectedHeld = earned.signum() > 0 ? Money.round(earned.multiply(share))
          : Money.ZERO;
      assertThat(held).as("held part of %s", group).isEqualByComparingTo(expectedHeld);
      if (rules.holdback().onPayment()) {
        paymentRelease(c, group, expectedHeld);
      }
      BigDecimal clawed = sum(group, l -> l.status() == Status.CLAWED_BACK);
      BigDecimal paidBefore = sum(group, l -> l.status() == Status.PAID)
          .add(sum(group, l -> l.status() == Status.RELEASED && clawed.signum() != 0
              && !l.payDate().isAfter(group.get(group.size() - 1).payDate())));
      if (clawed.signum() != 0) {
        assertThat(clawed.negate()).isEqualByComparingTo(paidBefore);
      }
    }

    // 3. per payee and period, the deals' commissions add up to what the tiers pay on the
    //    period's total credit, within half a cent per line (each line is rounded once)
    Map<String, BigDecimal> credit = referenceCredit(c, engine);
    Map<String, BigDecimal> earnedByPeriod = new HashMap<>();
    Map<String, Integer> linesByPeriod = new HashMap<>();
    for (List<LedgerLine> group : byPayeeDeal.values()) {
      String key = group.get(0).payee() + "|" + group.get(0).period();
      earnedByPeriod.merge(key, sum(group, l -> l.status().partOfEarned()), BigDecimal::add);
      linesByPeriod.merge(key, 1, Integer::sum);
    }
    assertThat(earnedByPeriod.keySet()).isEqualTo(credit.keySet());
    for (Map.Entry<String, BigDecimal> entry : credit.entrySet()) {
      Rep rep = c.data().rep(entry.getKey().split("\\|")[0]);
      BigDecimal expected = tiers(c.plan().rulesFor(rep.role()), rep, c.plan(), entry.getValue());
      // half a cent per rounded line, plus the reference's own division of the quota at 20 digits
      BigDecimal tolerance = new BigDecimal("0.005")
          .multiply(BigDecimal.valueOf(linesByPeriod.get(entry.getKey())))
          .add(new BigDecimal("1e-12"));
      assertThat(earnedByPeriod.get(entry.getKey()).subtract(expected).abs())
          .as("commission of %s on credit %s", entry.getKey(), entry.getValue())
          .isLessThanOrEqualTo(tolerance);
    }

    partnerPrograms(c, engine, ledger);
    draws(c, engine, ledger, totals);
  }

  /**
   * Draws: a top-up brings the period's commission exactly to the draw amount; a recovery takes
   * no more than the commission above the amount, nor more than the balance; a balance is
   * forgiven only at a fiscal year's end, without carry, and then nothing is left; so each rep's
   * draw and recovery lines add up to a balance never below zero, and the advance of the totals
   * is their sum.
   */
  private static void draws(Case c, Engine engine, Ledger ledger, PlanTotals totals) {
    assertThat(totals.advance()).isEqualByComparingTo(ledger.sum(
        l -> l.component() == Component.DRAW || l.component() == Component.DRAW_RECOVERY));
    Map<String, BigDecimal> earned = new HashMap<>();
    for (LedgerLine line : ledger.lines()) {
      if (line.component() == Component.COMMISSION && line.status().partOfEarned()) {
        earned.merge(line.payee() + "|" + line.period(), line.amount(), BigDecimal::add);
      }
    }
    Map<String, BigDecimal> balance = new HashMap<>();
    for (LedgerLine line : ledger.lines()) {
      Component component = line.component();
      if (component != Component.DRAW && component != Component.DRAW_RECOVERY
          && component != Component.GUARANTEE) {
        continue;
      }
      dev.compsim.model.Draw draw = c.plan().rulesFor(c.data().rep(line.payee()).role()).draw();
      assertThat(draw).isNotNull();
      BigDecimal amount = Money.round(draw.amount());
      BigDecimal commission = earned.getOrDefault(line.payee() + "|" + line.period(), Money.ZERO);
      BigDecimal before = balance.getOrDefault(line.payee(), Money.ZERO);
      FiscalPeriod period = c.plan().calendar().periodOf(
          line.payDate() != null ? line.payDate() : periodEnd(c, line.period()));
      assertThat(period.label()).isEqualTo(line.period());
      assertThat(period.end()).as("settled at a period's end, as of %s", c.asOf())
          .isBeforeOrEqualTo(c.asOf());
      if (line.status() == Status.FORGIVEN) {
        assertThat(component).isEqualTo(Component.DRAW_RECOVERY);
        assertThat(draw.carry()).isFalse();
        assertThat(c.plan().calendar().yearStartOf(period.end().plusDays(1)))
            .isEqualTo(period.end().plusDays(1));
        assertThat(line.amount().negate()).isEqualByComparingTo(before);
      } else {
        assertThat(line.status()).isEqualTo(Status.PAID);
        assertThat(line.payDate()).isEqualTo(period.end());
        if (component == Component.DRAW_RECOVERY) {
          assertThat(line.amount().signum()).isNegative();
          assertThat(line.amount().negate()).isLessThanOrEqualTo(before)
              .isLessThanOrEqualTo(commission.subtract(amount));
        } else {
          assertThat(component == Component.DRAW).isEqualTo(draw.recoverable());
          assertThat(line.amount().add(commission)).isEqualByComparingTo(amount);
        }
      }
      if (component != Component.GUARANTEE) {
        BigDecimal after = before.add(line.amount());
        assertThat(after.signum()).isNotNegative();
        balance.put(line.payee(), after);
      }
    }
    // what the lines leave is each rep's advance: together, the advance of the totals
    assertThat(balance.values().stream().reduce(Money.ZERO, BigDecimal::add))
        .isEqualByComparingTo(totals.advance());
  }

  /** The last day of the period labelled {@code label} in the case's span of dates. */
  private static LocalDate periodEnd(Case c, String label) {
    for (LocalDate day = START.minusYears(1); day.isBefore(START.plusYears(4));
        day = day.plusDays(1)) {
      FiscalPeriod period = c.plan().calendar().periodOf(day);
      if (period.label().equals(label)) {
        return period.end();
      }
      day = period.end();
    }
    throw new AssertionError("no period " + label);
  }

  /**
   * Partner programs, the plain way: each per-deal partner line is its rate times the amount,
   * rounded once; the rebate volumes of a partner add up to its won resell volume and each rebate
   * is the rate reached times all of its year's volume; the prize lines of a competition add up
   * exactly to the prizes of the ranks its reps occupy, tied reps a cent apart at most.
   */
  private static void partnerPrograms(Case c, Engine engine, Ledger ledger) {
    PartnerProgram program = c.plan().partners();
    for (LedgerLine line : ledger.lines()) {
      if (line.component() != Component.COMMISSION && line.component() != Component.SPIFF
          && line.component() != Component.DRAW_RECOVERY) {
        assertThat(line.status()).as("%s", line).isIn(Status.PAID, Status.HELD);
      }
    }
    Map<String, BigDecimal> resellVolume = new HashMap<>();
    for (Deal deal : engine.wonDeals()) {
      List<LedgerLine> lines = ledger.select(l -> deal.id().equals(l.dealId()));
      Partner partner = deal.partner() == null ? null : c.data().partners().get(deal.partner());
      BigDecimal commission = sum(lines, l -> l.component() == Component.PARTNER_COMMISSION);
      BigDecimal upfront = sum(lines, l -> l.component() == Component.UPFRONT_DISCOUNT);
      BigDecimal rewards = sum(lines, l -> l.component() == Component.REWARDS);
      BigDecimal expectedCommission = Money.ZERO;
      BigDecimal expectedUpfront = Money.ZERO;
      BigDecimal expectedRewards = Money.ZERO;
      if (partner != null && deal.throughPartner()) {
        if (program.selfSufficiency() != null) {
          expectedCommission = Money.round(deal.amount().multiply(
              partner.independent() ? program.selfSufficiency().independent()
                  : program.selfSufficiency().assisted()));
        }
        if (deal.partnerRole() == PartnerRole.RESELL && program.upfront().containsKey(partner.type())) {
          expectedUpfront = Money.round(deal.amount().multiply(program.upfront().get(partner.type())));
        }
        if (program.repRewards() != null && deal.partnerRep() != null
            && (partner.rebateEnrolled() || !program.repRewards().requiresRebateEnrollment())) {
          expectedRewards = Money.round(deal.amount().multiply(program.repRewards().pointsPer1000())
              .multiply(program.repRewards().pointValue()).divide(BigDecimal.valueOf(1000)));
        }
        if (deal.partnerRole() == PartnerRole.RESELL && partner.rebateEnrolled()
            && program.rebates().stream().anyMatch(r -> r.types().contains(partner.type()))) {
          resellVolume.merge(partner.id(), deal.amount(), BigDecimal::add);
        }
      }
      assertThat(commission).as("partner commission on %s", deal.id())
          .isEqualByComparingTo(expectedCommission);
      assertThat(upfront).as("upfront discount on %s", deal.id())
          .isEqualByComparingTo(expectedUpfront);
      assertThat(rewards).as("rewards on %s", deal.id()).isEqualByComparingTo(expectedRewards);
    }

    List<Rebates.RebateYear> rebates = Rebates.of(c.plan(), engine);
    Map<String, BigDecimal> rebateVolume = new HashMap<>();
    for (Rebates.RebateYear year : rebates) {
      rebateVolume.merge(year.partner(), year.volume(), BigDecimal::add);
      BigDecimal rate = BigDecimal.ZERO;
      for (PartnerProgram.RebateTier tier : Rebates.rebateFor(c.plan(),
          c.data().partners().get(year.partner())).tiers()) {
        if (tier.from().compareTo(year.volume()) <= 0) {
          rate = tier.rate();
        }
      }
      assertThat(year.amount()).isEqualByComparingTo(Money.round(year.volume().multiply(rate)));
      assertThat(year.ended()).isEqualTo(!year.year().end().isAfter(c.asOf()));
    }
    assertThat(rebateVolume).hasSameSizeAs(resellVolume);
    resellVolume.forEach((partner, volume) ->
        assertThat(rebateVolume.get(partner)).isEqualByComparingTo(volume));
    assertThat(ledger.sum(l -> l.component() == Component.REBATE)).isEqualByComparingTo(
        rebates.stream().map(Rebates.RebateYear::amount).reduce(Money.ZERO, BigDecimal::add));

    List<Competitions.Standing> standings = Competitions.of(c.plan(), engine);
    for (dev.compsim.model.Competition competition : c.plan().competitions()) {
      List<Competitions.Standing> ranked = standings.stream()
          .filter(s -> s.competition().equals(competition)).toList();
      BigDecimal pool = Money.ZERO;
      for (int r = 0; r < Math.min(ranked.size(), competition.prizes().size()); r++) {
        pool = pool.add(competition.prizes().get(r));
      }
      BigDecimal paid = ledger.sum(l -> l.component() == Component.PRIZE
          && l.trace().startsWith(competition.name() + " ("));
      assertThat(paid).as("prizes of %s", competition.name()).isEqualByComparingTo(pool);
      for (Competitions.Standing a : ranked) {
        for (Competitions.Standing b : ranked) {
          if (a.rank() == b.rank()) {
            assertThat(a.prize().subtract(b.prize()).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.01"));
          }
        }
      }
    }
  }

  /**
   * Pay when paid, the plain way: what has been released as of as-of is the held part times the
   * share of the invoice the customer paid by then (within [0, 1]), rounded once; every release
   * is dated a payment (or the close, when paid before it), never after as-of; the rest is held.
   */
  private static void paymentRelease(Case c, List<LedgerLine> group, BigDecimal held) {
    String dealId = group.get(0).dealId();
    Deal deal = c.data().deals().stream().filter(d -> d.id().equals(dealId)).findFirst()
        .orElseThrow();
    BigDecimal paid = BigDecimal.ZERO;
    java.util.Set<LocalDate> dates = new java.util.HashSet<>();
    for (dev.compsim.model.Payment payment : c.data().payments().forDeal(dealId)) {
      if (!payment.date().isAfter(c.asOf())) {
        paid = paid.add(payment.amount());
        dates.add(payment.date().isBefore(deal.closeDate()) ? deal.closeDate() : payment.date());
      }
    }
    BigDecimal bounded = paid.max(BigDecimal.ZERO).min(deal.amount());
    BigDecimal released = deal.amount().signum() == 0 ? Money.ZERO
        : Money.round(held.multiply(bounded).divide(deal.amount(), 30, RoundingMode.HALF_EVEN));
    assertThat(sum(group, l -> l.status() == Status.RELEASED)).as("released of %s", group)
        .isEqualByComparingTo(released);
    assertThat(sum(group, l -> l.status() == Status.HELD)).as("held of %s", group)
        .isEqualByComparingTo(held.subtract(released));
    for (LedgerLine line : group) {
      if (line.status() == Status.RELEASED) {
        assertThat(dates).as("%s", line).contains(line.payDate());
        assertThat(line.payDate()).isBeforeOrEqualTo(c.asOf());
      }
      assertThat(line.status()).isIn(Status.PAID, Status.RELEASED, Status.HELD);
    }
  }

  /** Credit per payee and period, computed the plain way from the design's rules. */
  private static Map<String, BigDecimal> referenceCredit(Case c, Engine engine) {
    Map<String, BigDecimal> credit = new HashMap<>();
    PartnerTiers tiers = PartnerTiers.of(c.plan(), engine);
    for (Deal deal : engine.wonDeals()) {
      FiscalPeriod period = c.plan().calendar().periodOf(deal.closeDate());
      Rules owner = c.plan().rulesFor(c.data().rep(deal.owner()).role());
      int n = deal.assists().size();
      boolean split = owner.credit().team() == dev.compsim.model.TeamMode.SPLIT && n > 0;
      BigDecimal assistShare = split ? owner.credit().assistShare() : BigDecimal.ONE;
      BigDecimal ownerShare = split
          ? BigDecimal.ONE.subtract(assistShare.multiply(BigDecimal.valueOf(n)))
          : BigDecimal.ONE;
      List<String> payees = new ArrayList<>(deal.assists());
      payees.add(0, deal.owner());
      // the channel manager's overlay: whole credit, on a deal through the partner, unless the
      // manager is already credited as owner or assist
      String manager = deal.partner() == null ? null
          : c.data().partners().get(deal.partner()).manager();
      boolean overlay = owner.credit().channelManager() && manager != null
          && deal.partnerRole() != PartnerRole.INFLUENCE && !payees.contains(manager);
      if (overlay) {
        payees.add(manager);
      }
      for (int i = 0; i < payees.size(); i++) {
        Rules rules = c.plan().rulesFor(c.data().rep(payees.get(i)).role());
        BigDecimal amount = deal.amount();
        BigDecimal basis = amount;
        if (deal.partnerRole() == PartnerRole.RESELL) {
          Partner partner = c.data().partners().get(deal.partner());
          PartnerTiers.Standing tier = tiers.standing(partner, deal.closeDate());
          BigDecimal margin = c.plan().partners().margin().get(partner.type())
              .add(deal.registered() ? c.plan().partners().registrationBonus() : BigDecimal.ZERO)
              .add(tier == null ? BigDecimal.ZERO : tier.extraMargin());
          BigDecimal net = amount.multiply(BigDecimal.ONE.subtract(margin));
          basis = switch (rules.credit().partnerBasis()) {
            case LIST -> amount;
            case NET -> net;
            case MIDPOINT -> amount.add(net).divide(BigDecimal.valueOf(2));
          };
        }
        if (deal.throughPartner()) {
          basis = basis.multiply(rules.credit().partnerMultiplier());
        }
        if (deal.partnerSourced()) {
          basis = basis.multiply(rules.credit().partnerSourced());
        }
        boolean isManager = overlay && i == payees.size() - 1;
        basis = basis.multiply(i == 0 ? ownerShare : isManager ? BigDecimal.ONE : assistShare);
        credit.merge(payees.get(i) + "|" + period.label(), basis, BigDecimal::add);
      }
    }
    return credit;
  }

  /** What the tiers pay on a period's total credit, the plain way. */
  private static BigDecimal tiers(Rules rules, Rep rep, Plan plan, BigDecimal credit) {
    BigDecimal quota = rep.quota().divide(BigDecimal.valueOf(plan.calendar().length().perYear()),
        20, RoundingMode.HALF_EVEN);
    var commission = rules.commission();
    BigDecimal capped = commission.cap() == null ? credit
        : credit.min(commission.cap().multiply(quota));
    List<Tier> tiers = commission.tiers();
    if (commission.retroactive()) {
      Tier reached = tiers.get(tiers.size() - 1);
      for (Tier tier : tiers) {
        if (tier.to() != null && capped.compareTo(tier.to().multiply(quota)) <= 0) {
          reached = tier;
          break;
        }
      }
      return capped.multiply(reached.rate());
    }
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal lower = BigDecimal.ZERO;
    for (Tier tier : tiers) {
      BigDecimal upper = tier.to() == null ? capped : tier.to().multiply(quota).min(capped);
      if (upper.compareTo(lower) > 0) {
        total = total.add(upper.subtract(lower).multiply(tier.rate()));
      }
      if (tier.to() != null) {
        lower = lower.max(tier.to().multiply(quota));
      }
    }
    return total;
  }

  private static BigDecimal sum(List<LedgerLine> lines, java.util.function.Predicate<LedgerLine> p) {
    BigDecimal total = Money.ZERO;
    for (LedgerLine line : lines) {
      if (p.test(line)) {
        total = total.add(line.amount());
      }
    }
    return total;
  }
}
