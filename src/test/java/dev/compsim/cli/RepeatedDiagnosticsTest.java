package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, command line: one stage that a column map does not list, on 200 rows, is shown on its
 * first three rows and counted, not printed 200 times; and the rows' blank amounts (open deals
 * leave it blank) are not reported as a second, misleading problem.
 */
class RepeatedDiagnosticsTest {
  @TempDir
  Path dir;

  @BeforeEach
  void export() throws IOException {
    Files.writeString(dir.resolve("reps.csv"), """
        rep_id,name,role,territory,quota,ote
        R1,Ana Ruiz,AE,West,800000,160000
        """);
    Files.writeString(dir.resolve("plan.yaml"), """
        name: Base
        currency: USD
        fiscal_year_start: 02-01
        commission:
          tiers:
            - { rate: 0.05 }
        """);
    Files.writeString(dir.resolve("map.yaml"), """
        columns: { deal_id: opportunity_id, owner: sales_agent, amount: close_value,
                   stage: deal_stage, close_date: close_date }
        stages: { Won: won, Lost: lost }
        """);
    StringBuilder deals = new StringBuilder("opportunity_id,sales_agent,close_date,close_value,"
        + "deal_stage\nD0,R1,2026-01-05,1000,Won\n");
    for (int i = 1; i <= 200; i++) {
      deals.append("D").append(i).append(",R1,,,Engaging\n");
    }
    Files.writeString(dir.resolve("deals.csv"), deals);
  }

  @Test
  void anUnmappedStageOn200RowsIsThreeLinesAndACount() {
    Terminal.Result result = Terminal.run("run", dir.resolve("plan.yaml").toString(), "--data",
        dir.toString(), "--columns", dir.resolve("map.yaml").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    String stage = ":5: error: stage \"Engaging\" is not in the stages of " + dir.resolve("map.yaml")
        + "; add it there as won, lost or open\n";
    Path deals = dir.resolve("deals.csv");
    assertThat(result.err()).isEqualTo(deals + ":3" + stage + deals + ":4" + stage + deals + ":5"
        + stage + deals + ": … and 197 more like it (lines 6–202)\n"
        + "200 problems; nothing was written.\n");
  }

  @Test
  void validateCollapsesThemTheSameWay() {
    Terminal.Result result = Terminal.run("validate", dir.resolve("plan.yaml").toString(),
        "--data", dir.toString(), "--columns", dir.resolve("map.yaml").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines()).hasSize(5);
    assertThat(result.err()).contains("… and 197 more like it (lines 6–202)",
        "200 problems found.").doesNotContain("amount is empty");
  }

  @Test
  void differentProblemsAreEachShown() throws IOException {
    Files.writeString(dir.resolve("deals.csv"), """
        opportunity_id,sales_agent,close_date,close_value,deal_stage
        D1,R1,2026-01-05,abc,Won
        D2,R1,2026-01-05,-5,Won
        D3,R1,2026-01-05,1000,Engaging
        """);
    Terminal.Result result = Terminal.run("validate", dir.resolve("plan.yaml").toString(),
        "--data", dir.toString(), "--columns", dir.resolve("map.yaml").toString());
    assertThat(result.err().lines()).hasSize(4).noneMatch(line -> line.contains("more like it"));
  }

  @Test
  void fourLikeProblemsAreAllShownSinceACountWouldSaveNothing() throws IOException {
    Files.writeString(dir.resolve("deals.csv"), """
        opportunity_id,sales_agent,close_date,close_value,deal_stage
        D1,R1,,,Engaging
        D2,R1,,,Engaging
        D3,R1,,,Engaging
        D4,R1,,,Engaging
        """);
    Terminal.Result result = Terminal.run("validate", dir.resolve("plan.yaml").toString(),
        "--data", dir.toString(), "--columns", dir.resolve("map.yaml").toString());
    assertThat(result.err().lines()).hasSize(5).noneMatch(line -> line.contains("more like it"));
  }

  @Test
  void misspelledPlanKeysAreEachNamed() throws IOException {
    Files.writeString(dir.resolve("plan.yaml"), """
        name: Base
        currency: USD
        fiscal_year_start: 02-01
        comission: {}
        gardrails: []
        spifs: []
        holdbak: {}
        creditt: {}
        """);
    Terminal.Result result = Terminal.run("validate", dir.resolve("plan.yaml").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("`comission`", "`gardrails`", "`spifs`", "`holdbak`",
        "`creditt`").doesNotContain("more like it");
  }
}
