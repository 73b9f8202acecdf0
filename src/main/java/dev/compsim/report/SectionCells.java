package dev.compsim.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The cells and headers the core sections share: one column per plan, the baseline marked, every
 * amount in the baseline's currency. One per section being built.
 */
final class SectionCells {
  /** What a candidate-only cell shows in the baseline's column. */
  static final Cell NONE = Cell.text("\u2014");

  private final List<PlanFigures> plans;

  SectionCells(Comparison comparison) {
    this.plans = comparison.plans();
  }

  PlanFigures baseline() {
    return plans.get(0);
  }

  /** {@code first}, then each plan's name, the baseline's marked. */
  List<String> planHeader(String first) {
    List<String> header = new ArrayList<>();
    header.add(first);
    for (PlanFigures plan : plans) {
      header.add(plan.name() + (plan == baseline() ? " (baseline)" : ""));
    }
    return header;
  }

  /** Every column numeric but the first (the row's label). */
  List<Boolean> numericAfterFirst(int columns) {
    List<Boolean> numeric = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      numeric.add(i > 0);
    }
    return numeric;
  }

  /** A labelled row with one cell per plan. */
  List<Cell> row(String label, Function<PlanFigures, Cell> cell) {
    List<Cell> row = new ArrayList<>();
    row.add(Cell.text(label));
    for (PlanFigures plan : plans) {
      row.add(cell.apply(plan));
    }
    return row;
  }

  /** The baseline's currency, in which every figure of the report is stated. */
  String currency() {
    return baseline().plan().currency();
  }

  Cell money(BigDecimal amount) {
    return Cell.money(amount, currency());
  }

  Cell signedMoney(BigDecimal amount) {
    return Cell.signedMoney(amount, currency());
  }

  /** A change in money and, in brackets, as a share of {@code whole}. */
  Cell change(BigDecimal delta, BigDecimal whole) {
    return Cell.withDetail(signedMoney(delta), "%", Cell.signedPercent(Fmt.ratio(delta, whole)));
  }

  /** A count and, in brackets, its share of the reps. */
  static Cell countAndShare(int count, RepChanges change) {
    return Cell.withDetail(Cell.count(count), "share", Cell.percent(change.share(count)));
  }

  /** How much more {@code plan} costs than the baseline. */
  BigDecimal costChange(PlanFigures plan) {
    return plan.totalCost().subtract(baseline().totalCost());
  }
}
