package dev.compsim.report;

import dev.compsim.engine.Component;
import dev.compsim.engine.Status;
import dev.compsim.model.Money;
import dev.compsim.report.ReportSection.Chart;
import dev.compsim.report.ReportSection.Series;
import dev.compsim.report.ReportSection.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Total and per-component cost, rep versus channel, with the change against the baseline. */
final class CostSection {
  private final SectionCells cells;
  private final List<PlanFigures> plans;

  private CostSection(Comparison comparison) {
    this.cells = new SectionCells(comparison);
    this.plans = comparison.plans();
  }

  /** The section, built from {@code comparison}'s figures. */
  static ReportSection of(Comparison comparison) {
    return new CostSection(comparison).build();
  }

  private ReportSection build() {
    Set<Component> shown = EnumSet.noneOf(Component.class);
    for (PlanFigures plan : plans) {
      for (Component component : Component.values()) {
        if (plan.component(component).signum() != 0) {
          shown.add(component);
        }
      }
    }
    List<List<Cell>> rows = new ArrayList<>();
    // won revenue as every other report states it: rounded to the cent
    rows.add(cells.row("won list revenue", p -> cells.money(Money.round(p.wonRevenue()))));
    for (Component component : shown) {
      rows.add(cells.row(component.code(), p -> cells.money(p.component(component))));
    }
    rows.add(cells.row("rep cost", p -> cells.money(p.repCost())));
    rows.add(cells.row("channel cost", p -> cells.money(p.channelCost())));
    rows.add(cells.row("total cost", p -> cells.money(p.totalCost())));
    rows.add(cells.row("cost of sales", p -> Cell.percent(p.costOfSales())));
    rows.add(cells.row("rep share of cost", p -> Cell.percent(p.repCostShare())));
    rows.add(cells.row("channel share of cost", p -> Cell.percent(p.channelCostShare())));
    rows.add(cells.row("  paid", p -> cells.money(p.status(Status.PAID))));
    rows.add(cells.row("  released", p -> cells.money(p.status(Status.RELEASED))));
    rows.add(cells.row("  held (owed)", p -> cells.money(p.status(Status.HELD))));
    rows.add(cells.row("  clawed back", p -> cells.money(p.status(Status.CLAWED_BACK))));
    rows.add(cells.row("forfeited (not cost)", p -> cells.money(p.status(Status.FORFEITED))));
    rows.add(cells.row("banned spiffs (not cost)", p -> cells.money(p.status(Status.BANNED))));
    if (plans.size() > 1) {
      rows.add(cells.row("change vs baseline", p -> cells.signedMoney(cells.costChange(p))));
      rows.add(cells.row("change vs baseline %", p -> Cell.signedPercent(
          Fmt.ratio(cells.costChange(p), cells.baseline().totalCost()))));
    }
    List<String> header = cells.planHeader("");
    Table table = Table.of("Cost by component (" + cells.baseline().plan().currency() + ")", header,
        cells.numericAfterFirst(header.size()), rows);

    Chart chart;
    if (plans.size() == 1) {
      List<String> labels = plans.stream().map(PlanFigures::name).toList();
      List<Series> series = new ArrayList<>();
      for (Component component : shown) {
        series.add(new Series(component.code(),
            plans.stream().map(p -> p.component(component)).toList()));
      }
      chart = new Chart("cost-by-plan", "Cost by plan and component", "stacked-bar", labels,
          series, "plan", "cost (" + cells.baseline().plan().currency() + ")");
    } else {
      // the change against the baseline, component by component: an unchanged partner margin
      // no longer dwarfs a commission change
      List<PlanFigures> candidates = plans.subList(1, plans.size());
      List<String> labels = candidates.stream().map(PlanFigures::name).toList();
      List<Series> series = new ArrayList<>();
      for (Component component : shown) {
        List<BigDecimal> changes = candidates.stream().map(p -> p.component(component)
            .subtract(cells.baseline().component(component))).toList();
        if (changes.stream().anyMatch(c -> c.signum() != 0)) {
          series.add(new Series(component.code(), changes));
        }
      }
      chart = series.isEmpty() ? null : new Chart("cost-by-plan", "Cost change against "
          + cells.baseline().name() + ", by component", "bar", labels, series, "candidate",
          "change in cost (" + cells.baseline().plan().currency() + ")");
    }

    List<String> notes = List.of("Cost counts paid, released, held (still owed) and clawed-back "
        + "money; forfeited holdbacks and banned spiffs are shown but not counted. Rep cost is "
        + "what vendor reps are paid; channel cost is what partners and their reps are paid.");

    Map<String, Object> json = new LinkedHashMap<>();
    List<Object> perPlan = new ArrayList<>();
    for (PlanFigures plan : plans) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("plan", plan.name());
      one.put("won_revenue", Money.round(plan.wonRevenue()));
      Map<String, Object> components = new LinkedHashMap<>();
      for (Component component : Component.values()) {
        components.put(component.code(), plan.component(component));
      }
      one.put("by_component", components);
      Map<String, Object> statuses = new LinkedHashMap<>();
      for (Status status : Status.values()) {
        statuses.put(status.code(), plan.status(status));
      }
      one.put("by_status", statuses);
      one.put("rep_cost", plan.repCost());
      one.put("channel_cost", plan.channelCost());
      one.put("total_cost", plan.totalCost());
      one.put("cost_of_sales", Fmt.json(plan.costOfSales()));
      one.put("rep_cost_share", Fmt.json(plan.repCostShare()));
      one.put("channel_cost_share", Fmt.json(plan.channelCostShare()));
      one.put("cost_change", cells.costChange(plan));
      one.put("cost_change_pct", Fmt.json(Fmt.ratio(cells.costChange(plan), cells.baseline().totalCost())));
      perPlan.add(one);
    }
    json.put("plans", perPlan);
    return new ReportSection("cost", "Cost by plan and component", notes, List.of(table),
        chart == null ? List.of() : List.of(chart), json);
  }
}
