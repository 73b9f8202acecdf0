package dev.compsim.cli;

import dev.compsim.engine.DataCoverage;
import dev.compsim.io.ColumnMap;
import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.model.DataSet;
import dev.compsim.report.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the input tables are: a directory, and each file on its own. */
public final class DataOptions {
  /** The command these options belong to, for its --quiet and its error stream. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Directory with deals.csv, reps.csv and, when present, partners.csv, "
          + "activities.csv, fx.csv and payments.csv.")
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

  @Option(names = "--payments", paramLabel = "FILE",
      description = "Customer payments: deal_id,date,amount (for pay_on: payment).")
  Path payments;

  @Option(names = "--preset", paramLabel = "CRM",
      description = "The deals file is a standard export of this CRM: salesforce or hubspot "
          + "(default: recognised from the header).")
  String preset;

  @Option(names = "--columns", paramLabel = "MAP.yaml",
      description = "Column map for any other export: columns, stages, date_format.")
  Path columns;

  @Option(names = "--date-format", paramLabel = "PATTERN",
      description = "Date pattern of a CRM export (given by --preset or recognised), e.g. "
          + "d/M/yyyy for day-first dates; a column map sets date_format.")
  String dateFormat;

  @Option(names = "--implementation-lag", paramLabel = "DAYS",
      description = "Assume every won deal whose implementation the data leaves pending and "
          + "undated goes live DAYS after close (for exports without an implementation column; "
          + "reports say it is assumed).")
  Integer implementationLag;

  /** The implementation lag to assume, or null; a negative one is an InputException. */
  Integer implementationLag() {
    if (implementationLag != null && (implementationLag < 0 || implementationLag > 3650)) {
      throw new InputException(Diagnostic.of(null, "--implementation-lag must be 0 to 3650 "
          + "days, not " + implementationLag));
    }
    return implementationLag;
  }

  /** {@code data} with the assumptions these options state in place of missing data. */
  DataSet assumed(DataSet data) {
    Integer lag = implementationLag();
    return lag == null ? data : DataCoverage.assumeImplementations(data, lag);
  }

  /** {@code comparison}, naming the assumptions these options state in place of data. */
  dev.compsim.report.Comparison stated(dev.compsim.report.Comparison comparison) {
    return implementationLag == null ? comparison : comparison.withAssumption("every "
        + "implementation the data leaves pending and undated goes live " + implementationLag
        + " days after close (--implementation-lag)");
  }

  /** The reader for these options; a bad preset or column map is an InputException. */
  DataReader reader() {
    if (preset != null && columns != null) {
      throw new InputException(Diagnostic.of(columns, "give --preset or --columns, not both"));
    }
    if (dateFormat != null && columns != null) {
      throw new InputException(Diagnostic.of(columns, "--date-format goes with a preset; a "
          + "column map sets date_format"));
    }
    if (preset != null) {
      if (!ColumnMap.PRESETS.contains(preset.toLowerCase(java.util.Locale.ROOT))) {
        throw new InputException(Diagnostic.of(null, "unknown preset \"" + preset
            + "\"; expected one of " + String.join(", ", ColumnMap.PRESETS)));
      }
      ColumnMap map = ColumnMap.preset(preset);
      return new DataReader(dateFormat == null ? map : map.withDateFormat(dateFormat), false);
    }
    if (columns != null) {
      return new DataReader(ColumnMap.read(columns), false);
    }
    if (dateFormat != null) {
      ColumnMap.preset("salesforce").withDateFormat(dateFormat); // refuses a bad pattern now
    }
    return new DataReader(null, true, dateFormat).onDetected(this::announce);
  }

  /**
   * Says on stderr which CRM export the deals file was recognised as, unless the command was
   * asked to be quiet: the columns it reads and the stages it accepts follow from that.
   */
  private void announce(Path file, String preset) {
    if (command == null) {
      return;
    }
    OptionSpec quiet = command.findOption("--quiet");
    if (quiet != null && Boolean.TRUE.equals(quiet.getValue())) {
      return;
    }
    String crm = preset.equals("hubspot") ? "HubSpot" : "Salesforce";
    PrintWriter err = command.commandLine().getErr();
    err.println("compsim: reading " + TerminalText.cell(String.valueOf(file)) + " as a " + crm
        + " export (recognised from its header; --preset or --columns to choose)");
    err.flush();
  }

  DataFiles files() {
    return DataFiles.of(dir, deals, reps, partners, activities, fx, payments);
  }

  boolean given() {
    return dir != null || deals != null || reps != null;
  }
}
