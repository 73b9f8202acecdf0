package dev.compsim.report;

import static dev.compsim.report.SectionCells.NONE;
import static dev.compsim.report.SectionCells.countAndShare;

import dev.compsim.engine.DataCoverage;
import dev.compsim.engine.Status;
import dev.compsim.model.Money;
import dev.compsim.report.ReportSection.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures a leader reads first: cost, cost of sales, who gains and loses. */
final class HeadlineSection {
  private final Comparison comparison;
  private final SectionCells cells;
  private final List<PlanFigures> plans;
  private final List<RepChanges> changes;
  private final List<GuardrailResult> guardrails;
  private final LocalDate asOf;
  private final int wonDeals;
  private final Outlook outlook;
  private final List<String> assumed;

  private HeadlineSection(Comparison comparison) {
    this.comparison = comparison;
    this.cells = new SectionCells(comparison);
    this.plans = comparison.plans();
    this.changes = comparison.repChanges();
    this.guardrails = comparison.guardrails();
    this.asOf = comparison.asOf();
    this.wonDeals = comparison.wonDeals();
    this.outlook = comparison.outlook();
    this.assumed = comparison.assumed();
  }

  /** The section, built from {@code comparison}'s figures. */
  static ReportSection of(Comparison comparison) {
    return new HeadlineSection(comparison).build();
  }

  private ReportSection build() {
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(cells.row("total cost", p -> cells.money(p.totalCost())));
    if (plans.size() > 1) {
      rows.add(cells.row("change vs baseline", p -> p == cells.baseline() ? NONE
          : cells.change(cells.costChange(p), cells.baseline().totalCost())));
    }
    rows.add(cells.row("cost of sales", p -> Cell.percent(p.costOfSales())));
    rows.add(cells.row("rep cost", p -> cells.money(p.repCost())));
    rows.add(cells.row("channel cost", p -> cells.money(p.channelCost())));
    rows.add(cells.row("held back, still owed", p -> cells.money(p.status(Status.HELD))));
    if (plans.size() > 1) {
      rows.add(cells.row("reps gaining / losing", p -> p == cells.baseline() ? NONE
          : Cell.pair(Cell.count(changesOf(p).gaining()).named("gaining"), " / ",
              Cell.count(changesOf(p).losing()).named("losing"))));
      rows.add(cells.row("reps losing > 10%", p -> p == cells.baseline() ? NONE
          : countAndShare(changesOf(p).losingMoreThan10Pct(), changesOf(p))));
    }
    if (outlook != null && outlook.computed()) {
      Outlook.Plan base = outlook.of(cells.baseline().name());
      rows.add(cells.row("expected cost, with behavior (modelled)",
          p -> cells.money(outlook.of(p.name()).expectedCost())));
      if (plans.size() > 1) {
        rows.add(cells.row("change vs baseline (modelled)", p -> p == cells.baseline() ? NONE
            : cells.change(outlook.of(p.name()).expectedCost().subtract(base.expectedCost()),
                base.expectedCost())));
      }
      rows.add(cells.row("expected won revenue (modelled)",
          p -> cells.money(outlook.of(p.name()).expectedRevenue())));
      if (plans.size() > 1) {
        rows.add(cells.row("reps losing > 10% (modelled)", p -> p == cells.baseline() ? NONE
            : Cell.count(outlook.of(p.name()).repsLosingMoreThan10Pct())));
      }
    }
    if (!guardrails.isEmpty()) {
      rows.add(cells.row("guardrails", p -> Cell.text(GuardrailSection.cell(guardrails, p))));
    }
    List<String> header = cells.planHeader("");
    Table table = Table.of("", header, cells.numericAfterFirst(header.size()), rows);

    List<String> notes = new ArrayList<>();
    notes.add(wonDeals + " won deals as of " + asOf + ", "
        + Fmt.money(cells.baseline().wonRevenue())
        + " " + cells.baseline().plan().currency() + " won list revenue; baseline: "
        + cells.baseline().name() + ".");
    for (int i = 1; i < plans.size(); i++) {
      PlanFigures plan = plans.get(i);
      RepChanges change = changes.get(i - 1);
      BigDecimal delta = cells.costChange(plan);
      notes.add(plan.name() + " " + (delta.signum() > 0 ? "costs " + Fmt.money(delta)
          + " more than " : delta.signum() < 0 ? "costs " + Fmt.money(delta.negate())
          + " less than " : "costs the same as ") + cells.baseline().name() + " (cost of sales "
          + Fmt.pct(plan.costOfSales()) + " vs " + Fmt.pct(cells.baseline().costOfSales()) + "); "
          + change.gaining() + " of " + change.reps() + " reps gain, " + change.losing()
          + " lose" + largestLoss(change) + unsupported(plan) + ".");
    }
    for (String assumption : assumed) {
      notes.add("Assumed, not measured: " + assumption + ".");
    }
    comparison.dataGaps().forEach((plan, gaps) -> {
      PlanFigures figures = plans.stream().filter(p -> p.name().equals(plan)).findFirst()
          .orElseThrow();
      for (DataCoverage.Gap gap : gaps) {
        String sentence = plan + ": " + gap.message() + ".";
        if (gap.feature().equals("holdback_release")) {
          BigDecimal forfeited = figures.status(Status.FORFEITED);
          BigDecimal held = figures.status(Status.HELD);
          sentence += " Its total cost leaves out " + Fmt.money(forfeited) + " forfeited and "
              + "counts " + Fmt.money(held) + " still held that the data cannot say will ever "
              + "be paid or forfeited.";
        }
        notes.add(sentence);
      }
    });
    if (outlook != null && !outlook.computed()) {
      notes.add("Expected cost and revenue with predicted behavior: not computed here ("
          + outlook.notComputed() + ").");
    }
    if (outlook != null && outlook.computed() && plans.size() > 1) {
      Outlook.Plan base = outlook.of(cells.baseline().name());
      List<String> parts = new ArrayList<>();
      for (int i = 1; i < plans.size(); i++) {
        Outlook.Plan plan = outlook.of(plans.get(i).name());
        BigDecimal cost = plan.expectedCost().subtract(base.expectedCost());
        BigDecimal revenue = plan.expectedRevenue().subtract(base.expectedRevenue());
        parts.add(plan.plan() + " " + Fmt.signedMoney(cost) + " cost ("
            + Fmt.signedPct(Fmt.ratio(cost, base.expectedCost())) + ") and "
            + Fmt.signedMoney(revenue) + " won revenue ("
            + Fmt.signedPct(Fmt.ratio(revenue, base.expectedRevenue())) + ")");
      }
      notes.add("With predicted behavior (modelled: the mean of " + outlook.runs()
          + " simulated runs, seed " + outlook.seed() + "; the sensitivities are assumptions, "
          + "see the behavior sections), against " + cells.baseline().name() + ": "
          + String.join("; ", parts) + "."
          + (comparison.dataGaps().values().stream().anyMatch(g -> !g.isEmpty())
              ? " They rest on the same gaps in the data as the figures above." : ""));
      List<String> games = new ArrayList<>();
      for (PlanFigures plan : plans) {
        Outlook.Plan expected = outlook.of(plan.name());
        BigDecimal discount = expected.pullInDiscount();
        games.add((expected.pulledIn().signum() >= 0
            ? Fmt.money(expected.pulledIn()) + " pulled in"
            : Fmt.money(expected.pulledIn().negate()) + " pushed out")
            + (discount.signum() > 0 ? ", " + Fmt.money(discount) + " given away in discounts"
            : discount.signum() < 0 ? ", " + Fmt.money(discount.negate())
                + " of earlier discounts recovered" : ""));
      }
      List<String> timing = new ArrayList<>();
      if (plans.size() > 1 && games.stream().distinct().count() == 1) {
        // plans whose timing incentives are alike: said once, not once per plan
        timing.add("every plan alike, " + games.get(0));
      } else {
        for (int i = 0; i < plans.size(); i++) {
          timing.add(plans.get(i).name() + " " + games.get(i));
        }
      }
      notes.add("Timing games (modelled, against a plan that pays nothing for moving a deal): "
          + String.join("; ", timing) + ".");
    }
    if (!guardrails.isEmpty()) {
      notes.add(guardrailsDefined());
    }
    List<GuardrailResult> failed = comparison.failedGuardrails();
    if (!failed.isEmpty()) {
      notes.add(failed.size() + (failed.size() == 1 ? " guardrail fails: " : " guardrails fail: ")
          + String.join("; ", failed.stream().map(GuardrailResult::message).toList()) + ".");
    }

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("as_of", asOf.toString());
    json.put("won_deals", wonDeals);
    json.put("won_revenue", Money.round(cells.baseline().wonRevenue()));
    json.put("currency", cells.baseline().plan().currency());
    json.put("baseline", cells.baseline().name());
    List<Object> perPlan = new ArrayList<>();
    for (PlanFigures plan : plans) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("plan", plan.name());
      one.put("total_cost", plan.totalCost());
      one.put("cost_change", cells.costChange(plan));
      one.put("cost_change_pct", Fmt.json(Fmt.ratio(cells.costChange(plan),
          cells.baseline().totalCost())));
      one.put("cost_of_sales", Fmt.json(plan.costOfSales()));
      one.put("rep_cost", plan.repCost());
      one.put("channel_cost", plan.channelCost());
      one.put("held_liability", plan.status(Status.HELD));
      one.put("guardrails_failed", guardrails.stream().filter(g -> g.plan().equals(plan.name())
          && g.outcome() == GuardrailResult.Outcome.FAILED).count());
      List<Object> gaps = new ArrayList<>();
      for (DataCoverage.Gap gap : comparison.dataGaps().get(plan.name())) {
        Map<String, Object> one2 = new LinkedHashMap<>();
        one2.put("feature", gap.feature());
        one2.put("message", gap.message());
        gaps.add(one2);
      }
      one.put("data_gaps", gaps);
      if (outlook != null && outlook.computed()) {
        Outlook.Plan expected = outlook.of(plan.name());
        Outlook.Plan base = outlook.of(cells.baseline().name());
        Map<String, Object> modelled = new LinkedHashMap<>();
        modelled.put("expected_cost", expected.expectedCost());
        modelled.put("expected_cost_change",
            expected.expectedCost().subtract(base.expectedCost()));
        modelled.put("expected_cost_change_pct", Fmt.json(Fmt.ratio(
            expected.expectedCost().subtract(base.expectedCost()), base.expectedCost())));
        modelled.put("expected_revenue", expected.expectedRevenue());
        modelled.put("expected_revenue_change",
            expected.expectedRevenue().subtract(base.expectedRevenue()));
        modelled.put("reps_losing_more_than_10pct", expected.repsLosingMoreThan10Pct());
        modelled.put("pulled_in_revenue", expected.pulledIn());
        modelled.put("pull_in_discount_cost", expected.pullInDiscount());
        one.put("modelled", modelled);
      }
      perPlan.add(one);
    }
    json.put("assumed", assumed);
    if (outlook != null && outlook.computed()) {
      json.put("modelled_runs", outlook.runs());
      json.put("modelled_seed", outlook.seed());
    } else if (outlook != null) {
      json.put("modelled_not_computed", outlook.notComputed());
    }
    json.put("plans", perPlan);
    return new ReportSection("headline", "Headline", notes, List.of(table), List.of(), json);
  }

  /**
   * For a plan whose holdbacks the data cannot release, how much of its cost is missing for that
   * reason alone: never to be read as a saving.
   */
  private String unsupported(PlanFigures plan) {
    BigDecimal forfeited = plan.status(Status.FORFEITED);
    boolean gap = comparison.dataGaps().get(plan.name()).stream()
        .anyMatch(g -> g.feature().equals("holdback_release"));
    return gap && forfeited.signum() > 0 ? "; " + Fmt.money(forfeited) + " of holdback is "
        + "forfeited only because the data has no implementation outcomes, which is not a "
        + "saving" : "";
  }

  /**
   * Who loses most, named: in money and, when another rep loses a larger share of their pay, in
   * percent too (a specialist losing 47% of a small payout matters as much as 11,000 lost by a
   * top rep).
   */
  private static String largestLoss(RepChanges change) {
    List<RepChanges.Change> losers = change.losers(1);
    if (losers.isEmpty()) {
      return "";
    }
    RepChanges.Change inMoney = losers.get(0);
    RepChanges.Change inPercent = change.changes().stream()
        .filter(c -> c.delta().signum() < 0 && c.changePct() != null)
        .min(java.util.Comparator.comparing(RepChanges.Change::changePct)
            .thenComparing(RepChanges.Change::repId))
        .orElse(inMoney);
    String out = "; the largest loss in money: " + describe(inMoney);
    if (!inPercent.repId().equals(inMoney.repId())) {
      out += "; in percent: " + describe(inPercent);
    }
    return out;
  }

  private static String describe(RepChanges.Change loser) {
    return loser.name() + " " + Fmt.signedMoney(loser.delta())
        + (loser.changePct() == null ? "" : " (" + Fmt.signedPct(loser.changePct()) + ")");
  }

  /**
   * Every guardrail of every plan as a leader reads it: what is guarded, the limit and how it
   * came out, so "passes" never hides which guardrails there are.
   */
  private String guardrailsDefined() {
    List<String> parts = new ArrayList<>();
    for (PlanFigures plan : plans) {
      List<String> each = new ArrayList<>();
      for (GuardrailResult result : guardrails) {
        if (result.plan().equals(plan.name())) {
          each.add(result.guardrail().metric() + " " + result.limit() + " ("
              + switch (result.outcome()) {
                case PASSED -> result.formattedValue() + ", passes";
                case FAILED -> result.formattedValue() + ", FAILS";
                case SKIPPED -> result.metric().versusBaseline() ? "not applied to the baseline"
                    : "no value";
              } + ")");
        }
      }
      parts.add(plan.name() + ": " + (each.isEmpty() ? "none" : String.join(", ", each)));
    }
    return "Guardrails defined: " + String.join("; ", parts) + ".";
  }

  private RepChanges changesOf(PlanFigures plan) {
    return changes.get(plans.indexOf(plan) - 1);
  }
}
