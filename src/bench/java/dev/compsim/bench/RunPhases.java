package dev.compsim.bench;

import dev.compsim.engine.Consistency;
import dev.compsim.engine.DataProfile;
import dev.compsim.engine.Engine;
import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.LoadedData;
import dev.compsim.io.PlanReader;
import dev.compsim.model.DataSet;
import dev.compsim.model.Plan;
import dev.compsim.report.PlanTotals;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where the time of {@code compsim run} goes: each phase of a run, one after another on one
 * thread, with its wall time, the CPU time of this thread and that of the whole process (the
 * reader's parsing thread, the collector and the compiler). CPU time is the steadier figure on a
 * busy machine.
 *
 * <p>Usage: {@code java -cp compsim.jar dev.compsim.bench.RunPhases DATA_DIR PLAN...}
 */
public final class RunPhases {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private RunPhases() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: RunPhases DATA_DIR PLAN...");
    }
    List<Path> planFiles = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      planFiles.add(Path.of(args[i]));
    }
    List<Plan> plans = time("read plans (PlanReader)", () -> new PlanReader().readAll(planFiles));
    LoadedData loaded = time("read data (DataReader, CsvTable)",
        () -> new DataReader().read(DataFiles.inDirectory(Path.of(args[0]))));
    DataSet data = loaded.data();
    time("check data (Consistency.check(data))", () -> Consistency.check(data));
    time("check plans (Consistency.check(plan, data)) x" + plans.size(), () -> {
      DataProfile profile = DataProfile.of(data);
      plans.forEach(plan -> Consistency.check(plan, profile));
      return null;
    });
    Engine engine = time("engine (filter and sort won deals)",
        () -> new Engine(data, data.latestDate()));
    time("deal table (columns and shapes)", () -> engine.sums(plans.get(0)));
    for (Plan plan : plans) {
      time("ledger " + plan.name() + " (Evaluation, PlanTotals)", () -> {
        PlanTotals totals = new PlanTotals(plan.name(), engine.wonRevenue(plan));
        engine.evaluate(plan, totals, false);
        return totals.lines();
      });
      time("columnar " + plan.name() + " (Engine.sums)", () -> engine.sums(plan));
    }
  }

  /**
   * Runs one phase and prints its wall time, this thread's CPU time and the process's; the
   * phase timer of every bench class.
   */
  static <T> T time(String phase, Supplier<T> work) {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long process = OS.getProcessCpuTime();
    T result = work.get();
    System.out.printf(Locale.ROOT, "%8.3f s wall %8.3f s cpu %8.3f s process cpu  %s%n",
        (System.nanoTime() - wall) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9,
        (OS.getProcessCpuTime() - process) / 1e9, phase);
    return result;
  }
}
