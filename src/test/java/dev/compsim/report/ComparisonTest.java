package dev.compsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compsim.engine.Component;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.PayeeKind;
import dev.compsim.engine.Status;
import dev.compsim.model.DataSet;
import dev.compsim.model.Guardrail;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  /**
   * compare and check stream each plan's lines into its figures and keep none (or the first
   * few, for the spreadsheet): every figure must be what the whole kept ledger gives.
   */
  @Test
  void streamedFiguresAreTheFiguresOfTheWholeLedger() {
    DataSet data = ReportFixtures.data(null);
    List<dev.compsim.model.Plan> plans = List.of(ReportFixtures.base(), ReportFixtures.held());
    dev.compsim.engine.Engine engine = new dev.compsim.engine.Engine(data, ReportFixtures.AS_OF);
    Comparison kept = Comparison.of(engine, plans);
    Comparison streamed = Comparison.of(engine, plans, 0);
    assertThat(ReportJson.render(streamed)).isEqualTo(ReportJson.render(kept));
    assertThat(ReportMarkdown.render(streamed)).isEqualTo(ReportMarkdown.render(kept));
    assertThat(streamed.plans().get(1).lines()).isEmpty();

    Comparison firstTwo = Comparison.of(engine, plans, 2);
    PlanFigures held = firstTwo.plans().get(1);
    assertThat(held.lines()).containsExactlyElementsOf(
        kept.plans().get(1).lines().subList(0, 2));
    assertThat(held.lineCount()).isEqualTo(kept.plans().get(1).lines().size()).isGreaterThan(2);
  }
  /**
   * {@code with} checks a new section's id against the core sections' ids without building
   * them: those ids must be the ones the built sections carry, with candidates and without.
   */
  @Test
  void coreIdsAreTheIdsOfTheBuiltCoreSections() {
    DataSet data = ReportFixtures.data(null);
    dev.compsim.engine.Engine engine = new dev.compsim.engine.Engine(data, ReportFixtures.AS_OF);
    for (List<dev.compsim.model.Plan> plans : List.of(List.of(ReportFixtures.base()),
        List.of(ReportFixtures.base(), ReportFixtures.held()))) {
      Comparison comparison = Comparison.of(engine, plans);
      assertThat(comparison.sections().stream().map(ReportSection::id).toList())
          .isEqualTo(comparison.coreIds());
      ReportSection extra = new ReportSection("extra", "Extra", List.of(), List.of(), List.of(),
          Map.of());
      Comparison more = comparison.with(extra);
      assertThat(more.sections().get(more.sections().size() - 1)).isEqualTo(extra);
      for (String id : more.sections().stream().map(ReportSection::id).toList()) {
        ReportSection again = new ReportSection(id, "Again", List.of(), List.of(), List.of(),
            Map.of());
        assertThatThrownBy(() -> more.with(again)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("already there");
      }
    }
  }

  private static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  @Test
  void costPerPlanAndComponent() {
    Comparison comparison = ReportFixtures.comparison();
    PlanFigures base = comparison.plans().get(0);
    PlanFigures held = comparison.plans().get(1);
    assertThat(base.wonRevenue()).isEqualByComparingTo("240000");
    assertThat(base.totalCost()).isEqualByComparingTo("36800.00");
    assertThat(base.repCost()).isEqualByComparingTo("11800.00");
    assertThat(base.channelCost()).isEqualByComparingTo("25000.00");
    assertThat(base.component(Component.COMMISSION)).isEqualByComparingTo("11600.00");
    assertThat(base.component(Component.SPIFF)).isEqualByComparingTo("200.00");
    assertThat(base.component(Component.PARTNER_MARGIN)).isEqualByComparingTo("25000.00");
    assertThat(base.costOfSales()).isEqualByComparingTo("0.153333"); // 36,800 / 240,000
    assertThat(held.totalCost()).isEqualByComparingTo("35600.00");
    assertThat(held.costOfSales()).isEqualByComparingTo("0.148333"); // 35,600 / 240,000
    assertThat(held.repCostShare()).isEqualByComparingTo("0.297753"); // 10,600 / 35,600
    assertThat(held.channelCostShare()).isEqualByComparingTo("0.702247"); // 25,000 / 35,600
    assertThat(held.status(Status.HELD)).isEqualByComparingTo("1850.00");
    assertThat(held.status(Status.RELEASED)).isEqualByComparingTo("800.00");
    assertThat(held.status(Status.BANNED)).isEqualByComparingTo("200.00");
    // every figure is a sum of ledger lines
    BigDecimal sum = held.lines().stream().map(LedgerLine::cost)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(held.totalCost()).isEqualByComparingTo(sum);

    ReportSection cost = comparison.cost();
    assertThat(cost.json()).containsKey("plans");
    assertThat(cost.tables().get(0).rows()).contains(
        List.of("total cost", "36,800.00", "35,600.00"),
        List.of("cost of sales", "15.3%", "14.8%"),
        List.of("change vs baseline", "0.00", "-1,200.00"),
        List.of("change vs baseline %", "0.0%", "-3.3%"));
    // the chart shows the change against the baseline, only for components that change
    ReportSection.Chart chart = cost.charts().get(0);
    assertThat(chart.kind()).isEqualTo("bar");
    assertThat(chart.labels()).containsExactly("Held");
    assertThat(chart.series()).allSatisfy(series -> assertThat(series.values())
        .noneMatch(v -> v.signum() == 0));
    assertThat(chart.series().stream().flatMap(series -> series.values().stream())
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
        .isEqualByComparingTo("-1200.00");
  }

  @Test
  void perRepChangeCountsSharesWinnersLosersAndBuckets() {
    RepChanges changes = ReportFixtures.comparison().repChanges().get(0);
    assertThat(changes.reps()).isEqualTo(3);
    assertThat(changes.gaining()).isZero();
    assertThat(changes.losing()).isEqualTo(1);
    assertThat(changes.unchanged()).isEqualTo(2);
    assertThat(changes.losingMoreThan10Pct()).isEqualTo(1);
    assertThat(changes.share(1)).isEqualByComparingTo("0.333333");
    assertThat(changes.lost()).isEqualByComparingTo("-1200.00");
    assertThat(changes.maxLossPct()).isEqualByComparingTo("0.285714"); // 1,200 / 4,200
    assertThat(changes.losers(5)).extracting(RepChanges.Change::repId).containsExactly("R2");
    assertThat(changes.winners(5)).isEmpty();
    // below -25%: R2; unchanged: R1 and R3
    assertThat(changes.distribution()).containsExactly(1, 0, 0, 2, 0, 0, 0, 0);
  }

  @Test
  void bucketBoundaries() {
    // baseline 1,000 for everyone; candidate pay chosen on each side of each bound
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("740.00", "below -25%");
    expected.put("750.00", "-25% to -10%");
    expected.put("899.99", "-25% to -10%");
    expected.put("900.00", "-10% to 0%");
    expected.put("999.99", "-10% to 0%");
    expected.put("1000.00", "unchanged");
    expected.put("1100.00", "0% to +10%");
    expected.put("1100.01", "+10% to +25%");
    expected.put("1250.00", "+10% to +25%");
    expected.put("1250.01", "above +25%");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      BigDecimal after = money(e.getKey());
      BigDecimal delta = after.subtract(money("1000.00"));
      RepChanges.Change change = new RepChanges.Change("R", "R", money("1000.00"), after, delta,
          delta.divide(money("1000.00"), 6, java.math.RoundingMode.HALF_EVEN));
      assertThat(change.bucket()).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(new RepChanges.Change("R", "R", money("0.00"), money("5.00"), money("5.00"), null)
        .bucket()).isEqualTo("new pay");
  }

  @Test
  void payoutTimingByPeriod() {
    Comparison comparison = ReportFixtures.comparison();
    PlanFigures.Timing q1 = comparison.plans().get(1).timing().get("FY2027-Q1");
    // paid at close: 2,400 (D1) + 3,300 (D2) + 2,250 (D3) + 25,000 partner margin
    assertThat(q1.paid()).isEqualByComparingTo("32950.00");
    assertThat(q1.released()).isEqualByComparingTo("800.00");
    assertThat(q1.held()).isEqualByComparingTo("1850.00");
    assertThat(q1.deferred()).isEqualByComparingTo("2650.00");
    assertThat(comparison.plans().get(1).releasedIn())
        .containsOnlyKeys("FY2027-Q1"); // released 2026-04-01, still in Feb–Apr
    ReportSection timing = comparison.timing();
    assertThat(timing.tables()).hasSize(2); // cost by period, and the plan that holds back
    assertThat(timing.tables().get(0).rows()).containsExactly(
        List.of("FY2027-Q1", "36,800.00", "35,600.00"));
    assertThat(timing.tables().get(1).rows()).containsExactly(List.of("FY2027-Q1", "32,950.00",
        "2,650.00", "800.00", "1,850.00", "0.00", "0.00", "800.00"));
    assertThat(timing.charts()).hasSize(1);
    assertThat(timing.charts().get(0).series()).extracting(ReportSection.Series::label)
        .containsExactly("Held: held back", "Held: released");
    assertThat(timing.notes()).containsExactly("Held holds back 2,650.00: 800.00 released, "
        + "1,850.00 still owed as of 2026-04-01, 0.00 forfeited.");
  }

  @Test
  void spiffSpendShowsWhatTheBanRemoves() {
    ReportSection spiffs = ReportFixtures.comparison().spiffs();
    assertThat(spiffs.tables().get(0).rows()).contains(
        List.of("activity spiffs paid", "200.00", "0.00"),
        List.of("removed by a ban (not paid)", "0.00", "200.00"),
        List.of("change vs baseline", "0.00", "-200.00"));
    assertThat(spiffs.notes()).containsExactly(
        "Held bans activity spiffs: they would have paid 200.00.");
  }

  @Test
  void guardrailsNamePlanMetricValueAndLimit() {
    List<GuardrailResult> results = ReportFixtures.comparison().guardrails();
    assertThat(results).extracting(GuardrailResult::message).containsExactly(
        "plan \"Base\": cost_of_sales = 15.3% within max 16.0%",
        "plan \"Base\": reps_losing_share skipped: it compares a plan with the baseline, and "
            + "this plan is the baseline",
        "plan \"Held\": cost_of_sales = 14.8% breaks max 14.0%",
        "plan \"Held\": reps_losing_more_than_10pct = 33.3% within max 50.0%",
        "plan \"Held\": held_liability = 1,850.00 breaks max 1,000.00",
        "plan \"Held\": max_rep_loss_pct = 28.6% within max 30.0%",
        "plan \"Held\": cost_change_pct = -3.3% within max 0.0%");
    assertThat(results.get(5).value()).isEqualByComparingTo("0.285714");
    assertThat(results.get(6).value()).isEqualByComparingTo("-0.032609"); // -1,200 / 36,800
  }

  @Test
  void metricsWithoutABaselineAndTheRemainingOnes() {
    Comparison comparison = ReportFixtures.comparison();
    PlanFigures base = comparison.plans().get(0);
    PlanFigures held = comparison.plans().get(1);
    RepChanges change = comparison.repChanges().get(0);
    assertThat(GuardrailMetric.TOTAL_COST.value(held, base, change))
        .isEqualByComparingTo("35600.00");
    assertThat(GuardrailMetric.FORFEITED_SHARE.value(held, base, change))
        .isEqualByComparingTo("0");
    assertThat(GuardrailMetric.REP_COST_SHARE.value(base, null, null))
        .isEqualByComparingTo("0.320652"); // 11,800 / 36,800
    assertThat(GuardrailMetric.CHANNEL_COST_SHARE.value(base, null, null))
        .isEqualByComparingTo("0.679348");
    assertThat(GuardrailMetric.REPS_LOSING_SHARE.value(held, base, change))
        .isEqualByComparingTo("0.333333");
    assertThat(GuardrailMetric.MAX_REP_LOSS_PCT.value(base, null, null)).isNull();
    assertThat(GuardrailMetric.COST_CHANGE_PCT.value(base, null, null)).isNull();
  }

  @Test
  void metricNamesMatchThePlanFormat() {
    assertThat(Arrays.stream(GuardrailMetric.values()).map(GuardrailMetric::code).toList())
        .containsExactlyInAnyOrderElementsOf(Guardrail.METRICS);
  }

  @Test
  void partnerSideComponentsAppearWithoutBeingNamed() {
    // a rebate to P1 (no deal), rewards to one of P1's reps and a prize, as later features add
    DataSet data = ReportFixtures.data(null);
    var plan = ReportFixtures.base();
    List<LedgerLine> lines = List.of(
        line(plan.name(), "P1", PayeeKind.PARTNER, Component.PARTNER_MARGIN, "D3", "25000.00"),
        line(plan.name(), "P1", PayeeKind.PARTNER, Component.REBATE, null, "2000.00"),
        line(plan.name(), "P1-rep1", PayeeKind.PARTNER_REP, Component.REWARDS, null, "50.00"),
        line(plan.name(), "ZZ", PayeeKind.PARTNER, Component.UPFRONT_DISCOUNT, null, "10.00"),
        new LedgerLine(plan.name(), "R1", PayeeKind.REP, Component.PRIZE, null, "FY2027-Q1",
            Status.PAID, money("5000.00"), LocalDate.parse("2026-04-30"),
            "Q1 push: rank 1 with 3 partner deals"));
    Comparison comparison = Comparison.of(ReportFixtures.AS_OF, data, 3,
        List.of(new PlanFigures(plan, money("240000"), lines, data)));
    ReportSection partners = comparison.partners();
    ReportSection.Table byComponent = partners.tables().get(1);
    assertThat(byComponent.rows()).containsExactly(List.of("partner_margin", "25,000.00"),
        List.of("rebate", "2,000.00"), List.of("upfront_discount", "10.00"),
        List.of("rewards", "50.00"));
    ReportSection.Table byPartner = partners.tables().get(2);
    assertThat(byPartner.header()).containsExactly("partner", "type", "won revenue",
        "Base (baseline)");
    assertThat(byPartner.rows()).containsExactly(
        List.of("(unattributed)", "(unattributed)", "0.00", "10.00"),
        List.of("P1", "VAR", "100,000.00", "27,050.00"));
    assertThat(partners.json().get("components")).isEqualTo(List.of("partner_margin", "rebate",
        "upfront_discount", "rewards"));
    assertThat(partners.tables().get(0).rows()).containsExactly(
        List.of("(unattributed)", "1", "10.00"), List.of("VAR", "1", "27,050.00"));
    ReportSection competitions = comparison.competitions();
    assertThat(competitions.tables().get(0).rows()).containsExactly(List.of("Base",
        "FY2027-Q1", "R1", "5,000.00", "paid", "Q1 push: rank 1 with 3 partner deals"));
    assertThat(comparison.sections()).extracting(ReportSection::id).containsExactly(
        "headline", "cost", "timing", "partners", "spiffs", "competitions", "guardrails");
  }

  private static LedgerLine line(String plan, String payee, PayeeKind kind, Component component,
      String deal, String amount) {
    return new LedgerLine(plan, payee, kind, component, deal, "FY2027-Q1", Status.PAID,
        money(amount), LocalDate.parse("2026-03-01"), null);
  }

  @Test
  void extraSectionsFollowTheCoreOnesAndIdsStayUnique() {
    ReportSection extra = new ReportSection("calendar", "Calendar alignment", List.of("note"),
        List.of(), List.of(), Map.of());
    Comparison comparison = ReportFixtures.comparison().with(extra);
    assertThat(comparison.sections()).last().isEqualTo(extra);
    assertThatThrownBy(() -> comparison.with(extra)).isInstanceOf(IllegalArgumentException.class);
  }
}
