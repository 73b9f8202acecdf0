package dev.compsim.report;

import dev.compsim.behavior.Assumptions;
import dev.compsim.behavior.BehaviorModel;
import dev.compsim.behavior.Simulation;
import dev.compsim.engine.Engine;
import dev.compsim.model.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * One sweep variant's figures, made the way {@code compare BASELINE VARIANT} makes them: the
 * variant's ledger sums (the columnar engine's, see {@link #figures}) as {@link PlanFigures},
 * set against the baseline's in a {@link Comparison}, whose rep changes and guardrails give the
 * rest. The
 * baseline is evaluated once and shared by every variant; so is the engine and its deal table.
 */
public final class SweepFigures {
  private final Engine engine;
  private final Plan baseline;
  private final PlanFigures baselineFigures;
  private final Assumptions assumptions;
  private final int runs;
  private final long seed;

  /**
   * @param runs simulation runs behind the expected figures (as compare's {@code --runs}); 0 for
   *     none
   */
  public SweepFigures(Engine engine, Plan baseline, Assumptions assumptions, int runs,
      long seed) {
    this.engine = engine;
    this.baseline = baseline;
    this.baselineFigures = PlanFigures.totals(baseline, engine);
    this.assumptions = assumptions;
    this.runs = runs;
    this.seed = seed;
  }

  /** The baseline's own row: nothing changes against itself. */
  public Sweep.Row baselineRow() {
    Comparison comparison = Comparison.of(engine.asOf(), engine.data(),
        engine.wonCount(), List.of(baselineFigures));
    return row("baseline", List.of(), baselineFigures, comparison, null, 0);
  }

  /** The row of variant {@code id}, plan {@code plan}, made by {@code params}. */
  public Sweep.Row row(String id, List<Sweep.Param> params, Plan plan) {
    PlanFigures figures = PlanFigures.totals(plan, engine); // all a row reads
    Comparison comparison = Comparison.of(engine.asOf(), engine.data(),
        engine.wonCount(), List.of(baselineFigures, figures));
    Outlook.Plan expected = null;
    if (runs > 0) {
      // the same simulation compare runs for these two plans: its seed, its runs
      BehaviorModel model = new BehaviorModel(engine, List.of(baseline, plan), assumptions);
      Outlook outlook = BehaviorSections.outlook(new Simulation(model).run(assumptions, runs,
          seed, 1, null), seed);
      expected = outlook.plans().get(1);
    }
    return row(id, params, figures, comparison, expected,
        comparison.repChanges().get(0).losingMoreThan10Pct());
  }

  private Sweep.Row row(String id, List<Sweep.Param> params, PlanFigures figures,
      Comparison comparison, Outlook.Plan expected, int losing) {
    List<String> failed = new ArrayList<>();
    int guardrails = 0;
    for (GuardrailResult result : comparison.guardrails()) {
      if (result.plan().equals(figures.name())) {
        guardrails++;
        if (result.outcome() == GuardrailResult.Outcome.FAILED) {
          failed.add(result.guardrail().metric());
        }
      }
    }
    if (expected == null && runs > 0 && figures == baselineFigures) {
      BehaviorModel model = new BehaviorModel(engine, List.of(baseline), assumptions);
      expected = BehaviorSections.outlook(new Simulation(model).run(assumptions, runs, seed, 1,
          null), seed).plans().get(0);
    }
    return new Sweep.Row(id, params, figures.name(), figures.totalCost(), figures.repCost(),
        figures.channelCost(), figures.costOfSales(),
        figures.totalCost().subtract(baselineFigures.totalCost()), losing, guardrails, failed,
        expected == null ? null : expected.expectedCost(),
        expected == null ? null : expected.expectedRevenue(),
        expected == null ? null : expected.repsLosingMoreThan10Pct());
  }
}
