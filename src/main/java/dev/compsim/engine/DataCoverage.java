package dev.compsim.engine;

import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.HoldbackRelease;
import dev.compsim.model.Implementation;
import dev.compsim.model.Plan;
import dev.compsim.model.Rules;
import dev.compsim.model.Spiff;
import java.util.ArrayList;
import java.util.List;

/**
 * What a plan pays on that the data cannot show. A holdback released on implementation, a
 * clawback and an implementation spiff need implementation outcomes; activity spiffs need
 * activities. Without them the engine still computes, but the figures rest on the gap (every
 * holdback forfeited, no go-live spiff paid), so reports name it instead of presenting it as a
 * saving, and {@link #assumeImplementations} lets a user state an assumption instead.
 */
public final class DataCoverage {
  private DataCoverage() {}

  /**
   * One feature of a plan the data cannot measure.
   *
   * @param feature a stable code: {@code holdback_release}, {@code clawback},
   *     {@code implementation_spiff}, {@code activity_spiff}, {@code payment_release}
   * @param message what cannot be measured and why, in a sentence without a final period
   */
  public record Gap(String feature, String message) {}

  /** Whether any won deal has an implementation confirmed or failed. */
  public static boolean implementationsKnown(DataSet data) {
    for (Deal deal : data.deals()) {
      if (deal.won() && deal.implementation() != Implementation.PENDING) {
        return true;
      }
    }
    return false;
  }

  /** Whether payments.csv was given and pays against at least one won deal. */
  public static boolean paymentsKnown(DataSet data) {
    if (!data.payments().present()) {
      return false;
    }
    for (Deal deal : data.deals()) {
      if (deal.won() && data.payments().has(deal.id())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The features of {@code plan} that {@code data} cannot measure, in a fixed order; for a plan
   * that changes on a date, those of any of its versions (a holdback introduced in August needs
   * implementation outcomes as much as one from the start).
   */
  public static List<Gap> of(Plan plan, DataSet data) {
    if (!plan.isEffectiveDated()) {
      return ofVersion(plan, data);
    }
    List<String> order = List.of("holdback_release", "clawback", "implementation_spiff",
        "activity_spiff");
    java.util.Map<String, Gap> found = new java.util.TreeMap<>(
        java.util.Comparator.comparingInt(order::indexOf));
    for (Gap gap : ofVersion(plan, data)) {
      found.putIfAbsent(gap.feature(), gap);
    }
    for (Plan.Change change : plan.changes()) {
      for (Gap gap : ofVersion(change.plan(), data)) {
        found.putIfAbsent(gap.feature(), gap);
      }
    }
    return List.copyOf(found.values());
  }

  private static List<Gap> ofVersion(Plan plan, DataSet data) {
    List<Gap> gaps = new ArrayList<>();
    boolean implementations = implementationsKnown(data);
    List<Rules> rules = new ArrayList<>();
    rules.add(plan.rules());
    rules.addAll(new java.util.TreeMap<>(plan.roles()).values());
    if (!implementations) {
      String why = "the deals have no implementation confirmed or failed (no implementation "
          + "column, or every one pending)";
      if (rules.stream().anyMatch(r -> r.holdback().holdsBack()
          && r.holdback().release() == HoldbackRelease.IMPLEMENTATION)) {
        gaps.add(new Gap("holdback_release", "holdback release cannot be measured: " + why
            + ", so every holdback is forfeited at its horizon; that is not a saving. Give "
            + "--implementation-lag DAYS to assume go-lives"));
      }
      if (rules.stream().anyMatch(r -> r.holdback().clawback())) {
        gaps.add(new Gap("clawback", "clawbacks cannot be measured: " + why));
      }
      if (plan.spiffs().stream().anyMatch(s -> s instanceof Spiff.ImplementationSpiff)) {
        gaps.add(new Gap("implementation_spiff", "implementation spiffs cannot be measured: "
            + why + ", so they pay nothing"));
      }
    }
    if (rules.stream().anyMatch(r -> r.holdback().onPayment()) && !paymentsKnown(data)) {
      String what = rules.stream().allMatch(r -> r.holdback().wholeOnPayment())
          ? "pay when paid" : "holdback release on payment";
      gaps.add(new Gap("payment_release", what + " cannot be measured: " + (data.payments()
          .present() ? "payments.csv has no payment for a won deal"
              : "there is no payments.csv") + ", so every commission it waits for shows as held "
          + "(owed), none as paid; the cost is the same, only its timing is unknown"));
    }
    if (data.activities().isEmpty()
        && plan.spiffs().stream().anyMatch(s -> s instanceof Spiff.ActivitySpiff)) {
      gaps.add(new Gap("activity_spiff", plan.banActivitySpiffs()
          ? "what the activity-spiff ban removes cannot be measured: there are no activities"
          : "activity spiffs cannot be measured: there are no activities, so they pay nothing"));
    }
    return gaps;
  }

  /**
   * The data with an assumption in place of missing implementation outcomes: every won deal
   * whose implementation is pending and undated goes live {@code lagDays} after close (a date
   * after as-of leaves it pending, as a real one would).
   */
  public static DataSet assumeImplementations(DataSet data, int lagDays) {
    List<Deal> deals = new ArrayList<>(data.deals().size());
    for (Deal deal : data.deals()) {
      if (deal.won() && deal.closeDate() != null
          && deal.implementation() == Implementation.PENDING
          && deal.implementationDate() == null) {
        deal = deal.withImplementation(Implementation.CONFIRMED,
            deal.closeDate().plusDays(lagDays));
      }
      deals.add(deal);
    }
    return data.withDeals(deals);
  }
}
