package dev.compsim.cli;

import static dev.compsim.cli.RunCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.cli.RunCommandTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Draws and effective-dated plans as a user sees them: the worked example of a draw in
 * run, compare (terminal and JSON) and explain, and a plan that switches on a date set against
 * one that stays.
 */
class DrawsAndPlanChangesCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  /** Commission 2,000, 3,000 and 9,000 in January, February and March 2026 at a flat 10%. */
  @BeforeEach
  void data() throws IOException {
    write("deals.csv", """
        deal_id,owner,close_date,amount
        D1,R1,2026-01-15,20000
        D2,R1,2026-02-15,30000
        D3,R1,2026-03-15,90000
        D4,R1,2026-04-01,1000
        """);
    write("reps.csv", """
        rep_id,name,role,territory,quota,ote
        R1,Ana Ruiz,AE,West,600000,120000
        """);
    String plan = """
        fiscal_year_start: 01-01
        period: month
        commission: { tiers: [ { rate: 0.10 } ] }
        """;
    write("stay.yaml", "name: Stay\n" + plan);
    write("draw.yaml", "name: Draw\n" + plan + "draw: { amount: 5000, months: 3 }\n");
    write("switch.yaml", "name: Switch\n" + plan
        + "changes:\n  - { from: 2026-02-10, commission: { tiers: [ { rate: 0.12 } ] } }\n");
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void runShowsTheAdvanceOwed() {
    Result result = run("run", path("stay.yaml"), path("draw.yaml"), "--data", dir.toString(),
        "--as-of", "2026-03-31");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .containsPattern("recoverable draws paid +\\| +0\\.00 \\| +5,000\\.00")
        .containsPattern("draws recovered +\\| +0\\.00 \\| +-4,000\\.00")
        .containsPattern("advance \\(draw balance owed\\) +\\| +0\\.00 \\| +1,000\\.00");
    // a run of plans without draws has no draw rows
    assertThat(run("run", path("stay.yaml"), "--data", dir.toString()).out())
        .doesNotContain("draws paid");
  }

  @Test
  void compareHasADrawsSectionInEveryFormat() {
    Result terminal = run("compare", path("stay.yaml"), path("draw.yaml"), "--data",
        dir.toString(), "--as-of", "2026-03-31", "--runs", "2");
    assertThat(terminal.code()).as(terminal.err()).isZero();
    assertThat(terminal.out()).contains("Draws and advances:");
    Result json = run("compare", path("stay.yaml"), path("draw.yaml"), "--data", dir.toString(),
        "--as-of", "2026-03-31", "--runs", "2", "--format", "json");
    assertThat(json.out()).contains("\"draws\" : {")
        .contains("Draw: 5,000.00 a period, recoverable, for 3 months, forgiven at the year's end."
            + " Drawn 5,000.00, recovered 4,000.00, forgiven 0.00; advance outstanding 1,000.00,"
            + " owed by 1 rep.")
        .contains("\"advance\" : 1000.00", "\"draw_recovery\" : -4000.00",
            "\"advance_by_rep\" : {\n            \"R1\" : 1000.00");
  }

  @Test
  void explainShowsTheDrawAndTheAdvance() {
    Result result = run("explain", path("draw.yaml"), "--data", dir.toString(), "--rep", "R1",
        "--as-of", "2026-03-31");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Draw: 5,000.00 a period, recoverable from commission above it, for 3 months "
            + "from the rep's start; a balance left at the year's end is forgiven")
        .contains("commission 2000.00 earned in FY2026-M01 is below the 5000.00 draw: 3000.00 "
            + "drawn; balance 3000.00")
        .contains("Draws 5,000.00 − recovered 4,000.00 − forgiven 0.00 = advance outstanding "
            + "1,000.00");
  }

  @Test
  void explainNamesTheVersionBehindEachLineAndCompareSetsSwitchAgainstStay() {
    Result explain = run("explain", path("switch.yaml"), "--data", dir.toString(), "--rep", "R1");
    assertThat(explain.code()).as(explain.err()).isZero();
    assertThat(explain.out())
        .contains("From 2026-02-10 (v2): 12% of credit")
        .contains("D1         commission         paid            2,000.00  paid 2026-01-15  v1 "
            + "(as written): credit 20000.00")
        .contains("v2 (from 2026-02-10): credit 30000.00 (list) → attainment 0.0%→60.0% → "
            + "30000.00@12% = 3600.00; FY2026-M02 straddles a change: blended quota 50000.00 = "
            + "16071.43 (9 of 28 days under v1) + 33928.57 (19 of 28 days under v2), attainment "
            + "carried across the change");

    Result compare = run("compare", path("stay.yaml"), path("switch.yaml"), "--data",
        dir.toString(), "--runs", "2");
    assertThat(compare.code()).as(compare.err()).isZero();
    // 3,000 + 9,000 + 100 at 12% instead of 10%: 2,420 more
    assertThat(compare.out()).containsPattern("total cost +\\| +14,100\\.00 \\| +16,520\\.00");
  }
}
