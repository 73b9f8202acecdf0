package dev.compsim.engine;

import java.util.List;

/**
 * Something in a plan or the data that would make a payout silently wrong. The engine names the
 * subject; the reader that knows where the subject came from turns it into a file position.
 *
 * @param id the deal, rep or partner id; for the plan, a path of keys such as {@code partners.margin}
 * @param deals the deals that share the problem (a missing rep, partner or rate), or empty
 * @param column the canonical data column the problem is in (such as {@code owner}), or null
 */
public record Problem(Subject subject, String id, String message, List<String> deals,
    String column) {

  public Problem {
    deals = List.copyOf(deals);
  }

  public Problem(Subject subject, String id, String message, List<String> deals) {
    this(subject, id, message, deals, null);
  }

  public Problem(Subject subject, String id, String message) {
    this(subject, id, message, List.of());
  }

  /** The same problem, placed in data column {@code name}. */
  public Problem inColumn(String name) {
    return new Problem(subject, id, message, deals, name);
  }

  /**
   * A problem about deal {@code deals.get(0)} and the other deals listed, which the message ends
   * by naming: "...; used by " and the deals, each with its line when the reader knows it.
   */
  public static Problem deals(List<String> deals, String message) {
    return new Problem(Subject.DEAL, deals.get(0), message, deals);
  }

  /** What a problem is about. */
  public enum Subject {
    PLAN, DEAL, REP, PARTNER, ACTIVITY
  }

  public static Problem plan(String key, String message) {
    return new Problem(Subject.PLAN, key, message);
  }

  public static Problem deal(String id, String message) {
    return new Problem(Subject.DEAL, id, message);
  }

  public static Problem rep(String id, String message) {
    return new Problem(Subject.REP, id, message);
  }

  public static Problem partner(String id, String message) {
    return new Problem(Subject.PARTNER, id, message);
  }
}
