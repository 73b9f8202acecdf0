package dev.compsim.cli;

import java.util.Locale;

/** The outputs {@code --format} chooses among. */
enum ReportFormat {
  /** The compact table on the terminal. */
  TABLE(null),
  /** summary.md, for a pull-request comment. */
  MD("summary.md"),
  /** ledger.csv, every ledger line of every plan. */
  CSV("ledger.csv"),
  /** report.json, stable documented keys. */
  JSON("report.json"),
  /** report.html, one self-contained page with charts. */
  HTML("report.html"),
  /** report.xlsx: summary, per-rep changes and ledger sheets. */
  XLSX("report.xlsx");

  final String file;

  ReportFormat(String file) {
    this.file = file;
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
