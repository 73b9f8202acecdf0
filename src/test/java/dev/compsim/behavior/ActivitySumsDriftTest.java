package dev.compsim.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.engine.Engine;
import dev.compsim.engine.LedgerLine;
import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.PlanReader;
import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Plan;
import dev.compsim.testing.TestData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The simulation prices the activities other than meetings from their sums per rep, period and
 * activity ({@link DealFacts#otherActivitiesByPeriod}), a rule it takes from the engine (an
 * activity spiff pays per rep, period and activity). Should the engine ever pay by day, these
 * ledgers part: the engine over the sums writes, line for line and trace for trace, what it writes
 * over the activities themselves.
 */
class ActivitySumsDriftTest {

  @Test
  void everyShippedPlanPaysTheSameLinesFromTheSumsOverTheSampleData() throws IOException {
    DataSet data = new DataReader().read(DataFiles.inDirectory(Path.of("sample-data"))).data();
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("plans"))) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Engine engine = Engine.latest(data);
    int priced = 0;
    for (Path file : files) {
      Plan plan = new PlanReader().read(file);
      if (!plan.isEffectiveDated()) {
        priced += assertSameLines(engine, plan, file.getFileName().toString());
      }
    }
    assertThat(priced).as("activity spiff lines compared").isGreaterThan(500);
  }

  @Test
  void monthsQuartersAndYearsOnACalendarOffsetFromTheActivitiesSumAlike() {
    // one rep's demos across period bounds, a second rep's on the same days, case-mixed names,
    // and a meeting (which the sums leave out)
    TestData data = TestData.data().rep("A", "AE", 400_000).rep("B", "AE", 400_000)
        .deal(Deal.direct("D1", "A", LocalDate.parse("2026-03-15"), new BigDecimal("10000")));
    String[] days = {"2026-02-28", "2026-03-01", "2026-03-01", "2026-03-31", "2026-04-01",
        "2026-06-30", "2026-07-01", "2027-01-31", "2027-02-01"};
    for (int i = 0; i < days.length; i++) {
      data.activity("A", days[i], i % 2 == 0 ? "demo" : "Demo", i + 1);
      data.activity("B", days[i], "demo", 2 * i + 1);
    }
    data.activity("A", "2026-03-01", "meeting", 5);
    Engine engine = new Engine(data.build(), LocalDate.parse("2027-03-01"));
    int priced = 0;
    for (String period : List.of("month", "quarter", "year")) {
      Plan plan = TestData.plan(TestData.basePlan("P " + period, """
          spiffs:
            - { name: demo given, kind: activity, activity: demo, amount: 75.005 }
            - { name: meeting booked, kind: activity, activity: meeting, amount: 40 }
          """).replace("period: quarter", "period: " + period));
      assertThat(plan.calendar().length().name()).isEqualToIgnoringCase(period);
      priced += assertSameLines(engine, plan, period);
    }
    // fiscal year from 02-01: A and B in 7 months each, 4 quarters (Feb-Apr, May-Jul, Nov-Jan,
    // Feb-Apr of the next year) and 2 years
    assertThat(priced).isEqualTo(2 * (7 + 4 + 2));
  }

  /** The engine's lines over the other activities and over their sums; returns how many. */
  private static int assertSameLines(Engine engine, Plan plan, String what) {
    DealFacts facts = new BehaviorModel(engine, List.of(plan)).facts();
    List<Activity> raw = facts.otherActivities();
    List<Activity> sums = facts.otherActivitiesByPeriod(plan.calendar());
    assertThat(sums.size()).as(what).isLessThanOrEqualTo(raw.size());
    List<LedgerLine> fromRaw = lines(engine, plan, raw);
    assertThat(lines(engine, plan, sums)).as(what).isEqualTo(fromRaw);
    return fromRaw.size();
  }

  private static List<LedgerLine> lines(Engine engine, Plan plan, List<Activity> activities) {
    DataSet data = new DataSet(List.of(), engine.data().reps(), engine.data().partners(),
        activities, engine.data().fxRates());
    List<LedgerLine> out = new ArrayList<>();
    new Engine(data, engine.asOf()).evaluate(plan, out::add, true);
    return out;
  }
}
