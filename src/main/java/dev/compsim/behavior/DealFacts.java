package dev.compsim.behavior;

import dev.compsim.engine.Engine;
import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The opportunities a simulation redraws (the deals won or lost by as-of, each priced as if won),
 * and the data that does not depend on any plan: who owns each deal, which choices it can switch,
 * whether it was won, and when its implementation is decided.
 *
 * <p>A deal can be routed when it is direct or goes through a partner (an influence deal stays as
 * it is). A direct deal routed through a partner goes, as a resale, to a partner drawn from the
 * data's mix of resellers (weighted by their won resale deals); a deal gaining an assist gets a
 * specialist drawn from the data's mix of assists (never its own owner). Both draws are fixed per
 * deal by a hash of its id, so every plan and every run sees the same partner and specialist for
 * the same deal. A deal without an implementation date is decided {@link #implementationLag()}
 * days after close: the median lag of the decided implementations in the data, or the
 * {@code implementation_lag_days} assumption when there is none.
 */
public final class DealFacts {
  final Engine engine;
  final long asOfDay;
  final List<Deal> deals;
  final int[] owner;
  final boolean[] wonInData;
  final boolean[] routeEligible;
  final boolean[] routedInData;
  final boolean[] assistedInData;
  final String[] partnerFor; // the reseller a direct deal would go to, or null
  final String[] specialistFor; // the specialist an unassisted deal would gain, or null
  final LocalDate[] implementationDate;
  final List<Rep> payees;
  // looked up per variant's recipient and per activity key: a hash map, not a tree of strings
  final Map<String, Integer> payeeIndex = new HashMap<>();
  private final int lag;
  private List<Activity> otherActivities; // built when a plan first needs them
  private final Map<FiscalCalendar, Grouped> grouped = new ConcurrentHashMap<>();
  private final Map<FiscalCalendar, Engine> otherEngines = new ConcurrentHashMap<>();
  /** How many times the activities were grouped (into meeting keys): once per calendar. */
  final AtomicInteger meetingGroupings = new AtomicInteger();

  public DealFacts(Engine engine, Typical typical, long assumedLagDays) {
    this.engine = engine;
    this.asOfDay = engine.asOf().toEpochDay();
    List<Deal> opportunities = new ArrayList<>(engine.wonDeals());
    for (Deal deal : engine.data().deals()) {
      if (lostByAsOf(deal, engine.asOf())) {
        opportunities.add(won(deal));
      }
    }
    // pay order (close date, then deal id: DataSet.PAY_ORDER), compared by hand: the
    // comparator's key extractors go through method handles that C1 does not inline
    opportunities.sort((a, b) -> {
      int byDate = a.closeDate().compareTo(b.closeDate());
      return byDate != 0 ? byDate : a.id().compareTo(b.id());
    });
    this.deals = List.copyOf(opportunities);
    java.util.Set<String> wonIds = new java.util.HashSet<>();
    engine.wonDeals().forEach(d -> wonIds.add(d.id()));
    this.payees = new ArrayList<>(IdOrder.values(engine.data().reps()));
    for (int p = 0; p < payees.size(); p++) {
      payeeIndex.put(payees.get(p).id(), p);
    }
    int n = deals.size();
    owner = new int[n];
    wonInData = new boolean[n];
    routeEligible = new boolean[n];
    routedInData = new boolean[n];
    assistedInData = new boolean[n];
    partnerFor = new String[n];
    specialistFor = new String[n];
    implementationDate = new LocalDate[n];
    lag = (int) Math.max(0, typical.lag(0.5, assumedLagDays));
    Mix resellers = new Mix(typical.resellers());
    Mix specialists = new Mix(typical.specialists());
    for (int i = 0; i < n; i++) {
      Deal deal = deals.get(i);
      owner[i] = payeeIndex.get(deal.owner());
      wonInData[i] = wonIds.contains(deal.id());
      routedInData[i] = deal.throughPartner();
      long hash = Simulation.mix(deal.id().hashCode() * 0x9E3779B97F4A7C15L);
      if (!deal.hasPartner()) {
        partnerFor[i] = resellers.pick(hash, null);
      }
      routeEligible[i] = (!deal.hasPartner() || deal.throughPartner())
          && (routedInData[i] || partnerFor[i] != null);
      assistedInData[i] = !deal.assists().isEmpty();
      if (!assistedInData[i]) {
        specialistFor[i] = specialists.pick(Simulation.mix(hash), deal.owner());
      }
      implementationDate[i] = deal.implementationDate() != null ? deal.implementationDate()
          : deal.closeDate().plusDays(lag);
    }
  }

  /**
   * The meetings in the data, one key per rep and period of {@code calendar}, in the order each
   * key first occurs: the rep's payee index (-1 for a rep not in reps.csv), id, the period's
   * first day and the meetings logged. The same for every plan on that calendar, so grouped once.
   */
  record Meetings(int[] rep, String[] repId, long[] base, LocalDate[] day) {}

  Meetings meetings(FiscalCalendar calendar) {
    return grouped(calendar).meetings();
  }

  /**
   * The activities other than meetings summed by rep, period of {@code calendar} and activity,
   * each row dated on its period's first day: the engine pays an activity
   * spiff per rep, period and activity, so over these rows it writes the same lines as over
   * {@link #otherActivities} from an eighth of the rows with 8,000 reps (a plan whose spiffs
   * change by date needs the days: {@code ActivitySumsDriftTest} holds the two equal). The raw
   * activities when a sum would not fit a count.
   */
  List<Activity> otherActivitiesByPeriod(FiscalCalendar calendar) {
    return grouped(calendar).others();
  }

  /**
   * An engine over {@link #otherActivitiesByPeriod} alone (no deals): it depends on no plan, so
   * it is made once per calendar and every plan paying such a spiff is evaluated on it.
   */
  Engine otherActivitiesEngine(FiscalCalendar calendar) {
    return otherEngines.computeIfAbsent(calendar,
        c -> activitiesEngine(otherActivitiesByPeriod(c)));
  }

  /** An engine over {@code activities} alone, with the data's reps and partners. */
  Engine activitiesEngine(List<Activity> activities) {
    DataSet data = new DataSet(List.of(), engine.data().reps(), engine.data().partners(),
        activities, engine.data().fxRates());
    return new Engine(data, engine.asOf());
  }

  /** A calendar's meeting keys and summed other activities, from one pass over the rows. */
  private record Grouped(Meetings meetings, List<Activity> others) {}

  private Grouped grouped(FiscalCalendar calendar) {
    return grouped.computeIfAbsent(calendar, this::group);
  }

  /**
   * The engine's activity counts of the calendar (summed per period, rep and activity once for
   * every plan on it, and for the evaluation of activity spiffs): the meetings into one key per
   * rep and period (every spelling of meeting summed), the others as they are. Both come in the
   * engine's order, by period, rep and activity. {@code DealFactsGroupingTest} holds it to
   * grouping the rows through maps of record keys.
   */
  private Grouped group(FiscalCalendar calendar) {
    meetingGroupings.incrementAndGet();
    List<Engine.ActivityCount> counts = engine.activityCounts(calendar);
    int[] repOf = new int[counts.size()];
    String[] repId = new String[counts.size()];
    long[] base = new long[counts.size()];
    LocalDate[] day = new LocalDate[counts.size()];
    int size = 0;
    List<Activity> others = new ArrayList<>();
    String name = null;
    boolean meeting = false;
    for (Engine.ActivityCount count : counts) {
      if (count.activity() != name) { // the engine shares each name's string
        name = count.activity();
        meeting = Simulation.MEETING.equalsIgnoreCase(name);
      }
      LocalDate start = count.period().start();
      if (!meeting) {
        if (others != null && count.count() > Integer.MAX_VALUE) {
          others = null; // a sum that does not fit a count: the raw rows below
        } else if (others != null) {
          others.add(new Activity(count.rep(), start, name, (int) count.count()));
        }
      } else if (size > 0 && repId[size - 1].equals(count.rep()) && day[size - 1].equals(start)) {
        base[size - 1] += count.count(); // another spelling of meeting, same rep and period
      } else {
        repOf[size] = payeeIndex.getOrDefault(count.rep(), -1);
        repId[size] = count.rep();
        base[size] = count.count();
        day[size] = start;
        size++;
      }
    }
    return new Grouped(new Meetings(Arrays.copyOf(repOf, size), Arrays.copyOf(repId, size),
        Arrays.copyOf(base, size), Arrays.copyOf(day, size)),
        others == null ? otherActivities() : List.copyOf(others));
  }

  /** The activities other than meetings: no choice changes them. */
  synchronized List<Activity> otherActivities() {
    if (otherActivities == null) {
      List<Activity> others = new ArrayList<>();
      for (Activity activity : engine.activities()) {
        if (!Simulation.MEETING.equalsIgnoreCase(activity.activity())) {
          others.add(activity);
        }
      }
      otherActivities = List.copyOf(others);
    }
    return otherActivities;
  }

  /** Ids weighted by counts, picked by a hash: the same id for the same hash on every JDK. */
  private static final class Mix {
    final String[] ids;
    final long[] upTo;

    Mix(Map<String, Integer> counts) {
      ids = new String[counts.size()];
      upTo = new long[ids.length];
      long total = 0;
      int k = 0;
      for (Map.Entry<String, Integer> count : counts.entrySet()) {
        ids[k] = count.getKey();
        total += count.getValue();
        upTo[k++] = total;
      }
    }

    /** The id at the hash's place in the weights, skipping {@code not}; null if none is left. */
    String pick(long hash, String not) {
      if (ids.length == 0) {
        return null;
      }
      long at = Long.remainderUnsigned(hash, upTo[ids.length - 1]);
      // the first id whose running total passes the place: a binary search of the totals (a
      // scan from the first was a pass over every specialist for each deal)
      int k = 0;
      int hi = ids.length - 1;
      while (k < hi) {
        int mid = (k + hi) >>> 1;
        if (upTo[mid] <= at) {
          k = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int step = 0; step < ids.length; step++) {
        String id = ids[(k + step) % ids.length];
        if (!id.equals(not)) {
          return id;
        }
      }
      return null;
    }
  }

  /** Whether {@code deal} was lost by as-of: with the won deals, the opportunities redrawn. */
  static boolean lostByAsOf(Deal deal, LocalDate asOf) {
    return deal.stage() == Stage.LOST && deal.closeDate() != null
        && !deal.closeDate().isAfter(asOf);
  }

  public int size() {
    return deals.size();
  }

  /** Won deals over won and lost ones closed by as-of; 1 when nothing was lost. */
  public double winRate() {
    int won = 0;
    for (boolean w : wonInData) {
      won += w ? 1 : 0;
    }
    return deals.isEmpty() ? 1 : (double) won / deals.size();
  }

  public int implementationLag() {
    return lag;
  }

  /** Whether deal {@code i} can gain or lose an assist. */
  boolean teamEligible(int i) {
    return assistedInData[i] || specialistFor[i] != null;
  }

  /** The deal with its route and team choices applied. */
  Deal withChoices(int i, boolean routed, boolean assisted) {
    Deal deal = deals.get(i);
    if (routeEligible[i] && routed != routedInData[i]) {
      deal = routed ? deal.withPartner(partnerFor[i], PartnerRole.RESELL)
          : deal.withPartner(null, null);
    }
    if (teamEligible(i) && assisted != assistedInData[i]) {
      deal = deal.withAssists(assisted ? List.of(specialistFor[i]) : List.of());
    }
    return deal;
  }

  static Deal lost(Deal deal) {
    return withStage(deal, Stage.LOST);
  }

  static Deal won(Deal deal) {
    return withStage(deal, Stage.WON);
  }

  private static Deal withStage(Deal deal, Stage stage) {
    return new Deal(deal.id(), deal.owner(), deal.closeDate(), deal.amount(), stage,
        deal.currency(), deal.partner(), deal.partnerRole(), deal.partnerSourced(),
        deal.registered(), deal.partnerDiscount(), deal.partnerRep(), deal.assists(),
        deal.implementation(), deal.implementationDate(), deal.territory(), deal.product(),
        deal.createdDate());
  }
}
