package dev.compsim.cli;

import dev.compsim.engine.Engine;
import dev.compsim.io.LedgerCsvWriter;
import dev.compsim.io.OutputDir;
import dev.compsim.report.Comparison;
import dev.compsim.report.GuardrailJunit;
import dev.compsim.report.PlanFigures;
import dev.compsim.report.ReportHtml;
import dev.compsim.report.ReportJson;
import dev.compsim.report.ReportMarkdown;
import dev.compsim.report.ReportXlsx;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes the chosen report files of a comparison into a directory, all or nothing. */
final class ReportFiles {
  private ReportFiles() {}

  /**
   * How many ledger lines each plan of a comparison keeps: enough for the spreadsheet's ledger
   * sheet when it is wanted, none otherwise (ledger.csv is written by evaluating again).
   */
  static int linesToKeep(Set<ReportFormat> formats, int plans) {
    return formats.contains(ReportFormat.XLSX) ? ReportXlsx.MAX_LEDGER_ROWS / plans + 1 : 0;
  }

  /** The files a comparison writes: each chosen format's file in {@code dir}, and junit. */
  static List<Path> targets(Path dir, Set<ReportFormat> formats, Path junit) {
    List<Path> files = new ArrayList<>();
    if (dir != null) {
      for (ReportFormat format : formats) {
        if (format.file != null) {
          files.add(dir.resolve(format.file));
        }
      }
    }
    if (junit != null) {
      files.add(junit);
    }
    return files;
  }

  /**
   * Checks, creates and locks what a comparison writes (exit 2 when a path cannot be written or
   * another run writes there), before anything is read or computed; null when nothing is to be
   * written. Nothing appears until {@link #write} commits.
   */
  static OutputDir open(Path dir, Set<ReportFormat> formats, Path junit) {
    List<Path> targets = targets(dir, formats, junit);
    return targets.isEmpty() ? null : OutputDir.open(targets);
  }

  /**
   * Writes every format of {@code formats} that is a file into {@code dir} (when not null) and
   * the guardrails' JUnit XML to {@code junit} (when not null), all or none; returns the report
   * files written (not the JUnit file). The ledger is streamed from {@code engine} plan by plan,
   * so it never has to fit in memory.
   */
  static List<Path> write(OutputDir out, Path dir, Comparison comparison,
      Set<ReportFormat> formats, Engine engine, Path junit) {
    List<Path> reports = new ArrayList<>();
    for (ReportFormat format : formats) {
      if (format.file == null || dir == null) {
        continue;
      }
      Path file = dir.resolve(format.file);
      reports.add(file);
      switch (format) {
        case TABLE -> { }
        case MD -> out.write(file, ReportMarkdown.render(comparison));
        case JSON -> out.write(file, ReportJson.render(comparison));
        case HTML -> out.write(file, ReportHtml.render(comparison));
        case CSV -> {
          try (LedgerCsvWriter ledger = new LedgerCsvWriter(out.writer(file))) {
            for (PlanFigures plan : comparison.plans()) {
              engine.evaluate(plan.plan(), ledger, true);
            }
          }
        }
        case XLSX -> {
          try (OutputStream stream = out.stream(file)) {
            ReportXlsx.write(comparison, stream);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    if (junit != null) {
      List<String> plans = new ArrayList<>();
      comparison.plans().forEach(p -> plans.add(p.name()));
      out.write(junit, GuardrailJunit.render(plans, comparison.guardrails()));
    }
    out.commit();
    return reports;
  }

  /** Opens, writes and commits the reports of {@code formats} into {@code dir}. */
  static List<Path> write(Path dir, Comparison comparison, Set<ReportFormat> formats,
      Engine engine) {
    try (OutputDir out = open(dir, formats, null)) {
      return write(out, dir, comparison, formats, engine, null);
    }
  }
}
