package dev.compsim.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseTest {
  @Test
  void zeroSensitivityLeavesSharesUnchanged() {
    for (double s0 : new double[] {0, 0.1, 0.5, 0.93, 1}) {
      assertThat(Response.pivot(s0, 0, 3.7)).isCloseTo(s0, within(1e-12));
    }
  }

  @Test
  void pivotPointLogitByHand() {
    // s0 = 0.4, β = 5, Δ = −0.03: e^(−0.15) = 0.860708; 0.4 × 0.860708 = 0.344283;
    // s1 = 0.344283 / (0.344283 + 0.6) = 0.364597
    assertThat(Response.pivot(0.4, 5, -0.03)).isCloseTo(0.364597, within(1e-6));
  }

  @Test
  void sharesStayInTheUnitIntervalAndMoveWithTheGradient() {
    Random random = new Random(42);
    for (int k = 0; k < 10_000; k++) {
      double s0 = random.nextDouble();
      double beta = random.nextDouble() * 50;
      double delta = (random.nextDouble() - 0.5) * 40;
      double s1 = Response.pivot(s0, beta, delta);
      assertThat(s1).isBetween(0.0, 1.0);
      if (delta > 0) {
        assertThat(s1).isGreaterThanOrEqualTo(s0);
      } else {
        assertThat(s1).isLessThanOrEqualTo(s0);
      }
    }
  }

  private static Gradients.RepGradient rep(String id, String... values) {
    Map<Behavior, BigDecimal> owner = new EnumMap<>(Behavior.class);
    for (Behavior b : Behavior.values()) {
      owner.put(b, new BigDecimal(b.ordinal() < values.length ? values[b.ordinal()] : "1000"));
    }
    return new Gradients.RepGradient(id, new BigDecimal("10000.00"), owner, BigDecimal.ZERO,
        new double[0]);
  }

  private static BaselineShares observed() {
    Map<Behavior, Double> shares = new EnumMap<>(Behavior.class);
    shares.put(Behavior.ROUTE, 0.4);
    shares.put(Behavior.ENGAGE, 0.7);
    shares.put(Behavior.TEAM, 0.2);
    shares.put(Behavior.TIMING, 0.15);
    shares.put(Behavior.MEETINGS, 30.0);
    return new BaselineShares(shares, Map.of("R1", 30L), Map.of("R1", 10L), Map.of());
  }

  /**
   * Reps whose gradients were computed once for all of them respond alike only where their OTE
   * is alike too: Δ is in months of the rep's own OTE. R2 shares R1's figures under both plans
   * with half the OTE, so its shares move as those of a rep with its own figures and that OTE;
   * R4 shares R1's figures under the candidate only, and moves from its own baseline.
   */
  @Test
  void repsSharingTheirGradientsRespondByTheirOwnOte() {
    Gradients.RepGradient base1 = rep("R1", "-1250", "0", "40", "-500", "300");
    Gradients.RepGradient plan1 = rep("R1", "0", "900", "0", "-500", "300");
    BigDecimal half = new BigDecimal("5000.00");
    Response.PlanResponse shared = Response.of(
        new Gradients.PlanGradients("Base", Map.of("R1", base1,
            "R2", new Gradients.RepGradient("R2", half, base1),
            "R3", new Gradients.RepGradient("R3", base1.monthlyOte(), base1),
            "R4", rep("R4", "-2500", "0", "40", "-500", "300"))),
        new Gradients.PlanGradients("Candidate", Map.of("R1", plan1,
            "R2", new Gradients.RepGradient("R2", half, plan1),
            "R3", new Gradients.RepGradient("R3", plan1.monthlyOte(), plan1),
            "R4", new Gradients.RepGradient("R4", plan1.monthlyOte(), plan1))),
        observed(), Assumptions.defaults());
    Gradients.RepGradient ownBase = new Gradients.RepGradient("R2", half, base1.owner(),
        BigDecimal.ZERO, new double[0]);
    Gradients.RepGradient ownPlan = new Gradients.RepGradient("R2", half, plan1.owner(),
        BigDecimal.ZERO, new double[0]);
    Response.PlanResponse own = Response.of(
        new Gradients.PlanGradients("Base", Map.of("R2", ownBase)),
        new Gradients.PlanGradients("Candidate", Map.of("R2", ownPlan)),
        observed(), Assumptions.defaults());
    for (Behavior behavior : Behavior.values()) {
      assertThat(shared.reps().get("R2").share(behavior)).as(behavior.name())
          .isEqualTo(own.reps().get("R2").share(behavior));
      assertThat(shared.reps().get("R3").share(behavior)).as(behavior.name())
          .isEqualTo(shared.reps().get("R1").share(behavior));
    }
    assertThat(shared.reps().get("R2").share(Behavior.ROUTE))
        .isNotEqualTo(shared.reps().get("R1").share(Behavior.ROUTE));
    // routing from -2,500 to 0 is +0.25 months of OTE, against R1's +0.125
    assertThat(shared.reps().get("R4").share(Behavior.ROUTE)).isEqualTo(Response.pivot(0.4,
        Assumptions.defaults().sensitivity(Behavior.ROUTE), 0.25));
  }

  @Test
  void theBaselineAgainstItselfPredictsNoChange() {
    Gradients.PlanGradients base = new Gradients.PlanGradients("Base",
        Map.of("R1", rep("R1", "-1250", "0", "40", "-500", "300")));
    Response.PlanResponse response =
        Response.of(base, base, observed(), Assumptions.defaults());
    assertThat(response.predicted(Behavior.ROUTE)).isEqualTo(0.4);
    assertThat(response.predicted(Behavior.ENGAGE)).isEqualTo(0.7);
    assertThat(response.predicted(Behavior.TEAM)).isEqualTo(0.2);
    assertThat(response.predicted(Behavior.TIMING)).isEqualTo(0.15);
    assertThat(response.predicted(Behavior.MEETINGS)).isEqualTo(30.0);
  }

  @Test
  void aCandidateMovesEachShareTowardWhatPaysMore() {
    Gradients.PlanGradients base = new Gradients.PlanGradients("Base",
        Map.of("R1", rep("R1", "-1250", "0", "40", "-500", "300")));
    // routing now neutral (+1,250 = 0.125 months), 900 at stake on engagement, spiff banned,
    // full team credit, no timing reward
    Gradients.PlanGradients candidate = new Gradients.PlanGradients("Candidate",
        Map.of("R1", rep("R1", "0", "900", "0", "0", "0")));
    Response.PlanResponse r = Response.of(base, candidate, observed(), Assumptions.defaults());
    assertThat(r.predicted(Behavior.ROUTE)).isGreaterThan(0.4);
    assertThat(r.predicted(Behavior.ENGAGE)).isGreaterThan(0.7);
    assertThat(r.predicted(Behavior.TEAM)).isGreaterThan(0.2);
    assertThat(r.predicted(Behavior.TIMING)).isLessThan(0.15);
    assertThat(r.predicted(Behavior.MEETINGS)).isLessThan(30.0);
    // route by hand: β 5, Δ 0.125: e^0.625 = 1.868246; 0.4 × 1.868246 = 0.747298;
    // 0.747298 / (0.747298 + 0.6) = 0.554664
    assertThat(r.predicted(Behavior.ROUTE)).isCloseTo(0.554664, within(1e-6));
    // meetings: 30 × e^(50 × −0.004) = 30 × 0.818731 = 24.5619
    assertThat(r.predicted(Behavior.MEETINGS)).isCloseTo(24.5619, within(1e-4));
  }

  @Test
  void zeroSensitivityPredictsNoChangeWhateverTheGradients() {
    Assumptions none = Assumptions.defaults();
    for (Behavior b : Behavior.values()) {
      Assumption p = Assumption.sensitivityOf(b);
      none = none.with(p, 0, 0, 0);
    }
    Gradients.PlanGradients base = new Gradients.PlanGradients("Base",
        Map.of("R1", rep("R1", "-1250", "0", "40", "-500", "300")));
    Gradients.PlanGradients candidate = new Gradients.PlanGradients("Candidate",
        Map.of("R1", rep("R1", "0", "900", "0", "0", "0")));
    Response.PlanResponse r = Response.of(base, candidate, observed(), none);
    assertThat(r.predicted(Behavior.ROUTE)).isEqualTo(0.4);
    assertThat(r.predicted(Behavior.MEETINGS)).isEqualTo(30.0);
  }
}
