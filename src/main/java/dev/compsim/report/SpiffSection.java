package dev.compsim.report;

import dev.compsim.engine.Component;
import dev.compsim.report.ReportSection.Chart;
import dev.compsim.report.ReportSection.Series;
import dev.compsim.report.ReportSection.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spiff spend, and what a ban on activity spiffs removes. */
final class SpiffSection {
  private final SectionCells cells;
  private final List<PlanFigures> plans;

  private SpiffSection(Comparison comparison) {
    this.cells = new SectionCells(comparison);
    this.plans = comparison.plans();
  }

  /** The section, built from {@code comparison}'s figures. */
  static ReportSection of(Comparison comparison) {
    return new SpiffSection(comparison).build();
  }

  private ReportSection build() {
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(cells.row("deal and implementation spiffs", p -> cells.money(p.dealSpiffs())));
    rows.add(cells.row("activity spiffs paid", p -> cells.money(p.activitySpiffs())));
    rows.add(cells.row("total spiff cost", p -> cells.money(p.component(Component.SPIFF))));
    rows.add(cells.row("removed by a ban (not paid)", p -> cells.money(p.bannedSpiffs())));
    if (plans.size() > 1) {
      rows.add(cells.row("change vs baseline", p -> cells.signedMoney(p.component(Component.SPIFF)
          .subtract(cells.baseline().component(Component.SPIFF)))));
    }
    List<String> header = cells.planHeader("");
    Table table = Table.of("", header, cells.numericAfterFirst(header.size()), rows);
    List<String> notes = new ArrayList<>();
    for (PlanFigures plan : plans) {
      if (plan.bannedSpiffs().signum() != 0) {
        notes.add(plan.name() + " bans activity spiffs: they would have paid "
            + Fmt.money(plan.bannedSpiffs()) + ".");
      }
    }
    if (notes.isEmpty()) {
      notes.add("No plan bans activity spiffs.");
    }
    List<Object> jsonPlans = new ArrayList<>();
    for (PlanFigures plan : plans) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("plan", plan.name());
      one.put("deal_spiffs", plan.dealSpiffs());
      one.put("activity_spiffs", plan.activitySpiffs());
      one.put("total", plan.component(Component.SPIFF));
      one.put("banned", plan.bannedSpiffs());
      one.put("change", plan.component(Component.SPIFF)
          .subtract(cells.baseline().component(Component.SPIFF)));
      jsonPlans.add(one);
    }
    // side by side, never stacked: what a ban removes is money not paid, and stacked on top of
    // the spend it made the plan that pays least look the most expensive
    List<Chart> charts = List.of(new Chart("spiff-spend", "Spiff spend and what a ban removes",
        "bar", plans.stream().map(PlanFigures::name).toList(), List.of(
            new Series("deal and implementation spiffs",
                plans.stream().map(PlanFigures::dealSpiffs).toList()),
            new Series("activity spiffs paid",
                plans.stream().map(PlanFigures::activitySpiffs).toList()),
            new Series("removed by a ban (not paid)",
                plans.stream().map(PlanFigures::bannedSpiffs).toList())),
        "plan", "amount (" + cells.baseline().plan().currency() + ")"));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("plans", jsonPlans);
    return new ReportSection("spiffs", "Spiff spend", notes, List.of(table), charts, json);
  }
}
