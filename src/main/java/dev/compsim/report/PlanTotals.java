package dev.compsim.report;

import dev.compsim.engine.Component;
import dev.compsim.engine.LedgerLine;
import dev.compsim.engine.LedgerSums;
import dev.compsim.engine.PayeeKind;
import dev.compsim.engine.Status;
import dev.compsim.engine.SummingSink;
import dev.compsim.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of one plan's ledger, summed line by line as the engine makes them, so that every
 * figure is a sum of ledger lines and nothing is computed twice.
 */
public final class PlanTotals implements SummingSink {
  private final String plan;
  private final BigDecimal wonRevenue;
  private final Sum[] byStatus = sums(Status.values().length);
  private final Sum[] costByComponent = sums(Component.values().length);
  private final Map<String, Sum> repCost = new HashMap<>();
  private final Sum rep = new Sum();
  private final Sum channel = new Sum();
  /** Draw and draw_recovery lines of every status: the recoverable draw balance outstanding. */
  private final Sum advance = new Sum();
  private long lines;

  public PlanTotals(String plan, BigDecimal wonRevenue) {
    this.plan = plan;
    this.wonRevenue = wonRevenue;
  }

  @Override
  public void accept(LedgerLine line) {
    accept(line, 1);
  }

  /** Lines summed into one ({@link SummingSink}): every total here is a sum over lines. */
  @Override
  public void accept(LedgerLine line, long count) {
    lines += count;
    BigDecimal amount = line.amount();
    long cents = Sum.cents(amount);
    byStatus[line.status().ordinal()].add(cents, amount);
    if (line.component().drawBalance()) {
      advance.add(cents, amount);
    }
    if (!line.status().countsAsCost()) {
      return;
    }
    costByComponent[line.component().ordinal()].add(cents, amount);
    if (line.payeeKind() == PayeeKind.REP) {
      rep.add(cents, amount);
      repCost.computeIfAbsent(line.payee(), payee -> new Sum()).add(cents, amount);
    } else {
      channel.add(cents, amount);
    }
  }

  /**
   * Adds sums the engine made without lines ({@link dev.compsim.engine.Engine#sums}): the same
   * totals as accepting each of their lines.
   */
  public void add(LedgerSums sums) {
    lines += sums.lines();
    for (Status status : Status.values()) {
      add(byStatus[status.ordinal()], sums.status(status));
    }
    for (Component component : Component.values()) {
      add(costByComponent[component.ordinal()], sums.cost(component));
    }
    add(rep, sums.repCost());
    add(channel, sums.channelCost());
    add(advance, sums.advance());
    sums.repCosts().forEach((payee, cost) ->
        add(repCost.computeIfAbsent(payee, k -> new Sum()), cost));
  }

  private static void add(Sum sum, BigDecimal amount) {
    sum.add(Sum.cents(amount), amount);
  }

  /**
   * A running total of ledger amounts, in whole cents while they fit a long (every ledger amount
   * has exactly two decimals, so this is exact), in BigDecimal beyond that. Equal, scale
   * included, to adding the amounts as BigDecimals; PlanTotalsTest proves it.
   */
  static final class Sum {
    private static final long NOT_CENTS = Long.MIN_VALUE;
    private long cents;
    private BigDecimal big;

    /** The amount in cents, or NOT_CENTS when it is not a long number of cents. */
    static long cents(BigDecimal amount) {
      if (amount.scale() != Money.SCALE) {
        return NOT_CENTS;
      }
      try {
        return amount.scaleByPowerOfTen(Money.SCALE).longValueExact();
      } catch (ArithmeticException tooLarge) {
        return NOT_CENTS;
      }
    }

    void add(long amountCents, BigDecimal amount) {
      if (big == null && amountCents != NOT_CENTS) {
        long sum = cents + amountCents;
        // overflow only when both have the sign the sum lacks
        if (((cents ^ sum) & (amountCents ^ sum)) >= 0) {
          cents = sum;
          return;
        }
      }
      if (big == null) {
        big = BigDecimal.valueOf(cents, Money.SCALE);
      }
      big = big.add(amount);
    }

    BigDecimal value() {
      return big != null ? big : BigDecimal.valueOf(cents, Money.SCALE);
    }
  }

  private static Sum[] sums(int n) {
    Sum[] sums = new Sum[n];
    for (int i = 0; i < n; i++) {
      sums[i] = new Sum();
    }
    return sums;
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
    return byStatus[status.ordinal()].value();
  }

  public BigDecimal component(Component component) {
    return costByComponent[component.ordinal()].value();
  }

  public BigDecimal repCost() {
    return rep.value();
  }

  public BigDecimal channelCost() {
    return channel.value();
  }

  /**
   * Recoverable draws paid and not yet recovered or forgiven as of the report date: an advance
   * the reps owe back out of later commission. Part of the cost already (the draws were paid).
   */
  public BigDecimal advance() {
    return advance.value();
  }

  public BigDecimal totalCost() {
    return rep.value().add(channel.value());
  }

  /** Total cost over won list revenue, or null when nothing was won. */
  public BigDecimal costOfSales() {
    if (wonRevenue.signum() == 0) {
      return null;
    }
    return totalCost().divide(wonRevenue, 6, RoundingMode.HALF_EVEN);
  }

  /** Cost per rep: what each rep is paid or owed, by rep id. */
  public Map<String, BigDecimal> repCosts() {
    Map<String, BigDecimal> costs = new TreeMap<>();
    repCost.forEach((payee, sum) -> costs.put(payee, sum.value()));
    return costs;
  }

  /** The {@code n} reps paid most, highest first, ties by rep id. */
  public List<Map.Entry<String, BigDecimal>> topEarners(int n) {
    List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(repCosts().entrySet());
    entries.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    return entries.subList(0, Math.min(n, entries.size()));
  }
}
