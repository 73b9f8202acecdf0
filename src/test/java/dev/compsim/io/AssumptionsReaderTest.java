package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.compsim.behavior.Assumption;
import dev.compsim.behavior.Assumptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssumptionsReaderTest {
  @TempDir
  Path dir;

  private Path file(String yaml) throws IOException {
    Path file = dir.resolve("assumptions.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void aNumberSetsTheValueAndAMapSetsTheRange() throws IOException {
    Assumptions a = new AssumptionsReader().read(file(
        "route_sensitivity: 7\n"
            + "pull_in_discount: { value: 0.06, low: 0.05, high: 0.08 }\n"));
    assertThat(a.get(Assumption.ROUTE_SENSITIVITY)).isEqualTo(7.0);
    assertThat(a.low(Assumption.ROUTE_SENSITIVITY)).isEqualTo(1.0);
    assertThat(a.high(Assumption.ROUTE_SENSITIVITY)).isEqualTo(10.0);
    assertThat(a.get(Assumption.PULL_IN_DISCOUNT)).isEqualTo(0.06);
    assertThat(a.low(Assumption.PULL_IN_DISCOUNT)).isEqualTo(0.05);
    assertThat(a.get(Assumption.PARTNER_WIN_UPLIFT)).isEqualTo(0.117);
  }

  @Test
  void everyProblemIsReportedWithItsPosition() throws IOException {
    Path file = file("route_sensitivty: 7\n"
        + "pull_in_discount: 1.5\n"
        + "partner_win_uplift: { value: 0.1, lo: 0 }\n"
        + "team_sensitivity: lots\n"
        + "meeting_conversion: { value: 0.4, low: 0.5 }\n");
    InputException e = catchThrowableOfType(InputException.class,
        () -> new AssumptionsReader().read(file));
    assertThat(e.diagnostics()).extracting(Diagnostic::format).containsExactly(
        file + ":1:1: error: unknown assumption \"route_sensitivty\" (did you mean "
            + "route_sensitivity?)",
        file + ":2:19: error: pull_in_discount must be between 0 and 0.9",
        file + ":3:35: error: unknown key \"lo\" (expected value, low or high) (did you mean "
            + "low?)",
        file + ":4:19: error: team_sensitivity must be a number, or a map of value, low and "
            + "high",
        file + ":5:21: error: meeting_conversion: need low <= value <= high, got low 0.5, "
            + "value 0.4, high 0.5");
  }

  @Test
  void theShippedExampleReadsCleanlyAndKeepsTheDefaults() {
    Assumptions a = new AssumptionsReader().read(Path.of("assumptions.yaml"));
    for (Assumption p : Assumption.values()) {
      assertThat(a.get(p)).as(p.key()).isEqualTo(p.defaultValue());
      assertThat(a.low(p)).as(p.key()).isEqualTo(p.low());
      assertThat(a.high(p)).as(p.key()).isEqualTo(p.high());
    }
  }
}
