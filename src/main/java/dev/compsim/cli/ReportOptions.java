package dev.compsim.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --out} and {@code --format}: where the comparison reports go, and which. */
final class ReportOptions {
  @Option(names = "--out", paramLabel = "DIR",
      description = "Write summary.md, report.json, report.html, report.xlsx and ledger.csv "
          + "into DIR.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Outputs: table, md, csv, json, html, xlsx (repeatable). Default: table, and "
          + "every file with --out. Without --out, md and json print to the terminal.")
  List<ReportFormat> formats;

  /** Formats chosen on the command line; without --out only the terminal ones. */
  Set<ReportFormat> chosen(CommandSpec spec) {
    Set<ReportFormat> chosen = formats == null || formats.isEmpty()
        ? (out == null ? EnumSet.of(ReportFormat.TABLE) : EnumSet.allOf(ReportFormat.class))
        : EnumSet.copyOf(formats);
    if (out == null) {
      for (ReportFormat format : chosen) {
        if (format.file != null && format != ReportFormat.MD && format != ReportFormat.JSON) {
          throw new ParameterException(spec.commandLine(),
              "--format " + format.code() + " writes " + format.file + ": give --out DIR");
        }
      }
    }
    return chosen;
  }
}
