package dev.compsim.behavior;

import dev.compsim.engine.Engine;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.Partner;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is typical in the data, independent of any plan: each rep's typical deal (the median of
 * the amounts they won), the typical partner (the partner with most won deals among the most
 * common partner type) and the typical specialist (the rep most often brought in as an assist).
 */
public final class Typical {
  private final Engine engine;
  private final Map<String, BigDecimal> dealByRep = new TreeMap<>();
  private final BigDecimal overallDeal;
  private final Partner partner;
  private final String specialist;
  private final Map<FiscalCalendar, Map<String, BigDecimal>> periodCredits =
      new java.util.concurrent.ConcurrentHashMap<>();

  public Typical(Engine engine) {
    this.engine = engine;
    Map<String, List<BigDecimal>> amounts = new TreeMap<>();
    List<BigDecimal> all = new ArrayList<>();
    Map<String, Integer> typeCount = new TreeMap<>();
    Map<String, Integer> partnerCount = new TreeMap<>();
    Map<String, Integer> assistCount = new TreeMap<>();
    for (Deal deal : engine.wonDeals()) {
      amounts.computeIfAbsent(deal.owner(), k -> new ArrayList<>()).add(deal.amount());
      all.add(deal.amount());
      if (deal.throughPartner()) {
        Partner p = engine.data().partners().get(deal.partner());
        if (p != null) {
          typeCount.merge(p.type(), 1, Integer::sum);
          partnerCount.merge(p.id(), 1, Integer::sum);
        }
      }
      for (String assist : deal.assists()) {
        assistCount.merge(assist, 1, Integer::sum);
      }
    }
    amounts.forEach((rep, list) -> dealByRep.put(rep, median(list)));
    overallDeal = all.isEmpty() ? BigDecimal.valueOf(10_000) : median(all);
    String type = mostCommon(typeCount);
    Partner chosen = null;
    int best = -1;
    for (Partner p : new TreeMap<>(engine.data().partners()).values()) {
      int count = partnerCount.getOrDefault(p.id(), 0);
      if ((type == null || p.type().equals(type)) && count > best) {
        chosen = p;
        best = count;
      }
    }
    partner = chosen;
    specialist = mostCommon(assistCount);
  }

  /** The median of exact amounts: the middle one, or the mean of the two middle ones. */
  static BigDecimal median(List<BigDecimal> values) {
    List<BigDecimal> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
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

  /** The partner a typical partner deal goes through, or null when the data has no partners. */
  public Partner partner() {
    return partner;
  }

  /** The rep most often brought in as an assist, or null when no deal has one. */
  public String specialist() {
    return specialist;
  }

  /**
   * The rep's typical credit already booked in a period when a deal comes in: the median, over
   * the periods of {@code calendar} in which the rep won anything, of what they won in it.
   */
  public BigDecimal periodCredit(String rep, FiscalCalendar calendar) {
    return periodCredits.computeIfAbsent(calendar, this::periodCredits)
        .getOrDefault(rep, BigDecimal.ZERO);
  }

  private Map<String, BigDecimal> periodCredits(FiscalCalendar calendar) {
    Map<String, Map<LocalDate, BigDecimal>> byRep = new HashMap<>();
    Map<LocalDate, LocalDate> starts = new HashMap<>();
    for (Deal deal : engine.wonDeals()) {
      LocalDate start = starts.computeIfAbsent(deal.closeDate(),
          d -> calendar.periodOf(d).start());
      byRep.computeIfAbsent(deal.owner(), k -> new HashMap<>())
          .merge(start, deal.amount(), BigDecimal::add);
    }
    Map<String, BigDecimal> medians = new HashMap<>();
    byRep.forEach((rep, periods) -> medians.put(rep, median(new ArrayList<>(periods.values()))));
    return medians;
  }
}
