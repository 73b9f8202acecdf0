package dev.compsim.cli;

import dev.compsim.engine.Consistency;
import dev.compsim.engine.DataProfile;
import dev.compsim.engine.Engine;
import dev.compsim.engine.Problem;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.io.LoadedData;
import dev.compsim.io.PlanReader;
import dev.compsim.model.DataSet;
import dev.compsim.model.Plan;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Plans and data, read and checked together before any command computes anything: every problem
 * of every file is listed at once, and nothing is written when there is one.
 *
 * @param planFiles the files the plans came from, in the same order
 */
record Inputs(List<Path> planFiles, List<Plan> plans, LoadedData loaded, Engine engine) {

  static Inputs load(List<Path> planFiles, DataOptions dataOptions, LocalDate asOf) {
    return load(planFiles, dataOptions, asOf, false);
  }

  /**
   * @param columns whether the engine also builds its deal table (for {@link Engine#sums})
   *     while the data and plans are checked
   */
  static Inputs load(List<Path> planFiles, DataOptions dataOptions, LocalDate asOf,
      boolean columns) {
    // the plans are read on a thread of their own while the data is read: every problem of
    // both is still listed, as reading one after the other would
    PlanReading planReading = new PlanReading(planFiles);
    // and the engine sorts the won deals while the data and plans are checked; it is used only
    // when the checks find nothing
    List<FutureTask<Engine>> sorting = new ArrayList<>(1);
    List<FutureTask<Engine>> early = new ArrayList<>(1);
    List<Diagnostic> dataProblems = List.of();
    LoadedData loaded = null;
    try {
      // a bad value is refused before anything is read
      boolean assumesGoLives = dataOptions.implementationLag() != null;
      loaded = loadData(planReading::plans, planFiles, dataOptions, withoutPayments -> {
        // the engine starts while payments.csv is read, as of the rest of the data's latest
        // date; when the payments move the as-of later, it keeps its work (Engine#at)
        LocalDate before = asOf != null ? asOf : withoutPayments.latestDate();
        if (before != null && !assumesGoLives) {
          early.add(background("engine", () -> columns
              ? new Engine(withoutPayments, before).tabulated()
              : new Engine(withoutPayments, before)));
        }
      }, data -> {
        // as-of from the data as read: assumed go-lives do not move it
        LocalDate effective = asOf != null ? asOf : data.latestDate();
        if (effective != null) {
          DataSet used = dataOptions.assumed(data);
          FutureTask<Engine> started = early.isEmpty() ? null : early.get(0);
          sorting.add(background("engine", () -> {
            Engine engine = started != null ? join(started).at(used, effective)
                : new Engine(used, effective);
            return columns ? engine.tabulated() : engine;
          }));
        }
      });
    } catch (InputException e) {
      dataProblems = e.diagnostics();
    }
    List<Plan> plans = planReading.plans();
    List<Diagnostic> problems = new ArrayList<>(planReading.problems);
    problems.addAll(dataProblems);
    InputException.throwIfAny(problems);
    if (sorting.isEmpty()) {
      throw new InputException(Diagnostic.of(loaded.files().deals(),
          "no dates in the data; give --as-of"));
    }
    return new Inputs(planFiles, plans, loaded, join(sorting.get(0)));
  }

  /** Runs {@code work} on a daemon thread of its own. */
  static <T> FutureTask<T> background(String name, java.util.concurrent.Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return task;
  }

  /** What {@code task} computed, or what it threw, as thrown. */
  static <T> T join(FutureTask<T> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      } else if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Plan files read on a thread of their own; the plans, or none when a file has problems. */
  private static final class PlanReading {
    private final FutureTask<List<Plan>> task;
    private List<Plan> plans;
    List<Diagnostic> problems = List.of();

    PlanReading(List<Path> planFiles) {
      task = background("plan-read", () -> new PlanReader().readAll(planFiles));
    }

    /** Synchronized: the data's checks may ask first, on a thread of their own. */
    synchronized List<Plan> plans() {
      if (plans == null) {
        try {
          plans = join(task);
        } catch (InputException e) {
          problems = e.diagnostics();
          plans = List.of();
        }
      }
      return plans;
    }
  }

  /**
   * Reads the data and checks it alone and against each plan; every problem is in the
   * InputException.
   */
  static LoadedData loadData(List<Plan> plans, List<Path> planFiles, DataOptions dataOptions) {
    return loadData(() -> plans, planFiles, dataOptions, data -> { }, data -> { });
  }

  /**
   * As above, with plans that may still be being read (asked for once the data is),
   * {@code onDealsRead} told of the data without its payments while payments.csv is read
   * ({@link DataReader#onDealsRead}), and {@code onRead} told of the data before it is checked.
   * The checks read no payment: with a payments file they run on the data without it, while the
   * file is read.
   */
  private static LoadedData loadData(Supplier<List<Plan>> readPlans, List<Path> planFiles,
      DataOptions dataOptions, Consumer<DataSet> onDealsRead, Consumer<DataSet> onRead) {
    List<Diagnostic> problems = new ArrayList<>(dataOptions.files().check(dataOptions.dir));
    InputException.throwIfAny(problems);
    List<FutureTask<Checks>> early = new ArrayList<>(1);
    LoadedData loaded = dataOptions.reader().onDealsRead(withoutPayments -> {
      onDealsRead.accept(withoutPayments);
      early.add(background("checks", () -> Checks.of(withoutPayments, readPlans)));
    }).read(dataOptions.files());
    DataSet data = loaded.data();
    onRead.accept(data);
    Checks checks = early.isEmpty() ? Checks.of(data, readPlans) : join(early.get(0));
    problems.addAll(loaded.place(checks.data(), null));
    if (problems.isEmpty() && !checks.plans().isEmpty()) {
      // the plans share a currency (the plan reader sees to it): checked against the first
      problems.addAll(loaded.currencyProblems(checks.plans().get(0)));
      for (int i = 0; i < checks.plans().size(); i++) {
        problems.addAll(loaded.place(checks.byPlan().get(i), planFiles.get(i)));
      }
    }
    InputException.throwIfAny(problems);
    return loaded;
  }

  /**
   * What the data checks find, alone and against each plan (not yet placed at lines). The plans
   * are asked for, and checked, only when the data alone has no problem.
   */
  private record Checks(List<Problem> data, List<Plan> plans, List<List<Problem>> byPlan) {
    static Checks of(DataSet data, Supplier<List<Plan>> readPlans) {
      List<Problem> found = Consistency.check(data);
      List<Plan> plans = found.isEmpty() ? readPlans.get() : List.of();
      List<List<Problem>> byPlan = new ArrayList<>();
      if (!plans.isEmpty()) {
        DataProfile profile = DataProfile.of(data); // one pass over the deals for every plan
        for (Plan plan : plans) {
          byPlan.add(Consistency.check(plan, profile));
        }
      }
      return new Checks(found, plans, byPlan);
    }
  }

  DataSet data() {
    return loaded.data();
  }

  /**
   * The simulation's limit as a problem of the input (exit 2, not a bug): at the amount of the
   * largest deal, what the command cannot model.
   */
  InputException beyondCents(dev.compsim.behavior.Simulation.BeyondCents e, String command) {
    String message = command + " cannot model this data: " + e.getMessage();
    return new InputException(e.dealId() == null
        ? List.of(Diagnostic.of(null, message))
        : loaded.place(List.of(Problem.deal(e.dealId(), message).inColumn("amount")), null));
  }
}
