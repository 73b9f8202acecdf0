package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 2: {@code compare} grew with the square of the reps (the gradients priced a
 * data set of every rep for every rep and behavior): 8,000 reps took 194 s and a deal with
 * 100,000 assists never finished. The gradients now price one scenario book per plan, so 3,000
 * reps, one of whose deals names all of them as assists, compare in seconds. The limit below
 * only guards against a hang; {@code scripts/bench} measures the speed.
 */
class Issue15CompareGrowsWithRepsTest {
  @TempDir
  Path dir;

  @Test
  void threeThousandRepsAndADealAssistedByAllOfThemCompare() {
    int reps = 3_000;
    StringBuilder repRows = new StringBuilder("rep_id,name,role,territory,quota,ote\n");
    StringBuilder assists = new StringBuilder();
    StringBuilder deals = new StringBuilder("deal_id,owner,close_date,amount,assists\n");
    for (int r = 1; r <= reps; r++) {
      String id = "R" + r;
      repRows.append(id).append(',').append(id).append(",AE,West,800000,160000\n");
      if (r > 1) {
        assists.append(r > 2 ? ";" : "").append(id);
      }
      deals.append("D").append(r).append(',').append(id).append(",2026-0")
          .append(1 + r % 9).append("-15,").append(20_000 + r).append(",\n");
    }
    deals.append("BIG,R1,2026-10-15,5000000,").append(assists).append('\n');
    Cli cli = new Cli(dir);
    cli.write("reps.csv", repRows.toString());
    cli.write("deals.csv", deals.toString());
    Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> cli.run(
        "compare", "plans/outcomes-first.yaml", "plans/partner-first.yaml", "--data", "{dir}",
        "--runs", "5", "--quiet"));
    assertThat(result.code()).as(result.err()).isZero();
  }
}
