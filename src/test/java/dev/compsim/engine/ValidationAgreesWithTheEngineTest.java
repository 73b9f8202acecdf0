package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import dev.compsim.testing.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Validation refuses exactly what the engine cannot price: over random plans and data full of
 * what the checks look for (zero quotas, channel managers on resale, referral and influence
 * deals, managers who own or assist, partner types without a margin, referrals without a fee,
 * split shares beyond the whole credit, currencies without a rate), whatever validates runs, and
 * whatever runs validates.
 *
 * <p>"Runs" means the engine writes the ledger without an error and without measuring attainment
 * against a quota of 0: a rep with quota 0 whom the ledger pays a commission under tiers or a cap
 * (the engine computes one, but only by treating every credit as beyond every bound, which
 * validation refuses as a guess). That condition is read off the ledger itself, not off the
 * recipient rule validation asks.
 */
class ValidationAgreesWithTheEngineTest {
  private static final LocalDate START = LocalDate.of(2025, 2, 1);
  private static final List<String> REPS = List.of("R0", "R1", "R2", "R3");

  record Case(Plan plan, DataSet data) {}

  static Case draw(long seed) {
    Random random = new Random(seed);
    boolean split = random.nextBoolean();
    StringBuilder yaml = new StringBuilder("name: V").append(seed).append('\n')
        .append("fiscal_year_start: 02-01\nperiod: quarter\n")
        .append("credit: { partner_basis: ").append(random.nextBoolean() ? "net" : "list")
        .append(", team: ").append(split ? "split" : "full")
        .append(", assist_share: ").append(List.of("0.2", "0.4", "0.6").get(random.nextInt(3)))
        .append(", channel_manager: ").append(random.nextBoolean()).append(" }\n");
    boolean attainment = random.nextInt(4) > 0;
    yaml.append(attainment && random.nextBoolean()
        ? "commission: { tiers: [ { to: 1.0, rate: 0.05 }, { rate: 0.1 } ] }\n"
        : attainment ? "commission: { tiers: [ { rate: 0.06 } ], cap: 2.0 }\n"
            : "commission: { tiers: [ { rate: 0.07 } ] }\n");
    if (random.nextBoolean()) {
      // channel managers on their own rules: overlay or not, attainment or not
      yaml.append("roles:\n  CM: { credit: { channel_manager: ").append(random.nextBoolean())
          .append(" }, commission: { tiers: [ ")
          .append(random.nextBoolean() ? "{ to: 1.0, rate: 0.01 }, { rate: 0.02 }" : "{ rate: 0.01 }")
          .append(" ] } }\n");
    }
    yaml.append("partners: { margin: { VAR: 0.25").append(random.nextBoolean() ? ", SI: 0.15" : "")
        .append(" }").append(random.nextBoolean() ? ", referral_fee: 0.1" : "").append(" }\n");
    Plan plan = TestData.plan(yaml.toString());

    TestData data = TestData.data();
    for (String rep : REPS) {
      data.rep(rep, "AE", random.nextInt(12) == 0 ? 0 : 400_000);
    }
    data.rep("CM", "CM", random.nextBoolean() ? 0 : 300_000);
    List<String> everyone = new ArrayList<>(REPS);
    everyone.add("CM");
    String[][] partners = {{"V", "VAR"}, {"S", "SI"}};
    for (String[] partner : partners) {
      String manager = random.nextInt(3) == 0 ? null
          : random.nextBoolean() ? "CM" : everyone.get(random.nextInt(everyone.size()));
      data.partner(new Partner(partner[0], partner[0], partner[1], null, 0, false, false, null,
          manager));
    }
    if (random.nextBoolean()) {
      data.fx("EUR", "1.1");
    }
    int deals = 1 + random.nextInt(6);
    for (int d = 0; d < deals; d++) {
      // the channel manager now and then owns or assists a deal too
      String owner = random.nextInt(10) == 0 ? "CM" : REPS.get(random.nextInt(REPS.size()));
      List<String> assists = new ArrayList<>();
      int wanted = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
      for (String rep : everyone) {
        if (assists.size() < wanted && !rep.equals(owner)
            && random.nextInt(rep.equals("CM") ? 8 : 3) == 0) {
          assists.add(rep);
        }
      }
      String partner = switch (random.nextInt(4)) {
        case 0 -> "V";
        case 1 -> "S";
        default -> null;
      };
      PartnerRole role = partner == null ? null
          : PartnerRole.values()[random.nextInt(PartnerRole.values().length)];
      BigDecimal discount = partner != null && random.nextInt(3) == 0
          ? new BigDecimal("0.3") : null;
      String currency = random.nextInt(5) == 0 ? "EUR" : null;
      Stage stage = random.nextInt(6) == 0 ? Stage.LOST : Stage.WON;
      data.deal(new Deal("D" + d, owner, START.plusDays(random.nextInt(500)),
          BigDecimal.valueOf(1_000 + random.nextInt(200_000)), stage, currency, partner, role,
          false, false, discount, null, assists, Implementation.PENDING, null, null, null,
          null));
    }
    return new Case(plan, data.build());
  }

  /** The problems of {@code compsim validate}: the data's own, then the plan's against it. */
  private static List<Problem> validate(Case c) {
    List<Problem> problems = new ArrayList<>(Consistency.check(c.data()));
    if (problems.isEmpty()) {
      problems.addAll(Consistency.check(c.plan(), DataProfile.of(c.data())));
    }
    return problems;
  }

  /** Why the engine cannot price the case, read off its run; null when it can. */
  private static String engineRefusal(Case c) {
    Ledger ledger;
    try {
      ledger = Engine.latest(c.data()).ledger(c.plan());
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
    for (LedgerLine line : ledger.select(l -> l.component() == Component.COMMISSION)) {
      Rep rep = c.data().rep(line.payee());
      if (rep.quota().signum() == 0
          && c.plan().rulesFor(rep.role()).commission().needsQuota()) {
        return "commission of " + rep.id() + " on attainment against quota 0";
      }
    }
    return null;
  }

  @Test
  void whateverValidatesRunsAndWhateverRunsValidates() {
    Map<String, Integer> seen = new TreeMap<>();
    qt().withFixedSeed(20261203L).withExamples(300).forAll(longs().all())
        .checkAssert(seed -> {
          Case c = draw(seed);
          List<Problem> problems = validate(c);
          String refusal = engineRefusal(c);
          assertThat(problems.isEmpty())
              .as("seed %d: validation %s, engine %s", seed, problems, refusal)
              .isEqualTo(refusal == null);
          seen.merge(problems.isEmpty() ? "validates" : kind(problems.get(0)), 1, Integer::sum);
        });
    // every kind of refusal came up, and so did valid cases
    assertThat(seen).containsKeys("validates", "quota", "margin", "referral_fee", "assists",
        "currency");
    assertThat(seen.get("validates")).isGreaterThan(100);
  }

  private static String kind(Problem problem) {
    String message = problem.message();
    return message.contains("quota 0") ? "quota"
        : message.contains("no margin") ? "margin"
        : message.contains("referral_fee") ? "referral_fee"
        : message.contains("assist_share") ? "assists"
        : message.contains("currency") ? "currency" : message;
  }
}
