package dev.compsim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How each rep's payout moves from the baseline to one candidate. Every rep of the data counts,
 * including reps paid nothing under either plan (they are unchanged).
 */
public final class RepChanges {
  /** Buckets of the change in percent of the baseline payout, lowest first. */
  public static final List<String> BUCKETS = List.of("below -25%", "-25% to -10%",
      "-10% to 0%", "unchanged", "0% to +10%", "+10% to +25%", "above +25%", "new pay");

  private static final BigDecimal TEN_PCT = new BigDecimal("-0.10");
  private static final BigDecimal QUARTER = new BigDecimal("0.25");
  private static final BigDecimal TENTH = new BigDecimal("0.10");

  /**
   * One rep's change.
   *
   * @param changePct (candidate − baseline) / baseline, null when the baseline paid nothing
   */
  public record Change(String repId, String name, BigDecimal baseline, BigDecimal candidate,
      BigDecimal delta, BigDecimal changePct) {

    /** The distribution bucket of this change. */
    public String bucket() {
      if (delta.signum() == 0) {
        return "unchanged";
      }
      if (changePct == null) {
        return "new pay";
      }
      if (changePct.compareTo(QUARTER.negate()) < 0) {
        return "below -25%";
      }
      if (changePct.compareTo(TENTH.negate()) < 0) {
        return "-25% to -10%";
      }
      if (delta.signum() < 0) {
        return "-10% to 0%";
      }
      if (changePct.compareTo(TENTH) <= 0) {
        return "0% to +10%";
      }
      if (changePct.compareTo(QUARTER) <= 0) {
        return "+10% to +25%";
      }
      return "above +25%";
    }
  }

  private final String candidate;
  private final List<Change> changes;
  private List<Integer> distribution; // see distribution()

  RepChanges(PlanFigures baseline, PlanFigures candidate, Map<String, String> repNames) {
    this.candidate = candidate.name();
    Set<String> ids = new TreeSet<>(repNames.keySet());
    ids.addAll(baseline.repPayouts().keySet());
    ids.addAll(candidate.repPayouts().keySet());
    List<Change> list = new ArrayList<>();
    for (String id : ids) {
      BigDecimal before = baseline.repPayout(id);
      BigDecimal after = candidate.repPayout(id);
      BigDecimal delta = after.subtract(before);
      BigDecimal pct = before.signum() == 0 ? null
          : delta.divide(before, 6, RoundingMode.HALF_EVEN);
      list.add(new Change(id, repNames.getOrDefault(id, id), before, after, delta, pct));
    }
    this.changes = List.copyOf(list);
  }

  public String candidate() {
    return candidate;
  }

  /** Every rep, by rep id. */
  public List<Change> changes() {
    return changes;
  }

  public int reps() {
    return changes.size();
  }

  public int gaining() {
    return (int) changes.stream().filter(c -> c.delta().signum() > 0).count();
  }

  public int losing() {
    return (int) changes.stream().filter(c -> c.delta().signum() < 0).count();
  }

  public int unchanged() {
    return reps() - gaining() - losing();
  }

  /** Reps whose payout falls by more than 10% of their baseline payout. */
  public int losingMoreThan10Pct() {
    return (int) changes.stream()
        .filter(c -> c.changePct() != null && c.changePct().compareTo(TEN_PCT) < 0).count();
  }

  /** Sum of the increases of the reps who gain. */
  public BigDecimal gained() {
    return changes.stream().map(Change::delta).filter(d -> d.signum() > 0)
        .reduce(dev.compsim.model.Money.ZERO, BigDecimal::add);
  }

  /** Sum of the decreases of the reps who lose, as a negative amount. */
  public BigDecimal lost() {
    return changes.stream().map(Change::delta).filter(d -> d.signum() < 0)
        .reduce(dev.compsim.model.Money.ZERO, BigDecimal::add);
  }

  /** The largest loss of one rep as a positive fraction of their baseline payout; 0 if none. */
  public BigDecimal maxLossPct() {
    BigDecimal max = BigDecimal.ZERO;
    for (Change change : changes) {
      if (change.changePct() != null && change.changePct().negate().compareTo(max) > 0) {
        max = change.changePct().negate();
      }
    }
    return max;
  }

  /** The {@code n} biggest gains in money, largest first (ties by rep id). */
  public List<Change> winners(int n) {
    return changes.stream().filter(c -> c.delta().signum() > 0)
        .sorted(Comparator.comparing(Change::delta).reversed().thenComparing(Change::repId))
        .limit(n).toList();
  }

  /** The {@code n} biggest losses in money, largest first (ties by rep id). */
  public List<Change> losers(int n) {
    return changes.stream().filter(c -> c.delta().signum() < 0)
        .sorted(Comparator.comparing(Change::delta).thenComparing(Change::repId))
        .limit(n).toList();
  }

  /** How many reps fall into each bucket, in {@link #BUCKETS} order. */
  public List<Integer> distribution() {
    if (distribution == null) {
      // one pass, once: the rep changes section asks for it per bucket; with 8,000 reps a pass
      // per bucket and question was most of the time spent building the report's sections
      int[] counts = new int[BUCKETS.size()];
      for (Change change : changes) {
        counts[BUCKETS.indexOf(change.bucket())]++;
      }
      List<Integer> list = new ArrayList<>();
      for (int count : counts) {
        list.add(count);
      }
      distribution = List.copyOf(list);
    }
    return distribution;
  }

  /** {@code count / reps}, or null with no reps. */
  public BigDecimal share(int count) {
    return Fmt.ratio(BigDecimal.valueOf(count), BigDecimal.valueOf(reps()));
  }
}
