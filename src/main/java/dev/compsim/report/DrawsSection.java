package dev.compsim.report;

import dev.compsim.engine.Component;
import dev.compsim.engine.Status;
import dev.compsim.model.Draw;
import dev.compsim.model.Money;
import dev.compsim.model.Plan;
import dev.compsim.model.Rules;
import dev.compsim.report.ReportSection.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws per plan: what was drawn and guaranteed, recovered and forgiven, and the advance the
 * reps still owe as of the report date. Every figure is a sum of the plan's ledger lines.
 */
public final class DrawsSection {
  private DrawsSection() {}

  /** Whether a role of the plan has a draw. */
  public static boolean hasDraws(Plan plan) {
    if (plan.rules().draw() != null) {
      return true;
    }
    for (Rules rules : plan.roles().values()) {
      if (rules.draw() != null) {
        return true;
      }
    }
    return false;
  }

  public static ReportSection section(Comparison comparison) {
    List<PlanFigures> plans = comparison.plans();
    List<String> header = new ArrayList<>();
    header.add("");
    List<Boolean> numeric = new ArrayList<>();
    numeric.add(false);
    for (PlanFigures plan : plans) {
      header.add(plan.name());
      numeric.add(true);
    }
    String currency = plans.get(0).plan().currency();
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(row("draw (recoverable)", plans,
        p -> Cell.money(p.component(Component.DRAW), currency)));
    rows.add(row("guarantee (not recoverable)", plans,
        p -> Cell.money(p.component(Component.GUARANTEE), currency)));
    rows.add(row("draw_recovery", plans,
        p -> Cell.money(p.component(Component.DRAW_RECOVERY), currency)));
    rows.add(row("forgiven (not cost)", plans,
        p -> Cell.money(p.status(Status.FORGIVEN), currency)));
    rows.add(row("advance outstanding", plans, p -> Cell.money(p.advance(), currency)));
    rows.add(row("reps owing an advance", plans, p -> Cell.count(owing(p))));
    Table table = Table.of("Draws and the advance owed as of " + comparison.asOf() + " ("
        + currency + ")", header, numeric, rows);

    List<String> notes = new ArrayList<>();
    notes.add("A draw tops each period's commission up to the draw amount. A recoverable draw is an "
        + "advance: commission above the amount repays it (draw_recovery, negative); a balance "
        + "left at the fiscal year's end is carried or forgiven. The draws are counted in cost "
        + "when paid; the advance outstanding is the part the reps still owe back.");
    for (PlanFigures plan : plans) {
      List<String> terms = new ArrayList<>();
      describe(plan.plan().rules().draw(), "", terms);
      // by role name: a plan's roles are an unordered map
      new java.util.TreeMap<>(plan.plan().roles()).forEach((role, rules) -> {
        if (rules.draw() != plan.plan().rules().draw()) {
          describe(rules.draw(), role + ": ", terms);
        }
      });
      if (!terms.isEmpty()) {
        long owing = owing(plan);
        notes.add(plan.name() + ": " + String.join("; ", terms) + ". Drawn "
            + Fmt.money(plan.component(Component.DRAW).add(plan.component(Component.GUARANTEE)))
            + ", recovered " + Fmt.money(plan.component(Component.DRAW_RECOVERY).negate())
            + ", forgiven " + Fmt.money(plan.status(Status.FORGIVEN).negate())
            + "; advance outstanding " + Fmt.money(plan.advance()) + ", owed by " + owing
            + (owing == 1 ? " rep." : " reps."));
      }
    }

    Map<String, Object> json = new LinkedHashMap<>();
    List<Object> perPlan = new ArrayList<>();
    for (PlanFigures plan : plans) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("plan", plan.name());
      one.put("draw", plan.component(Component.DRAW));
      one.put("guarantee", plan.component(Component.GUARANTEE));
      one.put("draw_recovery", plan.component(Component.DRAW_RECOVERY));
      one.put("forgiven", plan.status(Status.FORGIVEN));
      one.put("advance", plan.advance());
      Map<String, Object> byRep = new LinkedHashMap<>();
      plan.advances().forEach((rep, amount) -> {
        if (amount.signum() != 0) {
          byRep.put(rep, amount);
        }
      });
      one.put("advance_by_rep", byRep);
      perPlan.add(one);
    }
    json.put("as_of", comparison.asOf().toString());
    json.put("plans", perPlan);
    return new ReportSection("draws", "Draws and advances", notes, List.of(table), List.of(),
        json);
  }

  private static long owing(PlanFigures plan) {
    return plan.advances().values().stream().filter(a -> a.signum() > 0).count();
  }

  private static void describe(Draw draw, String who, List<String> terms) {
    if (draw == null) {
      return;
    }
    if (draw.amount().signum() == 0) {
      terms.add(who + "no draw");
      return;
    }
    terms.add(who + Money.grouped(draw.amount()) + " a period, "
        + (draw.recoverable() ? "recoverable" : "not recoverable")
        + (draw.months() == null ? "" : ", for " + draw.months() + " months")
        + (draw.recoverable() ? (draw.carry() ? ", carried" : ", forgiven at the year's end")
            : ""));
  }

  private static List<Cell> row(String label, List<PlanFigures> plans,
      java.util.function.Function<PlanFigures, Cell> cell) {
    List<Cell> row = new ArrayList<>();
    row.add(Cell.text(label));
    for (PlanFigures plan : plans) {
      row.add(cell.apply(plan));
    }
    return row;
  }
}
