package dev.compsim.report;

import dev.compsim.engine.Status;
import dev.compsim.model.Money;
import dev.compsim.report.ReportSection.Chart;
import dev.compsim.report.ReportSection.Series;
import dev.compsim.report.ReportSection.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** When money is paid: by fiscal period earned, and released holdbacks by release period. */
final class PayoutTimingSection {
  private final SectionCells cells;
  private final List<PlanFigures> plans;
  private final LocalDate asOf;

  private PayoutTimingSection(Comparison comparison) {
    this.cells = new SectionCells(comparison);
    this.plans = comparison.plans();
    this.asOf = comparison.asOf();
  }

  /** The section, built from {@code comparison}'s figures. */
  static ReportSection of(Comparison comparison) {
    return new PayoutTimingSection(comparison).build();
  }

  private ReportSection build() {
    Set<String> periods = new TreeSet<>();
    for (PlanFigures plan : plans) {
      periods.addAll(plan.timing().keySet());
      periods.addAll(plan.releasedIn().keySet());
    }
    List<Table> tables = new ArrayList<>();
    List<String> costHeader = cells.planHeader("period earned");
    List<List<Cell>> costRows = new ArrayList<>();
    for (String period : periods) {
      costRows.add(cells.row(period, p -> cells.money(p.timing().getOrDefault(period,
          new PlanFigures.Timing()).cost())));
    }
    tables.add(Table.of("Cost by fiscal period earned (paid, released, held and clawed back)",
        costHeader, cells.numericAfterFirst(costHeader.size()), costRows));
    List<Object> jsonPlans = new ArrayList<>();
    List<String> header = List.of("period", "paid at close", "held back", "released",
        "still held", "forfeited", "clawed back", "released in period");
    for (PlanFigures plan : plans) {
      boolean holdsBack = plan.timing().values().stream()
          .anyMatch(t -> t.deferred().signum() != 0 || t.clawedBack().signum() != 0);
      List<List<Cell>> rows = new ArrayList<>();
      List<Object> jsonPeriods = new ArrayList<>();
      for (String period : periods) {
        PlanFigures.Timing t = plan.timing().getOrDefault(period, new PlanFigures.Timing());
        BigDecimal releasedIn = plan.releasedIn().getOrDefault(period, Money.ZERO);
        if (t.paid().signum() == 0 && t.deferred().signum() == 0 && t.clawedBack().signum() == 0
            && releasedIn.signum() == 0) {
          continue;
        }
        rows.add(List.of(Cell.text(period), cells.money(t.paid()), cells.money(t.deferred()),
            cells.money(t.released()), cells.money(t.held()), cells.money(t.forfeited()),
            cells.money(t.clawedBack()), cells.money(releasedIn)));
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("period", period);
        one.put("paid", t.paid());
        one.put("deferred", t.deferred());
        one.put("released", t.released());
        one.put("held", t.held());
        one.put("forfeited", t.forfeited());
        one.put("clawed_back", t.clawedBack());
        one.put("released_in_period", releasedIn);
        one.put("cost", t.cost());
        jsonPeriods.add(one);
      }
      if (holdsBack) {
        tables.add(Table.of(plan.name() + ": holdbacks by fiscal period earned (\"released in "
            + "period\": by period of release)", header, cells.numericAfterFirst(header.size()),
            rows));
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("plan", plan.name());
      one.put("held_liability", plan.status(Status.HELD));
      one.put("forfeited", plan.status(Status.FORFEITED));
      one.put("periods", jsonPeriods);
      jsonPlans.add(one);
    }
    List<String> labels = new ArrayList<>(periods);
    List<Series> series = new ArrayList<>();
    for (PlanFigures plan : plans) {
      boolean holdsBack = plan.timing().values().stream().anyMatch(t -> t.deferred().signum() != 0);
      if (!holdsBack) {
        continue;
      }
      series.add(new Series(plan.name() + ": held back", labels.stream().map(p -> plan.timing()
          .getOrDefault(p, new PlanFigures.Timing()).deferred()).toList()));
      series.add(new Series(plan.name() + ": released", labels.stream().map(p -> plan
          .releasedIn().getOrDefault(p, Money.ZERO)).toList()));
    }
    List<Chart> charts = new ArrayList<>();
    if (!series.isEmpty()) {
      charts.add(new Chart("holdback-timeline", "Holdback release timeline", "bar", labels,
          series, "fiscal period", "amount (" + cells.baseline().plan().currency() + ")"));
    }
    List<String> notes = new ArrayList<>();
    for (PlanFigures plan : plans) {
      BigDecimal deferred = plan.status(Status.RELEASED).add(plan.status(Status.HELD))
          .add(plan.status(Status.FORFEITED));
      if (deferred.signum() != 0) {
        notes.add(plan.name() + " holds back " + Fmt.money(deferred) + ": "
            + Fmt.money(plan.status(Status.RELEASED)) + " released, "
            + Fmt.money(plan.status(Status.HELD)) + " still owed as of " + asOf + ", "
            + Fmt.money(plan.status(Status.FORFEITED)) + " forfeited.");
      }
    }
    if (notes.isEmpty()) {
      notes.add("No plan holds back commission: everything is paid at close or period end.");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("plans", jsonPlans);
    return new ReportSection("timing", "Payout timing", notes, tables, charts, json);
  }
}
