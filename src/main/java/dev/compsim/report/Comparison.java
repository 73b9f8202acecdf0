package dev.compsim.report;

import dev.compsim.engine.Component;
import dev.compsim.engine.DataCoverage;
import dev.compsim.engine.Engine;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.Status;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Guardrail;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.report.ReportSection.Chart;
import dev.compsim.report.ReportSection.Series;
import dev.compsim.report.ReportSection.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The report model: every plan evaluated on the same data, each candidate set against the
 * baseline (the first plan). Its sections are what every renderer draws; other features append
 * theirs with {@link #with(ReportSection)}.
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
   * large data set costs no more memory than its sums.
   */
  public static Comparison of(Engine engine, List<Plan> plans, int keepLines) {
    List<PlanFigures> figures = new ArrayList<>();
    for (Plan plan : plans) {
      figures.add(new PlanFigures(plan, engine.wonRevenue(plan), engine.data(), keepLines));
    }
    boolean traces = keepLines > 0;
    java.util.stream.IntStream.range(0, plans.size()).parallel()
        .forEach(i -> engine.evaluate(plans.get(i), figures.get(i), traces));
    return of(engine.asOf(), engine.data(), engine.wonDeals().size(), figures);
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
    for (ReportSection existing : sections()) {
      if (existing.id().equals(section.id())) {
        throw new IllegalArgumentException("a section " + section.id() + " is already there");
      }
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

  private List<ReportSection> buildSections() {
    List<ReportSection> all = new ArrayList<>();
    all.add(headline());
    all.add(CostSection.of(this));
    if (!changes.isEmpty()) {
      all.add(repChangesSection());
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

  // ---------------------------------------------------------------- sections

  private List<String> planHeader(String first) {
    List<String> header = new ArrayList<>();
    header.add(first);
    for (PlanFigures plan : plans) {
      header.add(plan.name() + (plan == baseline() ? " (baseline)" : ""));
    }
    return header;
  }

  private List<Boolean> numericAfterFirst(int columns) {
    List<Boolean> numeric = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      numeric.add(i > 0);
    }
    return numeric;
  }

  private List<Cell> row(String label, Function<PlanFigures, Cell> cell) {
    List<Cell> row = new ArrayList<>();
    row.add(Cell.text(label));
    for (PlanFigures plan : plans) {
      row.add(cell.apply(plan));
    }
    return row;
  }

  /** The baseline's currency, in which every figure of the report is stated. */
  private String currency() {
    return baseline().plan().currency();
  }

  private Cell money(BigDecimal amount) {
    return Cell.money(amount, currency());
  }

  private Cell signedMoney(BigDecimal amount) {
    return Cell.signedMoney(amount, currency());
  }

  /** A change in money and, in brackets, as a share of {@code whole}. */
  private Cell change(BigDecimal delta, BigDecimal whole) {
    return Cell.withDetail(signedMoney(delta), "%", Cell.signedPercent(Fmt.ratio(delta, whole)));
  }

  /** A count and, in brackets, its share of the reps. */
  private static Cell countAndShare(int count, RepChanges change) {
    return Cell.withDetail(Cell.count(count), "share", Cell.percent(change.share(count)));
  }

  private static final Cell NONE = Cell.text("\u2014");

  private BigDecimal costChange(PlanFigures plan) {
    return plan.totalCost().subtract(baseline().totalCost());
  }

  /** The figures a leader reads first: cost, cost of sales, who gains and loses. */
  public ReportSection headline() {
    List<List<Cell>> rows = new ArrayList<>();
    rows.add(row("total cost", p -> money(p.totalCost())));
    if (plans.size() > 1) {
      rows.add(row("change vs baseline", p -> p == baseline() ? NONE
          : change(costChange(p), baseline().totalCost())));
    }
    rows.add(row("cost of sales", p -> Cell.percent(p.costOfSales())));
    rows.add(row("rep cost", p -> money(p.repCost())));
    rows.add(row("channel cost", p -> money(p.channelCost())));
    rows.add(row("held back, still owed", p -> money(p.status(Status.HELD))));
    if (plans.size() > 1) {
      rows.add(row("reps gaining / losing", p -> p == baseline() ? NONE
          : Cell.pair(Cell.count(changesOf(p).gaining()).named("gaining"), " / ",
              Cell.count(changesOf(p).losing()).named("losing"))));
      rows.add(row("reps losing > 10%", p -> p == baseline() ? NONE
          : countAndShare(changesOf(p).losingMoreThan10Pct(), changesOf(p))));
    }
    if (outlook != null && outlook.computed()) {
      Outlook.Plan base = outlook.of(baseline().name());
      rows.add(row("expected cost, with behavior (modelled)",
          p -> money(outlook.of(p.name()).expectedCost())));
      if (plans.size() > 1) {
        rows.add(row("change vs baseline (modelled)", p -> p == baseline() ? NONE
            : change(outlook.of(p.name()).expectedCost().subtract(base.expectedCost()),
                base.expectedCost())));
      }
      rows.add(row("expected won revenue (modelled)",
          p -> money(outlook.of(p.name()).expectedRevenue())));
      if (plans.size() > 1) {
        rows.add(row("reps losing > 10% (modelled)", p -> p == baseline() ? NONE
            : Cell.count(outlook.of(p.name()).repsLosingMoreThan10Pct())));
      }
    }
    if (!guardrails.isEmpty()) {
      rows.add(row("guardrails", p -> Cell.text(guardrailCell(p))));
    }
    List<String> header = planHeader("");
    Table table = Table.of("", header, numericAfterFirst(header.size()), rows);

    List<String> notes = new ArrayList<>();
    notes.add(wonDeals + " won deals as of " + asOf + ", " + Fmt.money(baseline().wonRevenue())
        + " " + baseline().plan().currency() + " won list revenue; baseline: "
        + baseline().name() + ".");
    for (int i = 1; i < plans.size(); i++) {
      PlanFigures plan = plans.get(i);
      RepChanges change = changes.get(i - 1);
      BigDecimal delta = costChange(plan);
      notes.add(plan.name() + " " + (delta.signum() > 0 ? "costs " + Fmt.money(delta)
          + " more than " : delta.signum() < 0 ? "costs " + Fmt.money(delta.negate())
          + " less than " : "costs the same as ") + baseline().name() + " (cost of sales "
          + Fmt.pct(plan.costOfSales()) + " vs " + Fmt.pct(baseline().costOfSales()) + "); "
          + change.gaining() + " of " + change.reps() + " reps gain, " + change.losing()
          + " lose" + largestLoss(change) + unsupported(plan) + ".");
    }
    for (String assumption : assumed) {
      notes.add("Assumed, not measured: " + assumption + ".");
    }
    dataGaps().forEach((plan, gaps) -> {
      PlanFigures figures = plans.stream().filter(p -> p.name().equals(plan)).findFirst()
          .orElseThrow();
      for (DataCoverage.Gap gap : gaps) {
        String sentence = plan + ": " + gap.message() + ".";
        if (gap.feature().equals("holdback_release")) {
          BigDecimal forfeited = figures.status(Status.FORFEITED);
          BigDecimal held = figures.status(Status.HELD);
          sentence += " Its total cost leaves out " + Fmt.money(forfeited) + " forfeited and "
              + "counts " + Fmt.money(held) + " still held that the data cannot say will ever "
              + "be paid or forfeited.";
        }
        notes.add(sentence);
      }
    });
    if (outlook != null && !outlook.computed()) {
      notes.add("Expected cost and revenue with predicted behavior: not computed here ("
          + outlook.notComputed() + ").");
    }
    if (outlook != null && outlook.computed() && plans.size() > 1) {
      Outlook.Plan base = outlook.of(baseline().name());
      List<String> parts = new ArrayList<>();
      for (int i = 1; i < plans.size(); i++) {
        Outlook.Plan plan = outlook.of(plans.get(i).name());
        BigDecimal cost = plan.expectedCost().subtract(base.expectedCost());
        BigDecimal revenue = plan.expectedRevenue().subtract(base.expectedRevenue());
        parts.add(plan.plan() + " " + Fmt.signedMoney(cost) + " cost ("
            + Fmt.signedPct(Fmt.ratio(cost, base.expectedCost())) + ") and "
            + Fmt.signedMoney(revenue) + " won revenue ("
            + Fmt.signedPct(Fmt.ratio(revenue, base.expectedRevenue())) + ")");
      }
      notes.add("With predicted behavior (modelled: the mean of " + outlook.runs()
          + " simulated runs, seed " + outlook.seed() + "; the sensitivities are assumptions, "
          + "see the behavior sections), against " + baseline().name() + ": "
          + String.join("; ", parts) + "."
          + (dataGaps().values().stream().anyMatch(g -> !g.isEmpty())
              ? " They rest on the same gaps in the data as the figures above." : ""));
      List<String> timing = new ArrayList<>();
      for (PlanFigures plan : plans) {
        Outlook.Plan expected = outlook.of(plan.name());
        BigDecimal discount = expected.pullInDiscount();
        timing.add(plan.name() + " " + (expected.pulledIn().signum() >= 0
            ? Fmt.money(expected.pulledIn()) + " pulled in"
            : Fmt.money(expected.pulledIn().negate()) + " pushed out")
            + (discount.signum() > 0 ? ", " + Fmt.money(discount) + " given away in discounts"
            : discount.signum() < 0 ? ", " + Fmt.money(discount.negate())
                + " of earlier discounts recovered" : ""));
      }
      notes.add("Timing games (modelled, against a plan that pays nothing for moving a deal): "
          + String.join("; ", timing) + ".");
    }
    if (!guardrails.isEmpty()) {
      notes.add(guardrailsDefined());
    }
    List<GuardrailResult> failed = failedGuardrails();
    if (!failed.isEmpty()) {
      notes.add(failed.size() + (failed.size() == 1 ? " guardrail fails: " : " guardrails fail: ")
          + String.join("; ", failed.stream().map(GuardrailResult::message).toList()) + ".");
    }

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("as_of", asOf.toString());
    json.put("won_deals", wonDeals);
    json.put("won_revenue", Money.round(baseline().wonRevenue()));
    json.put("currency", baseline().plan().currency());
    json.put("baseline", baseline().name());
    List<Object> perPlan = new ArrayList<>();
    for (PlanFigures plan : plans) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("plan", plan.name());
      one.put("total_cost", plan.totalCost());
      one.put("cost_change", costChange(plan));
      one.put("cost_change_pct", Fmt.json(Fmt.ratio(costChange(plan), baseline().totalCost())));
      one.put("cost_of_sales", Fmt.json(plan.costOfSales()));
      one.put("rep_cost", plan.repCost());
      one.put("channel_cost", plan.channelCost());
      one.put("held_liability", plan.status(Status.HELD));
      one.put("guardrails_failed", guardrails.stream().filter(g -> g.plan().equals(plan.name())
          && g.outcome() == GuardrailResult.Outcome.FAILED).count());
      List<Object> gaps = new ArrayList<>();
      for (DataCoverage.Gap gap : dataGaps().get(plan.name())) {
        Map<String, Object> one2 = new LinkedHashMap<>();
        one2.put("feature", gap.feature());
        one2.put("message", gap.message());
        gaps.add(one2);
      }
      one.put("data_gaps", gaps);
      if (outlook != null && outlook.computed()) {
        Outlook.Plan expected = outlook.of(plan.name());
        Outlook.Plan base = outlook.of(baseline().name());
        Map<String, Object> modelled = new LinkedHashMap<>();
        modelled.put("expected_cost", expected.expectedCost());
        modelled.put("expected_cost_change",
            expected.expectedCost().subtract(base.expectedCost()));
        modelled.put("expected_cost_change_pct", Fmt.json(Fmt.ratio(
            expected.expectedCost().subtract(base.expectedCost()), base.expectedCost())));
        modelled.put("expected_revenue", expected.expectedRevenue());
        modelled.put("expected_revenue_change",
            expected.expectedRevenue().subtract(base.expectedRevenue()));
        modelled.put("reps_losing_more_than_10pct", expected.repsLosingMoreThan10Pct());
        modelled.put("pulled_in_revenue", expected.pulledIn());
        modelled.put("pull_in_discount_cost", expected.pullInDiscount());
        one.put("modelled", modelled);
      }
      perPlan.add(one);
    }
    json.put("assumed", assumed);
    if (outlook != null && outlook.computed()) {
      json.put("modelled_runs", outlook.runs());
      json.put("modelled_seed", outlook.seed());
    } else if (outlook != null) {
      json.put("modelled_not_computed", outlook.notComputed());
    }
    json.put("plans", perPlan);
    return new ReportSection("headline", "Headline", notes, List.of(table), List.of(), json);
  }

  /**
   * For a plan whose holdbacks the data cannot release, how much of its cost is missing for that
   * reason alone: never to be read as a saving.
   */
  private String unsupported(PlanFigures plan) {
    BigDecimal forfeited = plan.status(Status.FORFEITED);
    boolean gap = dataGaps().get(plan.name()).stream()
        .anyMatch(g -> g.feature().equals("holdback_release"));
    return gap && forfeited.signum() > 0 ? "; " + Fmt.money(forfeited) + " of holdback is "
        + "forfeited only because the data has no implementation outcomes, which is not a "
        + "saving" : "";
  }

  /**
   * Who loses most, named: in money and, when another rep loses a larger share of their pay, in
   * percent too (a specialist losing 47% of a small payout matters as much as 11,000 lost by a
   * top rep).
   */
  private static String largestLoss(RepChanges change) {
    List<RepChanges.Change> losers = change.losers(1);
    if (losers.isEmpty()) {
      return "";
    }
    RepChanges.Change inMoney = losers.get(0);
    RepChanges.Change inPercent = change.changes().stream()
        .filter(c -> c.delta().signum() < 0 && c.changePct() != null)
        .min(java.util.Comparator.comparing(RepChanges.Change::changePct)
            .thenComparing(RepChanges.Change::repId))
        .orElse(inMoney);
    String out = "; the largest loss in money: " + describe(inMoney);
    if (!inPercent.repId().equals(inMoney.repId())) {
      out += "; in percent: " + describe(inPercent);
    }
    return out;
  }

  private static String describe(RepChanges.Change loser) {
    return loser.name() + " " + Fmt.signedMoney(loser.delta())
        + (loser.changePct() == null ? "" : " (" + Fmt.signedPct(loser.changePct()) + ")");
  }

  /**
   * Every guardrail of every plan as a leader reads it: what is guarded, the limit and how it
   * came out, so "passes" never hides which guardrails there are.
   */
  private String guardrailsDefined() {
    List<String> parts = new ArrayList<>();
    for (PlanFigures plan : plans) {
      List<String> each = new ArrayList<>();
      for (GuardrailResult result : guardrails) {
        if (result.plan().equals(plan.name())) {
          each.add(result.guardrail().metric() + " " + result.limit() + " ("
              + switch (result.outcome()) {
                case PASSED -> result.formattedValue() + ", passes";
                case FAILED -> result.formattedValue() + ", FAILS";
                case SKIPPED -> result.metric().versusBaseline() ? "not applied to the baseline"
                    : "no value";
              } + ")");
        }
      }
      parts.add(plan.name() + ": " + (each.isEmpty() ? "none" : String.join(", ", each)));
    }
    return "Guardrails defined: " + String.join("; ", parts) + ".";
  }

  /** A plan's guardrails in a few words: how many pass, fail and were not applied. */
  String guardrailCell(PlanFigures plan) {
    return GuardrailSection.cell(guardrails, plan);
  }


  private RepChanges changesOf(PlanFigures plan) {
    return changes.get(plans.indexOf(plan) - 1);
  }

  /** Total and per-component cost, rep versus channel, with the change against the baseline. */
  public ReportSection cost() {
    return section("cost");
  }

  /** Per-rep payout change of each candidate against the baseline. */
  public ReportSection repChangesSection() {
    List<String> notes = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    List<Object> jsonCandidates = new ArrayList<>();
    List<String> summaryHeader = List.of("candidate", "reps", "gain", "lose", "unchanged",
        "lose > 10%", "gained", "lost", "largest loss");
    List<List<Cell>> summaryRows = new ArrayList<>();
    for (RepChanges change : changes) {
      summaryRows.add(List.of(Cell.text(change.candidate()), Cell.count(change.reps()),
          countAndShare(change.gaining(), change), countAndShare(change.losing(), change),
          countAndShare(change.unchanged(), change),
          countAndShare(change.losingMoreThan10Pct(), change),
          signedMoney(change.gained()), signedMoney(change.lost()),
          Cell.percent(change.maxLossPct().negate())));
      notes.add(change.candidate() + ": " + change.gaining() + " reps gain a total of "
          + Fmt.money(change.gained()) + ", " + change.losing() + " lose a total of "
          + Fmt.money(change.lost().negate()) + ", " + change.unchanged() + " unchanged.");
    }
    tables.add(Table.of("Who gains and who loses, against " + baseline().name(), summaryHeader,
        List.of(false, true, true, true, true, true, true, true, true), summaryRows));

    List<String> moversHeader = List.of("candidate", "", "rep", "baseline", "candidate pay",
        "change", "change %");
    List<List<Cell>> moverRows = new ArrayList<>();
    for (RepChanges change : changes) {
      for (RepChanges.Change c : change.winners(TOP)) {
        moverRows.add(moverRow(change.candidate(), "winner", c));
      }
      for (RepChanges.Change c : change.losers(TOP)) {
        moverRows.add(moverRow(change.candidate(), "loser", c));
      }
    }
    tables.add(Table.of("Biggest winners and losers (top " + TOP + " each)", moversHeader,
        List.of(false, false, false, true, true, true, true), moverRows));

    List<String> distHeader = new ArrayList<>();
    distHeader.add("change in rep pay");
    changes.forEach(c -> distHeader.add(c.candidate()));
    List<List<Cell>> distRows = new ArrayList<>();
    for (int b = 0; b < RepChanges.BUCKETS.size(); b++) {
      List<Cell> rowCells = new ArrayList<>();
      rowCells.add(Cell.text(RepChanges.BUCKETS.get(b)));
      for (RepChanges change : changes) {
        rowCells.add(Cell.count(change.distribution().get(b)));
      }
      distRows.add(rowCells);
    }
    tables.add(Table.of("Reps by change in pay (\"new pay\": paid nothing under the baseline)",
        distHeader, numericAfterFirst(distHeader.size()), distRows));

    List<Series> series = new ArrayList<>();
    for (RepChanges change : changes) {
      series.add(new Series(change.candidate(), change.distribution().stream()
          .map(BigDecimal::valueOf).toList()));
    }
    Chart chart = new Chart("rep-change-distribution", "Distribution of rep payout change",
        "bar", RepChanges.BUCKETS, series, "change in a rep's pay versus " + baseline().name(),
        "number of reps");

    for (RepChanges change : changes) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("plan", change.candidate());
      one.put("reps", change.reps());
      one.put("gaining", change.gaining());
      one.put("losing", change.losing());
      one.put("unchanged", change.unchanged());
      one.put("gaining_share", Fmt.json(change.share(change.gaining())));
      one.put("losing_share", Fmt.json(change.share(change.losing())));
      one.put("unchanged_share", Fmt.json(change.share(change.unchanged())));
      one.put("losing_more_than_10pct", change.losingMoreThan10Pct());
      one.put("losing_more_than_10pct_share",
          Fmt.json(change.share(change.losingMoreThan10Pct())));
      one.put("gained", change.gained());
      one.put("lost", change.lost());
      one.put("max_loss_pct", Fmt.json(change.maxLossPct()));
      Map<String, Object> buckets = new LinkedHashMap<>();
      for (int b = 0; b < RepChanges.BUCKETS.size(); b++) {
        buckets.put(RepChanges.BUCKETS.get(b), change.distribution().get(b));
      }
      one.put("distribution", buckets);
      one.put("winners", change.winners(TOP).stream().map(this::changeJson).toList());
      one.put("losers", change.losers(TOP).stream().map(this::changeJson).toList());
      one.put("reps_detail", change.changes().stream().map(this::changeJson).toList());
      jsonCandidates.add(one);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("baseline", baseline().name());
    json.put("candidates", jsonCandidates);
    return new ReportSection("rep_changes", "Rep payout change against the baseline", notes,
        tables, List.of(chart), json);
  }

  private List<Cell> moverRow(String candidate, String kind, RepChanges.Change c) {
    String who = c.name().equals(c.repId()) ? c.repId() : c.name() + " (" + c.repId() + ")";
    return List.of(Cell.text(candidate), Cell.text(kind), Cell.text(who), money(c.baseline()),
        money(c.candidate()), signedMoney(c.delta()), Cell.signedPercent(c.changePct()));
  }

  private Map<String, Object> changeJson(RepChanges.Change c) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("rep", c.repId());
    one.put("name", c.name());
    one.put("baseline", c.baseline());
    one.put("candidate", c.candidate());
    one.put("change", c.delta());
    one.put("change_pct", Fmt.json(c.changePct()));
    return one;
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
