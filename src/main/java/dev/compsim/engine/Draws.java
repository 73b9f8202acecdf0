package dev.compsim.engine;

import dev.compsim.model.Activity;
import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
import dev.compsim.model.Draw;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws, settled at the end of each plan period that has ended as of {@code --as-of}. The
 * commission a rep earned in the period (every commission line of its deals, paid or held back,
 * before any holdback) is compared with the draw amount:
 *
 * <ul>
 *   <li>below it, within the draw's months: the difference is paid, as {@code draw} (recoverable:
 *       it adds to the rep's balance) or {@code guarantee} (not recoverable);
 *   <li>above it, with a balance: the part above the amount repays the balance, as a negative
 *       {@code draw_recovery} line, up to the balance;
 *   <li>at the end of the plan's fiscal year, with {@code carry: false}, a balance left is
 *       forgiven: a negative {@code draw_recovery} line of status {@code forgiven}, not cost.
 * </ul>
 *
 * So the draw and draw_recovery lines of a rep add up to the balance outstanding as of
 * {@code --as-of}: the advance the reports show. A rep's draw starts in the period of its start:
 * the first day the data shows it at work (the earliest close date, won or not, of a deal it
 * owns, assists or manages the partner of, or the date of an activity it logged), as the data
 * has no hire dates.
 */
final class Draws {
  private final Plan plan;
  private final Engine engine;
  /** Commission earned per rep and period label. */
  private final Map<String, Map<String, BigDecimal>> earned = new HashMap<>();

  private Draws(Plan plan, Engine engine) {
    this.plan = plan;
    this.engine = engine;
  }

  /** The draws of {@code plan}, or null when no role of it has one. */
  static Draws of(Plan plan, Engine engine) {
    return draws(plan) ? new Draws(plan, engine) : null;
  }

  /** Whether any role of the plan has a draw. */
  static boolean draws(Plan plan) {
    boolean any = plan.rules().draw() != null;
    for (var rules : plan.roles().values()) {
      any = any || rules.draw() != null;
    }
    return any;
  }

  /** A sink that counts each rep's commission per period, then passes the line on. */
  LedgerSink counting(LedgerSink next) {
    return line -> {
      if (counts(line.component(), line.payeeKind(), line.status())) {
        earn(line.payee(), line.period(), line.amount());
      }
      next.accept(line);
    };
  }

  /** Whether a line of this kind counts as commission earned against the draw. */
  static boolean counts(Component component, PayeeKind kind, Status status) {
    return component == Component.COMMISSION && kind == PayeeKind.REP && status.partOfEarned();
  }

  /**
   * Counts {@code amount} of commission earned by {@code rep} in the period labelled {@code
   * period}: what {@link #counting} does for each line that {@link #counts}, for a pass that
   * sums its lines without making them (the columnar engine).
   */
  void earn(String rep, String period, BigDecimal amount) {
    earned.computeIfAbsent(rep, k -> new HashMap<>()).merge(period, amount, BigDecimal::add);
  }

  /** One settled period of one rep, as the ledger shows it. */
  record Settlement(String rep, FiscalPeriod period, Component component, Status status,
      BigDecimal amount, LocalDate payDate, String trace) {}

  /** Every rep's settlements in rep order, then period order. */
  List<Settlement> settle(boolean traces) {
    Map<String, LocalDate> starts = starts();
    List<Settlement> out = new ArrayList<>();
    FiscalCalendar calendar = plan.calendar();
    LocalDate asOf = engine.asOf();
    for (Map.Entry<String, LocalDate> start : starts.entrySet()) {
      Rep rep = engine.data().rep(start.getKey());
      Draw draw = plan.rulesFor(rep.role()).draw();
      if (draw == null) {
        continue;
      }
      BigDecimal amount = Money.round(draw.amount());
      FiscalPeriod first = calendar.periodOf(start.getValue());
      LocalDate windowEnd = draw.months() == null ? null
          : first.start().plusMonths(draw.months());
      Map<String, BigDecimal> commission = earned.getOrDefault(rep.id(), Map.of());
      BigDecimal balance = Money.ZERO;
      for (FiscalPeriod period = first; !period.end().isAfter(asOf);
          period = calendar.periodOf(period.end().plusDays(1))) {
        BigDecimal c = commission.getOrDefault(period.label(), Money.ZERO);
        boolean inWindow = windowEnd == null || period.start().isBefore(windowEnd);
        String label = period.label();
        if (inWindow && c.compareTo(amount) < 0) {
          BigDecimal topUp = amount.subtract(c);
          if (draw.recoverable()) {
            balance = balance.add(topUp);
          }
          out.add(new Settlement(rep.id(), period,
              draw.recoverable() ? Component.DRAW : Component.GUARANTEE, Status.PAID, topUp,
              period.end(), traces ? "commission " + Money.plain(c) + " earned in " + label
                  + " is below the " + Money.plain(amount) + " draw: " + Money.plain(topUp)
                  + (draw.recoverable() ? " drawn; balance " + Money.plain(balance)
                      : " guaranteed (not recoverable)") : null));
        } else if (draw.recoverable() && balance.signum() > 0 && c.compareTo(amount) > 0) {
          BigDecimal above = c.subtract(amount);
          BigDecimal recovered = above.min(balance);
          balance = balance.subtract(recovered);
          out.add(new Settlement(rep.id(), period, Component.DRAW_RECOVERY, Status.PAID,
              recovered.negate(), period.end(), traces ? "commission " + Money.plain(c)
                  + " earned in " + label + ": " + Money.plain(above) + " above the "
                  + Money.plain(amount) + " draw recovers " + Money.plain(recovered)
                  + "; balance " + Money.plain(balance) : null));
        }
        LocalDate next = period.end().plusDays(1);
        boolean yearEnds = calendar.yearStartOf(next).equals(next);
        if (yearEnds && draw.recoverable() && !draw.carry() && balance.signum() > 0) {
          out.add(new Settlement(rep.id(), period, Component.DRAW_RECOVERY, Status.FORGIVEN,
              balance.negate(), null, traces ? "draw balance " + Money.plain(balance)
                  + " left at the end of FY" + period.fiscalYear()
                  + " is forgiven (carry: false); not cost again" : null));
          balance = Money.ZERO;
        }
      }
    }
    return out;
  }

  /**
   * Each rep with a draw and a start in the data, by rep id: the earliest close date of a deal it
   * owns, assists or manages the partner of, or of an activity it logged, on or before as-of.
   */
  private Map<String, LocalDate> starts() {
    Map<String, LocalDate> starts = new TreeMap<>();
    engine.firstSeen().forEach((id, day) -> {
      Rep rep = engine.data().reps().get(id);
      if (rep != null && plan.rulesFor(rep.role()).draw() != null) {
        starts.put(id, LocalDate.ofEpochDay(day));
      }
    });
    return starts;
  }

  /**
   * The epoch day each rep is first seen in the engine's data, by rep id: the earliest close date
   * of a deal it owns, assists or manages the partner of, or of an activity it logged, on or
   * before as-of. It does not depend on the plan: {@link Engine#firstSeen} keeps it for every
   * plan with draws.
   */
  static Map<String, Integer> firstSeen(Engine engine) {
    // over the columns: a record per deal cost more than the rest of a draw plan's pass
    DealColumns deals = engine.columns();
    long asOf = engine.asOf().toEpochDay();
    Map<String, int[]> first = new HashMap<>(); // the earliest day each rep is seen
    for (int i = 0; i < deals.size(); i++) {
      // close dates, not created dates: a deal created before the data's first close would
      // start a draw in a period the data cannot show commission for
      int day = deals.closeDay(i);
      if (day == DealColumns.NO_DAY || day > asOf) {
        continue;
      }
      seen(first, deals.owner(i), day);
      for (String assist : deals.assists(i)) {
        seen(first, assist, day);
      }
      String id = deals.partner(i);
      Partner partner = id == null ? null : engine.data().partners().get(id);
      if (partner != null && partner.manager() != null) {
        seen(first, partner.manager(), day); // a channel manager's overlay credit
      }
    }
    for (Activity activity : engine.activities()) {
      seen(first, activity.rep(), Math.toIntExact(activity.date().toEpochDay()));
    }
    Map<String, Integer> days = new HashMap<>();
    first.forEach((id, day) -> days.put(id, day[0]));
    return Collections.unmodifiableMap(days);
  }

  private static void seen(Map<String, int[]> first, String rep, int day) {
    int[] earliest = first.get(rep);
    if (earliest == null) {
      first.put(rep, new int[] {day});
    } else if (day < earliest[0]) {
      earliest[0] = day;
    }
  }
}
