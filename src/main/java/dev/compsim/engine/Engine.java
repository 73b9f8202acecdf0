package dev.compsim.engine;

import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Money;
import dev.compsim.model.Plan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns plans and deals into ledgers. One engine serves every plan evaluated on the same data as
 * of the same date: the deals are filtered and sorted once, and {@link #evaluate} may run for
 * several plans at the same time.
 */
public final class Engine {
  private final DataSet data;
  private final LocalDate asOf;
  private final List<Deal> wonDeals;
  private final List<Activity> activities;
  private final Map<String, BigDecimal> wonRevenue = new ConcurrentHashMap<>();
  private volatile DealTable table;

  /**
   * @param asOf what is known on that date: later closes, implementations and activities are not
   */
  public Engine(DataSet data, LocalDate asOf) {
    this.data = Objects.requireNonNull(data, "data");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    List<Deal> deals = data.deals();
    Deal[] won = new Deal[deals.size()];
    int count = 0;
    boolean sorted = true;
    for (Deal deal : deals) {
      if (wonBy(deal, asOf)) {
        sorted = sorted && (count == 0 || DataSet.PAY_ORDER.compare(won[count - 1], deal) <= 0);
        won[count++] = deal;
      }
    }
    won = Arrays.copyOf(won, count);
    this.wonDeals = List.of(sorted ? won : inPayOrder(won));
    List<Activity> known = new ArrayList<>();
    for (Activity activity : data.activities()) {
      if (!activity.date().isAfter(asOf)) {
        known.add(activity);
      }
    }
    known.sort(Comparator.comparing(Activity::date).thenComparing(Activity::rep)
        .thenComparing(Activity::activity));
    this.activities = List.copyOf(known);
  }

  /**
   * The deals sorted by {@link DataSet#PAY_ORDER}: counted into one bucket per close date (in a
   * million deals there are a few hundred dates), then each date's deals by id, which exports
   * usually list in order already. Several times faster than a comparison sort of the whole.
   */
  static Deal[] inPayOrder(Deal[] deals) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long[] days = new long[deals.length];
    for (int i = 0; i < deals.length; i++) {
      days[i] = deals[i].closeDate().toEpochDay();
      first = Math.min(first, days[i]);
      last = Math.max(last, days[i]);
    }
    if (deals.length == 0 || last - first > 1_000_000) {
      Deal[] sorted = deals.clone();
      Arrays.parallelSort(sorted, DataSet.PAY_ORDER);
      return sorted;
    }
    int[] start = new int[(int) (last - first) + 2];
    for (long day : days) {
      start[(int) (day - first) + 1]++;
    }
    for (int d = 1; d < start.length; d++) {
      start[d] += start[d - 1];
    }
    Deal[] sorted = new Deal[deals.length];
    int[] next = Arrays.copyOf(start, start.length - 1);
    for (int i = 0; i < deals.length; i++) {
      sorted[next[(int) (days[i] - first)]++] = deals[i]; // stable: input order within a day
    }
    Comparator<Deal> byId = Comparator.comparing(Deal::id);
    for (int d = 0; d + 1 < start.length; d++) {
      int from = start[d];
      int to = start[d + 1];
      for (int i = from + 1; i < to; i++) {
        if (byId.compare(sorted[i - 1], sorted[i]) > 0) {
          Arrays.sort(sorted, from, to, byId);
          break;
        }
      }
    }
    return sorted;
  }

  /** An engine as of the latest date in the data. */
  public static Engine latest(DataSet data) {
    LocalDate latest = data.latestDate();
    return new Engine(data, latest == null ? LocalDate.EPOCH : latest);
  }

  public DataSet data() {
    return data;
  }

  public LocalDate asOf() {
    return asOf;
  }

  /** Won deals closed on or before as-of, in pay order. */
  public List<Deal> wonDeals() {
    return wonDeals;
  }

  /** Activities logged on or before as-of, by date, rep and activity. */
  public List<Activity> activities() {
    return activities;
  }

  /** Evaluates {@code plan}, sending every ledger line to {@code sink} in a fixed order. */
  public void evaluate(Plan plan, LedgerSink sink, boolean traces) {
    new Evaluation(this, plan, sink, traces).run();
  }

  /**
   * The sums of {@code plan}'s ledger (by status, component and rep) priced over the deal table
   * in long cents, without making the ledger: what a run that shows totals needs. Null when the
   * plan's numbers need the decimal ledger (amounts in fractions of a cent, products beyond a
   * long); then {@link #evaluate} into a sink that sums.
   */
  public LedgerSums sums(Plan plan) {
    return ColumnarEvaluation.sums(this, plan);
  }

  /** This engine with its deal table built now rather than on the first {@link #sums}. */
  public Engine tabulated() {
    table();
    return this;
  }

  /** The won deals as columns, built on first use and shared by every plan. */
  DealTable table() {
    DealTable built = table;
    if (built == null) {
      synchronized (this) {
        built = table;
        if (built == null) {
          built = new DealTable(wonDeals, data);
          table = built;
        }
      }
    }
    return built;
  }

  /** The whole ledger of {@code plan}, with traces. */
  public Ledger ledger(Plan plan) {
    Ledger ledger = new Ledger();
    evaluate(plan, ledger, true);
    return ledger;
  }

  /**
   * Won list revenue in the plan's currency: the denominator of cost of sales. It depends on the
   * currency alone, so it is summed once per currency however many plans ask.
   */
  public BigDecimal wonRevenue(Plan plan) {
    return wonRevenue.computeIfAbsent(plan.currency(), currency -> {
      BigDecimal total = BigDecimal.ZERO;
      for (Deal deal : wonDeals) {
        total = total.add(amountIn(plan, deal));
      }
      return total;
    });
  }

  /**
   * The deal's amount in the plan's currency. Another currency is converted with fx.csv and
   * rounded half-even to the cent, as booking it in the plan's currency would.
   */
  public BigDecimal amountIn(Plan plan, Deal deal) {
    return amountIn(data, plan.currency(), deal);
  }

  /** {@link #amountIn(Plan, Deal)} for a currency of {@code data}'s plans. */
  public static BigDecimal amountIn(DataSet data, String currency, Deal deal) {
    String own = deal.currency();
    if (own == null || own.equalsIgnoreCase(currency)) {
      return deal.amount();
    }
    BigDecimal rate = data.fxRates().get(own.toUpperCase(java.util.Locale.ROOT));
    if (rate == null) {
      throw new IllegalStateException("no fx rate for " + own);
    }
    return Money.round(deal.amount().multiply(rate));
  }

  /** Whether the engine as of {@code asOf} prices the deal: won, and closed by then. */
  public static boolean wonBy(Deal deal, LocalDate asOf) {
    return deal.won() && deal.closeDate() != null && !deal.closeDate().isAfter(asOf);
  }

}
