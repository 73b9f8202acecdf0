package dev.compsim.engine;

import dev.compsim.model.Competition;
import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
import dev.compsim.model.Implementation;
import dev.compsim.model.Money;
import dev.compsim.model.Plan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Sales competitions. Between {@code from} and {@code to} inclusive, reps are ranked by the
 * metric; reps with nothing to show are not ranked. Prizes go to ranks 1..n; reps tied on the
 * metric occupy consecutive ranks and share the prizes of those ranks equally: each share is
 * rounded half-even to the cent, a cent left over goes to the first tied reps in rep-id order
 * and a cent too many comes off the last ones, so the shares always add up to the prizes exactly. A competition that has ended
 * as of {@code --as-of} pays on {@code to}; one still running accrues its prizes to the current
 * leaders as held.
 */
public final class Competitions {
  private static final BigDecimal CENT = new BigDecimal("0.01");

  private Competitions() {}

  /**
   * A rep's place in one competition.
   *
   * @param rank the first rank the rep's tie group occupies (1-based)
   * @param tied how many reps share that score
   * @param prize this rep's share of the prizes of the ranks the tie group occupies
   * @param ended whether the competition ended on or before as-of
   */
  public record Standing(Competition competition, int rank, int tied, String rep,
      BigDecimal score, BigDecimal prize, boolean ended) {

    public String trace() {
      String place = tied > 1 ? "tied " + tied + " ways at rank " + rank + ".." + (rank + tied - 1)
          + ", sharing the prizes of those ranks" : "rank " + rank;
      String metric = competition.metric().code().replace('_', ' ');
      return competition.name() + " (" + competition.from() + ".." + competition.to() + "): "
          + metric + " " + Competitions.score(score, competition.metric()) + ", " + place + " → "
          + Money.plain(prize) + (ended ? "" : "; still running as of the as-of date: "
          + "provisional, held");
    }
  }

  /** The metric as a person reads it: a count or an amount. */
  public static String score(BigDecimal score, Competition.Metric metric) {
    return switch (metric) {
      case PARTNER_DEALS, IMPLEMENTATIONS -> score.toPlainString();
      case PARTNER_REVENUE, WON_REVENUE -> Money.plain(score);
    };
  }

  /** Every ranked rep of every competition of the plan, by competition then rank then rep. */
  public static List<Standing> of(Plan plan, Engine engine) {
    List<Standing> out = new ArrayList<>();
    for (Competition competition : plan.competitions()) {
      out.addAll(rank(competition, scores(competition, plan, engine),
          !competition.to().isAfter(engine.asOf())));
    }
    return out;
  }

  /** Each rep's score in the competition, for reps with a score above zero, by rep id. */
  static Map<String, BigDecimal> scores(Competition competition, Plan plan, Engine engine) {
    if (competition.metric() == Competition.Metric.IMPLEMENTATIONS) {
      return scoresEachDeal(competition, plan, engine);
    }
    // the other metrics count deals closed within the dates: the won deals are in close-date
    // order, so only those between the competition's first and last day are looked at, off the
    // columns (a record per deal in the window made the prizes a fifth of a plan's columnar
    // pass on a million deals)
    DealColumns deals = engine.columns();
    Map<String, BigDecimal> scores = new TreeMap<>();
    engine.forEachWonRowClosed(competition.from(), competition.to(), row -> add(scores,
        deals.owner(row), score(competition, deals.partner(row) != null, deals.closeDate(row),
            null, null, engine.asOf(), () -> engine.amountIn(plan, row))));
    return scores;
  }

  /** The plain definition of {@link #scores}: every won deal looked at (a test compares). */
  static Map<String, BigDecimal> scoresEachDeal(Competition competition, Plan plan,
      Engine engine) {
    return scoresEachDeal(competition, plan, engine, engine.wonDeals());
  }

  private static Map<String, BigDecimal> scoresEachDeal(Competition competition, Plan plan,
      Engine engine, List<Deal> deals) {
    Map<String, BigDecimal> scores = new TreeMap<>();
    for (Deal deal : deals) {
      add(scores, deal.owner(), score(competition, deal.hasPartner(), deal.closeDate(),
          deal.implementation(), deal.implementationDate(), engine.asOf(),
          () -> engine.amountIn(plan, deal)));
    }
    return scores;
  }

  /**
   * What a won deal scores in the competition, or null: the rule, for records and columns
   * alike. The implementation and its date are read by {@link Competition.Metric#IMPLEMENTATIONS}
   * alone.
   *
   * @param amount the deal's amount in the plan's currency
   */
  private static BigDecimal score(Competition competition, boolean hasPartner, LocalDate close,
      Implementation implementation, LocalDate implemented, LocalDate asOf,
      Supplier<BigDecimal> amount) {
    return switch (competition.metric()) {
      case PARTNER_DEALS -> hasPartner && within(competition, close) ? BigDecimal.ONE : null;
      case PARTNER_REVENUE -> hasPartner && within(competition, close) ? amount.get() : null;
      case WON_REVENUE -> within(competition, close) ? amount.get() : null;
      case IMPLEMENTATIONS -> implementation == Implementation.CONFIRMED && implemented != null
          && !implemented.isAfter(asOf) && within(competition, implemented) ? BigDecimal.ONE
          : null;
    };
  }

  private static void add(Map<String, BigDecimal> scores, String owner, BigDecimal score) {
    if (score != null && score.signum() > 0) {
      scores.merge(owner, score, BigDecimal::add);
    }
  }

  private static boolean within(Competition competition, LocalDate date) {
    return !date.isBefore(competition.from()) && !date.isAfter(competition.to());
  }

  /** Ranks scores (highest first) and shares the prizes among tied reps. */
  static List<Standing> rank(Competition competition, Map<String, BigDecimal> scores,
      boolean ended) {
    List<Map.Entry<String, BigDecimal>> order = new ArrayList<>(scores.entrySet());
    order.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    List<BigDecimal> prizes = competition.prizes();
    List<Standing> out = new ArrayList<>();
    int i = 0;
    while (i < order.size()) {
      BigDecimal score = order.get(i).getValue();
      int j = i;
      while (j < order.size() && order.get(j).getValue().compareTo(score) == 0) {
        j++;
      }
      int tied = j - i;
      BigDecimal pool = BigDecimal.ZERO;
      for (int r = i; r < j && r < prizes.size(); r++) {
        pool = pool.add(prizes.get(r));
      }
      pool = Money.round(pool);
      List<BigDecimal> shares = split(pool, tied);
      for (int k = 0; k < tied; k++) {
        out.add(new Standing(competition, i + 1, tied, order.get(i + k).getKey(), score,
            shares.get(k), ended));
      }
      i = j;
    }
    return out;
  }

  /**
   * {@code pool} in {@code n} shares: each rounded half-even to the cent; a cent the rounding
   * left over goes to the first shares, a cent it took too many comes off the last ones.
   */
  static List<BigDecimal> split(BigDecimal pool, int n) {
    BigDecimal share = pool.divide(BigDecimal.valueOf(n), Money.SCALE, RoundingMode.HALF_EVEN);
    List<BigDecimal> shares = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      shares.add(share);
    }
    BigDecimal rest = pool.subtract(share.multiply(BigDecimal.valueOf(n)));
    for (int k = 0; rest.signum() > 0; k++) {
      shares.set(k, shares.get(k).add(CENT));
      rest = rest.subtract(CENT);
    }
    for (int k = n - 1; rest.signum() < 0; k--) {
      shares.set(k, shares.get(k).subtract(CENT));
      rest = rest.add(CENT);
    }
    return shares;
  }
}
