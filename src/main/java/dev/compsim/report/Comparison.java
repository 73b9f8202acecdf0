package dev.compsim.report;

import dev.compsim.engine.DataCoverage;
import dev.compsim.engine.Engine;
import dev.compsim.model.DataSet;
import dev.compsim.model.Guardrail;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report model: every plan evaluated on the same data, each candidate set against the
 * baseline (the first plan), with the rep changes, guardrail results and data gaps that follow
 * from them. Its sections are what every renderer draws; other features append theirs with
 * {@link #with(ReportSection)}.
 *
 * <p>Each core section is built by its own class from this model ({@link HeadlineSection},
 * {@link CostSection}, {@link RepChangesSection}, {@link PayoutTimingSection},
 * {@link PartnerEconomicsSection}, {@link SpiffSection}, {@link CompetitionSection},
 * {@link GuardrailSection}, their shared cells in {@link SectionCells}); {@link #sections()} is
 * the one place that orders them, and builds them once per comparison. {@link #headline()} and
 * the other section methods read that cache.
 */
public final class Comparison {
  /** How many winners and losers each candidate lists by name. */
  public static final int TOP = 5;

  private final LocalDate asOf;
  private final DataSet data;
  private final int wonDeals;
  private final List<PlanFigures> plans;
  private final List<RepChanges> changes;
  private final List<GuardrailResult> guardrails;
  private final List<ReportSection> extra;
  private final Outlook outlook;
  private final List<String> assumed;
  private Map<String, List<DataCoverage.Gap>> gaps; // see dataGaps()
  private List<ReportSection> sections; // see sections()

  private Comparison(LocalDate asOf, DataSet data, int wonDeals, List<PlanFigures> plans,
      List<RepChanges> changes, List<GuardrailResult> guardrails, List<ReportSection> extra) {
    this(asOf, data, wonDeals, plans, changes, guardrails, extra, null, List.of());
  }

  private Comparison(LocalDate asOf, DataSet data, int wonDeals, List<PlanFigures> plans,
      List<RepChanges> changes, List<GuardrailResult> guardrails, List<ReportSection> extra,
      Outlook outlook, List<String> assumed) {
    this.outlook = outlook;
    this.assumed = List.copyOf(assumed);
    this.asOf = asOf;
    this.data = data;
    this.wonDeals = wonDeals;
    this.plans = plans;
    this.changes = changes;
    this.guardrails = guardrails;
    this.extra = List.copyOf(extra);
  }

  /** Evaluates every plan with {@code engine}; the first plan is the baseline. */
  public static Comparison of(Engine engine, List<Plan> plans) {
    return of(engine, plans, Integer.MAX_VALUE);
  }

  /**
   * Evaluates the plans side by side, streaming their lines into the figures; each plan keeps
   * its first {@code keepLines} lines with traces (for the spreadsheet's ledger sheet), so a
   * large data set costs no more memory than its sums. Keeping none, the deals are priced in
   * cents and their lines sent summed ({@link Engine#evaluateSummed}): the same figures.
   */
  public static Comparison of(Engine engine, List<Plan> plans, int keepLines) {
    List<PlanFigures> figures = new ArrayList<>();
    for (Plan plan : plans) {
      figures.add(new PlanFigures(plan, engine.wonRevenue(plan), engine.data(), keepLines));
    }
    boolean traces = keepLines > 0;
    java.util.stream.IntStream.range(0, plans.size()).parallel().forEach(i -> {
      if (traces) {
        engine.evaluate(plans.get(i), figures.get(i), true);
      } else {
        engine.evaluateSummed(plans.get(i), figures.get(i));
      }
    });
    return of(engine.asOf(), engine.data(), engine.wonCount(), figures);
  }

  /**
   * The plans' totals side by side ({@link PlanFigures#totals}: statuses, components, each rep's
   * pay), priced in parallel: all guardrails read. The per-line detail (periods, partners,
   * spiffs) is not there, and a report that asks for it is refused.
   */
  public static Comparison ofTotals(Engine engine, List<Plan> plans) {
    List<PlanFigures> figures = java.util.stream.IntStream.range(0, plans.size()).parallel()
        .mapToObj(i -> PlanFigures.totals(plans.get(i), engine)).toList();
    return of(engine.asOf(), engine.data(), engine.wonCount(), figures);
  }

  /** A comparison of figures filled elsewhere (a streaming run); the first is the baseline. */
  public static Comparison of(LocalDate asOf, DataSet data, int wonDeals,
      List<PlanFigures> plans) {
    if (plans.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one plan");
    }
    Map<String, String> names = new TreeMap<>();
    for (Rep rep : data.reps().values()) {
      names.put(rep.id(), rep.name());
    }
    List<RepChanges> changes = new ArrayList<>();
    for (int i = 1; i < plans.size(); i++) {
      changes.add(new RepChanges(plans.get(0), plans.get(i), names));
    }
    List<GuardrailResult> results = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      PlanFigures plan = plans.get(i);
      PlanFigures baseline = i == 0 ? null : plans.get(0);
      RepChanges change = i == 0 ? null : changes.get(i - 1);
      for (Guardrail guardrail : plan.plan().guardrails()) {
        GuardrailMetric metric = GuardrailMetric.of(guardrail.metric());
        results.add(GuardrailResult.evaluate(plan.name(), guardrail,
            metric.value(plan, baseline, change), metric.undefined(plan, baseline, change)));
      }
    }
    return new Comparison(asOf, data, wonDeals, List.copyOf(plans), List.copyOf(changes),
        List.copyOf(results), List.of());
  }

  /** This comparison with one more section, drawn after the core sections. */
  public Comparison with(ReportSection section) {
    List<ReportSection> more = new ArrayList<>(extra);
    // the core sections' ids, not the sections: building them here, for a comparison that is
    // only a step towards the one with every section, cost a tenth of compare's time
    List<String> taken = new ArrayList<>(coreIds());
    extra.forEach(existing -> taken.add(existing.id()));
    if (taken.contains(section.id())) {
      throw new IllegalArgumentException("a section " + section.id() + " is already there");
    }
    more.add(section);
    return new Comparison(asOf, data, wonDeals, plans, changes, guardrails, more, outlook,
        assumed);
  }

  /** This comparison with the behavior model's expected figures in its headline. */
  public Comparison withOutlook(Outlook expected) {
    return new Comparison(asOf, data, wonDeals, plans, changes, guardrails, extra, expected,
        assumed);
  }

  /**
   * This comparison with an assumption the user stated in place of missing data (an assumed
   * implementation lag, say), named in the headline as assumed, not measured.
   */
  public Comparison withAssumption(String assumption) {
    List<String> more = new ArrayList<>(assumed);
    more.add(assumption);
    return new Comparison(asOf, data, wonDeals, plans, changes, guardrails, extra, outlook,
        more);
  }

  /**
   * Each plan's features the data cannot measure, by plan name, in plan order: found once (a
   * pass over the deals) and asked by the headline's notes, sentences and JSON.
   */
  public Map<String, List<DataCoverage.Gap>> dataGaps() {
    if (gaps == null) {
      Map<String, List<DataCoverage.Gap>> found = new LinkedHashMap<>();
      for (PlanFigures plan : plans) {
        found.put(plan.name(), DataCoverage.of(plan.plan(), data));
      }
      gaps = java.util.Collections.unmodifiableMap(found);
    }
    return gaps;
  }

  /** The behavior model's expected figures, or null when none were computed. */
  public Outlook outlook() {
    return outlook;
  }

  public LocalDate asOf() {
    return asOf;
  }

  public DataSet data() {
    return data;
  }

  public int wonDeals() {
    return wonDeals;
  }

  public List<PlanFigures> plans() {
    return plans;
  }

  public PlanFigures baseline() {
    return plans.get(0);
  }

  /** One per candidate, in plan order. */
  public List<RepChanges> repChanges() {
    return changes;
  }

  public List<GuardrailResult> guardrails() {
    return guardrails;
  }

  public List<GuardrailResult> failedGuardrails() {
    return guardrails.stream().filter(g -> g.outcome() == GuardrailResult.Outcome.FAILED)
        .toList();
  }

  /** The assumptions stated in place of missing data, in the order given. */
  List<String> assumed() {
    return assumed;
  }

  /** Sections other features appended. */
  public List<ReportSection> extraSections() {
    return extra;
  }

  /**
   * Every section in report order: the core sections, then the appended ones. Built once per
   * comparison (it is immutable), however many renderers draw it.
   */
  public List<ReportSection> sections() {
    if (sections == null) {
      sections = List.copyOf(buildSections());
    }
    return sections;
  }

  /**
   * The ids of the core sections {@link #buildSections} makes, in its order, without making them
   * ({@code ComparisonTest} holds the two equal).
   */
  List<String> coreIds() {
    List<String> ids = new ArrayList<>(List.of("headline", "cost", "rep_changes", "timing",
        "partners", "spiffs", "competitions", "guardrails"));
    if (changes.isEmpty()) {
      ids.remove("rep_changes");
    }
    return ids;
  }

  private List<ReportSection> buildSections() {
    List<ReportSection> all = new ArrayList<>();
    all.add(HeadlineSection.of(this));
    all.add(CostSection.of(this));
    if (!changes.isEmpty()) {
      all.add(RepChangesSection.of(this));
    }
    all.add(PayoutTimingSection.of(this));
    all.add(PartnerEconomicsSection.of(this));
    all.add(SpiffSection.of(this));
    all.add(CompetitionSection.of(this));
    all.add(GuardrailSection.of(this));
    all.addAll(extra);
    return all;
  }

  /** A core section from the built sections, by id. */
  private ReportSection section(String id) {
    for (ReportSection section : sections()) {
      if (section.id().equals(id)) {
        return section;
      }
    }
    throw new IllegalStateException("no section " + id);
  }

  // ------------------------------------------- each core section, as built once above

  /** The figures a leader reads first: cost, cost of sales, who gains and loses. */
  public ReportSection headline() {
    return section("headline");
  }

  /** A plan's guardrails in a few words: how many pass, fail and were not applied. */
  String guardrailCell(PlanFigures plan) {
    return GuardrailSection.cell(guardrails, plan);
  }

  /** Total and per-component cost, rep versus channel, with the change against the baseline. */
  public ReportSection cost() {
    return section("cost");
  }

  /** Per-rep payout change of each candidate against the baseline. */
  public ReportSection repChangesSection() {
    // a comparison without candidates draws no such section; asked anyway, it is empty
    return changes.isEmpty() ? RepChangesSection.of(this) : section("rep_changes");
  }

  /** When money is paid: by fiscal period earned, and released holdbacks by release period. */
  public ReportSection timing() {
    return section("timing");
  }

  /** Channel cost per partner and per partner type, generic over partner-side components. */
  public ReportSection partners() {
    return section("partners");
  }

  /** Spiff spend, and what a ban on activity spiffs removes. */
  public ReportSection spiffs() {
    return section("spiffs");
  }

  /** Competition winners from the prize lines of each plan. */
  public ReportSection competitions() {
    return section("competitions");
  }

  /** Every guardrail of every plan with its value and outcome. */
  public ReportSection guardrailsSection() {
    return section("guardrails");
  }

  /** Unused-key guard for report.json: sections by id, in order. */
  Map<String, ReportSection> sectionsById() {
    Map<String, ReportSection> byId = new LinkedHashMap<>();
    for (ReportSection section : sections()) {
      byId.put(section.id(), section);
    }
    return Collections.unmodifiableMap(byId);
  }
}
