package dev.compsim.behavior;

import dev.compsim.engine.Engine;
import dev.compsim.model.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * The two layers of the behavior model for a set of plans on one data set: the exact incentive
 * gradients of every plan, and the response each plan predicts against the first (the baseline).
 */
public final class BehaviorModel {
  private final Engine engine;
  private final List<Plan> plans;
  private final Typical typical;
  private final long lag;
  private DealFacts facts; // built when a simulation first needs it
  private final List<Gradients.PlanGradients> gradients;
  private final BaselineShares observed;

  /** @param plans the baseline first, then the candidates */
  public BehaviorModel(Engine engine, List<Plan> plans) {
    this(engine, plans, Assumptions.defaults());
  }

  /**
   * @param plans the baseline first, then the candidates
   * @param assumptions of which the model itself uses only the assumed implementation lag, and
   *     that only when the data has no decided implementation
   */
  public BehaviorModel(Engine engine, List<Plan> plans, Assumptions assumptions) {
    if (plans.isEmpty()) {
      throw new IllegalArgumentException("need at least one plan");
    }
    this.engine = engine;
    // a plan that changes on a date: what reps do next follows the version in force now
    this.plans = plans.stream().map(plan -> plan.versionOn(engine.asOf())).toList();
    this.typical = new Typical(engine);
    long lag = Math.round(assumptions.get(Assumption.IMPLEMENTATION_LAG_DAYS));
    this.lag = lag;
    // the plans priced in parallel, kept in plan order; plans on one calendar share the book
    this.gradients = Gradients.of(this.plans, typical, lag);
    this.observed = BaselineShares.observe(engine, this.plans.get(0).calendar());
  }

  public Engine engine() {
    return engine;
  }

  public List<Plan> plans() {
    return plans;
  }

  public Typical typical() {
    return typical;
  }

  synchronized DealFacts facts() {
    if (facts == null) {
      facts = new DealFacts(engine, typical, lag);
    }
    return facts;
  }

  /** The opportunities a simulation redraws: deals won or lost by as-of. */
  public int opportunities() {
    // the deals won or lost by as-of, counted without building the simulation's facts
    int lost = 0;
    for (var deal : engine.data().deals()) {
      if (DealFacts.lostByAsOf(deal, engine.asOf())) {
        lost++;
      }
    }
    return engine.wonCount() + lost;
  }

  /** The deals of every plan's scenario book (built again to count them: for tests and bench). */
  public long scenarioDeals() {
    long sum = 0;
    for (Plan plan : plans) {
      sum += Gradients.scenarioDeals(plan, typical, lag);
    }
    return sum;
  }

  public List<Gradients.PlanGradients> gradients() {
    return gradients;
  }

  /** The shares observed in the data (timing on the baseline plan's calendar). */
  public BaselineShares observed() {
    return observed;
  }

  /** The shares observed in the data, timing on {@code plan}'s calendar. */
  BaselineShares observedFor(int plan) {
    if (plan == 0 || plans.get(plan).calendar().equals(plans.get(0).calendar())) {
      return observed; // the same calendar observes the same shares
    }
    return observedByCalendar.computeIfAbsent(plans.get(plan).calendar(),
        calendar -> BaselineShares.observe(engine, calendar));
  }

  private final java.util.Map<dev.compsim.model.FiscalCalendar, BaselineShares>
      observedByCalendar = new java.util.concurrent.ConcurrentHashMap<>();

  /** Each plan's predicted behavior against the baseline. */
  public List<Response.PlanResponse> responses(Assumptions assumptions) {
    List<Response.PlanResponse> out = new ArrayList<>();
    for (int p = 0; p < plans.size(); p++) {
      out.add(response(p, assumptions));
    }
    return out;
  }

  Response.PlanResponse response(int plan, Assumptions assumptions) {
    // the simulation and the report both ask for the same assumptions: each plan's response is
    // kept for the latest assumptions asked (a sensitivity run asks for others in turn)
    Responses kept = responses;
    if (kept == null || kept.assumptions() != assumptions) {
      kept = new Responses(assumptions, new Response.PlanResponse[plans.size()]);
      responses = kept;
    }
    Response.PlanResponse response = kept.byPlan()[plan];
    if (response == null) {
      response = Response.of(gradients.get(0), gradients.get(plan), observedFor(plan),
          assumptions);
      kept.byPlan()[plan] = response;
    }
    return response;
  }

  /** Each plan's response under one set of assumptions, filled as they are asked for. */
  private record Responses(Assumptions assumptions, Response.PlanResponse[] byPlan) {}

  private volatile Responses responses;
}
