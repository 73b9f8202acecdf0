package dev.compsim.cli;

import dev.compsim.engine.Consistency;
import dev.compsim.engine.DataProfile;
import dev.compsim.engine.Engine;
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

/**
 * Plans and data, read and checked together before any command computes anything: every problem
 * of every file is listed at once, and nothing is written when there is one.
 *
 * @param planFiles the files the plans came from, in the same order
 */
record Inputs(List<Path> planFiles, List<Plan> plans, LoadedData loaded, Engine engine) {

  static Inputs load(List<Path> planFiles, DataOptions dataOptions, LocalDate asOf) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Plan> plans = List.of();
    try {
      plans = new PlanReader().readAll(planFiles);
    } catch (InputException e) {
      problems.addAll(e.diagnostics());
    }
    LoadedData loaded = null;
    try {
      loaded = loadData(plans, planFiles, dataOptions);
    } catch (InputException e) {
      problems.addAll(e.diagnostics());
    }
    InputException.throwIfAny(problems);
    DataSet data = loaded.data();
    LocalDate effective = asOf != null ? asOf : data.latestDate();
    if (effective == null) {
      throw new InputException(Diagnostic.of(loaded.files().deals(),
          "no dates in the data; give --as-of"));
    }
    return new Inputs(planFiles, plans, loaded, new Engine(data, effective));
  }

  /**
   * Reads the data and checks it alone and against each plan; every problem is in the
   * InputException.
   */
  static LoadedData loadData(List<Plan> plans, List<Path> planFiles, DataOptions dataOptions) {
    List<Diagnostic> problems = new ArrayList<>(dataOptions.files().check(dataOptions.dir));
    InputException.throwIfAny(problems);
    LoadedData loaded = dataOptions.reader().read(dataOptions.files());
    DataSet data = loaded.data();
    problems.addAll(loaded.place(Consistency.check(data), null));
    if (problems.isEmpty() && !plans.isEmpty()) {
      DataProfile profile = DataProfile.of(data); // one pass over the deals for every plan
      for (int i = 0; i < plans.size(); i++) {
        problems.addAll(loaded.place(Consistency.check(plans.get(i), profile), planFiles.get(i)));
      }
    }
    InputException.throwIfAny(problems);
    return loaded;
  }

  DataSet data() {
    return loaded.data();
  }
}
