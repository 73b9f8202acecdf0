package dev.compsim.cli;

import dev.compsim.io.DataFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the input tables are: a directory, and each file on its own. */
public final class DataOptions {
  @Option(names = "--data", paramLabel = "DIR",
      description = "Directory with deals.csv, reps.csv and, when present, partners.csv, "
          + "activities.csv and fx.csv.")
  Path dir;

  @Option(names = "--deals", paramLabel = "FILE", description = "Deals file (overrides DIR).")
  Path deals;

  @Option(names = "--reps", paramLabel = "FILE", description = "Reps file (overrides DIR).")
  Path reps;

  @Option(names = "--partners", paramLabel = "FILE", description = "Partners file.")
  Path partners;

  @Option(names = "--activities", paramLabel = "FILE", description = "Activities file.")
  Path activities;

  @Option(names = "--fx", paramLabel = "FILE",
      description = "Exchange rates: currency,rate_to_plan_currency.")
  Path fx;

  DataFiles files() {
    return DataFiles.of(dir, deals, reps, partners, activities, fx);
  }

  boolean given() {
    return dir != null || deals != null || reps != null;
  }
}
