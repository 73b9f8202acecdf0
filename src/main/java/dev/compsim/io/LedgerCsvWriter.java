package dev.compsim.io;

import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.LedgerSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code ledger.csv}: {@code plan,payee,payee_kind,component,deal_id,period,status,amount,
 * pay_date,trace}, one row per ledger line as the engine makes it.
 */
public final class LedgerCsvWriter implements LedgerSink, AutoCloseable {
  public static final String[] COLUMNS = {"plan", "payee", "payee_kind", "component", "deal_id",
      "period", "status", "amount", "pay_date", "trace"};

  private final CSVPrinter printer;
  private boolean closed;

  public LedgerCsvWriter(Writer writer) {
    try {
      this.printer = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get().print(writer);
      printer.printRecord((Object[]) COLUMNS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void accept(LedgerLine line) {
    try {
      printer.printRecord(
          CsvCells.text(line.plan()),
          CsvCells.text(line.payee()),
          line.payeeKind().code(),
          line.component().code(),
          CsvCells.text(line.dealId()),
          line.period(),
          line.status().code(),
          line.amount().toPlainString(),
          line.payDate() == null ? "" : line.payDate().toString(),
          CsvCells.text(line.trace()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
