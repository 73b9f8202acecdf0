package dev.compsim.io;

import dev.compsim.model.DealColumns;
import dev.compsim.model.IdPattern;
import dev.compsim.model.Payment;
import dev.compsim.model.Payments;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
  static Payments read(Path file, DealLines deals, DealColumns columns, boolean dealsComplete,
      ColumnMap dealsMap, IsoDates dates, List<Diagnostic> problems) {
    ColumnMap map = mapFor(dealsMap);
    CsvTable table = new CsvTable(file, problems, map, false);
    // the payments of known deals, as columns by the deal's row (the deal numbers of the deals'
    // lines are the deals' rows)
    Payments.Builder payments = new Payments.Builder(columns);
    // each known deal's payments so far, newest first, as a chain of indexes into payments: a
    // repeated payment is found among its own deal's few (a map of every payment was two
    // fifths of reading a million deals' payments)
    int[] latestOf = new int[deals.size()];
    Arrays.fill(latestOf, -1);
    // by payment: the earlier one of its deal, its line
    int[][] chain = {new int[1024], new int[1024]};
    // a deal paid more often than BUSY times is looked up by day and amount instead of along
    // its chain, whose walk would take the square of its payments
    int[] countOf = new int[deals.size()];
    Map<Integer, Map<Payment, Integer>> busy = new HashMap<>();
    // payments of deals the deals file does not have (its rows were refused): by value
    Map<Payment, Integer> seenUnknown = new HashMap<>();
    int[] col = new int[COLUMNS.size()];
    // most deal ids: read as the number of the deals' id pattern, without a string
    IdPattern pattern = deals.pattern();
    byte[] prefix = pattern == null ? null : pattern.asciiPrefix();
    table.read(COLUMNS, header -> {
      for (int i = 0; i < col.length; i++) {
        col[i] = header.column(COLUMNS.get(i));
      }
    }, row -> {
      long number = prefix == null ? -1 : row.idNumber(col[0], prefix, pattern.width());
      String deal = number >= 0 ? null : row.get(col[0]);
      boolean ok = true;
      int at = -1;
      if (number >= 0) {
        at = deals.indexOf(number);
      } else if (deal == null) {
        row.problem(col[0], "deal_id is empty");
        ok = false;
      } else {
        at = deals.indexOf(deal);
      }
      if (ok && at < 0 && dealsComplete) {
        row.problem(col[0], "payment for unknown deal " + text(deal, pattern, number)
            + ": no such deal_id in the deals file");
        ok = false;
      }
      LocalDate date = date(row, col[1], map, dates);
      ok &= date != null;
      // most amounts: read as digits, without a string or a decimal
      long digits = row.plainUnscaled(col[2]);
      int places = digits < 0 ? 0 : row.plainScale(col[2]);
      BigDecimal amount = digits >= 0 ? null : amount(row, col[2], map);
      ok &= digits >= 0 || amount != null;
      if (!ok) {
        return;
      }
      int epochDay = Math.toIntExact(date.toEpochDay());
      // the same payment with the amount written differently (500, 500.00) is the same payment
      Integer earlier = null;
      Map<Payment, Integer> seen = at >= 0 && countOf[at] >= BUSY ? busy.computeIfAbsent(at,
          known -> byValue(payments, chain, latestOf[known])) : null;
      if (seen != null) {
        earlier = seen.get(byValue(date, decimal(amount, digits, places)));
      } else if (at >= 0) {
        for (int k = latestOf[at]; k >= 0 && earlier == null; k = chain[0][k]) {
          if (payments.day(k) == epochDay
              && payments.amount(k).compareTo(decimal(amount, digits, places)) == 0) {
            earlier = chain[1][k];
          }
        }
      } else {
        // kept only to find its repeats: with a deal the deals file refused, nothing is priced
        earlier = seenUnknown.putIfAbsent(new Payment(text(deal, pattern, number), date,
            decimal(amount, digits, places).stripTrailingZeros()), row.line);
      }
      if (earlier != null) {
        row.problem(col[0], "duplicate payment: deal " + text(deal, pattern, number) + ", "
            + date + ", " + decimal(amount, digits, places).toPlainString() + " is also on line "
            + earlier + " (two payments on one day: list them once, with their total)");
        return;
      }
      if (at < 0) {
        return;
      }
      int k = payments.size();
      if (k == chain[0].length) {
        for (int c = 0; c < chain.length; c++) {
          chain[c] = Arrays.copyOf(chain[c], k * 2);
        }
      }
      chain[1][k] = row.line;
      chain[0][k] = latestOf[at];
      latestOf[at] = k;
      countOf[at]++;
      if (seen != null) {
        seen.put(byValue(date, decimal(amount, digits, places)), row.line);
      }
      if (amount != null) {
        payments.add(at, epochDay, amount);
      } else {
        payments.add(at, epochDay, digits, places);
      }
    });
    return payments.build();
  }

  /** How many payments of one deal are looked for along its chain. */
  private static final int BUSY = 16;

  /**
   * A deal's payments so far (the chain from {@code latest}), each by its day and amount (as
   * {@link #byValue(LocalDate, BigDecimal)} keys them), with its line.
   */
  private static Map<Payment, Integer> byValue(Payments.Builder payments, int[][] chain,
      int latest) {
    Map<Payment, Integer> seen = new HashMap<>();
    for (int k = latest; k >= 0; k = chain[0][k]) {
      seen.putIfAbsent(byValue(LocalDate.ofEpochDay(payments.day(k)), payments.amount(k)),
          chain[1][k]);
    }
    return seen;
  }

  /** The key of a payment on {@code date} of {@code amount}: 500 and 500.00 are one. */
  private static Payment byValue(LocalDate date, BigDecimal amount) {
    return new Payment("", date, amount.stripTrailingZeros());
  }

  /** A payment's deal id: as read, or the text of its number under the deals' pattern. */
  private static String text(String deal, IdPattern pattern, long number) {
    return deal != null ? deal : pattern.text(number);
  }

  /** A payment's amount as a decimal: as read, or its plain digits and scale. */
  private static BigDecimal decimal(BigDecimal amount, long digits, int places) {
    return amount != null ? amount : BigDecimal.valueOf(digits, places);
  }

  private static LocalDate date(CsvTable.Row row, int column, ColumnMap map, IsoDates dates) {
    boolean iso = map == null || map.dateFormat() == null;
    LocalDate seen = iso ? dates.seen(row.isoDateKey(column)) : null;
    if (seen != null) {
      return seen; // most dates: read without a string
    }
    String text = row.get(column);
    if (text == null) {
      row.problem(column, "date is empty");
      return null;
    }
    LocalDate date = iso ? dates.parse(text) : Values.date(text, map.dateFormat());
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
    BigDecimal plain = row.plainDecimal(column); // most amounts: read without a string
    if (plain != null) {
      return plain;
    }
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
