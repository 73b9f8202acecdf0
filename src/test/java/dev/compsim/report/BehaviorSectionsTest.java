package dev.compsim.report;

import static dev.compsim.testing.TestData.basePlan;
import static dev.compsim.testing.TestData.data;
import static dev.compsim.testing.TestData.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.behavior.Assumptions;
import dev.compsim.behavior.BehaviorModel;
import dev.compsim.behavior.Metric;
import dev.compsim.behavior.Simulation;
import dev.compsim.engine.Engine;
import dev.compsim.model.DataSet;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data of GradientsTest: net credit costs R1 200 on a partner deal, list credit nothing. */
class BehaviorSectionsTest {
  private static final DataSet DATA = data().rep("R1", "AE", 400_000).rep("S1", "SE", 400_000)
      .partner("P1", "VAR", null)
      .assisted("D1", "R1", "2026-03-10", 20_000, "S1")
      .partnerDeal("D2", "R1", "2026-06-10", 20_000, "P1", PartnerRole.RESELL, false)
      .build();
  private static final String PARTNERS = "partners: { margin: { VAR: 0.25 } }\n";
  private static final Plan NET = plan(basePlan("Net", PARTNERS
      + "credit: { partner_basis: net }\n"));
  private static final Plan LIST = plan(basePlan("List", PARTNERS
      + "credit: { partner_basis: list }\n"));

  @Test
  void gradientsSaySentencesAgainstTheBaseline() {
    BehaviorModel model = new BehaviorModel(Engine.latest(DATA), List.of(NET, LIST));
    ReportSection section = BehaviorSections.gradients(model);
    assertThat(section.id()).isEqualTo("incentive_gradients");
    // S1 is also a rep: R1 −200, S1 (no deals of their own: the median deal 20,000, no
    // credit booked before it, net 15,000 at 4% = 600 against 800) −200 as well
    assertThat(section.notes()).contains(
        "Under Net, taking a typical deal through a partner changes the owner's pay by "
            + "\u2212200 (baseline).",
        "Under List, taking a typical deal through a partner changes the owner's pay by +0 "
            + "instead of \u2212200.");
    ReportSection.Table table = section.tables().get(0);
    assertThat(table.rows()).extracting(row -> row.get(0))
        .containsExactly("route", "engage", "meetings", "team", "timing", "effort");
    assertThat(table.rows().get(0)).containsExactly("route", "\u2212200", "\u2212200 to \u2212200",
        "+0", "+0 to +0");
    ReportSection.Series net = section.charts().get(0).series().get(0);
    assertThat(net.values()).hasSize(6);
    assertThat(net.low()).hasSize(6);
    assertThat(net.values().get(0)).isEqualByComparingTo(new BigDecimal("-200"));
  }

  @Test
  void simulationSectionCarriesIntervalsAndSensitivity() {
    BehaviorModel model = new BehaviorModel(Engine.latest(DATA), List.of(NET, LIST));
    Simulation simulation = new Simulation(model);
    Assumptions assumptions = Assumptions.defaults();
    Simulation.Outcome outcome = simulation.run(assumptions, 50, 3L, 2, null);
    List<ReportSection> sections = BehaviorSections.simulate(model, assumptions, outcome,
        simulation.sensitivity(assumptions, 20, 3L, 2, null), 50, 3L);
    // the simulated results lead
    assertThat(sections).extracting(ReportSection::id).containsExactly("behavior_simulation",
        "behavior_sensitivity", "incentive_gradients", "behavior_response",
        "behavior_assumptions");
    ReportSection sim = sections.get(0);
    assertThat(sim.charts()).allSatisfy(chart -> {
      assertThat(chart.labels()).containsExactly("Net", "List");
      assertThat(chart.series().get(0).low()).hasSize(2);
      assertThat(chart.series().get(0).high()).hasSize(2);
    });
    @SuppressWarnings("unchecked")
    Map<String, Object> first = (Map<String, Object>) ((List<Object>) sim.json().get("plans"))
        .get(0);
    assertThat(first).containsKeys("plan", "metrics");
    assertThat(sections.get(1).tables().get(0).rows()).hasSize(2 * Metric.values().length);
    assertThat(SectionText.render(sections.get(2))).startsWith("Incentive gradients\n")
        .contains(" route ");
    // the data has no meetings: the meeting sensitivity moves nothing and is left out
    assertThat(sections.get(1).notes()).anySatisfy(note -> assertThat(note)
        .startsWith("Left out, because they move no result on this data: ")
        .contains("meetings_sensitivity"));
  }

  @Test
  void whatTheDataCannotMeasureIsSaidNotShownAsZero() {
    // DATA holds no decided implementation and no meeting
    BehaviorModel model = new BehaviorModel(Engine.latest(DATA), List.of(NET, LIST));
    ReportSection response = BehaviorSections.response(model, Assumptions.defaults());
    assertThat(response.tables().get(0).rows()).anySatisfy(row -> assertThat(row)
        .containsExactly("implementations confirmed", "not measurable", "not measurable",
            "not measurable"));
    assertThat(response.notes()).contains("Implementations confirmed: not measurable from this "
        + "data (the deals have no implementation confirmed or failed by as-of (no "
        + "implementation column, or none decided)).");
    assertThat(response.notes()).noneMatch(note -> note.contains("implementations confirmed "
        + "stays") || note.contains("meetings per rep stays"));
  }
}
