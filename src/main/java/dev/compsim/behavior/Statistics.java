package dev.compsim.behavior;

import java.util.Arrays;

/**
 * Summary statistics of simulated values. Percentiles are exact on the sorted values with linear
 * interpolation between order statistics (Hyndman and Fan's type 7, the default of R and of
 * spreadsheet PERCENTILE): the p-th percentile of x(1) ≤ … ≤ x(n) is x(⌊h⌋) + (h − ⌊h⌋)(x(⌊h⌋+1)
 * − x(⌊h⌋)) with h = (n − 1)p + 1.
 */
public final class Statistics {
  private Statistics() {}

  /** The mean, summed in index order so the result does not depend on threads. */
  public static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The {@code p} quantile (0 ≤ p ≤ 1), type 7. */
  public static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
