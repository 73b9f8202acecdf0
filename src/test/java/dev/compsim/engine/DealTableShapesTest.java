package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.PartnerRole;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deal table's shapes write out their equality and hash (for C1): two shapes are equal only
 * when every field is, scale of the discount included, and equal shapes hash alike. The drift
 * test cannot see a loose equality: shapes that differ hash apart, so a map seldom asks.
 */
class DealTableShapesTest {

  @Test
  void teamsAreEqualOnlyWhenEveryFieldIs() {
    DealTable.Team team = new DealTable.Team("R1", List.of("R2"), true, "R9");
    DealTable.Team same = new DealTable.Team(new String("R1"), List.of(new String("R2")), true,
        new String("R9"));
    assertThat(same).isEqualTo(team).hasSameHashCodeAs(team);
    for (DealTable.Team other : List.of(
        new DealTable.Team("R3", List.of("R2"), true, "R9"),
        new DealTable.Team("R1", List.of(), true, "R9"),
        new DealTable.Team("R1", List.of("R2", "R4"), true, "R9"),
        new DealTable.Team("R1", List.of("R2"), false, "R9"),
        new DealTable.Team("R1", List.of("R2"), true, "R8"),
        new DealTable.Team("R1", List.of("R2"), true, null))) {
      assertThat(other).as("%s", other).isNotEqualTo(team);
      assertThat(team).as("%s", other).isNotEqualTo(other);
    }
    DealTable.Team noManager = new DealTable.Team("R1", List.of(), false, null);
    assertThat(new DealTable.Team("R1", List.of(), false, null)).isEqualTo(noManager)
        .hasSameHashCodeAs(noManager);
  }

  @Test
  void termsAreEqualOnlyWhenEveryFieldIs() {
    DealTable.Terms terms = new DealTable.Terms("P1", PartnerRole.RESELL, true, true,
        new BigDecimal("0.20"), true);
    DealTable.Terms same = new DealTable.Terms(new String("P1"), PartnerRole.RESELL, true, true,
        new BigDecimal("0.20"), true);
    assertThat(same).isEqualTo(terms).hasSameHashCodeAs(terms);
    for (DealTable.Terms other : List.of(
        new DealTable.Terms("P2", PartnerRole.RESELL, true, true, new BigDecimal("0.20"), true),
        new DealTable.Terms("P1", PartnerRole.REFERRAL, true, true, new BigDecimal("0.20"), true),
        new DealTable.Terms("P1", PartnerRole.RESELL, false, true, new BigDecimal("0.20"), true),
        new DealTable.Terms("P1", PartnerRole.RESELL, true, false, new BigDecimal("0.20"), true),
        new DealTable.Terms("P1", PartnerRole.RESELL, true, true, new BigDecimal("0.2"), true),
        new DealTable.Terms("P1", PartnerRole.RESELL, true, true, null, true),
        new DealTable.Terms("P1", PartnerRole.RESELL, true, true, new BigDecimal("0.20"), false),
        new DealTable.Terms(null, null, false, false, null, false))) {
      assertThat(other).as("%s", other).isNotEqualTo(terms);
      assertThat(terms).as("%s", other).isNotEqualTo(other);
    }
  }
}
