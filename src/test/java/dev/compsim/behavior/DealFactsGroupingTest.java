package dev.compsim.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.engine.Engine;
import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.PeriodLength;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulation groups the activities once per calendar ({@code DealFacts.group}): the meetings
 * into one key per rep and period, by period and rep, and the other activities summed per rep,
 * period and activity. It reads them off the engine's counts per period, rep and activity name
 * (as written); here the same grouping is written the plain way, through maps of record keys,
 * and the two must agree key for key, on rows in no order, with meeting written in any case,
 * reps missing from reps.csv, zero counts, and one day's rows holding distinct but equal dates
 * and rep ids.
 */
class DealFactsGroupingTest {
  private record Key(String rep, LocalDate start) {}

  private record OtherKey(String rep, LocalDate start, String activity) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void theGroupingIsThatOfMapsOfRecordKeys(long seed) {
    DataSet base = CompiledPlanTest.data(seed);
    Random random = new Random(seed);
    String[] reps = {"A1", "A2", "A3", "S1", "M1", "X9"}; // X9 is not in reps.csv
    String[] names = {"meeting", "Meeting", "MEETING", "demo", "Demo", "call"};
    List<Activity> rows = new ArrayList<>();
    LocalDate start = LocalDate.of(2025, 2, 1);
    for (int k = 0; k < 3_000; k++) {
      String rep = reps[random.nextInt(reps.length)];
      // equal values as distinct objects, as a reader may give them
      rows.add(new Activity(random.nextBoolean() ? rep : new String(rep),
          LocalDate.parse(start.plusDays(random.nextInt(600)).toString()),
          names[random.nextInt(names.length)], random.nextInt(6)));
    }
    DataSet data = new DataSet(base.deals(), base.reps(), base.partners(), rows,
        base.fxRates());
    Engine engine = Engine.latest(data);
    DealFacts facts = new DealFacts(engine, new Typical(engine), 90);
    for (FiscalCalendar calendar : List.of(
        new FiscalCalendar(MonthDay.of(2, 1), PeriodLength.QUARTER),
        new FiscalCalendar(MonthDay.of(1, 1), PeriodLength.MONTH),
        new FiscalCalendar(MonthDay.of(3, 1), PeriodLength.YEAR))) {
      Map<Key, long[]> keys = new LinkedHashMap<>();
      Map<OtherKey, long[]> sums = new LinkedHashMap<>();
      for (Activity row : engine.activities()) {
        LocalDate first = calendar.periodOf(row.date()).start();
        if (Simulation.MEETING.equalsIgnoreCase(row.activity())) {
          keys.computeIfAbsent(new Key(row.rep(), first), key -> new long[1])[0] += row.count();
        } else {
          sums.computeIfAbsent(new OtherKey(row.rep(), first, row.activity()),
              key -> new long[1])[0] += row.count();
        }
      }
      DealFacts.Meetings meetings = facts.meetings(calendar);
      List<Key> order = new ArrayList<>(keys.keySet());
      order.sort(Comparator.comparing(Key::start).thenComparing(Key::rep));
      assertThat(meetings.base()).hasSize(order.size());
      for (int k = 0; k < order.size(); k++) {
        Key key = order.get(k);
        assertThat(meetings.repId()[k]).as("key %d", k).isEqualTo(key.rep());
        assertThat(meetings.day()[k]).as("key %d", k).isEqualTo(key.start());
        assertThat(meetings.base()[k]).as("key %d", k).isEqualTo(keys.get(key)[0]);
        assertThat(meetings.rep()[k]).as("key %d", k)
            .isEqualTo(facts.payeeIndex.getOrDefault(key.rep(), -1));
      }
      List<Activity> others = new ArrayList<>();
      sums.forEach((key, count) -> others.add(
          new Activity(key.rep(), key.start(), key.activity(), (int) count[0])));
      others.sort(Comparator.comparing(Activity::date).thenComparing(Activity::rep)
          .thenComparing(Activity::activity));
      assertThat(facts.otherActivitiesByPeriod(calendar)).containsExactlyElementsOf(others);
      assertThat(others).isNotEmpty();
      assertThat(order).anyMatch(key -> key.rep().equals("X9"));
    }
  }
}
