package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.Competition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Scores over the won deals closed within a competition's dates, found by binary search in the
 * close-date order, equal the scores of looking at every won deal: on the random data sets of
 * {@link ReconciliationPropertyTest}, with windows before, across, inside and after the data,
 * single days and windows that end before they start.
 */
class CompetitionScoresTest {
  @Test
  void windowedScoresEqualScoresOverEveryDeal() {
    int nonEmpty = 0;
    for (long seed = 1; seed <= 200; seed++) {
      ReconciliationPropertyTest.Case c = ReconciliationPropertyTest.draw(seed);
      Engine engine = new Engine(c.data(), c.asOf());
      Random random = new Random(seed);
      LocalDate first = LocalDate.of(2024, 10, 1);
      for (int i = 0; i < 12; i++) {
        LocalDate from = first.plusDays(random.nextInt(900));
        LocalDate to = i % 6 == 0 ? from : from.plusDays(random.nextInt(400) - 20);
        for (Competition.Metric metric : Competition.Metric.values()) {
          Competition competition = new Competition("C", from, to, metric,
              List.of(BigDecimal.TEN));
          // a fresh engine: its won records not made yet, scores makes those of the window only
          var scores = Competitions.scores(competition, c.plan(), new Engine(c.data(), c.asOf()));
          assertThat(scores).as("seed %d %s %s..%s", seed, metric, from, to)
              .isEqualTo(Competitions.scoresEachDeal(competition, c.plan(), engine));
          nonEmpty += scores.isEmpty() ? 0 : 1;
        }
      }
      for (Competition competition : c.plan().competitions()) {
        assertThat(Competitions.scores(competition, c.plan(), engine))
            .isEqualTo(Competitions.scoresEachDeal(competition, c.plan(), engine));
      }
    }
    assertThat(nonEmpty).isGreaterThan(2000);
  }
}
