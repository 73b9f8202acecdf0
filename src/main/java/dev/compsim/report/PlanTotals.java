package dev.compsim.report;

import dev.compsim.engine.Component;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.LedgerSink;
import dev.compsim.engine.PayeeKind;
import dev.compsim.engine.Status;
import dev.compsim.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of one plan's ledger, summed line by line as the engine makes them, so that every
 * figure is a sum of ledger lines and nothing is computed twice.
 */
public final class PlanTotals implements LedgerSink {
  private final String plan;
  private final BigDecimal wonRevenue;
  private final Map<Status, BigDecimal> byStatus = new EnumMap<>(Status.class);
  private final Map<Component, BigDecimal> costByComponent = new EnumMap<>(Component.class);
  private final Map<String, BigDecimal> repCost = new HashMap<>();
  private BigDecimal rep = Money.ZERO;
  private BigDecimal channel = Money.ZERO;
  private long lines;

  public PlanTotals(String plan, BigDecimal wonRevenue) {
    this.plan = plan;
    this.wonRevenue = wonRevenue;
  }

  @Override
  public void accept(LedgerLine line) {
    lines++;
    byStatus.merge(line.status(), line.amount(), BigDecimal::add);
    if (!line.status().countsAsCost()) {
      return;
    }
    costByComponent.merge(line.component(), line.amount(), BigDecimal::add);
    if (line.payeeKind() == PayeeKind.REP) {
      rep = rep.add(line.amount());
      repCost.merge(line.payee(), line.amount(), BigDecimal::add);
    } else {
      channel = channel.add(line.amount());
    }
  }

  public String plan() {
    return plan;
  }

  public long lines() {
    return lines;
  }

  public BigDecimal wonRevenue() {
    return wonRevenue;
  }

  public BigDecimal status(Status status) {
    return byStatus.getOrDefault(status, Money.ZERO);
  }

  public BigDecimal component(Component component) {
    return costByComponent.getOrDefault(component, Money.ZERO);
  }

  public BigDecimal repCost() {
    return rep;
  }

  public BigDecimal channelCost() {
    return channel;
  }

  public BigDecimal totalCost() {
    return rep.add(channel);
  }

  /** Total cost over won list revenue, or null when nothing was won. */
  public BigDecimal costOfSales() {
    if (wonRevenue.signum() == 0) {
      return null;
    }
    return totalCost().divide(wonRevenue, 6, RoundingMode.HALF_EVEN);
  }

  /** Cost per rep: what each rep is paid or owed. */
  public Map<String, BigDecimal> repCosts() {
    return repCost;
  }

  /** The {@code n} reps paid most, highest first, ties by rep id. */
  public List<Map.Entry<String, BigDecimal>> topEarners(int n) {
    List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(repCost.entrySet());
    entries.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    return entries.subList(0, Math.min(n, entries.size()));
  }
}
