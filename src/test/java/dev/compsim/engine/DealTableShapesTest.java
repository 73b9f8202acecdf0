package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The deal table numbers each deal's shapes from the codes of its fields ({@link
 * DealTable.Shapes}), while {@link DealTable.Team} and {@link DealTable.Terms} say what a shape
 * is. The two must agree: deals share a number exactly when their records are equal. Values come
 * from small pools, as new strings each time (equal, not the same), so that most pairs share
 * some fields; discounts differ in scale (0.2 and 0.20 are different terms), partners share
 * channel managers or have none, a partner seller may be blank.
 */
class DealTableShapesTest {

  @Test
  void dealsShareAShapeNumberExactlyWhenTheirShapesAreEqual() {
    Random random = new Random(20261204L);
    for (int round = 0; round < 30; round++) {
      Map<String, Rep> reps = new HashMap<>();
      for (int r = 0; r < 6; r++) {
        reps.put("R" + r, new Rep("R" + r, "Rep " + r, "AE", null, BigDecimal.valueOf(100_000),
            BigDecimal.valueOf(120_000)));
      }
      Map<String, Partner> partners = new HashMap<>();
      for (int p = 0; p < 5; p++) {
        String manager = random.nextInt(3) == 0 ? null : "R" + random.nextInt(3);
        partners.put("P" + p, new Partner("P" + p, "Partner " + p, "reseller", null, 0, false,
            false, null, manager));
      }
      List<Deal> deals = new ArrayList<>();
      int n = 200 + random.nextInt(2_000);
      for (int i = 0; i < n; i++) {
        String partner = random.nextInt(3) == 0 ? null : new String("P" + random.nextInt(6));
        PartnerRole role = partner == null || random.nextInt(4) == 0 ? null
            : PartnerRole.values()[random.nextInt(PartnerRole.values().length)];
        List<String> assists = random.nextInt(3) == 0
            ? List.of(new String("R" + random.nextInt(6))) : List.of();
        BigDecimal discount = partner == null || random.nextBoolean() ? null
            : new BigDecimal(random.nextBoolean() ? "0.2" : "0.20");
        String seller = partner == null ? null
            : new String[] {null, " ", "Pat", "Lee"}[random.nextInt(4)];
        deals.add(new Deal(String.format("D-%05d", i), new String("R" + random.nextInt(6)),
            LocalDate.of(2026, 1, 1).plusDays(random.nextInt(90)), BigDecimal.valueOf(1_000),
            Stage.WON, "USD", partner, role, partner != null && random.nextBoolean(),
            partner != null && random.nextBoolean(), discount, seller, assists,
            Implementation.PENDING, null, null, null, null));
      }
      DataSet data = new DataSet(deals, reps, partners, List.of(), Map.of());
      DealTable table = new Engine(data, LocalDate.of(2026, 6, 30)).table();
      DealColumns columns = DealColumns.of(data.deals());
      Map<DealTable.Team, Integer> teamNumber = new HashMap<>();
      Map<Integer, DealTable.Team> teamOf = new HashMap<>();
      Map<DealTable.Terms, Integer> termsNumber = new HashMap<>();
      Map<Integer, DealTable.Terms> termsOf = new HashMap<>();
      for (int i = 0; i < table.size(); i++) {
        int row = table.row(i);
        int number = table.team[i];
        DealTable.Team team = DealTable.Team.of(columns, row, partners);
        assertThat(teamNumber.computeIfAbsent(team, k -> number))
            .as("one number per team: %s", team).isEqualTo(table.team[i]);
        assertThat(teamOf.computeIfAbsent(table.team[i], k -> team))
            .as("one team per number").isEqualTo(team);
        int termsAt = table.terms[i];
        DealTable.Terms terms = DealTable.Terms.of(columns, row);
        assertThat(termsNumber.computeIfAbsent(terms, k -> termsAt))
            .as("one number per terms: %s", terms).isEqualTo(table.terms[i]);
        assertThat(termsOf.computeIfAbsent(table.terms[i], k -> terms))
            .as("one terms per number").isEqualTo(terms);
      }
      assertThat(teamNumber).hasSizeGreaterThan(5);
      assertThat(termsNumber).hasSizeGreaterThan(5);
    }
  }
}
