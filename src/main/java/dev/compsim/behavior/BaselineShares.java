package dev.compsim.behavior;

import dev.compsim.engine.Engine;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Implementation;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * How often each choice is made in the data: the starting point the response model moves.
 *
 * <ul>
 *   <li>route: won deals through a partner (resell or referral), of won deals that are direct or
 *       through a partner (influence deals are neither);
 *   <li>engage: confirmed implementations, of implementations confirmed or failed by as-of (a
 *       confirmed go-live is taken as the mark of an engaged seller);
 *   <li>team: won deals with at least one assist;
 *   <li>timing: won deals closing in the last {@value #LATE_DAYS} days of a period of the
 *       baseline plan's calendar;
 *   <li>meetings: meetings logged per rep (a count, not a share);
 *   <li>effort: 1, the volume the data shows (a factor, not a share).
 * </ul>
 *
 * @param shares the share of each choice; for {@link Behavior#MEETINGS} the meetings per rep
 * @param meetingsByRep meetings logged by each rep, by rep id
 * @param wonByRep won deals owned by each rep, by rep id (the weights of per-rep shares)
 * @param unmeasured for each behavior the data cannot measure, why (e.g. "the deals have no
 *     decided implementations"): its share is then no measurement, and reports say so
 */
public record BaselineShares(Map<Behavior, Double> shares, Map<String, Long> meetingsByRep,
    Map<String, Long> wonByRep, Map<Behavior, String> unmeasured) {

  /** A deal closing this many days or fewer before its period ends counts as late. */
  public static final int LATE_DAYS = 14;

  public BaselineShares {
    Map<Behavior, Double> all = new EnumMap<>(Behavior.class);
    all.putAll(shares);
    all.putIfAbsent(Behavior.EFFORT, 1.0);
    shares = all;
    meetingsByRep = IdOrder.map(meetingsByRep);
    wonByRep = IdOrder.map(wonByRep);
    Map<Behavior, String> copy = new EnumMap<>(Behavior.class);
    copy.putAll(unmeasured);
    unmeasured = copy;
  }

  /** Whether the data measures {@code behavior}. */
  public boolean measured(Behavior behavior) {
    return !unmeasured.containsKey(behavior);
  }

  /** Why the data cannot measure {@code behavior}, or null when it can. */
  public String whyUnmeasured(Behavior behavior) {
    return unmeasured.get(behavior);
  }

  public double get(Behavior behavior) {
    return shares.get(behavior);
  }

  public static BaselineShares observe(Engine engine, FiscalCalendar calendar) {
    long eligible = 0;
    long partner = 0;
    long assisted = 0;
    long late = 0;
    long decided = 0;
    long confirmed = 0;
    long resold = 0;
    // counted in hash maps (the record sorts them once): a tree's string comparisons per
    // activity row were 5% of compare with 8,000 reps and 540,000 meeting rows
    Map<String, Long> won = new HashMap<>();
    for (Deal deal : engine.wonDeals()) {
      won.merge(deal.owner(), 1L, Long::sum);
      if (!deal.hasPartner() || deal.throughPartner()) {
        eligible++;
        if (deal.throughPartner()) {
          partner++;
        }
        if (Typical.resold(deal, engine.data())) {
          resold++;
        }
      }
      if (!deal.assists().isEmpty()) {
        assisted++;
      }
      if (isLate(calendar, deal.closeDate())) {
        late++;
      }
      LocalDate on = deal.implementationDate();
      if (deal.implementation() != Implementation.PENDING && on != null
          && !on.isAfter(engine.asOf())) {
        decided++;
        if (deal.implementation() == Implementation.CONFIRMED) {
          confirmed++;
        }
      }
    }
    // from the engine's counts per period, rep and activity (grouped once for the activity
    // spiffs and the simulation too), a name compared only when it changes: with 8,000 reps and
    // 960,000 activity rows a pass of their own took about 40 ms of compare's main thread
    Map<String, long[]> meetingSums = new HashMap<>();
    long totalMeetings = 0;
    String name = null;
    boolean meeting = false;
    for (Engine.ActivityCount count : engine.activityCounts(calendar)) {
      if (count.activity() != name) {
        name = count.activity();
        meeting = Simulation.MEETING.equalsIgnoreCase(name);
      }
      if (meeting) {
        meetingSums.computeIfAbsent(count.rep(), k -> new long[1])[0] += count.count();
        totalMeetings += count.count();
      }
    }
    Map<String, Long> meetings = new HashMap<>(IdOrder.capacity(meetingSums.size()));
    meetingSums.forEach((rep, sum) -> meetings.put(rep, sum[0]));
    long deals = engine.wonCount();
    Map<Behavior, Double> shares = new EnumMap<>(Behavior.class);
    shares.put(Behavior.ROUTE, ratio(partner, eligible));
    shares.put(Behavior.ENGAGE, ratio(confirmed, decided));
    shares.put(Behavior.TEAM, ratio(assisted, deals));
    shares.put(Behavior.TIMING, ratio(late, deals));
    int reps = engine.data().reps().size();
    shares.put(Behavior.MEETINGS, reps == 0 ? 0.0 : (double) totalMeetings / reps);
    shares.put(Behavior.EFFORT, 1.0);
    Map<Behavior, String> unmeasured = new EnumMap<>(Behavior.class);
    if (deals == 0) {
      for (Behavior b : Behavior.values()) {
        unmeasured.put(b, "no deal was won by as-of");
      }
    }
    if (resold == 0) {
      unmeasured.putIfAbsent(Behavior.ROUTE, "no won deal was resold through a partner");
    }
    if (decided == 0) {
      unmeasured.putIfAbsent(Behavior.ENGAGE, "the deals have no implementation confirmed or "
          + "failed by as-of (no implementation column, or none decided)");
    }
    if (assisted == 0) {
      unmeasured.putIfAbsent(Behavior.TEAM, "no won deal names an assist");
    }
    if (totalMeetings == 0) {
      unmeasured.putIfAbsent(Behavior.MEETINGS, "no meeting activity is logged");
    }
    return new BaselineShares(shares, meetings, won, unmeasured);
  }

  /** Whether {@code date} falls in the last {@value #LATE_DAYS} days of its period. */
  public static boolean isLate(FiscalCalendar calendar, LocalDate date) {
    return isLate(calendar.periodOf(date), date);
  }

  /** Whether {@code date}, in {@code period}, falls in its last {@value #LATE_DAYS} days. */
  static boolean isLate(FiscalPeriod period, LocalDate date) {
    return !date.isBefore(period.end().minusDays(LATE_DAYS - 1L));
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
