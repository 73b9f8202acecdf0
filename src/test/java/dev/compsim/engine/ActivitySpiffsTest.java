package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.io.PlanReader;
import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Spiff;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A plan that never changes pays its activity spiffs from the activities summed once per
 * calendar, rep and name ({@link Engine#activityCounts}); a plan that changes counts them row by
 * row. Both give the same lines: the same plan with a change that changes nothing, before all
 * the data, pays line for line what it pays as written, on random activities whose names differ
 * in case, whose counts are sometimes 0, whose reps are equal strings that are not the same
 * instance, under two spiffs on one name, on quarters and on months.
 */
class ActivitySpiffsTest {

  @Test
  void activitiesSummedByCalendarPayAsCountedRowByRow() {
    Plan read = new PlanReader().read(Path.of("plans/traditional.yaml"));
    List<Spiff> spiffs = new ArrayList<>(read.spiffs());
    // a second spiff on meetings: each row counts for both
    spiffs.add(new Spiff.ActivitySpiff("meeting bonus", "Meeting", new BigDecimal("2.5")));
    for (FiscalCalendar calendar : List.of(read.calendar(), new FiscalCalendar(
        MonthDay.of(1, 1), dev.compsim.model.PeriodLength.MONTH))) {
      Plan plan = new Plan(read.name(), read.currency(), calendar, read.rules(), read.roles(),
          spiffs, false, read.partners(), read.competitions(), read.guardrails());
      for (long seed = 1; seed <= 20; seed++) {
        DataSet data = activities(new Random(seed));
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        Plan unchanged = new Plan(plan.name(), plan.currency(), plan.calendar(), plan.rules(),
            plan.roles(), plan.spiffs(), plan.banActivitySpiffs(), plan.partners(),
            plan.competitions(), plan.guardrails(),
            List.of(new Plan.Change(LocalDate.of(2000, 1, 1), plan)));
        List<LedgerLine> summed = new ArrayList<>();
        new Engine(data, asOf).evaluate(plan, summed::add, false);
        List<LedgerLine> byRow = new ArrayList<>();
        new Engine(data, asOf).evaluate(unchanged, byRow::add, false);
        assertThat(summed).as("seed %d, %s", seed, calendar).isNotEmpty()
            .isEqualTo(byRow);
      }
    }
  }

  /** Three reps' random activities over a year and a half, in no order. */
  private static DataSet activities(Random random) {
    Map<String, Rep> reps = new LinkedHashMap<>();
    for (String id : List.of("R1", "R2", "R3")) {
      reps.put(id, new Rep(id, id, "AE", "West", new BigDecimal("400000"), new BigDecimal("200000")));
    }
    String[] names = {"meeting", "Meeting", "MEETING", "demo", "Demo", "call"};
    List<Activity> activities = new ArrayList<>();
    for (int k = 0; k < 400; k++) {
      // an equal rep id that is not the same instance as the others
      String rep = new String(("R" + (1 + random.nextInt(3))).toCharArray());
      LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(600));
      int count = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(6);
      activities.add(new Activity(rep, date, names[random.nextInt(names.length)], count));
    }
    return new DataSet(List.of(), reps, Map.of(), activities, Map.of());
  }
}
