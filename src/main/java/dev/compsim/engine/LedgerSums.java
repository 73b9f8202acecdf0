package dev.compsim.engine;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sums of a plan's ledger in cents: by status, cost by component, cost per rep, rep and
 * channel cost, and the number of lines. The ledger path fills it line by line (it is a
 * {@link LedgerSink}); the columnar engine fills it without making the lines. Both must agree
 * exactly: {@code ColumnarDriftTest}.
 *
 * <p>Every ledger amount is whole cents; sums that would overflow a long throw, and the caller
 * falls back to decimal totals.
 */
public final class LedgerSums implements LedgerSink {
  private final long[] byStatus = new long[Status.values().length];
  private final long[] costByComponent = new long[Component.values().length];
  private final Map<String, Long> repCost = new TreeMap<>();
  private long rep;
  private long channel;
  /** Lines of the draw balance ({@link Component#drawBalance}), of every status. */
  private long advance;
  private long lines;

  @Override
  public void accept(LedgerLine line) {
    add(line.payee(), line.payeeKind(), line.component(), line.status(),
        line.amount().movePointRight(2).longValueExact());
  }

  /** One line of {@code cents}. */
  public void add(String payee, PayeeKind kind, Component component, Status status,
      long cents) {
    lines++;
    byStatus[status.ordinal()] = Math.addExact(byStatus[status.ordinal()], cents);
    if (component.drawBalance()) {
      advance = Math.addExact(advance, cents);
    }
    if (!status.countsAsCost()) {
      return;
    }
    costByComponent[component.ordinal()] =
        Math.addExact(costByComponent[component.ordinal()], cents);
    if (kind == PayeeKind.REP) {
      rep = Math.addExact(rep, cents);
      repCost.merge(payee, cents, Math::addExact);
    } else {
      channel = Math.addExact(channel, cents);
    }
  }

  /**
   * Lines summed elsewhere ({@code ColumnarEvaluation}): their sums by status and cost by
   * component, rep and channel cost, count, and cost per rep.
   */
  void addAll(long[] statusCents, long[] componentCents, long repCents, long channelCents,
      long count, Map<String, Long> costPerRep) {
    for (int s = 0; s < byStatus.length; s++) {
      byStatus[s] = Math.addExact(byStatus[s], statusCents[s]);
    }
    for (int c = 0; c < costByComponent.length; c++) {
      costByComponent[c] = Math.addExact(costByComponent[c], componentCents[c]);
    }
    rep = Math.addExact(rep, repCents);
    channel = Math.addExact(channel, channelCents);
    lines += count;
    costPerRep.forEach((payee, cents) -> repCost.merge(payee, cents, Math::addExact));
  }

  public long lines() {
    return lines;
  }

  public BigDecimal status(Status status) {
    return BigDecimal.valueOf(byStatus[status.ordinal()], 2);
  }

  public BigDecimal cost(Component component) {
    return BigDecimal.valueOf(costByComponent[component.ordinal()], 2);
  }

  public BigDecimal repCost() {
    return BigDecimal.valueOf(rep, 2);
  }

  public BigDecimal channelCost() {
    return BigDecimal.valueOf(channel, 2);
  }

  /** The recoverable draw balance outstanding: every draw and draw_recovery line. */
  public BigDecimal advance() {
    return BigDecimal.valueOf(advance, 2);
  }

  /** Cost per rep id, for every rep with a line that counts as cost. */
  public Map<String, BigDecimal> repCosts() {
    Map<String, BigDecimal> costs = new TreeMap<>();
    repCost.forEach((payee, cents) -> costs.put(payee, BigDecimal.valueOf(cents, 2)));
    return costs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerSums other && Arrays.equals(byStatus, other.byStatus)
        && Arrays.equals(costByComponent, other.costByComponent)
        && repCost.equals(other.repCost) && rep == other.rep && channel == other.channel
        && advance == other.advance && lines == other.lines;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(byStatus) * 31 + repCost.hashCode();
  }

  @Override
  public String toString() {
    return "LedgerSums[lines=" + lines + ", byStatus=" + Arrays.toString(byStatus)
        + ", costByComponent=" + Arrays.toString(costByComponent) + ", rep=" + rep + ", channel="
        + channel + ", advance=" + advance + ", repCost=" + repCost + "]";
  }
}
