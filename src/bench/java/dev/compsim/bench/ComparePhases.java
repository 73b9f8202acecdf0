package dev.compsim.bench;

import dev.compsim.behavior.Assumptions;
import dev.compsim.behavior.BehaviorModel;
import dev.compsim.behavior.Simulation;
import dev.compsim.engine.Engine;
import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.PlanReader;
import dev.compsim.model.DataSet;
import dev.compsim.model.Plan;
import dev.compsim.report.BehaviorSections;
import dev.compsim.report.Comparison;
import dev.compsim.report.PlanTotals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the time of {@code compsim compare} goes beyond {@code run}'s: each phase one after
 * another, with its wall time, this thread's CPU time and the process's (the simulation runs on
 * every core). Phases: reading, the plans' evaluation (what run does), the behavior model (the
 * typical deals, each plan's scenario book, the observed shares), the simulation's first run (the
 * deal facts and each plan compiled), the default 50 runs, and the report model.
 *
 * <p>Usage: {@code java -cp ... dev.compsim.bench.ComparePhases DATA_DIR PLAN...}; {@code
 * -Druns=N} for another number of runs.
 */
public final class ComparePhases {
  private ComparePhases() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: ComparePhases DATA_DIR PLAN...");
    }
    List<Path> planFiles = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      planFiles.add(Path.of(args[i]));
    }
    List<Plan> plans = RunPhases.time("read plans", () -> new PlanReader().readAll(planFiles));
    DataSet data = RunPhases.time("read data", () -> new DataReader().read(
        DataFiles.inDirectory(Path.of(args[0]))).data());
    Engine engine = RunPhases.time("engine", () -> new Engine(data, data.latestDate()));
    RunPhases.time("evaluate plans (run)", () -> {
      for (Plan plan : plans) {
        engine.evaluate(plan, new PlanTotals(plan.name(), engine.wonRevenue(plan)), false);
      }
      return null;
    });
    Assumptions assumptions = Assumptions.defaults();
    BehaviorModel model = RunPhases.time("behavior model (typical, gradients, shares)",
        () -> new BehaviorModel(engine, plans, assumptions));
    Simulation simulation = Simulation.forHeadline(model);
    RunPhases.time("simulation: facts, compile, 1 run", () -> simulation.run(assumptions, 1, 1, 0, null));
    if (Boolean.getBoolean("again")) {
      RunPhases.time("again: behavior model", () -> new BehaviorModel(engine, plans, assumptions));
      RunPhases.time("again: facts, compile, 1 run",
          () -> Simulation.forHeadline(model).run(assumptions, 1, 1, 0, null));
    }
    int runs = Integer.getInteger("runs", 50);
    Simulation.Outcome outcome = RunPhases.time("simulation: " + runs + " runs",
        () -> simulation.run(assumptions, runs, 1, 0, null));
    long won = (long) engine.wonDeals().size() * plans.size();
    System.out.printf(Locale.ROOT, "work: run evaluates %,d won deals x plans; compare adds "
        + "%,d scenario deals and %,d compiled variants (of %,d opportunities x plans)%n", won,
        model.scenarioDeals(), simulation.compiledVariants(),
        (long) model.opportunities() * plans.size());
    RunPhases.time("comparison (Comparison.of, behavior sections)", () -> {
      Comparison comparison = Comparison.of(engine, plans, 0);
      for (var section : BehaviorSections.compare(model, assumptions)) {
        comparison = comparison.with(section);
      }
      return comparison.withOutlook(BehaviorSections.outlook(outcome, 1));
    });
  }

}
