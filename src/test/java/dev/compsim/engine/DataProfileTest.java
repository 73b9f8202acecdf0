package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The profiled plan check lists exactly the problems, in the same order, as the plain check deal
 * by deal: on random data full of what the check looks for (zero quotas, channel managers,
 * assists beyond the whole credit, currencies without a rate, partner types without a margin,
 * referrals without a fee, roles differing by case).
 */
class DataProfileTest {
  private static final List<String> REPS = List.of("R0", "R1", "R2", "R3", "R4", "R5");

  @Test
  void profiledCheckEqualsTheDealByDealCheck() {
    int withProblems = 0;
    for (long seed = 1; seed <= 150; seed++) {
      Random random = new Random(seed);
      DataSet data = data(random);
      DataProfile profile = DataProfile.of(data);
      for (int p = 0; p < 4; p++) {
        Plan plan = plan(random, seed * 10 + p);
        List<Problem> plain = Consistency.checkEachDeal(plan, data);
        assertThat(Consistency.check(plan, profile)).as("seed %d plan %d", seed, p)
            .isEqualTo(plain);
        assertThat(Consistency.check(plan, data)).isEqualTo(plain);
        withProblems += plain.isEmpty() ? 0 : 1;
      }
    }
    assertThat(withProblems).as("cases with problems").isGreaterThan(300);
  }

  @Test
  void assistOverflowsComeInDealOrderAcrossOwnerRoles() {
    DataSet data = TestData.data().rep("A", "AE", 1000).rep("S", "SE", 1000).rep("B", "AE", 0)
        .assisted("D1", "A", "2025-03-01", 100, "S", "B", "S")
        .assisted("D2", "S", "2025-03-02", 100, "A", "B")
        .assisted("D3", "A", "2025-03-03", 100, "S", "B")
        .assisted("D4", "S", "2025-03-04", 100, "A", "B", "A")
        .build();
    Plan plan = TestData.plan(TestData.basePlan("Split", """
        credit: { team: split, assist_share: 0.4 }
        roles:
          SE: { credit: { team: split, assist_share: 0.6 } }
        """));
    List<Problem> problems = Consistency.check(plan, DataProfile.of(data));
    // D1: 3 × 0.4 = 1.2 > 1; D2: 2 × 0.6 = 1.2; D3: 2 × 0.4 = 0.8 fits; D4: 3 × 0.6 = 1.8
    assertThat(problems).extracting(Problem::id).containsExactly("D1", "D2", "D4", "B");
    assertThat(problems).isEqualTo(Consistency.checkEachDeal(plan, data));
  }

  private static DataSet data(Random random) {
    TestData data = TestData.data();
    List<String> roles = List.of("AE", "SE", "CM", "se");
    for (String rep : REPS) {
      data.rep(rep, roles.get(random.nextInt(roles.size())), random.nextInt(3) == 0 ? 0 : 90_000);
    }
    // a channel manager with quota 0 who neither owns nor assists: credited only by overlay
    data.rep("M0", "CM", 0);
    List<String> types = List.of("VAR", "MSSP", "SI", "DIST");
    for (int i = 0; i < 4; i++) {
      String manager = random.nextBoolean() ? null
          : random.nextInt(3) == 0 ? "M0" : REPS.get(random.nextInt(REPS.size()));
      data.partner(new Partner("P" + i, "P" + i, types.get(random.nextInt(types.size())), null, 0,
          false, false, null, manager));
    }
    if (random.nextBoolean()) {
      data.fx("EUR", "1.1");
    }
    if (random.nextInt(4) == 0) {
      data.fx("USD", random.nextBoolean() ? "1" : "0.9");
    }
    data.activity("R0", "2025-03-01", random.nextBoolean() ? "meeting" : "demo", 2);
    List<String> currencies = new ArrayList<>(List.of("USD", "EUR", "GBP", "usd", "eur"));
    currencies.add(null);
    int deals = 5 + random.nextInt(60);
    for (int i = 0; i < deals; i++) {
      String owner = random.nextInt(40) == 0 ? "X" : REPS.get(random.nextInt(REPS.size()));
      List<String> assists = new ArrayList<>();
      // half without assists: an owner's deals repeat their owner and assists with other
      // partners, roles and discounts, which the profile must not take for the same deal
      for (int a = random.nextBoolean() ? 0 : random.nextInt(4); a > 0; a--) {
        assists.add(REPS.get(random.nextInt(REPS.size())));
      }
      String partner = random.nextInt(3) == 0 ? null
          : random.nextInt(30) == 0 ? "Q" : "P" + random.nextInt(4);
      PartnerRole role = partner == null ? null
          : PartnerRole.values()[random.nextInt(PartnerRole.values().length)];
      BigDecimal discount = partner != null && random.nextBoolean() ? new BigDecimal("0.2") : null;
      Stage stage = random.nextInt(5) == 0 ? Stage.LOST : Stage.WON;
      data.deal(new Deal("D" + i, owner, LocalDate.of(2025, 2, 1).plusDays(random.nextInt(300)),
          BigDecimal.valueOf(1000 + random.nextInt(9000)), stage,
          currencies.get(random.nextInt(currencies.size())), partner, role, false, false,
          discount, null, assists, Implementation.PENDING, null, null, null, null));
    }
    return data.build();
  }

  private static Plan plan(Random random, long seed) {
    StringBuilder yaml = new StringBuilder("name: P").append(seed).append('\n')
        .append("currency: ").append(random.nextBoolean() ? "USD" : "EUR").append('\n')
        .append("fiscal_year_start: 02-01\nperiod: quarter\n")
        .append("credit: { team: ").append(random.nextBoolean() ? "split" : "full")
        .append(", assist_share: ").append(List.of("0.2", "0.3", "0.5").get(random.nextInt(3)))
        .append(", channel_manager: ").append(random.nextBoolean()).append(" }\n")
        .append("commission:\n  tiers:\n");
    if (random.nextBoolean()) {
      yaml.append("    - { to: 1.0, rate: 0.05 }\n");
    }
    yaml.append("    - { rate: 0.08 }\n");
    if (random.nextInt(4) == 0) {
      yaml.append("  cap: 2\n");
    }
    yaml.append("roles:\n");
    for (String role : List.of("SE", "CM")) {
      yaml.append("  ").append(role).append(": { credit: { team: ")
          .append(random.nextBoolean() ? "split" : "full").append(", assist_share: ")
          .append(List.of("0.25", "0.4").get(random.nextInt(2))).append(", channel_manager: ")
          .append(random.nextBoolean()).append(" }");
      if (random.nextBoolean()) {
        yaml.append(", commission: { tiers: [ { to: 1.0, rate: 0.03 }, { rate: 0.05 } ] }");
      } else {
        yaml.append(", commission: { tiers: [ { rate: 0.03 } ] }");
      }
      yaml.append(" }\n");
    }
    yaml.append("spiffs:\n  - { name: m, kind: activity, activity: meeting, amount: 40 }\n")
        .append("partners:\n  margin: {");
    List<String> margins = new ArrayList<>();
    for (String type : List.of("VAR", "MSSP", "SI")) {
      if (random.nextInt(3) > 0) {
        margins.add(" " + type + ": 0.2");
      }
    }
    yaml.append(String.join(",", margins)).append(" }\n");
    if (random.nextBoolean()) {
      yaml.append("  referral_fee: 0.1\n");
    }
    return TestData.plan(yaml.toString());
  }
}
