package dev.compsim.behavior;

/**
 * What a simulation run records, per plan. Pulled-in revenue and its discount are measured
 * against a plan that pays nothing for moving a deal: the baseline's own timing game (estimated
 * from its timing gradients) plus what the run moves.
 */
public enum Metric {
  REVENUE("revenue", "won revenue", Kind.MONEY),
  COST_OF_SALES("cost_of_sales", "cost of sales", Kind.RATIO),
  REP_PAY("rep_pay", "rep pay", Kind.MONEY),
  PARTNER_PAY("partner_pay", "partner pay", Kind.MONEY),
  PARTNER_SHARE("partner_share", "partner share of won deals", Kind.RATIO),
  IMPLEMENTATION_SUCCESS("implementation_success", "implementations confirmed", Kind.RATIO),
  LATE_SHARE("late_share", "won deals in the last 14 days of a period", Kind.RATIO),
  MEETINGS("meetings_per_rep", "meetings per rep", Kind.COUNT),
  PULLED_IN("pulled_in_revenue", "revenue pulled into an earlier period", Kind.MONEY),
  DISCOUNT_COST("pull_in_discount_cost", "discount given on pulled-in deals", Kind.MONEY);

  /** How a value is shown. */
  public enum Kind { MONEY, RATIO, COUNT }

  private final String key;
  private final String label;
  private final Kind kind;

  Metric(String key, String label, Kind kind) {
    this.key = key;
    this.label = label;
    this.kind = kind;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public Kind kind() {
    return kind;
  }

  /** The behavior whose observed share this result rests on, or null. */
  public Behavior measuredBy() {
    return switch (this) {
      case IMPLEMENTATION_SUCCESS -> Behavior.ENGAGE;
      case MEETINGS -> Behavior.MEETINGS;
      default -> null;
    };
  }
}
