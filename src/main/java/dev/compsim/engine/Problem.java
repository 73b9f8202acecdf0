package dev.compsim.engine;

/**
 * Something in a plan or the data that would make a payout silently wrong. The engine names the
 * subject; the reader that knows where the subject came from turns it into a file position.
 *
 * @param id the deal, rep or partner id; for the plan, a path of keys such as {@code partners.margin}
 */
public record Problem(Subject subject, String id, String message) {

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
