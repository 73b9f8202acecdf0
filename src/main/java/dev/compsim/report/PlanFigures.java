package dev.compsim.report;

import dev.compsim.engine.Component;
import dev.compsim.engine.Engine;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.LedgerSums;
import dev.compsim.engine.PayeeKind;
import dev.compsim.engine.Status;
import dev.compsim.engine.SummingSink;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.Plan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every figure of one plan that the reports show, each a sum of that plan's ledger lines.
 * Partner-side figures are kept per {@link Component}, so a component added to the engine later
 * shows up without a change here.
 */
public final class PlanFigures implements SummingSink {
  /** Payouts that cannot be tied to a partner of the data (no deal, unknown payee). */
  public static final String UNATTRIBUTED = "(unattributed)";

  private final Plan plan;
  private final BigDecimal wonRevenue;
  private final List<LedgerLine> lines;
  private final Map<Status, BigDecimal> byStatus = new EnumMap<>(Status.class);
  private final Map<Component, BigDecimal> costByComponent = new EnumMap<>(Component.class);
  // summed in a hash map (a tree compared rep ids on every line: with 8,000 reps the activity
  // spiff lines alone are 140,000 per plan), sorted once when asked for
  private final Map<String, BigDecimal> repPayout = new HashMap<>();
  private Map<String, BigDecimal> sortedRepPayout; // repPayout by rep id, null after a change
  private final Map<String, Map<Component, BigDecimal>> partnerCost = new TreeMap<>();
  private final Map<String, Timing> timing = new TreeMap<>();
  private final Map<String, BigDecimal> releasedIn = new TreeMap<>();
  private final List<LedgerLine> prizes = new ArrayList<>();
  /** By rep: draw and draw_recovery lines of every status, the draw balance outstanding. */
  private final Map<String, BigDecimal> advances = new TreeMap<>();
  private BigDecimal repCost = Money.ZERO;
  private BigDecimal channelCost = Money.ZERO;
  private BigDecimal dealSpiffs = Money.ZERO;
  private BigDecimal activitySpiffs = Money.ZERO;
  private BigDecimal bannedSpiffs = Money.ZERO;

  /** Money earned in one fiscal period, by where it stands as of the report date. */
  public static final class Timing {
    BigDecimal paid = Money.ZERO;
    BigDecimal released = Money.ZERO;
    BigDecimal held = Money.ZERO;
    BigDecimal forfeited = Money.ZERO;
    BigDecimal clawedBack = Money.ZERO;

    /** What the period costs: paid, released, held and clawed back (not forfeited). */
    public BigDecimal cost() {
      return paid.add(released).add(held).add(clawedBack);
    }

    /** Paid at close or period end. */
    public BigDecimal paid() {
      return paid;
    }

    /** Held back, then released. */
    public BigDecimal released() {
      return released;
    }

    /** Held back and still owed. */
    public BigDecimal held() {
      return held;
    }

    public BigDecimal forfeited() {
      return forfeited;
    }

    public BigDecimal clawedBack() {
      return clawedBack;
    }

    /** What holdbacks took out of the payment at close: released + held + forfeited. */
    public BigDecimal deferred() {
      return released.add(held).add(forfeited);
    }
  }

  private final DataSet data;
  /** Each partner deal's partner, made on first need: only partner-rep lines ask for it. */
  private Map<String, String> partnerOfDeal;
  private final int keepLines;
  private long lineCount;
  /** False for figures made from sums alone ({@link #ofSums}): no per-line detail. */
  private boolean detail = true;

  /**
   * Figures filled line by line as the engine sends them.
   *
   * @param keepLines whether to keep every line (for the spreadsheet's ledger sheet); a large
   *     run leaves it off and keeps only the sums
   */
  public PlanFigures(Plan plan, BigDecimal wonRevenue, DataSet data, boolean keepLines) {
    this(plan, wonRevenue, data, keepLines ? Integer.MAX_VALUE : 0);
  }

  /**
   * Figures filled line by line as the engine sends them, keeping the first {@code keepLines}
   * lines (for the spreadsheet's ledger sheet, which holds a bounded number of rows).
   */
  public PlanFigures(Plan plan, BigDecimal wonRevenue, DataSet data, int keepLines) {
    this.plan = plan;
    this.wonRevenue = wonRevenue;
    this.data = data;
    this.keepLines = keepLines;
    this.lines = new ArrayList<>();
  }

  /**
   * Figures made from a plan's ledger sums ({@link dev.compsim.engine.Engine#sums}) without its
   * lines: totals, statuses, components and each rep's pay, which is all rep changes and
   * guardrails read (a sweep's rows). The per-line detail (lines, partners, periods, spiffs,
   * prizes, advances) is not there, and asking for it throws rather than show nothing.
   */
  public static PlanFigures ofSums(Plan plan, BigDecimal wonRevenue, DataSet data,
      LedgerSums sums) {
    PlanFigures figures = new PlanFigures(plan, wonRevenue, data, 0);
    figures.detail = false;
    figures.lineCount = sums.lines();
    for (Status status : Status.values()) {
      figures.byStatus.put(status, sums.status(status));
    }
    for (Component component : Component.values()) {
      figures.costByComponent.put(component, sums.cost(component));
    }
    figures.repCost = sums.repCost();
    figures.channelCost = sums.channelCost();
    figures.repPayout.putAll(sums.repCosts());
    return figures;
  }

  /**
   * The figures of {@code plan} that sums give ({@link #ofSums}), priced by the columnar engine;
   * from the ledger, line by line, when the columns leave the plan to it (amounts beyond long
   * cents). What guardrails and a sweep's rows read.
   */
  public static PlanFigures totals(Plan plan, Engine engine) {
    LedgerSums sums = engine.sums(plan);
    if (sums != null) {
      return ofSums(plan, engine.wonRevenue(plan), engine.data(), sums);
    }
    PlanFigures figures = new PlanFigures(plan, engine.wonRevenue(plan), engine.data(), 0);
    engine.evaluate(plan, figures, false);
    return figures;
  }

  private void requireDetail() {
    if (!detail) {
      throw new IllegalStateException("the figures of " + plan.name()
          + " were made from sums and have no per-line detail");
    }
  }

  PlanFigures(Plan plan, BigDecimal wonRevenue, List<LedgerLine> lines, DataSet data) {
    this(plan, wonRevenue, data, true);
    lines.forEach(this::accept);
  }

  @Override
  public void accept(LedgerLine line) {
    if (lineCount++ < keepLines) {
      lines.add(line);
    }
    add(line);
  }

  /**
   * Lines summed into one ({@link SummingSink}): every figure here is a sum over lines grouped by
   * what a summing sink may read (the partner of a channel line through its deal, a release by
   * its pay date's period). Figures that keep lines take them one by one.
   */
  @Override
  public void accept(LedgerLine line, long count) {
    if (lineCount < keepLines) {
      throw new IllegalStateException("the figures of " + plan.name() + " keep lines: "
          + "they take the ledger line by line");
    }
    lineCount += count;
    add(line);
  }

  private void add(LedgerLine line) {
    BigDecimal amount = line.amount();
    byStatus.merge(line.status(), amount, BigDecimal::add);
    if (line.component() == Component.SPIFF) {
      if (line.status() == Status.BANNED) {
        bannedSpiffs = bannedSpiffs.add(amount);
      } else if (line.status().countsAsCost()) {
        if (line.dealId() == null) {
          activitySpiffs = activitySpiffs.add(amount);
        } else {
          dealSpiffs = dealSpiffs.add(amount);
        }
      }
    }
    if (line.component() == Component.PRIZE) {
      prizes.add(line);
    }
    Timing period = timing.computeIfAbsent(line.period(), k -> new Timing());
    switch (line.status()) {
      case PAID -> period.paid = period.paid.add(amount);
      case RELEASED -> {
        period.released = period.released.add(amount);
        if (line.payDate() != null) {
          releasedIn.merge(plan.calendar().periodOf(line.payDate()).label(), amount,
              BigDecimal::add);
        }
      }
      case HELD -> period.held = period.held.add(amount);
      case FORFEITED -> period.forfeited = period.forfeited.add(amount);
      case CLAWED_BACK -> period.clawedBack = period.clawedBack.add(amount);
      case BANNED, FORGIVEN -> { }
    }
    if (line.component().drawBalance()) {
      advances.merge(line.payee(), amount, BigDecimal::add);
    }
    if (!line.status().countsAsCost()) {
      return;
    }
    costByComponent.merge(line.component(), amount, BigDecimal::add);
    if (line.payeeKind() == PayeeKind.REP) {
      repCost = repCost.add(amount);
      repPayout.merge(line.payee(), amount, BigDecimal::add);
      sortedRepPayout = null;
    } else {
      channelCost = channelCost.add(amount);
      partnerCost.computeIfAbsent(partnerOf(line),
          k -> new EnumMap<>(Component.class)).merge(line.component(), amount, BigDecimal::add);
    }
  }

  /** The partner a channel line belongs to: its deal's partner, or the payee itself. */
  private String partnerOf(LedgerLine line) {
    if (line.payeeKind() == PayeeKind.PARTNER && data.partners().containsKey(line.payee())) {
      return line.payee();
    }
    if (line.dealId() != null && partnerOfDeal().containsKey(line.dealId())) {
      return partnerOfDeal.get(line.dealId());
    }
    // a partner's own rep without a deal: partner reps are named after their partner (P05-rep1)
    for (Partner partner : data.partners().values()) {
      if (line.payee().startsWith(partner.id() + "-")) {
        return partner.id();
      }
    }
    return data.partners().containsKey(line.payee()) ? line.payee() : UNATTRIBUTED;
  }

  private Map<String, String> partnerOfDeal() {
    if (partnerOfDeal == null) {
      partnerOfDeal = new HashMap<>();
      for (Deal deal : data.deals()) {
        if (deal.partner() != null) {
          partnerOfDeal.put(deal.id(), deal.partner());
        }
      }
    }
    return partnerOfDeal;
  }

  public Plan plan() {
    return plan;
  }

  public String name() {
    return plan.name();
  }

  /** The lines kept: every line, the first ones, or none (see the constructors). */
  public List<LedgerLine> lines() {
    requireDetail();
    return Collections.unmodifiableList(lines);
  }

  /** How many lines the plan's ledger has, kept or not. */
  public long lineCount() {
    return lineCount;
  }

  public BigDecimal wonRevenue() {
    return wonRevenue;
  }

  public BigDecimal status(Status status) {
    return byStatus.getOrDefault(status, Money.ZERO);
  }

  /** Cost of one component (paid, released, held and clawed back lines). */
  public BigDecimal component(Component component) {
    return costByComponent.getOrDefault(component, Money.ZERO);
  }

  public BigDecimal repCost() {
    return repCost;
  }

  public BigDecimal channelCost() {
    return channelCost;
  }

  public BigDecimal totalCost() {
    return repCost.add(channelCost);
  }

  /** Total cost over won list revenue; null when nothing was won. */
  public BigDecimal costOfSales() {
    return Fmt.ratio(totalCost(), wonRevenue);
  }

  /** Rep cost over total cost; null when nothing is paid. */
  public BigDecimal repCostShare() {
    return Fmt.ratio(repCost, totalCost());
  }

  /** Channel cost over total cost; null when nothing is paid. */
  public BigDecimal channelCostShare() {
    return Fmt.ratio(channelCost, totalCost());
  }

  /** Earned = paid + released + held + forfeited. */
  public BigDecimal earned() {
    return status(Status.PAID).add(status(Status.RELEASED)).add(status(Status.HELD))
        .add(status(Status.FORFEITED));
  }

  /** Forfeited over earned; null when nothing was earned. */
  public BigDecimal forfeitedShare() {
    return Fmt.ratio(status(Status.FORFEITED), earned());
  }

  /** What each rep is paid or owed, by rep id. */
  /**
   * By rep, the recoverable draws paid and not yet recovered or forgiven as of the report date:
   * an advance the rep owes back out of later commission. Reps whose balance is nil are kept.
   */
  public Map<String, BigDecimal> advances() {
    requireDetail();
    return Collections.unmodifiableMap(advances);
  }

  /** The advance outstanding of every rep: the sum of the draw and draw_recovery lines. */
  public BigDecimal advance() {
    requireDetail();
    return advances.values().stream().reduce(Money.ZERO, BigDecimal::add);
  }

  /** Each rep's counted pay, by rep id. */
  public Map<String, BigDecimal> repPayouts() {
    Map<String, BigDecimal> sorted = sortedRepPayout;
    if (sorted == null) {
      sorted = Collections.unmodifiableMap(new TreeMap<>(repPayout));
      sortedRepPayout = sorted;
    }
    return sorted;
  }

  public BigDecimal repPayout(String repId) {
    return repPayout.getOrDefault(repId, Money.ZERO);
  }

  /** Channel cost per partner id, per component. */
  public Map<String, Map<Component, BigDecimal>> partnerCosts() {
    requireDetail();
    return Collections.unmodifiableMap(partnerCost);
  }

  /** Money by the fiscal period it was earned in. */
  public Map<String, Timing> timing() {
    requireDetail();
    return Collections.unmodifiableMap(timing);
  }

  /** Released holdbacks by the fiscal period of their pay date. */
  public Map<String, BigDecimal> releasedIn() {
    requireDetail();
    return Collections.unmodifiableMap(releasedIn);
  }

  /** Deal and implementation spiffs paid or owed. */
  public BigDecimal dealSpiffs() {
    requireDetail();
    return dealSpiffs;
  }

  /** Activity spiffs paid. */
  public BigDecimal activitySpiffs() {
    requireDetail();
    return activitySpiffs;
  }

  /** What banned activity spiffs would have paid. */
  public BigDecimal bannedSpiffs() {
    requireDetail();
    return bannedSpiffs;
  }

  /** Prize lines, in ledger order. */
  public List<LedgerLine> prizes() {
    requireDetail();
    return Collections.unmodifiableList(prizes);
  }
}
