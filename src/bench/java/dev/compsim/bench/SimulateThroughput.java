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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Simulation throughput: {@code SimulateThroughput DATA_DIR PLAN...} reads the data and plans
 * with the normal readers, builds the behavior model and compiles the plans (not timed), warms
 * up, then times {@value #RUNS} runs on every core and prints one line:
 * {@code simulate: <N> deal-evaluations/s (<deals> deals x <runs> runs x <plans> plans in <s> s)}.
 * A deal-evaluation is one won deal re-priced under one plan in one run. The number of runs can
 * be set with {@code -Druns=N}, the threads with {@code -Dthreads=N} (default: every core). A second line gives the throughput per CPU-second, which a busy
 * machine does not distort.
 */
public final class SimulateThroughput {
  private static final int RUNS = 200;

  private SimulateThroughput() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: SimulateThroughput DATA_DIR PLAN...");
      return;
    }
    Path dir = Path.of(args[0]);
    List<Path> planFiles = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      planFiles.add(Path.of(args[i]));
    }
    List<Plan> plans = new PlanReader().readAll(planFiles);
    DataSet data = new DataReader().read(DataFiles.of(dir, null, null, null, null, null)).data();
    Simulation simulation = new Simulation(new BehaviorModel(Engine.latest(data), plans));
    Assumptions assumptions = Assumptions.defaults();
    int runs = Integer.getInteger("runs", RUNS);
    int threads = Integer.getInteger("threads", 0);
    simulation.run(assumptions, Math.max(4, runs / 10), 7L, threads, null); // compile, warm up
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    simulation.run(assumptions, runs, 42L, threads, null);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
    long evaluations = simulation.evaluations(runs);
    System.out.printf(Locale.ROOT,
        "simulate: %.0f deal-evaluations/s (%d deals x %d runs x %d plans in %.2f s)%n",
        evaluations / seconds, evaluations / runs / plans.size(), runs, plans.size(), seconds);
    // on a shared machine the wall clock undercounts: what one CPU-second buys, and that times
    // the cores, is the figure an idle machine would approach
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT,
        "simulate-cpu: %.0f deal-evaluations per CPU-second, x %d cores = %.0f/s if idle "
            + "(%.2f CPU-s)%n", evaluations / cpuSeconds, cores, cores * evaluations / cpuSeconds,
        cpuSeconds);
  }
}
