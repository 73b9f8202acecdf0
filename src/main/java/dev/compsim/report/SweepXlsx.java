package dev.compsim.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code sweep.xlsx}: every variant in sort order with its figures as numbers (money, ratios,
 * counts), and the frontier, on sheets of their own; the same bytes for the same sweep (the zip
 * normalised as report.xlsx is).
 */
public final class SweepXlsx {
  private static final String MONEY = "#,##0.00";
  private static final String PERCENT = "0.0%";

  private SweepXlsx() {}

  public static void write(Sweep sweep, OutputStream out) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(raw, "compsim", "1.0");
      List<Sweep.Row> all = new ArrayList<>();
      all.add(sweep.baseline());
      all.addAll(sweep.sorted());
      sheet(workbook.newWorksheet("Variants"), sweep, all);
      sheet(workbook.newWorksheet("Frontier"), sweep, sweep.frontier());
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ReportXlsx.normalize(raw.toByteArray(), out);
  }

  private static void sheet(Worksheet sheet, Sweep sweep, List<Sweep.Row> rows) {
    List<String> paths = SweepText.paths(sweep);
    boolean modelled = sweep.header().behavior();
    List<String> header = new ArrayList<>(List.of("variant"));
    header.addAll(paths);
    header.addAll(List.of("total cost", "rep cost", "channel cost", "cost of sales",
        "change vs baseline", "reps losing >10%", "guardrails failed"));
    if (modelled) {
      header.addAll(List.of("expected cost", "expected revenue"));
    }
    header.add("plan file");
    for (int c = 0; c < header.size(); c++) {
      ReportXlsx.text(sheet, 0, c, header.get(c));
      sheet.style(0, c).bold().fillColor("EEF1F5").set();
    }
    int r = 1;
    for (Sweep.Row row : rows) {
      boolean base = row.params().isEmpty();
      int c = 0;
      ReportXlsx.text(sheet, r, c++, row.id());
      for (int i = 0; i < paths.size(); i++) {
        // a parameter as the --vary gave it: a plain number is a number cell, a word is text
        String value = base ? "" : row.params().get(i).value();
        BigDecimal number = value.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(value) : null;
        if (number != null) {
          sheet.value(r, c++, number);
        } else {
          ReportXlsx.text(sheet, r, c++, value);
        }
      }
      c = money(sheet, r, c, row.totalCost());
      c = money(sheet, r, c, row.repCost());
      c = money(sheet, r, c, row.channelCost());
      if (row.costOfSales() != null) {
        sheet.value(r, c, row.costOfSales());
        sheet.style(r, c).format(PERCENT).set();
      }
      c++;
      c = money(sheet, r, c, row.costChange());
      sheet.value(r, c++, row.repsLosingMoreThan10Pct());
      ReportXlsx.text(sheet, r, c++, String.join(", ", row.guardrailsFailed()));
      if (modelled) {
        c = money(sheet, r, c, row.expectedCost());
        c = money(sheet, r, c, row.expectedRevenue());
      }
      ReportXlsx.text(sheet, r, c, base ? "" : row.planFile());
      r++;
    }
    sheet.freezePane(1, 1);
    sheet.width(0, 10);
  }

  private static int money(Worksheet sheet, int row, int column, BigDecimal amount) {
    if (amount != null) {
      sheet.value(row, column, amount);
      sheet.style(row, column).format(MONEY).set();
    }
    return column + 1;
  }
}
