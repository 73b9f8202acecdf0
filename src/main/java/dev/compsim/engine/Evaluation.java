package dev.compsim.engine;

import dev.compsim.model.Activity;
import dev.compsim.model.Credit;
import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Holdback;
import dev.compsim.model.Implementation;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Rules;
import dev.compsim.model.Spiff;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One plan evaluated over an engine's deals: the state that lives for one evaluation. */
final class Evaluation {
  private final Engine engine;
  private final Plan plan;
  private final LedgerSink sink;
  private final boolean traces;
  private final Map<String, PayeeState> payees = new HashMap<>();
  private final Map<LocalDate, FiscalPeriod> periods = new HashMap<>();
  private FiscalPeriod lastPeriod;
  /** Made when deals are priced: the programs alone ({@link #programs}) do not need them. */
  private PartnerTiers tiers;
  /** The draws of the plan, or null when it has none. */
  private final Draws draws;
  /** With effective-dated changes: each version's partner tiers, by version number − 1. */
  private PartnerTiers[] versionTiers;
  /** With changes: the straddle note of each period, "" for a period no change falls in. */
  private final Map<FiscalPeriod, String> straddles = new HashMap<>();

  Evaluation(Engine engine, Plan plan, LedgerSink sink, boolean traces) {
    this.engine = engine;
    this.plan = plan;
    this.traces = traces;
    this.draws = Draws.of(plan, engine);
    this.sink = draws == null ? sink : draws.counting(sink);
  }

  /** A payee's commission schedule and credit so far in its current period. */
  private static final class PayeeState {
    final Rep rep;
    Plan version;
    Rules rules;
    CommissionSchedule schedule;
    HoldbackSplit split;
    FiscalPeriod period;
    BigDecimal credit = BigDecimal.ZERO;

    PayeeState(Rep rep, Plan version, int periodsPerYear) {
      this.rep = rep;
      use(version, periodsPerYear);
    }

    /**
     * Prices the next deals with {@code next}'s rules; the period and its credit so far stay, so
     * attainment is carried across a change.
     */
    void use(Plan next, int periodsPerYear) {
      this.version = next;
      this.rules = next.rulesFor(rep.role());
      this.schedule = new CommissionSchedule(rules.commission(), rep.quota(), periodsPerYear);
      this.split = HoldbackSplit.of(rules.holdback());
    }
  }

  void run() {
    tiers = PartnerTiers.of(plan, engine);
    versionTiers = new PartnerTiers[plan.changes().size() + 1];
    versionTiers[0] = tiers;
    for (int i = 0; i < plan.changes().size(); i++) {
      versionTiers[i + 1] = PartnerTiers.of(plan.changes().get(i).plan(), engine);
    }
    List<Deal> deals = engine.wonDeals();
    for (int from = 0; from < deals.size(); from += CHUNK) {
      price(deals, from, Math.min(deals.size(), from + CHUNK));
    }
    programs();
  }

  /** The plan's draws, or null: a pass that prices the deals elsewhere counts their commission. */
  Draws draws() {
    return draws;
  }

  /** The lines that are not per deal: activity spiffs, rebates and prizes, in ledger order. */
  void programs() {
    activitySpiffs();
    rebates();
    prizes();
    if (draws != null) {
      for (Draws.Settlement settled : draws.settle(traces)) {
        emit(settled.rep(), PayeeKind.REP, settled.component(), null, settled.period().label(),
            settled.status(), settled.amount(), settled.payDate(), settled.trace());
      }
    }
  }

  /**
   * Deals in slices: a method called a few hundred times is compiled whole by the JIT, where one
   * loop over a million deals runs on on-stack replacement, measured slower.
   */
  private static final int CHUNK = 4096;

  private void price(List<Deal> deals, int from, int to) {
    for (int i = from; i < to; i++) {
      price(deals.get(i));
    }
  }

  private void price(Deal deal) {
    BigDecimal amount = engine.amountIn(plan, deal);
    FiscalPeriod period = periodOf(deal.closeDate());
    // the version in force on the close date prices the deal: the plan itself when it never
    // changes
    Plan version = plan.versionOn(deal.closeDate());
    PartnerTiers tiersInForce = version == plan ? tiers
        : versionTiers[plan.versionNumber(deal.closeDate()) - 1];
    Partner partner = deal.hasPartner() ? engine.data().partners().get(deal.partner()) : null;
    PartnerTerms terms = PartnerTerms.NONE;
    if (partner != null) {
      PartnerTiers.Standing tier = tiersInForce.standing(partner, deal.closeDate());
      terms = tier == null || tier.level() == null
          ? PartnerTerms.of(deal, partner, version.partners(), BigDecimal.ZERO, null, traces)
          : PartnerTerms.of(deal, partner, version.partners(), tier.extraMargin(),
              traces ? tier.describe() : tier.level().name(), traces);
    }

    Credit team = version.rulesFor(engine.data().rep(deal.owner()).role()).credit();
    List<Recipients.Recipient> recipients = Recipients.of(team, deal, partner);
    for (int r = 0; r < recipients.size(); r++) {
      Recipients.Recipient recipient = recipients.get(r);
      commission(engine.data().rep(recipient.rep()), deal, amount, terms, period,
          recipient.share(), traces ? recipient.label(partner) : null, version);
    }
    dealSpiffs(deal, period, version);
    if (partner != null) {
      partnerLines(deal, partner, terms, amount, period, version);
    }
  }

  private void commission(Rep rep, Deal deal, BigDecimal amount, PartnerTerms terms,
      FiscalPeriod period, BigDecimal share, String shareLabel, Plan version) {
    PayeeState state = payees.get(rep.id());
    int periodsPerYear = plan.calendar().length().perYear();
    if (state == null) {
      state = new PayeeState(rep, version, periodsPerYear);
      payees.put(rep.id(), state);
    } else if (state.version != version) {
      state.use(version, periodsPerYear);
    }
    if (period != state.period && !period.equals(state.period)) {
      state.period = period;
      state.credit = BigDecimal.ZERO;
    }
    Crediting.Credited credited =
        Crediting.credit(state.rules.credit(), deal, amount, terms, share, shareLabel, traces);
    CommissionSchedule.Increment increment =
        state.schedule.increment(state.credit, credited.credit(), traces);
    state.credit = state.credit.add(credited.credit());

    BigDecimal earned = increment.commission();
    Holdback holdback = state.rules.holdback();
    HoldbackSplit.Split split = state.split.split(earned, deal, engine.asOf(), traces);
    String how = traces ? credited.trace() + " → " + increment.trace() : null;
    if (traces && plan.isEffectiveDated()) {
      how = plan.versionLabel(deal.closeDate()) + ": " + how + straddle(period, rep);
    }
    String label = period.label();

    if (split.onPayment()) {
      paymentRelease(rep, deal, holdback, earned, split, label, how);
      return;
    }
    if (split.hasPaidLine()) {
      String trace = how;
      if (traces && split.hasHeldLine()) {
        trace = how + "; " + Money.percent(holdback.share()) + " (" + Money.plain(split.held())
            + ") held back, " + Money.plain(split.paid()) + " paid at close";
      }
      emit(rep.id(), PayeeKind.REP, Component.COMMISSION, deal.id(), label, Status.PAID,
          split.paid(), deal.closeDate(), trace);
    }
    HoldbackOutcome outcome = split.outcome();
    if (split.hasHeldLine()) {
      String trace = traces ? Money.percent(holdback.share()) + " of " + Money.plain(earned)
          + " commission held back; " + outcome.status().code() + ": " + outcome.reason() : null;
      emit(rep.id(), PayeeKind.REP, Component.COMMISSION, deal.id(), label, split.heldStatus(),
          split.held(), split.heldPayDate(), trace);
    }
    if (split.hasClawbackLine()) {
      String trace = traces ? "implementation failed " + outcome.clawbackDate()
          + ": clawback of " + Money.plain(split.reclaimed()) + " already paid" : null;
      emit(rep.id(), PayeeKind.REP, Component.COMMISSION, deal.id(), label, Status.CLAWED_BACK,
          split.reclaimed().negate(), outcome.clawbackDate(), trace);
    }
  }

  /** Pay when paid: the part paid at close, if any, then the held part as the customer pays. */
  private void paymentRelease(Rep rep, Deal deal, Holdback holdback, BigDecimal earned,
      HoldbackSplit.Split split, String label, String how) {
    String first = null;
    String rest = null;
    if (traces) {
      rest = holdback.wholeOnPayment() ? "commission " + Money.plain(earned)
          + " paid as the customer pays: " : Money.percent(holdback.share()) + " of "
          + Money.plain(earned) + " commission held until the customer pays: ";
      first = holdback.wholeOnPayment() ? how + "; paid as the customer pays: " : rest;
    }
    String closeTrace = traces ? how + "; " + Money.percent(holdback.share()) + " ("
        + Money.plain(split.held()) + ") held until the customer pays, "
        + Money.plain(split.paid()) + " paid at close" : null;
    List<dev.compsim.model.Payment> payments = engine.data().payments().forDeal(deal.id());
    for (PaymentRelease.Part part : PaymentRelease.lines(split, deal.amount(), deal.closeDate(),
        payments, engine.asOf(), closeTrace, first, rest)) {
      emit(rep.id(), PayeeKind.REP, Component.COMMISSION, deal.id(), label, part.status(),
          part.amount(), part.date(), part.trace());
    }
  }

  private void dealSpiffs(Deal deal, FiscalPeriod period, Plan version) {
    for (Spiff spiff : version.spiffs()) {
      LocalDate paid = dealSpiffDate(spiff, deal, engine.asOf());
      if (paid == null) {
        continue;
      }
      if (spiff instanceof Spiff.ImplementationSpiff) {
        emit(deal.owner(), PayeeKind.REP, Component.SPIFF, deal.id(), periodOf(paid).label(),
            Status.PAID, Money.round(spiff.amount()), paid,
            traces ? spiff.name() + ": implementation confirmed " + paid : null);
      } else {
        emit(deal.owner(), PayeeKind.REP, Component.SPIFF, deal.id(), period.label(), Status.PAID,
            Money.round(spiff.amount()), paid,
            traces ? spiff.name() + ": " + spiff.kind() + " spiff on won deal" : null);
      }
    }
  }

  /**
   * When a spiff pays the owner of a won deal, or null when it pays nothing on it: a deal spiff
   * at close, a partner-deal spiff at close of a deal with a partner, an implementation spiff on
   * the confirmation known as of {@code asOf}. Activity spiffs are paid per period, not per deal.
   */
  static LocalDate dealSpiffDate(Spiff spiff, Deal deal, LocalDate asOf) {
    LocalDate implemented = deal.implementationDate();
    if (!dealSpiffPays(spiff, deal.hasPartner(), deal.implementation(),
        implemented == null ? DealColumns.NO_DAY : implemented.toEpochDay(), asOf.toEpochDay())) {
      return null;
    }
    return spiff instanceof Spiff.ImplementationSpiff ? implemented : deal.closeDate();
  }

  /**
   * The rule of {@link #dealSpiffDate} on epoch days, for the columnar engine: whether the spiff
   * pays on the deal at all (an implementation spiff on its implementation date, others at close).
   */
  static boolean dealSpiffPays(Spiff spiff, boolean hasPartner, Implementation implementation,
      long implementationDay, long asOfDay) {
    if (spiff instanceof Spiff.DealSpiff
        || (spiff instanceof Spiff.PartnerDealSpiff && hasPartner)) {
      return true;
    }
    return spiff instanceof Spiff.ImplementationSpiff
        && implementation == Implementation.CONFIRMED
        && implementationDay != DealColumns.NO_DAY && implementationDay <= asOfDay;
  }

  private void partnerLines(Deal deal, Partner partner, PartnerTerms terms, BigDecimal amount,
      FiscalPeriod period, Plan version) {
    for (PartnerPay.Line line : PartnerPay.of(version, deal, partner, terms, amount, traces)) {
      emit(line.payee(), line.kind(), line.component(), deal.id(), period.label(), Status.PAID,
          line.amount(), deal.closeDate(), line.trace());
    }
  }

  /** One rebate line per enrolled partner and program year, at the year's end. */
  private void rebates() {
    for (int v = 0; v <= plan.changes().size(); v++) {
      Plan version = v == 0 ? plan : plan.changes().get(v - 1).plan();
      rebates(version, v + 1);
    }
  }

  /** The rebate years that end while version number {@code number} is in force. */
  private void rebates(Plan version, int number) {
    for (Rebates.RebateYear year : Rebates.of(version, engine)) {
      LocalDate end = year.year().end();
      if (plan.isEffectiveDated() && plan.versionNumber(end) != number) {
        continue;
      }
      emit(year.partner(), PayeeKind.PARTNER, Component.REBATE, null, periodOf(end).label(),
          year.ended() ? Status.PAID : Status.HELD, year.amount(), year.ended() ? end : null,
          traces ? year.trace() : null);
    }
  }

  /** Competition prizes to the ranked reps, dated the competition's last day. */
  private void prizes() {
    for (Competitions.Standing standing : Competitions.of(plan, engine)) {
      if (standing.prize().signum() == 0) {
        continue;
      }
      LocalDate to = standing.competition().to();
      // always traced: a handful of lines, and the reports' competition section shows them
      emit(standing.rep(), PayeeKind.REP, Component.PRIZE, null, periodOf(to).label(),
          standing.ended() ? Status.PAID : Status.HELD, standing.prize(),
          standing.ended() ? to : null, standing.trace());
    }
  }

  /** Activity spiffs, one line per spiff, rep and period, paid at period end (or banned). */
  private void activitySpiffs() {
    // per version (only the plan itself when it never changes), its activity spiffs
    List<List<Spiff.ActivitySpiff>> byVersion = new ArrayList<>();
    boolean any = false;
    for (int v = 0; v <= plan.changes().size(); v++) {
      Plan version = v == 0 ? plan : plan.changes().get(v - 1).plan();
      List<Spiff.ActivitySpiff> spiffs = new ArrayList<>();
      for (Spiff spiff : version.spiffs()) {
        if (spiff instanceof Spiff.ActivitySpiff activitySpiff) {
          spiffs.add(activitySpiff);
        }
      }
      any = any || !spiffs.isEmpty();
      byVersion.add(spiffs);
    }
    if (!any) {
      return;
    }
    if (!plan.isEffectiveDated()) {
      activitySpiffs(byVersion.get(0));
      return;
    }
    // hash and equality written out: a record's generated ones go through method handles, which
    // the C1 compiler (compare's, see scripts/compsim) does not inline; and mixed, as the
    // record's 31-fold sum of the fields puts neighbouring reps and periods on equal values
    record Key(FiscalPeriod period, String rep, int version, int spiff) {
      @Override
      public int hashCode() {
        int h = (rep.hashCode() * 0x9E3779B1 + period.start().hashCode()) * 31 + version;
        h = h * 31 + spiff;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h ^ (h >>> 16);
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Key k && spiff == k.spiff && version == k.version
            && (rep == k.rep || rep.equals(k.rep))
            && (period == k.period || period.equals(k.period));
      }
    }
    Map<Key, Long> counts = new LinkedHashMap<>();
    for (Activity activity : engine.activities()) {
      int version = plan.versionNumber(activity.date()) - 1;
      List<Spiff.ActivitySpiff> spiffs = byVersion.get(version);
      for (int i = 0; i < spiffs.size(); i++) {
        if (spiffs.get(i).activity().equalsIgnoreCase(activity.activity())) {
          counts.merge(new Key(periodOf(activity.date()), activity.rep(), version, i),
              (long) activity.count(), Long::sum);
        }
      }
    }
    List<Map.Entry<Key, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.comparingByKey(java.util.Comparator
        .comparing((Key k) -> k.period().start()).thenComparing(Key::rep)
        .thenComparingInt(Key::version).thenComparingInt(Key::spiff)));
    for (Map.Entry<Key, Long> entry : entries) {
      Key key = entry.getKey();
      activitySpiff(key.version(), byVersion.get(key.version()).get(key.spiff()), key.period(),
          key.rep(), entry.getValue());
    }
  }

  /**
   * The activity spiffs of a plan that never changes, from the activities summed per period,
   * rep and name for its calendar ({@link Engine#activityCounts}, in period and rep order): each
   * spiff's count, per rep and period, is the sum of the names it matches.
   */
  private void activitySpiffs(List<Spiff.ActivitySpiff> spiffs) {
    long[] count = new long[spiffs.size()];
    boolean[] met = new boolean[spiffs.size()];
    List<Engine.ActivityCount> groups = engine.activityCounts(plan.calendar());
    for (int g = 0; g < groups.size(); g++) {
      Engine.ActivityCount group = groups.get(g);
      for (int i = 0; i < spiffs.size(); i++) {
        if (spiffs.get(i).activity().equalsIgnoreCase(group.activity())) {
          count[i] += group.count();
          met[i] = true;
        }
      }
      boolean last = g + 1 == groups.size() || !groups.get(g + 1).rep().equals(group.rep())
          || !groups.get(g + 1).period().equals(group.period());
      for (int i = 0; last && i < spiffs.size(); i++) {
        if (met[i]) { // the rep's last name in the period: their lines
          activitySpiff(0, spiffs.get(i), group.period(), group.rep(), count[i]);
          met[i] = false;
          count[i] = 0;
        }
      }
    }
  }

  /** The line of one activity spiff for one rep and period: {@code count} activities. */
  private void activitySpiff(int versionIndex, Spiff.ActivitySpiff spiff, FiscalPeriod period,
      String rep, long count) {
    Plan version = versionIndex == 0 ? plan : plan.changes().get(versionIndex - 1).plan();
    boolean banned = version.banActivitySpiffs();
    BigDecimal amount = Money.round(spiff.amount().multiply(BigDecimal.valueOf(count)));
    String trace = null;
    if (traces) {
      trace = spiff.name() + ": " + count + " " + spiff.activity() + " × "
          + Money.plain(spiff.amount()) + " in " + period.label();
      if (banned) {
        trace = "activity spiffs banned; would have paid " + trace;
      }
      if (plan.isEffectiveDated()) {
        trace = "v" + (versionIndex + 1) + ": " + trace;
      }
    }
    emit(rep, PayeeKind.REP, Component.SPIFF, null, period.label(),
        banned ? Status.BANNED : Status.PAID, amount, banned ? null : period.end(), trace);
  }

  /**
   * With changes, what a trace says of a period a change falls in: the period quota blended by
   * days under each version, and the attainment carried across; "" for other periods.
   */
  private String straddle(FiscalPeriod period, Rep rep) {
    String note = straddles.computeIfAbsent(period, p -> {
      List<LocalDate> bounds = new ArrayList<>();
      bounds.add(p.start());
      for (Plan.Change change : plan.changes()) {
        if (change.from().isAfter(p.start()) && !change.from().isAfter(p.end())) {
          bounds.add(change.from());
        }
      }
      if (bounds.size() == 1) {
        return "";
      }
      bounds.add(p.end().plusDays(1));
      long days = p.end().toEpochDay() - p.start().toEpochDay() + 1;
      StringBuilder parts = new StringBuilder();
      for (int i = 0; i + 1 < bounds.size(); i++) {
        long under = bounds.get(i + 1).toEpochDay() - bounds.get(i).toEpochDay();
        parts.append(i == 0 ? "" : ",").append(under).append('/').append(days).append(' ')
            .append(plan.versionLabel(bounds.get(i)).split(" ")[0]);
      }
      return parts.toString();
    });
    if (note.isEmpty()) {
      return "";
    }
    // the prorated parts, each rounded to the cent for the trace, the last one taking the rest
    BigDecimal quota = rep.quota().divide(
        BigDecimal.valueOf(plan.calendar().length().perYear()), Money.SCALE, Money.ROUNDING);
    StringBuilder blended = new StringBuilder();
    BigDecimal rest = quota;
    String[] parts = note.split(",");
    for (int i = 0; i < parts.length; i++) {
      String[] fraction = parts[i].split("[/ ]");
      BigDecimal part = i == parts.length - 1 ? rest : quota.multiply(new BigDecimal(fraction[0]))
          .divide(new BigDecimal(fraction[1]), Money.SCALE, Money.ROUNDING);
      rest = rest.subtract(part);
      blended.append(i == 0 ? "" : " + ").append(Money.plain(part)).append(" (")
          .append(fraction[0]).append(" of ").append(fraction[1]).append(" days under ")
          .append(fraction[2]).append(')');
    }
    return "; " + period.label() + " straddles a change: blended quota " + Money.plain(quota)
        + " = " + blended + ", attainment carried across the change";
  }

  private FiscalPeriod periodOf(LocalDate date) {
    FiscalPeriod last = lastPeriod;
    if (last != null && last.contains(date)) {
      return last;
    }
    FiscalPeriod period = periods.computeIfAbsent(date, plan.calendar()::periodOf);
    lastPeriod = period;
    return period;
  }

  private void emit(String payee, PayeeKind kind, Component component, String dealId,
      String period, Status status, BigDecimal amount, LocalDate payDate, String trace) {
    sink.accept(new LedgerLine(plan.name(), payee, kind, component, dealId, period, status, amount,
        payDate, trace));
  }
}
