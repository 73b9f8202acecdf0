package dev.compsim.engine;

import static dev.compsim.testing.TestData.basePlan;
import static dev.compsim.testing.TestData.data;
import static dev.compsim.testing.TestData.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.DataSet;
import dev.compsim.model.Implementation;
import dev.compsim.model.Plan;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DataCoverageTest {
  private static final Plan HOLDBACK = plan(basePlan("H",
      "holdback: { share: 0.3, release: implementation }\n"
          + "spiffs: [ { name: go-live, kind: implementation, amount: 250 },"
          + " { name: meeting, kind: activity, activity: meeting, amount: 40 } ]\n"));

  @Test
  void withoutOutcomesOrActivitiesEveryDependentFeatureIsAGap() {
    DataSet data = data().rep("R1", "AE", 400_000).won("D1", "R1", "2026-03-10", 20_000).build();
    assertThat(DataCoverage.of(HOLDBACK, data)).extracting(DataCoverage.Gap::feature)
        .containsExactly("holdback_release", "implementation_spiff", "activity_spiff");
    // a plan that needs none of it has no gap
    assertThat(DataCoverage.of(plan(basePlan("P", "")), data)).isEmpty();
  }

  @Test
  void oneDecidedImplementationAndOneActivityCloseTheGaps() {
    DataSet data = data().rep("R1", "AE", 400_000)
        .implemented("D1", "R1", "2026-03-10", 20_000, Implementation.FAILED, "2026-05-01")
        .activity("R1", "2026-03-01", "meeting", 2).build();
    assertThat(DataCoverage.of(HOLDBACK, data)).isEmpty();
  }

  @Test
  void anAssumedLagConfirmsOnlyWonDealsLeftPendingAndUndated() {
    DataSet data = data().rep("R1", "AE", 400_000).won("D1", "R1", "2026-03-10", 20_000)
        .implemented("D2", "R1", "2026-03-11", 20_000, Implementation.FAILED, "2026-04-01")
        .build();
    DataSet assumed = DataCoverage.assumeImplementations(data, 45);
    assertThat(assumed.deals().get(0).implementation()).isEqualTo(Implementation.CONFIRMED);
    assertThat(assumed.deals().get(0).implementationDate()).isEqualTo(LocalDate.of(2026, 4, 24));
    assertThat(assumed.deals().get(1)).isEqualTo(data.deals().get(1));
  }
}
