package dev.compsim.report;

import dev.compsim.engine.Component;
import dev.compsim.engine.LedgerLine;
import dev.compsim.model.DataSet;
import dev.compsim.model.Rep;
import dev.compsim.report.ReportSection.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Competition winners from the prize lines of each plan. */
final class CompetitionSection {
  private final SectionCells cells;
  private final List<PlanFigures> plans;
  private final DataSet data;

  private CompetitionSection(Comparison comparison) {
    this.cells = new SectionCells(comparison);
    this.plans = comparison.plans();
    this.data = comparison.data();
  }

  /** The section, built from {@code comparison}'s figures. */
  static ReportSection of(Comparison comparison) {
    return new CompetitionSection(comparison).build();
  }

  private ReportSection build() {
    List<List<Cell>> rows = new ArrayList<>();
    List<Object> jsonPrizes = new ArrayList<>();
    for (PlanFigures plan : plans) {
      for (LedgerLine line : plan.prizes()) {
        Rep rep = data.reps().get(line.payee());
        String who = rep == null || rep.name().equals(rep.id()) ? line.payee()
            : rep.name() + " (" + rep.id() + ")";
        rows.add(List.of(Cell.text(plan.name()), Cell.text(line.period()), Cell.text(who),
            cells.money(line.amount()), Cell.text(line.status().code()),
            Cell.text(line.trace() == null ? "" : line.trace())));
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("plan", plan.name());
        one.put("period", line.period());
        one.put("payee", line.payee());
        one.put("name", rep == null ? line.payee() : rep.name());
        one.put("amount", line.amount());
        one.put("status", line.status().code());
        one.put("trace", line.trace() == null ? "" : line.trace());
        jsonPrizes.add(one);
      }
    }
    List<String> notes = new ArrayList<>();
    for (PlanFigures plan : plans) {
      if (!plan.plan().competitions().isEmpty()) {
        notes.add(plan.name() + " runs " + plan.plan().competitions().size()
            + (plan.plan().competitions().size() == 1 ? " competition" : " competitions")
            + " and awards " + Fmt.money(plan.component(Component.PRIZE)) + " in prizes.");
      }
    }
    if (notes.isEmpty()) {
      notes.add("No plan runs a competition.");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("prizes", jsonPrizes);
    return new ReportSection("competitions", "Competition winners", notes,
        rows.isEmpty() ? List.of() : List.of(Table.of("Prizes", List.of("plan", "period",
            "winner", "prize", "status", "how"), List.of(false, false, false, true, false, false),
            rows)), List.of(), json);
  }
}
