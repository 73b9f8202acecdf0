package dev.compsim.behavior;

import dev.compsim.engine.Engine;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is typical in the data, independent of any plan: each rep's typical deal (the median of
 * the amounts they won) and their recent period credits, the partners that resell deals and the
 * specialists brought into deals (each with how often), and how long implementations take.
 *
 * <p>Only partners named on won <em>resale</em> deals are candidates for a deal rerouted through
 * a partner: every plan that runs on the data prices resale through them, whereas a referral
 * partner's type may have no resale margin at all.
 */
public final class Typical {
  /** At most this many recent complete periods make a rep's observed spread of attainment. */
  public static final int MAX_PERIODS = 8;

  private final Engine engine;
  private final Map<String, BigDecimal> dealByRep = new HashMap<>();
  private final Map<String, int[]> routedByRep = new HashMap<>(); // {through a partner, all}
  private final BigDecimal overallDeal;
  private final Map<String, Integer> resellers; // in id order
  private final Map<String, Integer> specialists; // in id order
  private final Partner partner;
  private final String specialist;
  private final long[] lags;
  private final Map<FiscalCalendar, Map<String, List<BigDecimal>>> periodCredits =
      new ConcurrentHashMap<>();

  public Typical(Engine engine) {
    this.engine = engine;
    Map<String, List<BigDecimal>> amounts = new HashMap<>();
    Map<String, Integer> resellers = new HashMap<>();
    Map<String, Integer> specialists = new HashMap<>();
    List<BigDecimal> all = new ArrayList<>();
    List<Long> observedLags = new ArrayList<>();
    for (Deal deal : engine.wonDeals()) {
      amounts.computeIfAbsent(deal.owner(), k -> new ArrayList<>()).add(deal.amount());
      all.add(deal.amount());
      int[] routed = routedByRep.computeIfAbsent(deal.owner(), k -> new int[2]);
      routed[0] += deal.throughPartner() ? 1 : 0;
      routed[1]++;
      if (resold(deal, engine.data())) {
        resellers.merge(deal.partner(), 1, Integer::sum);
      }
      for (String assist : deal.assists()) {
        specialists.merge(assist, 1, Integer::sum);
      }
      LocalDate decided = deal.implementationDate();
      if (deal.implementation() != Implementation.PENDING && decided != null
          && !decided.isAfter(engine.asOf())) {
        observedLags.add(Math.max(0, ChronoUnit.DAYS.between(deal.closeDate(), decided)));
      }
    }
    amounts.forEach((rep, list) -> dealByRep.put(rep, median(list)));
    this.resellers = IdOrder.map(resellers);
    this.specialists = IdOrder.map(specialists);
    overallDeal = all.isEmpty() ? BigDecimal.valueOf(10_000) : median(all);
    String top = mostCommon(this.resellers);
    partner = top == null ? null : engine.data().partners().get(top);
    specialist = mostCommon(this.specialists);
    Collections.sort(observedLags);
    lags = observedLags.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Whether {@code deal} was resold through a partner the data knows: the deals whose partners a
   * rerouted deal may go to, and without which routing is not measurable.
   */
  static boolean resold(Deal deal, DataSet data) {
    return deal.partnerRole() == PartnerRole.RESELL && data.partners().containsKey(deal.partner());
  }

  /** The median of exact amounts: the middle one, or the mean of the two middle ones. */
  static BigDecimal median(List<BigDecimal> values) {
    List<BigDecimal> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    if (n == 0) {
      return BigDecimal.ZERO;
    }
    if (n % 2 == 1) {
      return sorted.get(n / 2);
    }
    return sorted.get(n / 2 - 1).add(sorted.get(n / 2))
        .divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN);
  }

  private static String mostCommon(Map<String, Integer> counts) {
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) { // sorted: ties go to the first id
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  public Engine engine() {
    return engine;
  }

  /** The rep's median won amount, or the median over all reps for a rep who won nothing. */
  public BigDecimal deal(String rep) {
    return dealByRep.getOrDefault(rep, overallDeal);
  }

  /** The share of the rep's won deals that went through a partner (0 when none won). */
  public double routedShare(String rep) {
    int[] routed = routedByRep.get(rep);
    return routed == null ? 0 : (double) routed[0] / routed[1];
  }

  /** The partner with the most won resale deals, or null when no deal was resold. */
  public Partner partner() {
    return partner;
  }

  /** Won resale deals by partner id: the mix a rerouted deal is drawn from. */
  public Map<String, Integer> resellers() {
    return resellers;
  }

  /** The rep most often brought in as an assist, or null when no deal has one. */
  public String specialist() {
    return specialist;
  }

  /** Assists by rep id: the mix a deal gaining an assist draws its specialist from. */
  public Map<String, Integer> specialists() {
    return specialists;
  }

  /** Whether the data holds implementations confirmed or failed by as-of, with their dates. */
  public boolean lagMeasured() {
    return lags.length > 0;
  }

  /**
   * Days from close to a decided implementation at quantile {@code q} (0 to 1) of the observed
   * lags, or {@code assumed} when the data has none.
   */
  public long lag(double q, long assumed) {
    if (lags.length == 0) {
      return assumed;
    }
    int at = (int) Math.min(lags.length - 1, Math.max(0, Math.round(q * (lags.length - 1))));
    return lags[at];
  }

  /**
   * The rep's credit (won amount as owner) in each of the last {@link #MAX_PERIODS} complete
   * periods of {@code calendar} up to as-of, oldest first, periods with nothing won included:
   * the rep's observed spread of period attainment. Empty when no complete period lies in the
   * data.
   */
  public List<BigDecimal> periodCredits(String rep, FiscalCalendar calendar) {
    List<BigDecimal> credits = periodCredits.computeIfAbsent(calendar, this::periodCredits)
        .get(rep);
    return credits != null ? credits : emptyPeriods.computeIfAbsent(calendar,
        c -> Collections.nCopies(completePeriods(c).size(), BigDecimal.ZERO));
  }

  /** The median of the rep's {@link #periodCredits}: the credit typically booked already. */
  public BigDecimal periodCredit(String rep, FiscalCalendar calendar) {
    return median(periodCredits(rep, calendar));
  }

  /** By calendar: the credits of a rep who won nothing in any of the periods (all zero). */
  private final Map<FiscalCalendar, List<BigDecimal>> emptyPeriods = new ConcurrentHashMap<>();

  /** The complete periods from the first won deal's period to as-of, at most the last few. */
  private List<LocalDate> completePeriods(FiscalCalendar calendar) {
    List<Deal> won = engine.wonDeals();
    List<LocalDate> starts = new ArrayList<>();
    if (won.isEmpty()) {
      return starts;
    }
    FiscalPeriod period = calendar.periodOf(won.get(0).closeDate());
    while (!period.end().isAfter(engine.asOf())) {
      starts.add(period.start());
      period = calendar.periodOf(period.end().plusDays(1));
    }
    return starts.subList(Math.max(0, starts.size() - MAX_PERIODS), starts.size());
  }

  private Map<String, List<BigDecimal>> periodCredits(FiscalCalendar calendar) {
    List<LocalDate> starts = completePeriods(calendar);
    Map<String, BigDecimal[]> byRep = new HashMap<>();
    // the complete periods follow one another: each day from the first one's start to the last
    // one's end, its period's place among them, read per deal (rather than two map look-ups)
    long first = starts.isEmpty() ? 0 : starts.get(0).toEpochDay();
    int[] placeOfDay = new int[starts.isEmpty() ? 0 : Math.toIntExact(calendar.periodOf(
        starts.get(starts.size() - 1)).end().toEpochDay() - first + 1)];
    for (int i = 0; i < starts.size(); i++) {
      FiscalPeriod period = calendar.periodOf(starts.get(i));
      java.util.Arrays.fill(placeOfDay, Math.toIntExact(period.start().toEpochDay() - first),
          Math.toIntExact(period.end().toEpochDay() - first + 1), i);
    }
    for (Deal deal : engine.wonDeals()) {
      long offset = deal.closeDate().toEpochDay() - first;
      if (offset < 0 || offset >= placeOfDay.length) {
        continue; // not in a complete period among the last few
      }
      int at = placeOfDay[(int) offset];
      BigDecimal[] credits = byRep.computeIfAbsent(deal.owner(), k -> {
        BigDecimal[] zeros = new BigDecimal[starts.size()];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
      });
      credits[at] = credits[at].add(deal.amount());
    }
    Map<String, List<BigDecimal>> out = new HashMap<>();
    byRep.forEach((rep, credits) -> out.put(rep, List.of(credits)));
    return out;
  }
}
