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
 * The trap of issue 12: a Salesforce export has no implementation column, so a plan that holds
 * commission back until go-live forfeits every holdback at its horizon and "costs less". validate
 * warns, compare says the difference is no saving, and --implementation-lag states an assumption
 * in place of the missing data, named as assumed.
 */
class DataGapsTest {
  @TempDir
  Path dir;

  @BeforeEach
  void salesforceExport() throws IOException {
    Files.writeString(dir.resolve("deals.csv"), """
        Id,StageName,Amount,CloseDate,OwnerId
        006A,Closed Won,120000,2025-03-10,005R1
        006B,Closed Won,80000,2025-05-20,005R1
        006C,Closed Won,95000,2025-07-15,005R2
        006D,Closed Lost,40000,2025-08-01,005R2
        006E,Closed Won,150000,2025-10-30,005R2
        006F,Closed Won,60000,2026-01-12,005R1
        """);
    Files.writeString(dir.resolve("reps.csv"), """
        rep_id,name,role,territory,quota,ote
        005R1,Ana Ruiz,AE,West,600000,150000
        005R2,Bo Chen,AE,East,600000,150000
        """);
  }

  /** Terminal notes wrap at 120 columns with an indent: joined back into sentences. */
  private static String unwrapped(String out) {
    return out.replaceAll("\\n  +", " ");
  }

  @Test
  void validateWarnsWhatTheDataCannotMeasure() {
    Result result = run("validate", "plans/outcomes-first.yaml", "--data", dir.toString());
    assertThat(result.code()).isZero();
    assertThat(result.err()).contains("plans/outcomes-first.yaml: warning: holdback release "
        + "cannot be measured: the deals have no implementation confirmed or failed");
    assertThat(result.out()).contains("warnings about what the data cannot measure");
  }

  @Test
  void aForfeitTheDataCannotKnowIsNeverPresentedAsASaving() {
    Result result = run("compare", "plans/traditional.yaml", "plans/outcomes-first.yaml",
        "--data", dir.toString(), "--runs", "5");
    assertThat(result.code()).isZero();
    assertThat(unwrapped(result.out()))
        .contains("Outcomes first costs 2,115.00 less than Traditional reseller")
        .contains("2,115.00 of holdback is forfeited only because the data has no "
            + "implementation outcomes, which is not a saving")
        .contains("Outcomes first: holdback release cannot be measured");
  }

  @Test
  void anAssumedLagReleasesTheHoldbacksAndIsNamedAsAssumed() {
    Result result = run("compare", "plans/traditional.yaml", "plans/outcomes-first.yaml",
        "--data", dir.toString(), "--runs", "5", "--implementation-lag", "60");
    assertThat(result.code()).isZero();
    assertThat(unwrapped(result.out()))
        .contains("Outcomes first costs 1,000.00 more than Traditional reseller")
        .contains("Assumed, not measured: every implementation the data leaves pending and "
            + "undated goes live 60 days after close (--implementation-lag).")
        .doesNotContain("holdback release cannot be measured");
    assertThat(run("compare", "plans/traditional.yaml", "plans/outcomes-first.yaml", "--data",
        dir.toString(), "--implementation-lag", "-3").code()).isEqualTo(ExitCode.INPUT);
  }
}
