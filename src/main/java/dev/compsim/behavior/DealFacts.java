package dev.compsim.behavior;

import dev.compsim.engine.Engine;
import dev.compsim.model.Deal;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The opportunities a simulation redraws (the deals won or lost by as-of, each priced as if won),
 * and the data that does not depend on any plan: who owns each deal, which choices it can switch,
 * whether it was won, and when its implementation is decided.
 *
 * <p>A deal can be routed when it is direct or goes through a partner (an influence deal stays as
 * it is); a direct deal routed through a partner goes to the typical partner as a resale. A deal
 * without an assist that gains one gets the typical specialist. A deal without an implementation
 * date is decided {@link #implementationLag()} days after close: the median lag of the decided
 * implementations in the data, 90 days when there is none.
 */
public final class DealFacts {
  static final int DEFAULT_LAG_DAYS = 90;

  final Engine engine;
  final List<Deal> deals;
  final Partner partner;
  final String specialist;
  final int[] owner;
  final boolean[] wonInData;
  final boolean[] routeEligible;
  final boolean[] routedInData;
  final boolean[] assistedInData;
  final LocalDate[] implementationDate;
  final List<Rep> payees;
  final Map<String, Integer> payeeIndex = new TreeMap<>();
  private final int lag;

  public DealFacts(Engine engine, Typical typical) {
    this.engine = engine;
    List<Deal> opportunities = new ArrayList<>(engine.wonDeals());
    for (Deal deal : engine.data().deals()) {
      if (deal.stage() == Stage.LOST && deal.closeDate() != null
          && !deal.closeDate().isAfter(engine.asOf())) {
        opportunities.add(won(deal));
      }
    }
    opportunities.sort(dev.compsim.model.DataSet.PAY_ORDER);
    this.deals = List.copyOf(opportunities);
    java.util.Set<String> wonIds = new java.util.HashSet<>();
    engine.wonDeals().forEach(d -> wonIds.add(d.id()));
    this.partner = typical.partner();
    this.specialist = typical.specialist();
    this.payees = new ArrayList<>(new TreeMap<>(engine.data().reps()).values());
    for (int p = 0; p < payees.size(); p++) {
      payeeIndex.put(payees.get(p).id(), p);
    }
    int n = deals.size();
    owner = new int[n];
    wonInData = new boolean[n];
    routeEligible = new boolean[n];
    routedInData = new boolean[n];
    assistedInData = new boolean[n];
    implementationDate = new LocalDate[n];
    List<Long> lags = new ArrayList<>();
    for (Deal deal : engine.wonDeals()) {
      if (deal.implementationDate() != null && deal.implementation() != Implementation.PENDING
          && !deal.implementationDate().isAfter(engine.asOf())) {
        lags.add(ChronoUnit.DAYS.between(deal.closeDate(), deal.implementationDate()));
      }
    }
    Collections.sort(lags);
    lag = lags.isEmpty() ? DEFAULT_LAG_DAYS : (int) Math.max(0, lags.get(lags.size() / 2));
    for (int i = 0; i < n; i++) {
      Deal deal = deals.get(i);
      owner[i] = payeeIndex.get(deal.owner());
      wonInData[i] = wonIds.contains(deal.id());
      routedInData[i] = deal.throughPartner();
      routeEligible[i] = (!deal.hasPartner() || deal.throughPartner())
          && (routedInData[i] || partner != null);
      assistedInData[i] = !deal.assists().isEmpty();
      implementationDate[i] = deal.implementationDate() != null ? deal.implementationDate()
          : deal.closeDate().plusDays(lag);
    }
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
    return assistedInData[i]
        || specialist != null && !specialist.equals(deals.get(i).owner());
  }

  /** The deal with its route and team choices applied. */
  Deal withChoices(int i, boolean routed, boolean assisted) {
    Deal deal = deals.get(i);
    if (routeEligible[i] && routed != routedInData[i]) {
      deal = routed ? deal.withPartner(partner.id(), PartnerRole.RESELL)
          : deal.withPartner(null, null);
    }
    if (teamEligible(i) && assisted != assistedInData[i]) {
      deal = deal.withAssists(assisted ? List.of(specialist) : List.of());
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
