package dev.compsim.engine;

import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Lazy;
import dev.compsim.model.Money;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * Turns plans and deals into ledgers. One engine serves every plan evaluated on the same data as
 * of the same date: the deals are filtered and sorted once, and {@link #evaluate} may run for
 * several plans at the same time.
 */
public final class Engine {
  private final DataSet data;
  private final LocalDate asOf;
  /** The data's deals as columns, and the rows of those won by as-of, in pay order. */
  private final DealColumns deals;
  private final int[] wonRows;
  /** The same rows in file order: a pass whose order does not matter reads the columns in turn. */
  private final int[] wonRowsInFileOrder;
  /** The won deals as records, made on first use: the ledger asks for them, sums do not. */
  private final Lazy<List<Deal>> wonDeals;
  private final Lazy<List<Deal>> wonPartnerDeals;
  private final List<Activity> activities;
  /** {@link #activityCounts}, by calendar: shared by every plan on it. */
  private final Map<FiscalCalendar, List<ActivityCount>> activityCounts;
  private final Map<String, BigDecimal> wonRevenue = new ConcurrentHashMap<>();
  private final Lazy<DealTable> table;
  /** {@link Draws#firstSeen}: the same for every plan with draws, so found once. */
  private final Lazy<Map<String, Integer>> firstSeen = new Lazy<>(() -> Draws.firstSeen(this));

  /**
   * @param asOf what is known on that date: later closes, implementations and activities are not
   */
  public Engine(DataSet data, LocalDate asOf) {
    this.data = Objects.requireNonNull(data, "data");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.deals = DealColumns.of(data.deals());
    long asOfDay = asOf.toEpochDay();
    int[] won = new int[deals.size()];
    int count = 0;
    boolean sorted = true;
    for (int row = 0; row < won.length; row++) {
      if (wonBy(deals.stage(row), deals.closeDay(row), asOfDay)) {
        sorted = sorted && (count == 0 || payOrder(deals, won[count - 1], row) <= 0);
        won[count++] = row;
      }
    }
    won = Arrays.copyOf(won, count);
    this.wonRows = sorted ? won : inPayOrder(deals, won);
    this.wonRowsInFileOrder = won;
    this.wonDeals = new Lazy<>(() -> records(0, wonRows.length));
    this.wonPartnerDeals = new Lazy<>(this::partnerRecords);
    this.table = new Lazy<>(() -> new DealTable(deals, wonRows, data));
    List<Activity> known = new ArrayList<>();
    for (Activity activity : data.activities()) {
      if (!activity.date().isAfter(asOf)) {
        known.add(activity);
      }
    }
    known.sort(Comparator.comparing(Activity::date).thenComparing(Activity::rep)
        .thenComparing(Activity::activity));
    this.activities = List.copyOf(known);
    this.activityCounts = new ConcurrentHashMap<>();
  }

  /** An engine of {@code data} as of {@code asOf} that takes {@code base}'s work as its own. */
  private Engine(Engine base, DataSet data, LocalDate asOf) {
    this.data = data;
    this.asOf = asOf;
    this.deals = base.deals;
    this.wonRows = base.wonRows;
    this.wonRowsInFileOrder = base.wonRowsInFileOrder;
    this.wonDeals = base.wonDeals;
    this.wonPartnerDeals = new Lazy<>(this::partnerRecords);
    this.table = base.table;
    this.activities = base.activities;
    this.activityCounts = base.activityCounts;
  }

  /**
   * The engine of {@code data} as of {@code asOf}: this one's won deals, deal table and
   * activities taken as they are when they would come out the same, else a new engine. They do
   * when the deals, activities, reps and partners are this engine's and the as-of is the same, or
   * later with no close, go-live or activity after this one's (as when payments.csv, read while
   * this engine was built, moves the latest date of the data).
   */
  public Engine at(DataSet data, LocalDate asOf) {
    return sameWork(data, asOf) ? new Engine(this, data, asOf) : new Engine(data, asOf);
  }

  private boolean sameWork(DataSet other, LocalDate otherAsOf) {
    if (DealColumns.of(other.deals()) != deals || other.activities() != data.activities()
        || !other.reps().equals(data.reps()) || !other.partners().equals(data.partners())
        || otherAsOf.isBefore(asOf)) {
      return false;
    }
    if (otherAsOf.equals(asOf)) {
      return true;
    }
    LocalDate latest = deals.latestCloseOrImplementation();
    if (latest != null && latest.isAfter(asOf)) {
      return false; // a deal the later as-of could count as won
    }
    // this engine kept the activities known by its as-of: all of them, or one comes later
    return activities.size() == data.activities().size();
  }

  /**
   * {@link DataSet#PAY_ORDER} over columns: close date, then deal id. {@code
   * EngineWonDealsTest} holds the two equal.
   */
  private static int payOrder(DealColumns deals, int a, int b) {
    int byDay = Integer.compare(deals.closeDay(a), deals.closeDay(b));
    if (byDay != 0) {
      return byDay;
    }
    // where the reader found the ids increasing with the rows, the rows' order is the ids'
    return deals.idsAscending() ? Integer.compare(a, b) : deals.compareIds(a, b);
  }

  /**
   * The rows sorted by {@link DataSet#PAY_ORDER}: counted into one bucket per close date (in a
   * million deals there are a few hundred dates), then each date's deals by id, which exports
   * usually list in order already. Several times faster than a comparison sort of the whole.
   * Every row has a close date (only those are won by as-of).
   */
  static int[] inPayOrder(DealColumns deals, int[] rows) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int row : rows) {
      first = Math.min(first, deals.closeDay(row));
      last = Math.max(last, deals.closeDay(row));
    }
    if (rows.length == 0 || last - first > 1_000_000) {
      return Arrays.stream(rows).boxed().sorted((a, b) -> payOrder(deals, a, b))
          .mapToInt(Integer::intValue).toArray();
    }
    int[] start = new int[(int) (last - first) + 2];
    for (int row : rows) {
      start[(int) (deals.closeDay(row) - first) + 1]++;
    }
    for (int d = 1; d < start.length; d++) {
      start[d] += start[d - 1];
    }
    int[] sorted = new int[rows.length];
    int[] next = Arrays.copyOf(start, start.length - 1);
    for (int row : rows) {
      sorted[next[(int) (deals.closeDay(row) - first)]++] = row; // stable: input order in a day
    }
    for (int d = 0; d + 1 < start.length; d++) {
      int from = start[d];
      int to = start[d + 1];
      for (int i = from + 1; i < to; i++) {
        if (payOrder(deals, sorted[i - 1], sorted[i]) > 0) { // one day: by id
          Integer[] day = new Integer[to - from];
          for (int j = from; j < to; j++) {
            day[j - from] = sorted[j];
          }
          Arrays.sort(day, (a, b) -> payOrder(deals, a, b)); // stable
          for (int j = from; j < to; j++) {
            sorted[j] = day[j - from];
          }
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

  /**
   * Visits the won deals closed from {@code from} to {@code to} in pay order, by their row in
   * {@link #columns()}: a slice of {@link #wonDeals}, found by binary search, with no record made.
   */
  void forEachWonRowClosed(LocalDate from, LocalDate to, IntConsumer visit) {
    int high = firstClosedOnOrAfter(to.toEpochDay() + 1);
    for (int i = firstClosedOnOrAfter(from.toEpochDay()); i < high; i++) {
      visit.accept(wonRows[i]);
    }
  }

  /** The records of won deals {@code from} to {@code to} in pay order, made from the columns. */
  private List<Deal> records(int from, int to) {
    Deal[] made = new Deal[to - from];
    for (int i = from; i < to; i++) {
      made[i - from] = deals.get(wonRows[i]);
    }
    return List.of(made);
  }

  /** The first position in pay order of a won deal closed on {@code day} or later. */
  private int firstClosedOnOrAfter(long day) {
    int low = 0;
    int high = wonRows.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (deals.closeDay(wonRows[middle]) < day) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** How many deals are won by as-of: {@code wonDeals().size()} without making the records. */
  public int wonCount() {
    return wonRows.length;
  }

  /** Won deals closed on or before as-of, in pay order. */
  public List<Deal> wonDeals() {
    return wonDeals.get();
  }

  /**
   * The close days (epoch days) of the won deals that go through each partner ({@link
   * Deal#throughPartner}), in file order, by partner id: read off the columns, with no record per
   * deal. Only partners with such a deal are keys.
   */
  public Map<String, int[]> partnerCloseDays() {
    Map<String, int[]> filled = new HashMap<>(); // one counter per partner, then its next slot
    forEachPartnerRow(row -> filled.computeIfAbsent(deals.partner(row), k -> new int[1])[0]++);
    Map<String, int[]> days = new HashMap<>();
    filled.forEach((partner, count) -> {
      days.put(partner, new int[count[0]]);
      count[0] = 0;
    });
    forEachPartnerRow(row -> {
      String partner = deals.partner(row);
      days.get(partner)[filled.get(partner)[0]++] = deals.closeDay(row);
    });
    return days;
  }

  /**
   * The row in {@link #columns()} of each won deal that goes through a partner ({@link
   * Deal#throughPartner}), in file order (in pay order each field read would be a cache miss).
   */
  void forEachPartnerRow(IntConsumer visit) {
    for (int row : wonRowsInFileOrder) {
      if (Deal.throughPartner(deals.partner(row), deals.partnerRole(row))) {
        visit.accept(row);
      }
    }
  }

  /**
   * The won deals that name a partner ({@link Deal#hasPartner}, through it or influenced), in
   * pay order: what the partner programs' reports read, made once without a record for the
   * direct deals (over half of a generated data set's).
   */
  public List<Deal> wonPartnerDeals() {
    return wonPartnerDeals.get();
  }

  private List<Deal> partnerRecords() {
    List<Deal> all = wonDeals.ifMade(); // taken when made already, else made for these alone
    List<Deal> partnered = new ArrayList<>();
    for (int i = 0; i < wonRows.length; i++) {
      if (deals.partner(wonRows[i]) != null) {
        partnered.add(all != null ? all.get(i) : deals.get(wonRows[i]));
      }
    }
    return List.copyOf(partnered);
  }

  /** The data's deals as columns, for a pass that reads a few fields of every deal. */
  DealColumns columns() {
    return deals;
  }

  /** Activities logged on or before as-of, by date, rep and activity. */
  public List<Activity> activities() {
    return activities;
  }

  /** The activities of one rep and name in one period, their counts summed. */
  public record ActivityCount(FiscalPeriod period, String rep, String activity, long count) {}

  /**
   * {@link #activities} summed per period of {@code calendar}, rep and activity name (as
   * written), ordered by the period's start, the rep and the name: what activity spiffs pay on,
   * grouped once for every plan on the calendar rather than row by row for each (and for the
   * behavior model's meetings). Each rep's and each name's string is one object throughout.
   */
  public List<ActivityCount> activityCounts(FiscalCalendar calendar) {
    return activityCounts.computeIfAbsent(calendar, this::countActivities);
  }

  private List<ActivityCount> countActivities(FiscalCalendar calendar) {
    // each row's period, rep and name as small numbers (the rows come by date, so periods are
    // numbered in order; a rep or name is looked up only when it changes from the row before),
    // summed in a table of primitive keys (a map of objects per row, for each plan, took a
    // quarter of a run on a million activities)
    List<FiscalPeriod> periods = new ArrayList<>();
    Map<String, Integer> repIndex = new HashMap<>();
    List<String> reps = new ArrayList<>();
    Map<String, Integer> nameIndex = new HashMap<>();
    List<String> names = new ArrayList<>();
    ShapeIndex index = new ShapeIndex(1024);
    int[] periodOf = new int[1024];
    int[] repOf = new int[1024];
    int[] nameOf = new int[1024];
    long[] count = new long[1024];
    FiscalPeriod period = null;
    String lastRep = null;
    String lastName = null;
    int rep = -1;
    int name = -1;
    for (Activity activity : activities) {
      if (period == null || !period.contains(activity.date())) {
        period = calendar.periodOf(activity.date());
        periods.add(period);
      }
      if (activity.rep() != lastRep) {
        lastRep = activity.rep();
        rep = repIndex.computeIfAbsent(lastRep, k -> {
          reps.add(k);
          return reps.size() - 1;
        });
      }
      if (activity.activity() != lastName) {
        lastName = activity.activity();
        name = nameIndex.computeIfAbsent(lastName, k -> {
          names.add(k);
          return names.size() - 1;
        });
      }
      int at = periods.size() - 1;
      int g = index.indexOf((long) at << 32 | rep, name);
      if (g == count.length) {
        periodOf = Arrays.copyOf(periodOf, g * 2);
        repOf = Arrays.copyOf(repOf, g * 2);
        nameOf = Arrays.copyOf(nameOf, g * 2);
        count = Arrays.copyOf(count, g * 2);
      }
      periodOf[g] = at;
      repOf[g] = rep;
      nameOf[g] = name;
      count[g] += activity.count();
    }
    // in order of period (numbered in date order), rep and name
    int[] repRank = ranks(reps);
    int[] nameRank = ranks(names);
    int[] p = periodOf;
    int[] r = repOf;
    int[] n = nameOf;
    Integer[] order = new Integer[index.size()];
    for (int g = 0; g < order.length; g++) {
      order[g] = g;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Integer.compare(p[a], p[b]);
      if (c == 0) {
        c = Integer.compare(repRank[r[a]], repRank[r[b]]);
      }
      return c != 0 ? c : Integer.compare(nameRank[n[a]], nameRank[n[b]]);
    });
    List<ActivityCount> counts = new ArrayList<>(order.length);
    for (int g : order) {
      counts.add(new ActivityCount(periods.get(p[g]), reps.get(r[g]), names.get(n[g]), count[g]));
    }
    return List.copyOf(counts);
  }

  /** Each string's place in the strings' natural order. */
  private static int[] ranks(List<String> strings) {
    Integer[] sorted = new Integer[strings.size()];
    for (int k = 0; k < sorted.length; k++) {
      sorted[k] = k;
    }
    Arrays.sort(sorted, (a, b) -> strings.get(a).compareTo(strings.get(b)));
    int[] rank = new int[sorted.length];
    for (int k = 0; k < sorted.length; k++) {
      rank[sorted[k]] = k;
    }
    return rank;
  }

  /** Evaluates {@code plan}, sending every ledger line to {@code sink} in a fixed order. */
  public void evaluate(Plan plan, LedgerSink sink, boolean traces) {
    new Evaluation(this, plan, sink, traces).run();
  }

  /**
   * Evaluates {@code plan} into a sink that only sums ({@link SummingSink}): the deals' lines
   * priced in long cents over the deal table and sent summed by what the sink reads, without a
   * line per deal; the lines that are not per deal one by one. The sink ends with the sums it
   * would have of {@link #evaluate} without traces; a plan whose numbers need decimals is
   * evaluated line by line.
   */
  public void evaluateSummed(Plan plan, SummingSink sink) {
    if (!ColumnarEvaluation.summed(this, plan, sink)) {
      evaluate(plan, sink, false);
    }
  }

  /** A rep's line on a won deal, as {@link #evaluateByDeal} tells it. */
  @FunctionalInterface
  public interface RepLines {
    /**
     * @param row the deal's position in {@code data().deals()}
     * @param cents the line's amount in cents, as the ledger's line has it
     */
    void line(int row, Rep payee, Component component, Status status, long cents);
  }

  /**
   * Evaluates {@code plan} over the deal table in long cents, telling {@code perDeal} every line
   * paid to a rep on a won deal (the lines {@link #evaluate} makes with a deal and
   * {@link PayeeKind#REP}, one call each) and sending {@code programs} the lines that are not of
   * a deal; the partners' lines are left out. For figures per deal without a ledger line per
   * deal. Returns false when the plan's numbers need decimals: then nothing told is valid, and
   * the caller evaluates the ledger. {@code ColumnarDriftTest} holds the lines to the ledger's.
   */
  public boolean evaluateByDeal(Plan plan, RepLines perDeal, LedgerSink programs) {
    return ColumnarEvaluation.byDeal(this, plan, perDeal, programs);
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
    return table.get();
  }

  /** {@link Draws#firstSeen} of this engine, found once. */
  Map<String, Integer> firstSeen() {
    return firstSeen.get();
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
      // the sum of amountIn over the won deals, exactly as adding the decimals gives it (its
      // scale the largest met): the amounts taken as they are summed as digits in a long at
      // the largest scale so far, the rest (converted, or beyond a long) as decimals
      BigDecimal rest = BigDecimal.ZERO;
      long sum = 0;
      int sumScale = 0;
      for (int row : wonRows) {
        int scale = deals.inDigits(row) ? deals.scale(row) : -1;
        if (scale >= 0 && scale < TEN_TO.length && !converts(currency, deals.currency(row))) {
          try {
            if (scale > sumScale) {
              sum = Math.multiplyExact(sum, TEN_TO[scale - sumScale]);
              sumScale = scale;
            }
            sum = Math.addExact(sum,
                Math.multiplyExact(deals.unscaled(row), TEN_TO[sumScale - scale]));
            continue;
          } catch (ArithmeticException beyondLong) {
            // this one as a decimal below (the sum is as it was, or only rescaled)
          }
        }
        rest = rest.add(amountIn(data, currency, deals.currency(row), deals.amount(row)));
      }
      return BigDecimal.valueOf(sum, sumScale).add(rest);
    });
  }

  /** 10^k for k up to 18: every power of ten a long holds. */
  private static final long[] TEN_TO = new long[19];

  static {
    TEN_TO[0] = 1;
    for (int k = 1; k < TEN_TO.length; k++) {
      TEN_TO[k] = TEN_TO[k - 1] * 10;
    }
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
    return amountIn(data, currency, deal.currency(), deal.amount());
  }

  /** {@link #amountIn(Plan, Deal)} of the deal on {@code row} of {@link #columns()}. */
  BigDecimal amountIn(Plan plan, int row) {
    return amountIn(data, plan.currency(), deals.currency(row), deals.amount(row));
  }

  /** {@link #amountIn(DataSet, String, Deal)} of an amount in {@code own} (null: the plan's). */
  static BigDecimal amountIn(DataSet data, String currency, String own, BigDecimal amount) {
    if (!converts(currency, own)) {
      return amount;
    }
    BigDecimal rate = data.fxRates().get(own.toUpperCase(java.util.Locale.ROOT));
    if (rate == null) {
      throw new IllegalStateException("no fx rate for " + own);
    }
    return Money.round(amount.multiply(rate));
  }

  /** Whether an amount in {@code own} (null: the plan's) is converted into {@code currency}. */
  static boolean converts(String currency, String own) {
    return own != null && !own.equalsIgnoreCase(currency);
  }

  /** Whether the engine as of {@code asOf} prices the deal: won, and closed by then. */
  public static boolean wonBy(Deal deal, LocalDate asOf) {
    return wonBy(deal.stage(),
        deal.closeDate() == null ? DealColumns.NO_DAY : deal.closeDate().toEpochDay(),
        asOf.toEpochDay());
  }

  /** {@link #wonBy(Deal, LocalDate)} of a deal's columns. */
  static boolean wonBy(Stage stage, long closeDay, long asOfDay) {
    return stage == Stage.WON && closeDay != DealColumns.NO_DAY && closeDay <= asOfDay;
  }

}
