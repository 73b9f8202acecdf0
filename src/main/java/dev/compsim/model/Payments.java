package dev.compsim.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer payments of a data set, by deal, each deal's in date order (file order within a
 * day). {@link #NONE} stands for a data set without payments.csv, which is not the same as a file
 * that lists no payment: only the first is a gap in the data.
 */
public final class Payments {
  public static final Payments NONE = new Payments(false, List.of(), null, null);

  private final boolean present;
  /**
   * By deal id, made on first use (the engine asks by row; explain, coverage and the ledger's
   * pay-when-paid lines ask by id).
   */
  private final Lazy<Map<String, List<Payment>>> byDeal;
  private final int count;
  private final LocalDate latest;
  /**
   * The deals {@link #byRow} is indexed by (their rows), or null: a data set made with other
   * deals ({@link DataSet#withDeals}) finds payments by deal id instead.
   */
  private final DealColumns indexed;
  /** By row of {@link #indexed}: that deal's payments, or null for none. */
  private final List<Payment>[] byRow;
  /** The same payments as days and cents, made when first asked for; null when not by row. */
  private final Lazy<Cents> cents;

  @SuppressWarnings("unchecked")
  private Payments(boolean present, List<Payment> payments, int[] rowOf, DealColumns deals) {
    this.present = present;
    LocalDate latest = null;
    for (Payment payment : payments) {
      latest = latest == null || payment.date().isAfter(latest) ? payment.date() : latest;
    }
    this.count = payments.size();
    this.latest = latest;
    // each payment's deal row, when every one names the deal on that row of these deals
    boolean rows = rowOf != null && deals != null;
    for (int i = 0; rows && i < payments.size(); i++) {
      int row = rowOf[i];
      rows = row >= 0 && row < deals.size() && deals.idEquals(row, payments.get(i).dealId());
    }
    this.indexed = rows ? deals : null;
    this.byRow = rows ? new List[deals.size()] : null;
    this.byDeal = new Lazy<>(rows ? this::byIdFromRows : () -> byId(payments));
    this.cents = rows ? new Lazy<>(() -> new Cents(byRow)) : null;
    if (!rows) {
      return;
    }
    int lastRow = -1;
    List<Payment> last = null;
    for (int i = 0; i < payments.size(); i++) {
      // a deal's payments mostly come together: its list is found once for them
      if (rowOf[i] != lastRow) {
        lastRow = rowOf[i];
        last = byRow[lastRow];
        if (last == null) {
          last = new ArrayList<>(2);
          byRow[lastRow] = last;
        }
      }
      last.add(payments.get(i));
    }
    for (int row = 0; row < byRow.length; row++) {
      if (byRow[row] != null) {
        byRow[row] = inDateOrder(byRow[row]);
      }
    }
  }

  /** The payments by deal id, each deal's in date order. */
  private static Map<String, List<Payment>> byId(List<Payment> payments) {
    Map<String, List<Payment>> byDeal = new HashMap<>();
    String lastDeal = null;
    List<Payment> last = null;
    for (Payment payment : payments) {
      // a deal's payments mostly come together: its list is looked up once for them
      if (payment.dealId() != lastDeal) {
        lastDeal = payment.dealId();
        last = byDeal.computeIfAbsent(lastDeal, k -> new ArrayList<>(2));
      }
      last.add(payment);
    }
    byDeal.replaceAll((deal, list) -> inDateOrder(list));
    return byDeal;
  }

  /** The rows' lists by their deals' ids. */
  private Map<String, List<Payment>> byIdFromRows() {
    Map<String, List<Payment>> map = new HashMap<>();
    for (int row = 0; row < byRow.length; row++) {
      if (byRow[row] != null) {
        map.put(indexed.id(row), byRow[row]);
      }
    }
    return map;
  }

  /** Payments in date order, file order within a day: the sort is stable. */
  private static final Comparator<Payment> BY_DATE = Comparator.comparing(Payment::date);

  /** {@code list} sorted into date order (file order within a day), unmodifiable. */
  private static List<Payment> inDateOrder(List<Payment> list) {
    if (list.size() == 1) {
      return List.of(list.get(0));
    }
    for (int i = 1; i < list.size(); i++) {
      if (list.get(i).date().isBefore(list.get(i - 1).date())) {
        list.sort(BY_DATE);
        break;
      }
    }
    return List.copyOf(list);
  }

  /** The payments read from a payments file (possibly none). */
  public static Payments of(List<Payment> payments) {
    return new Payments(true, payments, null, null);
  }

  /**
   * As above, knowing the row in {@code deals} of each payment's deal: {@link #forRow} then
   * answers without looking the deal's id up (the columnar engine asks in pay order, where each
   * look-up in the map by id was a handful of cache misses).
   */
  public static Payments of(List<Payment> payments, int[] rowOf, DealColumns deals) {
    return new Payments(true, payments, rowOf, deals);
  }

  /**
   * Every payment of {@code deals} as epoch days and cents, row by row in the order of {@link
   * #forRow} (the columnar engine prices pay-when-paid holdbacks from them, without a decimal
   * per payment); null when these payments are not indexed by the rows of {@code deals}.
   */
  public Cents cents(DealColumns deals) {
    return deals != indexed || indexed == null ? null : cents.get();
  }

  /**
   * Payments as primitive columns: those of row r are {@code start[r]} to {@code start[r + 1]},
   * in date order, each with its epoch {@code day} and its amount in {@code cents} ({@link
   * DealColumns#NOT_CENTS} when the amount is not a whole number of cents within a long).
   */
  public static final class Cents {
    private final int[] start;
    private final int[] day;
    private final long[] cents;

    /** One deal's payments (in date order) as row 0 of their own columns. */
    @SuppressWarnings("unchecked")
    public static Cents of(List<Payment> payments) {
      return new Cents(new List[] {payments});
    }

    private Cents(List<Payment>[] byRow) {
      start = new int[byRow.length + 1];
      int count = 0;
      for (int row = 0; row < byRow.length; row++) {
        start[row] = count;
        count += byRow[row] == null ? 0 : byRow[row].size();
      }
      start[byRow.length] = count;
      day = new int[count];
      cents = new long[count];
      for (int row = 0; row < byRow.length; row++) {
        List<Payment> payments = byRow[row];
        for (int k = 0; payments != null && k < payments.size(); k++) {
          Payment payment = payments.get(k);
          day[start[row] + k] = Math.toIntExact(payment.date().toEpochDay());
          cents[start[row] + k] = DealColumns.centsOf(payment.amount());
        }
      }
    }

    /** The first payment of {@code row}. */
    public int start(int row) {
      return start[row];
    }

    /** One past the last payment of {@code row}. */
    public int end(int row) {
      return start[row + 1];
    }

    /** Each payment's epoch day (the array itself: read it, never write it). */
    public int[] days() {
      return day;
    }

    /** Each payment's cents (the array itself: read it, never write it). */
    public long[] cents() {
      return cents;
    }
  }

  /** Whether the data came with a payments file. */
  public boolean present() {
    return present;
  }

  /** {@link #forDeal} of the deal on {@code row} of {@code deals}. */
  public List<Payment> forRow(DealColumns deals, int row) {
    if (deals == indexed) {
      List<Payment> known = byRow[row];
      return known == null ? List.of() : known;
    }
    return forDeal(deals.id(row));
  }

  /** The deal's payments in date order; empty when it has none. */
  public List<Payment> forDeal(String dealId) {
    return byDeal.get().getOrDefault(dealId, List.of());
  }

  public int size() {
    return count;
  }

  /** Whether any payment is for {@code dealId}. */
  public boolean has(String dealId) {
    return byDeal.get().containsKey(dealId);
  }

  /** The latest payment date, or null. */
  public LocalDate latestDate() {
    return latest;
  }
}
