package dev.compsim.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the input tables are. deals.csv and reps.csv are required; partners.csv, activities.csv,
 * fx.csv and payments.csv are read when present.
 */
public record DataFiles(Path deals, Path reps, Path partners, Path activities, Path fx,
    Path payments) {

  public DataFiles(Path deals, Path reps, Path partners, Path activities, Path fx) {
    this(deals, reps, partners, activities, fx, null);
  }

  /** The canonical files of {@code dir}, each replaced by an explicit path when one is given. */
  public static DataFiles of(Path dir, Path deals, Path reps, Path partners, Path activities,
      Path fx) {
    return of(dir, deals, reps, partners, activities, fx, null);
  }

  /** As above, with payments.csv (or an explicit payments file). */
  public static DataFiles of(Path dir, Path deals, Path reps, Path partners, Path activities,
      Path fx, Path payments) {
    return new DataFiles(
        pick(deals, dir, "deals.csv", true),
        pick(reps, dir, "reps.csv", true),
        pick(partners, dir, "partners.csv", false),
        pick(activities, dir, "activities.csv", false),
        pick(fx, dir, "fx.csv", false),
        pick(payments, dir, "payments.csv", false));
  }

  public static DataFiles inDirectory(Path dir) {
    return of(dir, null, null, null, null, null);
  }

  private static Path pick(Path given, Path dir, String name, boolean required) {
    if (given != null) {
      return given;
    }
    if (dir == null) {
      return null;
    }
    Path file = dir.resolve(name);
    return required || Files.exists(file) ? file : null;
  }

  /** Problems with the files themselves: missing directory or required file. */
  public List<Diagnostic> check(Path dir) {
    List<Diagnostic> problems = new ArrayList<>();
    if (dir != null && !Files.isDirectory(dir)) {
      problems.add(Diagnostic.of(dir, Files.exists(dir) ? "is not a directory (--data names "
          + "the directory that holds deals.csv and reps.csv)" : "data directory does not exist"));
      return problems;
    }
    if (deals == null) {
      problems.add(Diagnostic.of(null, "no deals: give --data DIR or --deals FILE"));
    } else if (!Files.exists(deals)) {
      problems.add(Diagnostic.of(deals, "deals file not found"));
    } else if (InputFile.problem(deals) != null) {
      problems.add(InputFile.problem(deals));
    }
    if (reps == null) {
      problems.add(Diagnostic.of(null, "no reps: give --data DIR or --reps FILE"));
    } else if (!Files.exists(reps)) {
      problems.add(Diagnostic.of(reps, "reps file not found (quotas come from reps.csv)"));
    } else if (InputFile.problem(reps) != null) {
      problems.add(InputFile.problem(reps));
    }
    for (Path optional : new Path[] {partners, activities, fx, payments}) {
      if (optional != null && !Files.exists(optional)) {
        problems.add(Diagnostic.of(optional, "file not found"));
      } else if (optional != null && InputFile.problem(optional) != null) {
        problems.add(InputFile.problem(optional));
      }
    }
    return problems;
  }
}
