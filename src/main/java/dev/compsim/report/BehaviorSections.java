package dev.compsim.report;

import dev.compsim.behavior.Assumption;
import dev.compsim.behavior.Assumptions;
import dev.compsim.behavior.BaselineShares;
import dev.compsim.behavior.Behavior;
import dev.compsim.behavior.BehaviorModel;
import dev.compsim.behavior.Gradients;
import dev.compsim.behavior.Metric;
import dev.compsim.behavior.Response;
import dev.compsim.behavior.Simulation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The behavior model as report sections: incentive gradients, predicted behavior, the
 * assumptions behind it, and a simulation with intervals and its sensitivity table.
 */
public final class BehaviorSections {
  private static final String MINUS = "\u2212";

  private BehaviorSections() {}

  /** Gradients and predicted behavior: what {@code compare} shows. */
  public static List<ReportSection> compare(BehaviorModel model, Assumptions assumptions) {
    return List.of(gradients(model), response(model, assumptions), assumptions(model,
        assumptions));
  }

  /** Everything {@code simulate} reports, the simulated results first. */
  public static List<ReportSection> simulate(BehaviorModel model, Assumptions assumptions,
      Simulation.Outcome outcome, List<Simulation.Sensitivity> sensitivity, int runs, long seed) {
    List<ReportSection> out = new ArrayList<>();
    out.add(simulation(model, outcome, runs, seed));
    if (!sensitivity.isEmpty()) {
      out.add(sensitivity(outcome, sensitivity));
    }
    out.addAll(compare(model, assumptions));
    return out;
  }

  // ---- gradients

  public static ReportSection gradients(BehaviorModel model) {
    List<Gradients.PlanGradients> plans = model.gradients();
    String baseline = plans.get(0).plan();
    List<String> header = new ArrayList<>(List.of("behavior"));
    List<Boolean> numeric = new ArrayList<>(List.of(false));
    for (Gradients.PlanGradients plan : plans) {
      header.add(plan.plan() + " median");
      header.add(plan.plan() + " range");
      numeric.add(true);
      numeric.add(true);
    }
    List<List<Cell>> rows = new ArrayList<>();
    String currency = model.plans().get(0).currency();
    List<String> notes = new ArrayList<>();
    notes.add("What each choice is worth to a rep under each plan: the engine prices the rep's "
        + "typical deal (median won amount) both ways, on top of the rep's typical credit in the "
        + "period; effort and timing over the rep's own recent periods. Median and range across "
        + plans.get(0).reps().size() + " reps.");
    for (Behavior b : Behavior.values()) {
      if (!model.observed().measured(b) && b != Behavior.TEAM) {
        notes.add(b.code() + ": " + model.observed().whyUnmeasured(b)
            + (b == Behavior.ROUTE ? "; routing is not priced." : "."));
      }
    }
    List<Object> json = new ArrayList<>();
    List<ReportSection.Series> series = new ArrayList<>();
    // each plan's values of each behavior sorted once (the chart, the table and the baseline
    // ask for them; with 8,000 reps the sorts were most of this section's time)
    Map<Gradients.PlanGradients, Map<Behavior, List<BigDecimal>>> sortedValues =
        new java.util.IdentityHashMap<>();
    for (Gradients.PlanGradients plan : plans) {
      Map<Behavior, List<BigDecimal>> byBehavior = new java.util.EnumMap<>(Behavior.class);
      for (Behavior b : Behavior.values()) {
        byBehavior.put(b, sorted(plan.values(b)));
      }
      sortedValues.put(plan, byBehavior);
    }
    for (Gradients.PlanGradients plan : plans) {
      List<BigDecimal> medians = new ArrayList<>();
      List<BigDecimal> lows = new ArrayList<>();
      List<BigDecimal> highs = new ArrayList<>();
      for (Behavior b : Behavior.values()) {
        List<BigDecimal> values = sortedValues.get(plan).get(b);
        medians.add(median(values));
        lows.add(values.isEmpty() ? BigDecimal.ZERO : values.get(0));
        highs.add(values.isEmpty() ? BigDecimal.ZERO : values.get(values.size() - 1));
      }
      series.add(new ReportSection.Series(plan.plan(), medians, lows, highs));
    }
    for (Behavior b : Behavior.values()) {
      List<Cell> row = new ArrayList<>(List.of(Cell.text(b.code())));
      BigDecimal base = median(sortedValues.get(plans.get(0)).get(b));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("behavior", b.code());
      entry.put("choice", b.choice());
      List<Object> perPlan = new ArrayList<>();
      for (Gradients.PlanGradients plan : plans) {
        List<BigDecimal> values = sortedValues.get(plan).get(b);
        BigDecimal median = median(values);
        BigDecimal min = values.isEmpty() ? BigDecimal.ZERO : values.get(0);
        BigDecimal max = values.isEmpty() ? BigDecimal.ZERO : values.get(values.size() - 1);
        row.add(Cell.signedWholeMoney(median, currency));
        row.add(Cell.range(Cell.signedWholeMoney(min, currency),
            Cell.signedWholeMoney(max, currency)));
        String sentence = "Under " + plan.plan() + ", " + b.choice() + (b == Behavior.EFFORT
            ? " pays the owner, on average over their recent periods, " : " changes the "
            + (b == Behavior.MEETINGS ? "rep's" : "owner's") + " pay by ") + signed(median)
            + (plan.plan().equals(baseline) ? " (baseline)"
                : signed(median).equals(signed(base)) ? ", as under the baseline"
                : " instead of " + signed(base));
        if (b == Behavior.TEAM) {
          List<BigDecimal> gains = new ArrayList<>();
          plan.reps().values().forEach(r -> gains.add(r.specialistGain()));
          sentence += "; the specialist gains " + signed(median(sorted(gains)));
        }
        notes.add(sentence + ".");
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("plan", plan.plan());
        cell.put("median", median);
        cell.put("min", min);
        cell.put("max", max);
        cell.put("sentence", sentence + ".");
        cell.put("reps", plan.byRep(b));
        perPlan.add(cell);
      }
      entry.put("plans", perPlan);
      json.add(entry);
      rows.add(row);
    }
    List<String> labels = new ArrayList<>();
    for (Behavior b : Behavior.values()) {
      labels.add(b.code());
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("baseline", baseline);
    data.put("behaviors", json);
    return new ReportSection("incentive_gradients", "Incentive gradients", notes,
        List.of(ReportSection.Table.of("Pay difference between the two choices, per rep",
            header, numeric, rows)),
        List.of(new ReportSection.Chart("incentive_gradients", "Incentive gradients (median, "
            + "range across reps)", "bar", labels, series)),
        data);
  }

  // ---- response

  /**
   * What each plan's gradients predict against the observed shares. Implementations confirmed
   * are the share a simulation expects (engaged and disengaged sellers together), so the figure
   * means the same in {@code compare} and {@code simulate}; a behavior the data cannot measure
   * says so instead of showing a number.
   */
  public static ReportSection response(BehaviorModel model, Assumptions assumptions) {
    BaselineShares observed = model.observed();
    List<Response.PlanResponse> responses = model.responses(assumptions);
    double effect = assumptions.get(Assumption.ENGAGEMENT_SUCCESS_EFFECT);
    List<String> header = new ArrayList<>(List.of("behavior", "observed"));
    List<Boolean> numeric = new ArrayList<>(List.of(false, true));
    for (Response.PlanResponse r : responses) {
      header.add(r.plan());
      numeric.add(true);
    }
    List<List<Cell>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    notes.add("Predicted by the pivot-point logit from the shares observed in the data; effort "
        + "scales each rep's volume of won deals by e^(βΔ). The sensitivities are assumptions "
        + "(see the assumptions section).");
    List<Object> json = new ArrayList<>();
    for (Behavior b : Behavior.values()) {
      boolean measured = observed.measured(b);
      List<Cell> row = new ArrayList<>(List.of(Cell.text(shareLabel(b)),
          !measured ? Cell.text(NOT_MEASURABLE) : b == Behavior.EFFORT ? Cell.text("as observed")
              : shareCell(b, observed.get(b))));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("behavior", b.code());
      entry.put("measure", shareLabel(b));
      entry.put("measurable", measured);
      if (!measured) {
        entry.put("why_not", observed.whyUnmeasured(b));
        notes.add(capitalised(shareLabel(b)) + ": not measurable from this data ("
            + observed.whyUnmeasured(b) + ").");
      }
      entry.put("observed", measured ? decimal(observed.get(b), 6) : null);
      Map<String, Object> predicted = new LinkedHashMap<>();
      Map<String, Object> volumeChange = new LinkedHashMap<>();
      for (int p = 0; p < responses.size(); p++) {
        double value = predicted(b, responses.get(p), observed, effect);
        row.add(!measured ? Cell.text(NOT_MEASURABLE) : b == Behavior.EFFORT
            ? Cell.signedPercentMinus(decimal(value, 6).subtract(BigDecimal.ONE))
            : shareCell(b, value));
        predicted.put(responses.get(p).plan(), measured ? decimal(value, 6) : null);
        volumeChange.put(responses.get(p).plan(),
            measured ? decimal(value, 6).subtract(BigDecimal.ONE) : null);
        if (p > 0 && measured) {
          String plan = responses.get(p).plan();
          if (b == Behavior.EFFORT) {
            int capped = responses.get(p).effortCapped();
            notes.add("Under " + plan + ", effort changes the volume of won deals by "
                + signedPercent(value - 1) + (capped == 0 ? "." : "; " + capped
                + (capped == 1 ? " rep's" : " reps'") + " response is capped at "
                + signedPercent(Response.MAX_EFFORT - 1) + " / "
                + signedPercent(Response.MIN_EFFORT - 1) + "."));
          } else {
            String from = share(b, observed.get(b));
            String to = share(b, value);
            notes.add("Under " + plan + ", " + shareLabel(b)
                + (from.equals(to) ? " stays at " + to + "." : " moves from " + from + " to "
                    + to + "."));
          }
        }
      }
      entry.put("predicted", predicted);
      if (b == Behavior.EFFORT) {
        entry.put("volume_change", volumeChange);
      }
      json.add(entry);
      rows.add(row);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("baseline", responses.get(0).plan());
    data.put("behaviors", json);
    return new ReportSection("behavior_response", "Predicted behavior", notes,
        List.of(ReportSection.Table.of("", header, numeric, rows)), List.of(), data);
  }

  /** The plan-wide prediction as reported: confirmed implementations for engagement. */
  private static double predicted(Behavior b, Response.PlanResponse response,
      BaselineShares observed, double effect) {
    double value = response.predicted(b);
    if (b == Behavior.ENGAGE) {
      // engaged share s1 → confirmed c0 + effect·(s1 − c0), as the simulation draws it
      double c0 = observed.get(b);
      return Math.max(0, Math.min(1, c0 + effect * (value - c0)));
    }
    return value;
  }

  // ---- assumptions

  public static ReportSection assumptions(BehaviorModel model, Assumptions assumptions) {
    List<List<Cell>> rows = new ArrayList<>();
    List<Object> json = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    notes.add("These parameters are assumptions, not measurements. \"published figure\" means "
        + "a published study or vendor figure anchors the default; every other default is "
        + "unquantified. Set them with --assumptions FILE; docs/behavior.md gives sources.");
    double elasticity = impliedElasticity(model, assumptions);
    if (!Double.isNaN(elasticity)) {
      notes.add("effort_sensitivity " + number(assumptions.get(Assumption.EFFORT_SENSITIVITY))
          + " implies, for the median rep under " + model.plans().get(0).name()
          + ", an elasticity of " + grouping("0.00").format(elasticity) + ": 10% more pay per "
          + "deal, about " + signedPercent(Math.exp(elasticity * Math.log(1.1)) - 1)
          + " more won volume.");
    }
    if (model.typical().lagMeasured()) {
      notes.add("implementation_lag_days is not used: the data's own lags are (median "
          + model.typical().lag(0.5, 0) + " days).");
    } else {
      notes.add("The data has no decided implementation dates: go-live is assumed "
          + number(assumptions.get(Assumption.IMPLEMENTATION_LAG_DAYS))
          + " days after close (implementation_lag_days).");
    }
    for (Assumption a : Assumption.values()) {
      rows.add(List.of(Cell.text(a.key()), numberCell(assumptions.get(a)),
          numberCell(assumptions.low(a)), numberCell(assumptions.high(a)),
          Cell.text(a.quantified() ? "published figure" : "assumption")));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("key", a.key());
      entry.put("value", decimal(assumptions.get(a), 6));
      entry.put("low", decimal(assumptions.low(a), 6));
      entry.put("high", decimal(assumptions.high(a), 6));
      entry.put("quantified", a.quantified());
      entry.put("source", a.source());
      json.add(entry);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("assumptions", json);
    return new ReportSection("behavior_assumptions", "Behavior model assumptions", notes,
        List.of(ReportSection.Table.of("", List.of("assumption", "value", "low", "high",
            "basis"), List.of(false, true, true, true, false), rows)), List.of(), data);
  }

  /**
   * d ln(volume) / d ln(pay per deal) at the baseline for the median rep: β · G / (ote / 12),
   * G the rep's effort gradient. NaN without reps.
   */
  static double impliedElasticity(BehaviorModel model, Assumptions assumptions) {
    double beta = assumptions.get(Assumption.EFFORT_SENSITIVITY);
    List<Double> values = new ArrayList<>();
    for (Gradients.RepGradient rep : model.gradients().get(0).reps().values()) {
      if (rep.monthlyOte().signum() > 0) {
        values.add(beta * rep.of(Behavior.EFFORT).doubleValue() / rep.monthlyOte().doubleValue());
      }
    }
    if (values.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(values);
    return values.get(values.size() / 2);
  }

  // ---- simulation

  public static ReportSection simulation(BehaviorModel model, Simulation.Outcome outcome,
      int runs, long seed) {
    List<String> plans = outcome.plans();
    List<String> header = new ArrayList<>(List.of("result"));
    List<Boolean> numeric = new ArrayList<>(List.of(false));
    for (String plan : plans) {
      header.add(plan + " mean");
      header.add(plan + " 5th–95th");
      numeric.add(true);
      numeric.add(true);
    }
    List<List<Cell>> rows = new ArrayList<>();
    String currency = model.plans().get(0).currency();
    List<Object> jsonPlans = new ArrayList<>();
    for (int p = 0; p < plans.size(); p++) {
      Map<String, Object> metrics = new LinkedHashMap<>();
      for (Metric m : Metric.values()) {
        Simulation.Summary s = Simulation.Summary.of(outcome.of(p, m));
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("mean", decimal(s.mean(), scale(m)));
        cell.put("p5", decimal(s.p5(), scale(m)));
        cell.put("p95", decimal(s.p95(), scale(m)));
        metrics.put(m.key(), cell);
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("plan", plans.get(p));
      entry.put("metrics", metrics);
      jsonPlans.add(entry);
    }
    List<ReportSection.Chart> charts = new ArrayList<>();
    for (Metric m : Metric.values()) {
      List<Cell> row = new ArrayList<>(List.of(Cell.text(m.label())));
      List<BigDecimal> means = new ArrayList<>();
      List<BigDecimal> lows = new ArrayList<>();
      List<BigDecimal> highs = new ArrayList<>();
      // ratios are charted in percent, on an axis that says so
      double unit = m.kind() == Metric.Kind.RATIO ? 100 : 1;
      for (int p = 0; p < plans.size(); p++) {
        Simulation.Summary s = Simulation.Summary.of(outcome.of(p, m));
        row.add(metricCell(m, s.mean(), currency));
        row.add(Cell.range(metricCell(m, s.p5(), currency), metricCell(m, s.p95(), currency)));
        means.add(decimal(s.mean() * unit, scale(m)));
        lows.add(decimal(s.p5() * unit, scale(m)));
        highs.add(decimal(s.p95() * unit, scale(m)));
      }
      rows.add(row);
      boolean allEqual = means.stream().distinct().count() == 1
          && lows.stream().distinct().count() == 1 && highs.stream().distinct().count() == 1;
      if (!allEqual) { // a chart of identical bars tells nothing the table does not
        charts.add(new ReportSection.Chart("simulation-" + m.key(), m.label() + " (mean, "
            + "5th–95th percentile)", "bar", plans, List.of(new ReportSection.Series(m.label(),
                means, lows, highs)), "plan", m.kind() == Metric.Kind.RATIO ? "percent"
                : m.kind() == Metric.Kind.MONEY ? "amount" : "count"));
      }
    }
    List<String> notes = new ArrayList<>();
    int won = model.engine().wonCount();
    notes.add(runs + " runs with seed " + seed + " over " + won + " won and "
        + (model.opportunities() - won) + " lost deals as of " + model.engine().asOf()
        + ": each run redraws every deal's route, team, timing, engagement, implementation and "
        + "outcome, and each rep's meetings, then re-prices every plan exactly.");
    for (int p = 1; p < plans.size(); p++) {
      double cos = outcome.mean(p, Metric.COST_OF_SALES) - outcome.mean(0, Metric.COST_OF_SALES);
      double rev = outcome.mean(p, Metric.REVENUE) - outcome.mean(0, Metric.REVENUE);
      double cost = cost(outcome, p) - cost(outcome, 0);
      int losing = repsLosing(outcome, p, 0.10);
      notes.add("Against " + plans.get(0) + ", " + plans.get(p) + " changes won revenue by "
          + signedMoney(rev) + ", rep and partner pay by " + signedMoney(cost)
          + " and cost of sales by " + signedPoints(cos) + " on average; " + losing + " of "
          + outcome.reps().size() + " reps expect to lose more than 10% of their pay "
          + "(attrition risk; departures are not modelled).");
    }
    for (Metric m : Metric.values()) {
      if (m.measuredBy() != null && !model.observed().measured(m.measuredBy())) {
        notes.add(capitalised(m.label()) + ": not measurable from this data ("
            + model.observed().whyUnmeasured(m.measuredBy()) + "); the figures below rest on "
            + "that gap, not on the data.");
      }
    }
    for (int p = 0; p < plans.size(); p++) {
      if (outcome.cappedDeals()[p] > 0) {
        notes.add("Under " + plans.get(p) + ", " + outcome.cappedDeals()[p] + " deals would "
            + "have a chance of being won above 100% (capped at 100%): the data has too few lost "
            + "deals to show all the predicted gain.");
      }
    }
    notes.add("Pulled-in revenue and its discount are measured against a plan that pays "
        + "nothing for moving a deal; the baseline's own figure is estimated from its timing "
        + "gradients.");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("runs", runs);
    data.put("seed", seed);
    data.put("won_deals", won);
    data.put("lost_deals", model.opportunities() - won);
    data.put("as_of", model.engine().asOf().toString());
    data.put("percentiles", "type 7 (linear interpolation between order statistics)");
    data.put("plans", jsonPlans);
    List<Object> attrition = new ArrayList<>();
    for (int p = 0; p < plans.size(); p++) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("plan", plans.get(p));
      one.put("expected_cost", decimal(cost(outcome, p), 2));
      one.put("reps_losing_more_than_10pct", p == 0 ? 0 : repsLosing(outcome, p, 0.10));
      one.put("capped_deals", outcome.cappedDeals()[p]);
      one.put("effort_capped_reps", outcome.effortCapped()[p]);
      attrition.add(one);
    }
    data.put("expected", attrition);
    return new ReportSection("behavior_simulation", "Simulated outcomes", notes,
        List.of(ReportSection.Table.of("Mean and 5th–95th percentile over runs", header,
            numeric, rows)), charts, data);
  }

  /**
   * Which assumption moves each result most. Assumptions that move nothing are left out; for
   * each candidate the headline results (won revenue, rep and partner pay) say in plain words
   * which assumption they rest on most and how far it moves them.
   */
  public static ReportSection sensitivity(Simulation.Outcome outcome,
      List<Simulation.Sensitivity> sensitivity) {
    List<Simulation.Sensitivity> moving = new ArrayList<>();
    for (Simulation.Sensitivity s : sensitivity) {
      boolean moves = false;
      for (int p = 0; p < outcome.plans().size() && !moves; p++) {
        for (Metric m : Metric.values()) {
          moves |= s.swing(p, m) > 1e-9 * Math.max(1, Math.abs(outcome.mean(p, m)));
        }
      }
      if (moves) {
        moving.add(s);
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("Each assumption re-run at its low and high value with the same seed, the others "
        + "unchanged; the assumption that moves each result's mean most is named.");
    List<String> still = new ArrayList<>();
    for (Simulation.Sensitivity s : sensitivity) {
      if (!moving.contains(s)) {
        still.add(s.assumption().key());
      }
    }
    if (!still.isEmpty()) {
      notes.add("Left out, because they move no result on this data: " + String.join(", ", still)
          + ".");
    }
    List<List<Cell>> rows = new ArrayList<>();
    List<Object> json = new ArrayList<>();
    for (int p = 0; p < outcome.plans().size(); p++) {
      for (Metric m : Metric.values()) {
        Simulation.Sensitivity top = null;
        for (Simulation.Sensitivity s : moving) {
          if (top == null || s.swing(p, m) > top.swing(p, m)) {
            top = s;
          }
        }
        int k = m.ordinal();
        boolean moved = top != null && top.swing(p, m) > 0;
        rows.add(List.of(Cell.text(outcome.plans().get(p)), Cell.text(m.label()),
            metricCell(m, outcome.mean(p, m), null),
            Cell.text(moved ? top.assumption().key() : "none"),
            moved ? arrow(top.lowValue(), metricCell(m, top.low()[p][k], null))
                : Cell.text("—"),
            moved ? arrow(top.highValue(), metricCell(m, top.high()[p][k], null))
                : Cell.text("—")));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("plan", outcome.plans().get(p));
        entry.put("metric", m.key());
        entry.put("mean", decimal(outcome.mean(p, m), scale(m)));
        entry.put("most_influential", moved ? top.assumption().key() : null);
        Map<String, Object> each = new LinkedHashMap<>();
        for (Simulation.Sensitivity s : moving) {
          Map<String, Object> ends = new LinkedHashMap<>();
          ends.put("low", decimal(s.low()[p][k], scale(m)));
          ends.put("high", decimal(s.high()[p][k], scale(m)));
          each.put(s.assumption().key(), ends);
        }
        entry.put("by_assumption", each);
        json.add(entry);
        if (p > 0 && moved && (m == Metric.REVENUE || m == Metric.REP_PAY)) {
          notes.add(CalendarAlignment.possessive(outcome.plans().get(p)) + " " + m.label()
              + " rests most on "
              + top.assumption().key() + (top.assumption().quantified()
                  ? " (anchored by a published figure)" : " (an unquantified assumption)")
              + ": " + format(m, top.low()[p][k]) + " at " + number(top.lowValue()) + ", "
              + format(m, top.high()[p][k]) + " at " + number(top.highValue()) + ".");
        }
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("left_out", still);
    data.put("results", json);
    return new ReportSection("behavior_sensitivity", "Sensitivity to the assumptions", notes,
        List.of(ReportSection.Table.of("", List.of("plan", "result", "mean",
            "moved most by", "at low", "at high"),
            List.of(false, false, true, false, true, true), rows)), List.of(), data);
  }

  /** The expected figures of every plan for the headline. */
  public static Outlook outlook(Simulation.Outcome outcome, long seed) {
    List<Outlook.Plan> plans = new ArrayList<>();
    for (int p = 0; p < outcome.plans().size(); p++) {
      plans.add(new Outlook.Plan(outcome.plans().get(p), decimal(cost(outcome, p), 2),
          decimal(outcome.mean(p, Metric.REVENUE), 2), p == 0 ? 0 : repsLosing(outcome, p, 0.10),
          decimal(outcome.mean(p, Metric.PULLED_IN), 2),
          decimal(outcome.mean(p, Metric.DISCOUNT_COST), 2)));
    }
    return new Outlook(outcome.runs(), seed, plans);
  }

  /** Mean rep and partner pay of plan {@code p}: its expected cost. */
  public static double cost(Simulation.Outcome outcome, int p) {
    return outcome.mean(p, Metric.REP_PAY) + outcome.mean(p, Metric.PARTNER_PAY);
  }

  /** Reps whose mean pay under plan {@code p} is more than {@code share} below the baseline's. */
  public static int repsLosing(Simulation.Outcome outcome, int p, double share) {
    int count = 0;
    for (int k = 0; k < outcome.reps().size(); k++) {
      double base = outcome.repPay()[0][k];
      if (base > 0 && outcome.repPay()[p][k] < base * (1 - share)) {
        count++;
      }
    }
    return count;
  }

  // ---- formatting

  private static List<BigDecimal> sorted(List<BigDecimal> values) {
    List<BigDecimal> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }

  private static BigDecimal median(List<BigDecimal> sorted) {
    int n = sorted.size();
    if (n == 0) {
      return BigDecimal.ZERO;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).add(sorted.get(n / 2))
        .divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN);
  }

  /** +1,250 or −1,250 (whole currency units) or +0. */
  static String signed(BigDecimal amount) {
    return Fmt.signedWhole(amount);
  }

  private static String signedMoney(double amount) {
    return signed(BigDecimal.valueOf(amount));
  }

  private static String signedPoints(double ratio) {
    BigDecimal pts = BigDecimal.valueOf(ratio * 100).setScale(2, RoundingMode.HALF_EVEN);
    return (pts.signum() < 0 ? MINUS : "+") + pts.abs().toPlainString() + " points";
  }

  private static DecimalFormat grouping(String pattern) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format;
  }

  private static final String NOT_MEASURABLE = "not measurable";

  private static String shareLabel(Behavior b) {
    return switch (b) {
      case ROUTE -> "partner share of won deals";
      case ENGAGE -> "implementations confirmed";
      case MEETINGS -> "meetings per rep";
      case TEAM -> "assisted share of won deals";
      case TIMING -> "won deals in the last 14 days of a period";
      case EFFORT -> "volume of won deals from effort";
    };
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** +3.2% or −3.2% (a change as a fraction). */
  static String signedPercent(double change) {
    return Fmt.text(Cell.signedPercentMinus(decimal(change, 6)));
  }

  private static String share(Behavior b, double value) {
    return Fmt.text(shareCell(b, value));
  }

  /** A behavior's share (meetings: a count per rep), at the precision of report.json. */
  private static Cell shareCell(Behavior b, double value) {
    return b == Behavior.MEETINGS ? Cell.number(decimal(value, 6), Cell.Style.ONE_DECIMAL)
        : Cell.percent(decimal(value, 6));
  }

  /** A result of the simulation, at the precision of report.json. */
  private static Cell metricCell(Metric m, double value, String currency) {
    return switch (m.kind()) {
      case MONEY -> Cell.wholeMoney(decimal(value, scale(m)), currency);
      case RATIO -> Cell.percent(decimal(value, scale(m)));
      case COUNT -> Cell.number(decimal(value, scale(m)), Cell.Style.ONE_DECIMAL);
    };
  }

  /** An assumption's value as report.json holds it. */
  private static Cell numberCell(double value) {
    return Cell.number(decimal(value, 6), Cell.Style.STRIPPED);
  }

  /** {@code assumption value → result}. */
  private static Cell arrow(double assumption, Cell result) {
    return Cell.composite(List.of(numberCell(assumption).named("assumption"),
        result.named("result")), List.of("", " → ", ""));
  }

  private static int scale(Metric m) {
    return m.kind() == Metric.Kind.MONEY ? 2 : m.kind() == Metric.Kind.RATIO ? 6 : 3;
  }

  private static String format(Metric m, double value) {
    return Fmt.text(metricCell(m, value, null));
  }

  private static String number(double value) {
    return Fmt.text(numberCell(value));
  }

  /** A double for report.json: a BigDecimal at a fixed scale, so no floating point noise. */
  private static BigDecimal decimal(double value, int scale) {
    if (!Double.isFinite(value)) {
      return BigDecimal.ZERO.setScale(scale);
    }
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN);
  }
}
