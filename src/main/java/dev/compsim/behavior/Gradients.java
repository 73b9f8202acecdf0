package dev.compsim.behavior;

import dev.compsim.engine.Engine;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.PayeeKind;
import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Implementation;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Incentive gradients: for one rep under one plan, what each choice is worth to the rep. Every
 * figure is the difference between two runs of the payout engine on a tiny data set made for the
 * purpose (the rep, their typical deal, their typical credit already booked in the period), so a
 * gradient follows whatever the engine does and is never a separate formula.
 *
 * <ul>
 *   <li>route: the owner's pay on the typical deal through the typical partner (resell) minus
 *       direct;
 *   <li>engage: the owner's pay when the customer confirms go-live minus when it fails (holdback
 *       released or forfeited, clawback, implementation spiff);
 *   <li>meetings: the pay for one more logged meeting (zero when activity spiffs are banned);
 *   <li>team: the owner's pay with the typical specialist assisting minus alone (the
 *       specialist's own gain is kept beside it);
 *   <li>timing: the pay on the typical deal closed on the last day of this period, on top of the
 *       rep's typical period credit, minus the same deal closed on the first day of the next.
 * </ul>
 *
 * Unless the behavior is engagement, the deal's implementation is confirmed 30 days after close,
 * so that a holdback counts as the rep expects it to. Amounts are pay in the plan's currency.
 */
public final class Gradients {
  static final String PRIOR = "typical-period-credit";
  static final String DEAL = "typical-deal";
  static final String SPECIALIST = "typical-specialist";

  private Gradients() {}

  /** One rep's gradients under one plan. */
  public record RepGradient(String rep, BigDecimal monthlyOte, Map<Behavior, BigDecimal> owner,
      BigDecimal specialistGain) {
    public RepGradient {
      owner = Collections.unmodifiableMap(new EnumMap<>(owner));
    }

    public BigDecimal of(Behavior behavior) {
      return owner.get(behavior);
    }
  }

  /** Every rep's gradients under one plan, by rep id. */
  public record PlanGradients(String plan, Map<String, RepGradient> reps) {
    public PlanGradients {
      reps = Collections.unmodifiableMap(new TreeMap<>(reps));
    }

    /** The gradient of {@code behavior} across reps, in rep order. */
    public List<BigDecimal> values(Behavior behavior) {
      List<BigDecimal> out = new ArrayList<>();
      reps.values().forEach(r -> out.add(r.of(behavior)));
      return out;
    }
  }

  /** The gradients of every rep in the data under {@code plan}. */
  public static PlanGradients of(Plan plan, Typical typical) {
    Map<String, RepGradient> reps = new LinkedHashMap<>();
    for (Rep rep : new TreeMap<>(typical.engine().data().reps()).values()) {
      reps.put(rep.id(), of(plan, typical, rep));
    }
    return new PlanGradients(plan.name(), reps);
  }

  /** One rep's gradients under {@code plan}. */
  public static RepGradient of(Plan plan, Typical typical, Rep rep) {
    Engine data = typical.engine();
    FiscalPeriod period = plan.calendar().periodOf(data.asOf());
    LocalDate end = period.end();
    LocalDate next = end.plusDays(1);
    Setting setting = new Setting(plan, data.data().reps(), rep,
        typical.periodCredit(rep.id(), plan.calendar()), period.start(), typical.deal(rep.id()),
        null);
    Map<Behavior, BigDecimal> owner = new EnumMap<>(Behavior.class);

    Deal direct = setting.deal(end);
    BigDecimal directPay = setting.pay(List.of(direct), List.of(), null, rep.id());

    Partner partner = typical.partner();
    owner.put(Behavior.ROUTE, partner == null ? Money.ZERO
        : setting.pay(List.of(direct.withPartner(partner.id(), PartnerRole.RESELL)), List.of(),
            partner, rep.id()).subtract(directPay));

    LocalDate goLive = end.plusDays(30);
    owner.put(Behavior.ENGAGE, directPay.subtract(setting.pay(
        List.of(direct.withImplementation(Implementation.FAILED, goLive)), List.of(), null,
        rep.id())));

    owner.put(Behavior.MEETINGS, setting.activityPay(period.start()));

    Rep specialist = specialist(typical, rep);
    Deal assisted = direct.withAssists(List.of(specialist.id()));
    Setting team = setting.with(specialist);
    owner.put(Behavior.TEAM,
        team.pay(List.of(assisted), List.of(), null, rep.id()).subtract(directPay));
    BigDecimal specialistGain = team.pay(List.of(assisted), List.of(), null, specialist.id());

    owner.put(Behavior.TIMING, directPay.subtract(
        setting.pay(List.of(setting.deal(next)), List.of(), null, rep.id())));

    BigDecimal monthly = rep.ote().divide(BigDecimal.valueOf(12), 2, Money.ROUNDING);
    return new RepGradient(rep.id(), monthly, owner, specialistGain);
  }

  private static Rep specialist(Typical typical, Rep rep) {
    String id = typical.specialist();
    if (id != null && !id.equals(rep.id())) {
      return typical.engine().data().rep(id);
    }
    // no specialist in the data: a teammate like the rep
    return new Rep(SPECIALIST, SPECIALIST, rep.role(), null, rep.quota(), rep.ote());
  }

  /** The tiny data set a gradient is priced on. */
  private record Setting(Plan plan, Map<String, Rep> known, Rep rep, BigDecimal priorCredit,
      LocalDate periodStart, BigDecimal amount, Rep other) {
    Setting with(Rep teammate) {
      return new Setting(plan, known, rep, priorCredit, periodStart, amount, teammate);
    }

    Deal deal(LocalDate close) {
      return Deal.direct(DEAL, rep.id(), close, amount)
          .withImplementation(Implementation.CONFIRMED, close.plusDays(30));
    }

    /** The counted pay of {@code payee} on the typical deal (or on nothing but activities). */
    BigDecimal pay(List<Deal> deals, List<Activity> activities, Partner partner, String payee) {
      List<Deal> all = new ArrayList<>();
      if (priorCredit.signum() > 0) {
        all.add(Deal.direct(PRIOR, rep.id(), periodStart, priorCredit)
            .withImplementation(Implementation.CONFIRMED, periodStart.plusDays(30)));
      }
      all.addAll(deals);
      // every rep of the data: a channel manager overlay may credit one of them
      Map<String, Rep> reps = new TreeMap<>(known);
      reps.put(rep.id(), rep);
      if (other != null) {
        reps.put(other.id(), other);
      }
      Map<String, Partner> partners = partner == null ? Map.of() : Map.of(partner.id(), partner);
      DataSet data = new DataSet(all, reps, partners, activities, Map.of());
      LocalDate asOf = periodStart.plusYears(3); // every holdback has been decided
      BigDecimal[] sum = {Money.ZERO};
      new Engine(data, asOf).evaluate(plan, line -> {
        if (counts(line, payee)) {
          sum[0] = sum[0].add(line.cost());
        }
      }, false);
      return sum[0];
    }

    private static boolean counts(LedgerLine line, String payee) {
      return line.payeeKind() == PayeeKind.REP && line.payee().equals(payee)
          && (line.dealId() == null || Objects.equals(line.dealId(), DEAL));
    }

    BigDecimal activityPay(LocalDate day) {
      return pay(List.of(), List.of(new Activity(rep.id(), day, Simulation.MEETING, 1)), null,
          rep.id());
    }
  }
}
