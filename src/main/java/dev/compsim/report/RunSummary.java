package dev.compsim.report;

import dev.compsim.engine.Component;
import dev.compsim.engine.Status;
import dev.compsim.model.Money;
import dev.compsim.model.Rep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The terminal summary of {@code compsim run}: one column per plan. */
public final class RunSummary {
  private RunSummary() {}

  public static String render(List<PlanTotals> plans, Map<String, Rep> reps, int topEarners) {
    List<String> headers = new ArrayList<>();
    headers.add("");
    for (PlanTotals plan : plans) {
      headers.add(plan.plan());
    }
    TextTable table = new TextTable(headers);
    row(table, plans, "won revenue", PlanTotals::wonRevenue);
    row(table, plans, "rep cost", PlanTotals::repCost);
    row(table, plans, "channel cost", PlanTotals::channelCost);
    row(table, plans, "total cost", PlanTotals::totalCost);
    List<String> cos = new ArrayList<>();
    cos.add("cost of sales");
    for (PlanTotals plan : plans) {
      cos.add(plan.costOfSales() == null ? "n/a" : Money.percent1(plan.costOfSales()));
    }
    table.row(cos);
    row(table, plans, "  paid", p -> p.status(Status.PAID));
    row(table, plans, "  released", p -> p.status(Status.RELEASED));
    row(table, plans, "  held (owed)", p -> p.status(Status.HELD));
    row(table, plans, "  clawed back", p -> p.status(Status.CLAWED_BACK));
    row(table, plans, "forfeited (not cost)", p -> p.status(Status.FORFEITED));
    row(table, plans, "banned spiffs (not cost)", p -> p.status(Status.BANNED));
    if (plans.stream().anyMatch(RunSummary::hasDraws)) {
      // paid − recovered − forgiven = the advance owed; guarantees are never owed back
      row(table, plans, "recoverable draws paid", p -> p.component(Component.DRAW));
      row(table, plans, "draws recovered", p -> p.component(Component.DRAW_RECOVERY));
      row(table, plans, "draws forgiven (not cost)", p -> p.status(Status.FORGIVEN));
      row(table, plans, "advance (draw balance owed)", PlanTotals::advance);
      row(table, plans, "guarantees paid (not owed back)",
          p -> p.component(Component.GUARANTEE));
    }

    StringBuilder out = new StringBuilder(table.render()).append('\n');
    for (PlanTotals plan : plans) {
      out.append('\n').append("Top earners, ").append(TerminalText.cell(plan.plan())).append(":\n");
      List<Map.Entry<String, BigDecimal>> top = plan.topEarners(topEarners);
      if (top.isEmpty()) {
        out.append("  (no rep was paid)\n");
      }
      int rank = 1;
      for (Map.Entry<String, BigDecimal> entry : top) {
        Rep rep = reps.get(entry.getKey());
        String who = rep == null || rep.name().equals(rep.id()) ? entry.getKey()
            : rep.name() + " (" + rep.id() + ")";
        out.append(String.format(Locale.ROOT, "  %d. %-32s %14s%n", rank++, TerminalText.cell(who),
            Money.grouped(entry.getValue())));
      }
    }
    return out.toString();
  }

  /** Whether the plan paid or recovered a draw: only then are the draw rows shown. */
  private static boolean hasDraws(PlanTotals plan) {
    return plan.component(Component.DRAW).signum() != 0
        || plan.component(Component.GUARANTEE).signum() != 0
        || plan.component(Component.DRAW_RECOVERY).signum() != 0
        || plan.status(Status.FORGIVEN).signum() != 0;
  }

  private static void row(TextTable table, List<PlanTotals> plans, String label,
      Function<PlanTotals, BigDecimal> value) {
    List<String> cells = new ArrayList<>();
    cells.add(label);
    for (PlanTotals plan : plans) {
      cells.add(Money.grouped(value.apply(plan)));
    }
    table.row(cells);
  }
}
