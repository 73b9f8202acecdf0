package dev.compsim.cli;

import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.io.OutputDir;
import dev.compsim.report.Sweep;
import dev.compsim.report.SweepJson;
import dev.compsim.report.SweepText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compsim sweep-merge}: the shards of one sweep joined into what one run writes. */
@Command(name = "sweep-merge", mixinStandardHelpOptions = true,
    description = "Joins the --out directories of the shards of one sweep (sweep --shard I/N) "
        + "into the files a single run writes, byte for byte: sweep.json, sweep.csv, "
        + "sweep.html and every plan file. Every shard must be there, once, from the same sweep.",
    footerHeading = "%nExample:%n",
    footer = "  compsim sweep-merge shard-1/ shard-2/ shard-3/ --out sweep/")
final class SweepMergeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SHARD_DIR",
      description = "The --out directories of the shards.")
  List<Path> shards;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Where the joined files are written.")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--no-progress", description = "Accepted for scripts that pass it to every "
      + "command; sweep-merge shows no progress bar.")
  boolean noProgress;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<Diagnostic> problems = new ArrayList<>();
    TreeMap<Integer, SweepJson.Read> byShard = new TreeMap<>();
    TreeMap<Integer, Path> dirOf = new TreeMap<>();
    int count = -1;
    Sweep.Header header = null;
    Sweep.Row baseline = null;
    for (Path dir : shards) {
      Path file = dir.resolve("sweep.json");
      SweepJson.Read read;
      try {
        if (!Files.isRegularFile(file)) {
          throw new InputException(Diagnostic.of(file, Files.isDirectory(dir)
              ? "no such file: not a sweep shard's --out directory" : "no such directory"));
        }
        read = SweepJson.read(Files.readString(file, StandardCharsets.UTF_8));
      } catch (InputException e) {
        problems.addAll(e.diagnostics());
        continue;
      } catch (IOException e) {
        problems.add(Diagnostic.of(file, "cannot read: " + OutputDir.describe(e)));
        continue;
      } catch (RuntimeException e) {
        problems.add(Diagnostic.of(file, "not a sweep shard's sweep.json: " + e.getMessage()));
        continue;
      }
      if (read.shard() == null) {
        problems.add(Diagnostic.of(file, "is a whole sweep, not a shard (sweep --shard I/N "
            + "writes shards)"));
        continue;
      }
      int[] slice = SweepCommand.shard(read.shard());
      if (count < 0) {
        count = slice[1];
        header = read.sweep().header();
        baseline = read.sweep().baseline();
      } else if (slice[1] != count) {
        problems.add(Diagnostic.of(file, "is shard " + read.shard() + " of a sweep split in "
            + slice[1] + ", the others in " + count));
        continue;
      } else if (!read.sweep().header().equals(header)
          || !read.sweep().baseline().equals(baseline)) {
        problems.add(Diagnostic.of(file, "is a shard of another sweep (its plan, options or "
            + "data differ from " + dirOf.firstEntry().getValue().resolve("sweep.json") + ")"));
        continue;
      }
      if (byShard.containsKey(slice[0])) {
        problems.add(Diagnostic.of(file, "shard " + read.shard() + " is given twice (also "
            + dirOf.get(slice[0]) + ")"));
        continue;
      }
      byShard.put(slice[0], read);
      dirOf.put(slice[0], dir);
    }
    InputException.throwIfAny(problems);
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      if (!byShard.containsKey(i)) {
        missing.add(i + "/" + count);
      }
    }
    if (!missing.isEmpty()) {
      throw new InputException(Diagnostic.of(null, "shard" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
          + " missing; every shard of the sweep is needed"));
    }
    List<Sweep.Row> rows = new ArrayList<>();
    List<Path> planSources = new ArrayList<>();
    byShard.forEach((i, read) -> {
      for (Sweep.Row row : read.sweep().rows()) {
        rows.add(row);
        planSources.add(dirOf.get(i).resolve(row.planFile()));
      }
    });
    Sweep sweep = new Sweep(header, baseline, rows.stream()
        .sorted(Comparator.comparing(Sweep.Row::id)).toList());
    if (sweep.rows().size() != header.variants()) {
      throw new InputException(Diagnostic.of(null, "the shards hold " + sweep.rows().size()
          + " variants, the sweep has " + header.variants()));
    }
    for (Path source : planSources) {
      if (!Files.isRegularFile(source)) {
        problems.add(Diagnostic.of(source, "no such file: the shard's plan file is missing"));
      }
    }
    InputException.throwIfAny(problems);
    List<Path> targets = new ArrayList<>(OutputDir.files(out,
        SweepCommand.FILES.toArray(String[]::new)));
    for (Sweep.Row row : sweep.rows()) {
      targets.add(out.resolve(row.planFile()));
    }
    List<Path> written;
    try (OutputDir output = OutputDir.open(targets)) {
      byShard.forEach((i, read) -> {
        for (Sweep.Row row : read.sweep().rows()) {
          try (OutputStream stream = output.stream(out.resolve(row.planFile()))) {
            stream.write(Files.readAllBytes(dirOf.get(i).resolve(row.planFile())));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
      written = SweepCommand.write(output, out, sweep);
      output.commit();
    }
    if (!quiet) {
      PrintWriter w = spec.commandLine().getOut();
      w.print(SweepText.render(sweep));
      for (Path path : written) {
        w.println("Wrote " + path);
      }
      w.printf(Locale.ROOT, "Wrote %,d plan files to %s (from %d shards)%n", sweep.rows().size(),
          out.resolve("plans"), count);
      w.flush();
    }
    return ExitCode.OK;
  }
}
