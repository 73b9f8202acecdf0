package dev.compsim.io;

import java.util.Collection;

/** The nearest valid name for a misspelled one. */
public final class Suggest {
  private Suggest() {}

  /** The closest candidate within an edit distance of a third of its length, or null. */
  public static String nearest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(wrong.toLowerCase(java.util.Locale.ROOT), candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null || bestDistance > Math.max(2, best.length() / 3)) {
      return null;
    }
    return best;
  }

  /** " (did you mean x?)" or the empty string. */
  static String hint(String wrong, Collection<String> candidates) {
    String nearest = nearest(wrong, candidates);
    return nearest == null ? "" : " (did you mean " + nearest + "?)";
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
            previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
