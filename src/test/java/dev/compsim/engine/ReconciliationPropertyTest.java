package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Implementation;
import dev.compsim.model.Money;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random plans and data sets: each earning splits exactly into paid, released, held and
 * forfeited; a clawback reverses exactly what was paid; commissions add up to what the tiers pay
 * on the period's total credit; and every total of the summary is the sum of its ledger lines.
 */
class ReconciliationPropertyTest {
  private static final LocalDate START = LocalDate.of(2025, 2, 1);

  /** A random plan and data set drawn from one seed. */
  record Case(Plan plan, DataSet data, LocalDate asOf) {}

  static Case draw(long seed) {
    Random random = new Random(seed);
    StringBuilder yaml = new StringBuilder("name: P").append(seed).append('\n')
        .append("fiscal_year_start: 0").append(1 + random.nextInt(9)).append("-01\n")
        .append("period: ").append(List.of("month", "quarter", "year").get(random.nextInt(3)))
        .append('\n')
        .append("credit: { partner_basis: ")
        .append(List.of("list", "net", "midpoint").get(random.nextInt(3)))
        .append(", partner_multiplier: ").append(List.of("1", "1.2", "0.9").get(random.nextInt(3)))
        .append(", partner_sourced: ").append(List.of("1", "0.5").get(random.nextInt(2)))
        .append(", team: ").append(random.nextBoolean() ? "full" : "split")
        .append(", assist_share: 0.2 }\n")
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
        .append("partners: { margin: { VAR: 0.25, MSSP: 0.3 }, registration_bonus: 0.05, ")
        .append("referral_fee: 0.1 }\n");
    Plan plan = TestData.plan(yaml.toString());

    TestData data = TestData.data();
    int reps = 1 + random.nextInt(4);
    for (int r = 0; r < reps; r++) {
      data.rep("R" + r, "AE", 100_000L * (1 + random.nextInt(20)));
    }
    data.partner("V", "VAR", null).partner("M", "MSSP", null);
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
          null, assists, implementation, implemented, null, null, null));
    }
    for (int a = 0; a < random.nextInt(10); a++) {
      data.activity("R" + random.nextInt(reps), START.plusDays(random.nextInt(700)).toString(),
          "meeting", random.nextInt(9));
    }
    return new Case(plan, data.build(), START.plusDays(200 + random.nextInt(800)));
  }

  @Test
  void everyEarningReconcilesAndEveryTotalIsASumOfLines() {
    qt().withFixedSeed(20261124L).withExamples(200).forAll(longs().all())
        .checkAssert(seed -> check(draw(seed)));
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
  }

  /** Credit per payee and period, computed the plain way from the design's rules. */
  private static Map<String, BigDecimal> referenceCredit(Case c, Engine engine) {
    Map<String, BigDecimal> credit = new HashMap<>();
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
      for (int i = 0; i < payees.size(); i++) {
        Rules rules = c.plan().rulesFor(c.data().rep(payees.get(i)).role());
        BigDecimal amount = deal.amount();
        BigDecimal basis = amount;
        if (deal.partnerRole() == PartnerRole.RESELL) {
          Partner partner = c.data().partners().get(deal.partner());
          BigDecimal margin = c.plan().partners().margin().get(partner.type())
              .add(deal.registered() ? c.plan().partners().registrationBonus() : BigDecimal.ZERO);
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
        basis = basis.multiply(i == 0 ? ownerShare : assistShare);
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
