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

  /**
   * Writes every format of {@code formats} that is a file; returns the paths written. The
   * ledger is streamed from {@code engine} plan by plan, so it never has to fit in memory.
   */
  static List<Path> write(Path dir, Comparison comparison, Set<ReportFormat> formats,
      Engine engine) {
    try (OutputDir out = new OutputDir(dir)) {
      for (ReportFormat format : formats) {
        switch (format) {
          case TABLE -> { }
          case MD -> out.write(format.file, ReportMarkdown.render(comparison));
          case JSON -> out.write(format.file, ReportJson.render(comparison));
          case HTML -> out.write(format.file, ReportHtml.render(comparison));
          case CSV -> {
            try (LedgerCsvWriter ledger = new LedgerCsvWriter(out.writer(format.file))) {
              for (PlanFigures plan : comparison.plans()) {
                engine.evaluate(plan.plan(), ledger, true);
              }
            }
          }
          case XLSX -> {
            try (OutputStream stream = out.stream(format.file)) {
              ReportXlsx.write(comparison, stream);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        }
      }
      return out.commit();
    }
  }

  /** Writes the guardrails' JUnit XML to {@code file}, through a temporary name. */
  static void junit(Path file, Comparison comparison) {
    Path absolute = file.toAbsolutePath();
    List<String> plans = new ArrayList<>();
    comparison.plans().forEach(p -> plans.add(p.name()));
    try (OutputDir out = new OutputDir(absolute.getParent())) {
      out.write(absolute.getFileName().toString(),
          GuardrailJunit.render(plans, comparison.guardrails()));
      out.commit();
    }
  }
}
