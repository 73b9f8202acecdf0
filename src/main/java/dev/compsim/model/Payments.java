package dev.compsim.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer payments of a data set, by deal, each deal's in date order (file order within a
 * day). {@link #NONE} stands for a data set without payments.csv, which is not the same as a file
 * that lists no payment: only the first is a gap in the data.
 *
 * <p>Payments read with their deals are kept as columns by deal row (epoch days, amounts as
 * digits and scale): half a million payments are a few arrays, not a record, a decimal and a
 * list each for the collector to copy. {@link Payment} records are made when asked for.
 */
public final class Payments {
  public static final Payments NONE = new Payments(false, List.of());

  private final boolean present;
  private final int count;
  private final LocalDate latest;
  /**
   * The deals the columns are indexed by (their rows), or null: payments made as records without
   * rows, and a data set made with other deals ({@link DataSet#withDeals}), find payments by
   * deal id instead.
   */
  private final DealColumns indexed;
  /** By row of {@link #indexed}: its payments are {@code start[row]} to {@code start[row + 1]}. */
  private final int[] start;
  private final int[] day;
  /** Each amount's digits and scale; one that does not fit is in {@link #bigAmount}. */
  private final long[] unscaled;
  private final byte[] scale;
  /** Amounts beyond {@link #unscaled}, by payment; or null. */
  private final Map<Integer, BigDecimal> bigAmount;
  /**
   * By deal id, made on first use (the engine asks by row; explain, coverage and the ledger's
   * pay-when-paid lines ask by id).
   */
  private final Lazy<Map<String, List<Payment>>> byDeal;
  /** The same payments as days and cents, made when first asked for; null when not by row. */
  private final Lazy<Cents> cents;

  /** Payments as records, found by deal id. */
  private Payments(boolean present, List<Payment> payments) {
    this.present = present;
    this.count = payments.size();
    LocalDate latest = null;
    for (Payment payment : payments) {
      latest = latest == null || payment.date().isAfter(latest) ? payment.date() : latest;
    }
    this.latest = latest;
    this.indexed = null;
    this.start = null;
    this.day = null;
    this.unscaled = null;
    this.scale = null;
    this.bigAmount = null;
    this.byDeal = new Lazy<>(() -> byId(payments));
    this.cents = null;
  }

  /** Payments as columns by row of {@code deals}, from a builder. */
  private Payments(Builder b) {
    int n = b.count;
    int rows = b.deals.size();
    this.present = true;
    this.count = n;
    this.indexed = b.deals;
    start = new int[rows + 1];
    for (int k = 0; k < n; k++) {
      start[b.row[k] + 1]++;
    }
    for (int r = 0; r < rows; r++) {
      start[r + 1] += start[r];
    }
    // each row's payments in file order, then in date order (stable: file order within a day)
    int[] order = new int[n];
    int[] next = Arrays.copyOf(start, rows);
    for (int k = 0; k < n; k++) {
      order[next[b.row[k]]++] = k;
    }
    for (int r = 0; r < rows; r++) {
      sortByDay(order, start[r], start[r + 1], b.day);
    }
    day = new int[n];
    unscaled = new long[n];
    scale = new byte[n];
    Map<Integer, BigDecimal> big = null;
    int latestDay = Integer.MIN_VALUE;
    for (int at = 0; at < n; at++) {
      int k = order[at];
      day[at] = b.day[k];
      unscaled[at] = b.unscaled[k];
      scale[at] = b.scale[k];
      latestDay = Math.max(latestDay, b.day[k]);
      if (b.bigAmount != null && b.bigAmount.containsKey(k)) {
        big = big == null ? new HashMap<>() : big;
        big.put(at, b.bigAmount.get(k));
      }
    }
    this.bigAmount = big;
    this.latest = n == 0 ? null : LocalDate.ofEpochDay(latestDay);
    this.byDeal = new Lazy<>(this::byIdFromRows);
    this.cents = new Lazy<>(this::centsFromRows);
  }

  /**
   * Sorts order[from, to) by day, stably: a deal's few payments by insertion (mostly in order
   * already), many by their days and places as keys (a deal paid in thousands of instalments
   * listed newest first would take the insertion's square).
   */
  private static void sortByDay(int[] order, int from, int to, int[] day) {
    if (to - from > 32) {
      long[] keys = new long[to - from];
      for (int i = from; i < to; i++) {
        // the day, then the place in file order: a day's payments keep their order
        keys[i - from] = ((long) day[order[i]] << 32) | (i - from);
      }
      Arrays.sort(keys);
      int[] sorted = new int[to - from];
      for (int i = 0; i < keys.length; i++) {
        sorted[i] = order[from + (int) (keys[i] & 0xFFFFFFFFL)];
      }
      System.arraycopy(sorted, 0, order, from, sorted.length);
      return;
    }
    for (int i = from + 1; i < to; i++) {
      int k = order[i];
      int j = i - 1;
      while (j >= from && day[order[j]] > day[k]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = k;
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

  /** The rows' payments by their deals' ids. */
  private Map<String, List<Payment>> byIdFromRows() {
    Map<String, List<Payment>> map = new HashMap<>();
    for (int row = 0; row + 1 < start.length; row++) {
      if (start[row + 1] > start[row]) {
        map.put(indexed.id(row), records(row));
      }
    }
    return map;
  }

  /** Row {@code row}'s payments as records, in date order. */
  private List<Payment> records(int row) {
    int from = start[row];
    int to = start[row + 1];
    if (from == to) {
      return List.of();
    }
    String id = indexed.id(row);
    Payment[] records = new Payment[to - from];
    for (int k = from; k < to; k++) {
      records[k - from] = new Payment(id, LocalDate.ofEpochDay(day[k]), amount(k));
    }
    return List.of(records);
  }

  private BigDecimal amount(int k) {
    return amount(unscaled[k], scale[k], bigAmount, k);
  }

  /** Amount {@code k}: its digits and scale, or the decimal kept aside for it. */
  private static BigDecimal amount(long digits, int places, Map<Integer, BigDecimal> big, int k) {
    BigDecimal aside = big == null ? null : big.get(k);
    return aside != null ? aside : BigDecimal.valueOf(digits, places);
  }

  private Cents centsFromRows() {
    long[] inCents = new long[count];
    for (int k = 0; k < count; k++) {
      inCents[k] = bigAmount != null && bigAmount.containsKey(k)
          ? DealColumns.centsOf(bigAmount.get(k)) : DealColumns.cents(unscaled[k], scale[k]);
    }
    return new Cents(start, day, inCents);
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
    return new Payments(true, payments);
  }

  /**
   * As above, knowing the row in {@code deals} of each payment's deal: {@link #forRow} then
   * answers without looking the deal's id up (the columnar engine asks in pay order, where each
   * look-up in the map by id was a handful of cache misses). Found by id when a row does not
   * name its payment's deal.
   */
  public static Payments of(List<Payment> payments, int[] rowOf, DealColumns deals) {
    Builder builder = new Builder(deals);
    for (int i = 0; i < payments.size(); i++) {
      int row = rowOf[i];
      if (row < 0 || row >= deals.size() || !deals.idEquals(row, payments.get(i).dealId())) {
        return of(payments);
      }
      Payment payment = payments.get(i);
      builder.add(row, Math.toIntExact(payment.date().toEpochDay()), payment.amount());
    }
    return builder.build();
  }

  /**
   * Collects payments of known deals, each by its deal's row, into columns; in any order (a
   * deal's come together or not, in date order or not).
   */
  public static final class Builder {
    private final DealColumns deals;
    private int count;
    private int[] row = new int[1024];
    private int[] day = new int[1024];
    private long[] unscaled = new long[1024];
    private byte[] scale = new byte[1024];
    private Map<Integer, BigDecimal> bigAmount;

    public Builder(DealColumns deals) {
      this.deals = deals;
    }

    /** Adds a payment of deal row {@code dealRow} on epoch day {@code epochDay}. */
    public Builder add(int dealRow, int epochDay, BigDecimal amount) {
      boolean fits = amount.scale() == (byte) amount.scale() && amount.precision() <= 18;
      add(dealRow, epochDay, fits ? amount.scaleByPowerOfTen(amount.scale()).longValueExact() : 0,
          fits ? amount.scale() : 0);
      if (!fits) {
        if (bigAmount == null) {
          bigAmount = new HashMap<>();
        }
        bigAmount.put(count - 1, amount);
      }
      return this;
    }

    /**
     * As above, with the amount as digits and scale ({@code digits} × 10^-{@code places}, any
     * sign, scale 0 to 18): the reader's way, without a decimal per payment.
     */
    public Builder add(int dealRow, int epochDay, long digits, int places) {
      if (dealRow < 0 || dealRow >= deals.size()) {
        throw new IndexOutOfBoundsException(dealRow);
      }
      if (count == row.length) {
        int length = count * 2;
        row = Arrays.copyOf(row, length);
        day = Arrays.copyOf(day, length);
        unscaled = Arrays.copyOf(unscaled, length);
        scale = Arrays.copyOf(scale, length);
      }
      row[count] = dealRow;
      day[count] = epochDay;
      unscaled[count] = digits;
      scale[count] = (byte) places;
      count++;
      return this;
    }

    /** The number of payments added. */
    public int size() {
      return count;
    }

    /** Payment {@code k}'s epoch day. */
    public int day(int k) {
      return day[k];
    }

    /** Payment {@code k}'s amount, as added (scale included). */
    public BigDecimal amount(int k) {
      return Payments.amount(unscaled[k], scale[k], bigAmount, k);
    }

    public Payments build() {
      return new Payments(this);
    }
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
    public static Cents of(List<Payment> payments) {
      int[] day = new int[payments.size()];
      long[] cents = new long[payments.size()];
      for (int k = 0; k < payments.size(); k++) {
        Payment payment = payments.get(k);
        day[k] = Math.toIntExact(payment.date().toEpochDay());
        cents[k] = DealColumns.centsOf(payment.amount());
      }
      return new Cents(new int[] {0, payments.size()}, day, cents);
    }

    private Cents(int[] start, int[] day, long[] cents) {
      this.start = start;
      this.day = day;
      this.cents = cents;
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
      return records(row);
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
