package dev.compsim.io;

import dev.compsim.model.Payment;
import dev.compsim.model.Payments;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads payments.csv ({@code deal_id,date,amount}): what each customer paid against a deal's
 * invoice, refunds as negative amounts. Read through the deals file's preset or column map, its
 * headers may also be the CRM's names ({@code Opportunity ID}, {@code Payment Date},
 * {@code Payment Amount}) and its dates and amounts in the CRM's display formats.
 *
 * <p>Problems, each at its line and column: an empty or unknown deal_id (a payment for a deal the
 * deals file does not have), a date or amount that cannot be read, and a line that repeats an
 * earlier one exactly (same deal, date and amount), which is almost always an export listing a
 * payment twice.
 */
final class PaymentsReader {
  static final List<String> COLUMNS = List.of("deal_id", "date", "amount");

  /** The headers a CRM export of payments may use, by canonical column (lower case). */
  static final Map<String, List<String>> ALIASES = Map.of(
      "deal_id", List.of("opportunity id", "opportunity_id", "opportunityid", "deal id",
          "record id", "deal"),
      "date", List.of("payment date", "paid date", "date paid", "payment_date"),
      "amount", List.of("payment amount", "amount paid", "payment_amount"));

  private PaymentsReader() {}

  /**
   * The payment columns as read through the deals' map: a column map's {@code payments:}
   * headers, then the aliases above, with the map's date format and display formats; null
   * (canonical) when the deals file is canonical.
   */
  static ColumnMap mapFor(ColumnMap deals) {
    if (deals == null) {
      return null;
    }
    Map<String, List<String>> columns = new java.util.HashMap<>();
    for (String column : COLUMNS) {
      List<String> names = new ArrayList<>(deals.paymentColumns().getOrDefault(column, List.of()));
      names.addAll(ALIASES.get(column));
      columns.put(column, names);
    }
    return new ColumnMap(deals.name() + " payments", columns, Map.of(), true, deals.dateFormat(),
        deals.datePattern(), deals.lenient());
  }

  /**
   * The payments of {@code file}.
   *
   * @param deals the deals file's lines by deal id, to know the deals
   * @param dealsMap the deals file's preset or column map, or null
   */
  /**
   * @param dealsComplete whether every row of the deals file was read: when some were refused, a
   *     payment for one of their ids is not reported as unknown (the deals file's own error says
   *     what is wrong, and the payment is checked again once it is fixed)
   */
  static Payments read(Path file, DealLines deals, boolean dealsComplete, ColumnMap dealsMap,
      List<Diagnostic> problems) {
    ColumnMap map = mapFor(dealsMap);
    CsvTable table = new CsvTable(file, problems, map, false);
    List<Payment> payments = new ArrayList<>();
    Map<Payment, Integer> seen = new HashMap<>();
    int[] col = new int[COLUMNS.size()];
    table.read(COLUMNS, header -> {
      for (int i = 0; i < col.length; i++) {
        col[i] = header.column(COLUMNS.get(i));
      }
    }, row -> {
      String deal = row.get(col[0]);
      boolean ok = true;
      if (deal == null) {
        row.problem(col[0], "deal_id is empty");
        ok = false;
      } else if (deals.get(deal) == 0 && dealsComplete) {
        row.problem(col[0], "payment for unknown deal " + deal + ": no such deal_id in "
            + "the deals file");
        ok = false;
      }
      LocalDate date = date(row, col[1], map);
      ok &= date != null;
      BigDecimal amount = amount(row, col[2], map);
      ok &= amount != null;
      if (!ok) {
        return;
      }
      // the same payment with the amount written differently (500, 500.00) is the same payment
      Payment payment = new Payment(deal, date, amount.stripTrailingZeros());
      Integer earlier = seen.putIfAbsent(payment, row.line);
      if (earlier != null) {
        row.problem(col[0], "duplicate payment: deal " + deal + ", " + date + ", "
            + amount.toPlainString() + " is also on line " + earlier + " (two payments on one "
            + "day: list them once, with their total)");
        return;
      }
      payments.add(new Payment(deal, date, amount));
    });
    return Payments.of(payments);
  }

  private static LocalDate date(CsvTable.Row row, int column, ColumnMap map) {
    String text = row.get(column);
    if (text == null) {
      row.problem(column, "date is empty");
      return null;
    }
    LocalDate date = map != null && map.dateFormat() != null ? Values.date(text, map.dateFormat())
        : Values.isoDate(text);
    if (date == null && map != null && map.dateFormat() == null && map.lenient()) {
      date = Values.crmDate(text);
    }
    if (date == null) {
      row.problem(column, "date \"" + text + "\" is not a date (expected "
          + (map != null && map.datePattern() != null ? map.datePattern() : "yyyy-MM-dd") + ")");
    }
    return date;
  }

  private static BigDecimal amount(CsvTable.Row row, int column, ColumnMap map) {
    String text = row.get(column);
    if (text == null) {
      row.problem(column, "amount is empty");
      return null;
    }
    BigDecimal amount = Values.decimal(text);
    if (amount == null && map != null && map.lenient()) {
      Values.Money money = Values.money(text, row.decimalComma());
      amount = money.problem() == null ? money.value() : null;
    }
    if (amount == null) {
      row.problem(column, "amount \"" + text + "\" is not a number (refunds are negative, "
          + "e.g. -250.00)");
    }
    return amount;
  }
}
