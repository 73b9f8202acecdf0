package dev.compsim.cli;

import dev.compsim.generate.DataGenerator;
import dev.compsim.generate.GeneratorSettings;
import dev.compsim.io.DataCsvWriter;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.io.OutputDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code compsim generate}: a realistic synthetic data set of any size. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Writes a realistic synthetic data set (deals.csv, reps.csv, partners.csv, "
        + "activities.csv) of any size, for demos and benchmarks. The same options and seed give "
        + "byte-identical files on every machine.",
    footerHeading = "%nExample:%n",
    footer = "  compsim generate --deals 400 --reps 14 --partners 8 --seed 7 --out sample-data")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--deals", paramLabel = "N", defaultValue = "400",
      description = "Number of deals (won, lost and open; default: ${DEFAULT-VALUE}).")
  long deals;

  @Option(names = "--reps", paramLabel = "N", defaultValue = "14",
      description = "Number of reps: account executives, specialists and channel managers "
          + "(default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(names = "--partners", paramLabel = "N", defaultValue = "8",
      description = "Number of partners (default: ${DEFAULT-VALUE}).")
  int partners;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "7",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start", paramLabel = "DATE",
      description = "First close date (yyyy-MM-dd; default: the start of the vendor fiscal year "
          + "before the one containing --end, so the data spans two fiscal years).")
  LocalDate start;

  @Option(names = "--end", paramLabel = "DATE",
      description = "Last date in the data (yyyy-MM-dd; default: "
          + "2026-11-24).")
  LocalDate end;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Directory to write the CSV files into (created when missing).")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--no-progress", description = "Accepted for scripts that pass it to every "
      + "command; generate shows no progress bar.")
  boolean noProgress;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    checkDate("--start", start);
    checkDate("--end", end);
    if (start == null && end != null && end.isBefore(FIRST.plusYears(2))) {
      throw new InputException(Diagnostic.of(null, "--end " + end + " leaves no room for the "
          + "default two years of data after " + FIRST + "; give --start too"));
    }
    GeneratorSettings settings;
    try {
      settings = GeneratorSettings.of(deals, reps, partners, seed, start, end);
    } catch (IllegalArgumentException e) {
      throw new InputException(Diagnostic.of(null, e.getMessage()));
    }
    DataGenerator generator = new DataGenerator(settings);
    long[] counts = new long[3];
    try (OutputDir dir = OutputDir.open(out, "reps.csv", "partners.csv", "deals.csv",
        "activities.csv", "payments.csv")) {
      try (Writer w = dir.writer(out.resolve("reps.csv"))) {
        DataCsvWriter.reps(w, generator.reps());
      }
      try (Writer w = dir.writer(out.resolve("partners.csv"))) {
        DataCsvWriter.partners(w, generator.partners());
      }
      try (Writer w = dir.writer(out.resolve("deals.csv"));
          Writer p = dir.writer(out.resolve("payments.csv"))) {
        var sink = DataCsvWriter.deals(w);
        var paymentSink = DataCsvWriter.payments(p);
        var payments = generator.payments(payment -> {
          paymentSink.accept(payment);
          counts[2]++;
        });
        generator.deals(deal -> {
          sink.accept(deal);
          payments.accept(deal);
          counts[0]++;
        });
      }
      try (Writer w = dir.writer(out.resolve("activities.csv"))) {
        var sink = DataCsvWriter.activities(w);
        generator.activities(activity -> {
          sink.accept(activity);
          counts[1]++;
        });
      }
      dir.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!quiet) {
      PrintWriter w = spec.commandLine().getOut();
      w.printf(java.util.Locale.ROOT,
          "Wrote %s: %s closing %s to %s, %s, %s, %s, %s (seed %d)%n",
          out, count(counts[0], "deal"), settings.start(), settings.end(), count(reps, "rep"),
          count(partners, "partner"), count(counts[1], "activity row"),
          count(counts[2], "payment"), seed);
      w.flush();
    }
    return ExitCode.OK;
  }

  /** The dates a {@code yyyy-MM-dd} column can hold, so that the files can be read back. */
  private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
  private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

  private static void checkDate(String option, LocalDate date) {
    if (date != null && (date.isBefore(FIRST) || date.isAfter(LAST))) {
      throw new InputException(Diagnostic.of(null, option + " " + date + " is out of range: "
          + "give a date from " + FIRST + " to " + LAST));
    }
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
