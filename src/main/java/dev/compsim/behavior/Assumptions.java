package dev.compsim.behavior;

import java.util.EnumMap;
import java.util.Map;

/**
 * The values of the behavior model's parameters: the defaults unless a file says otherwise, with
 * a low and a high value each for the sensitivity table.
 */
public final class Assumptions {
  private final double[] value = new double[Assumption.values().length];
  private final double[] low = new double[value.length];
  private final double[] high = new double[value.length];

  private Assumptions() {}

  public static Assumptions defaults() {
    Assumptions a = new Assumptions();
    for (Assumption p : Assumption.values()) {
      a.value[p.ordinal()] = p.defaultValue();
      a.low[p.ordinal()] = p.low();
      a.high[p.ordinal()] = p.high();
    }
    return a;
  }

  /** A copy with {@code p} set (and its range widened to include the value when needed). */
  public Assumptions with(Assumption p, double v, double lowValue, double highValue) {
    if (!(v >= p.min() && v <= p.max() && lowValue <= v && v <= highValue)) {
      throw new IllegalArgumentException(p.key() + ": need min <= low <= value <= high <= max");
    }
    Assumptions a = copy();
    a.value[p.ordinal()] = v;
    a.low[p.ordinal()] = lowValue;
    a.high[p.ordinal()] = highValue;
    return a;
  }

  /** A copy with only the value of {@code p} changed: one cell of the sensitivity table. */
  public Assumptions at(Assumption p, double v) {
    Assumptions a = copy();
    a.value[p.ordinal()] = v;
    return a;
  }

  private Assumptions copy() {
    Assumptions a = new Assumptions();
    System.arraycopy(value, 0, a.value, 0, value.length);
    System.arraycopy(low, 0, a.low, 0, value.length);
    System.arraycopy(high, 0, a.high, 0, value.length);
    return a;
  }

  public double get(Assumption p) {
    return value[p.ordinal()];
  }

  public double low(Assumption p) {
    return low[p.ordinal()];
  }

  public double high(Assumption p) {
    return high[p.ordinal()];
  }

  public double sensitivity(Behavior behavior) {
    return get(Assumption.sensitivityOf(behavior));
  }

  /** Every value by parameter, in declaration order. */
  public Map<Assumption, Double> values() {
    Map<Assumption, Double> map = new EnumMap<>(Assumption.class);
    for (Assumption p : Assumption.values()) {
      map.put(p, value[p.ordinal()]);
    }
    return map;
  }
}
