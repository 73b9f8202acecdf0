package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found while trying activities.csv with odd counts (issue 15, finding 1's promise: data that
 * validates must compare and simulate): a rep who logged 2,147,483,647 meetings in a period, a
 * count that validates, made {@code compare} and {@code simulate} exit 3 ("mean not within
 * closed range": the Poisson sampler takes means up to 2^30). Beyond that mean the meetings are
 * drawn from the normal distribution with the Poisson's mean and variance.
 */
class Issue15HugeMeetingCountTest {
  @TempDir
  Path dir;

  /**
   * The same meetings under a plan that pays 1,000,000,000,000.00 a meeting: 4.3 × 10^21 of pay,
   * beyond the simulation's cents. Its sums wrapped round and compare showed an expected cost of
   * −59,599,993,338,392.12; now the expected figures are named as not computed, and simulate
   * stops with exit 2.
   */
  @Test
  void payBeyondTheSimulationsCentsIsNotComputedNeverWrapped() throws IOException {
    Path data = data();
    Path plan = dir.resolve("meetings.yaml");
    Files.writeString(plan, Files.readString(Path.of(Compsim.OUTCOMES))
        .replace("name: Outcomes first", "name: Paid meetings")
        .replace("activity: meeting, amount: 40", "activity: meeting, amount: 1000000000000")
        .replace("ban_activity_spiffs: true", "ban_activity_spiffs: false"));
    assertThat(Compsim.run("run", plan.toString(), "--data", data.toString()).code()).isZero();
    Compsim.Result compare = Compsim.run("compare", Compsim.TRADITIONAL, plan.toString(),
        "--data", data.toString(), "--runs", "5");
    assertThat(compare.code()).as(compare.err()).isZero();
    assertThat(compare.out()).contains("not computed here (the simulation counts pay in cents")
        .contains("pay under these plans goes beyond it");
    assertThat(compare.out().lines().filter(line -> line.contains("expected cost")))
        .allSatisfy(line -> assertThat(line).doesNotContain("-"));
    Compsim.Result simulate = Compsim.run("simulate", Compsim.TRADITIONAL, plan.toString(),
        "--data", data.toString(), "--runs", "5", "--no-sensitivity", "--quiet");
    assertThat(simulate.code()).as(simulate.err()).isEqualTo(2);
    assertThat(simulate.err()).contains("simulate cannot model this data")
        .doesNotContain("Exception");
  }

  private Path data() throws IOException {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    try (var files = Files.list(Path.of(Compsim.DATA))) {
      for (Path file : files.toList()) {
        Files.copy(file, data.resolve(file.getFileName()));
      }
    }
    Files.writeString(data.resolve("activities.csv"), Files.readString(
        data.resolve("activities.csv")) + "R001,2026-03-02,meeting,2147483647\n"
        + "R001,2026-03-03,meeting,2147483647\n");
    return data;
  }

  @Test
  void aHugeMeetingCountComparesAndSimulates() throws IOException {
    Path data = data();
    assertThat(Compsim.run("validate", Compsim.OUTCOMES, "--data", data.toString()).code())
        .isZero();
    Compsim.Result compare = Compsim.run("compare", Compsim.TRADITIONAL, Compsim.OUTCOMES,
        "--data", data.toString(), "--runs", "20", "--quiet");
    assertThat(compare.code()).as(compare.err()).isZero();
    Compsim.Result simulate = Compsim.run("simulate", Compsim.TRADITIONAL, Compsim.OUTCOMES,
        "--data", data.toString(), "--runs", "20", "--no-sensitivity", "--quiet");
    assertThat(simulate.code()).as(simulate.err()).isZero();
  }
}
