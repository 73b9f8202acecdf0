package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, command line: a deals file recognised as a CRM export by its header is announced on
 * stderr, so that a user sees why its columns are read the way they are; not with --quiet, not
 * when the user chose the preset.
 */
class PresetAnnouncementTest {
  @TempDir
  Path dir;

  @BeforeEach
  void salesforceReport() throws IOException {
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
    Files.writeString(dir.resolve("deals.csv"), """
        Opportunity ID,Opportunity Owner,Close Date,Amount,Stage
        0061,Ana Ruiz,3/31/2026,"$12,500.00",Closed Won
        """);
  }

  private String announcement() {
    return "compsim: reading " + dir.resolve("deals.csv") + " as a Salesforce export "
        + "(recognised from its header; --preset or --columns to choose)\n";
  }

  @Test
  void aDetectedPresetIsAnnouncedOnStderr() {
    Terminal.Result result = Terminal.run("run", dir.resolve("plan.yaml").toString(), "--data",
        dir.toString());
    assertThat(result.code()).isZero();
    assertThat(result.err()).isEqualTo(announcement());
    assertThat(result.out()).contains("1 won deals");
  }

  @Test
  void validateAnnouncesItToo() {
    Terminal.Result result = Terminal.run("validate", dir.resolve("plan.yaml").toString(),
        "--data", dir.toString());
    assertThat(result.err()).isEqualTo(announcement());
  }

  @Test
  void quietSaysNothing() {
    Terminal.Result result = Terminal.run("run", dir.resolve("plan.yaml").toString(), "--data",
        dir.toString(), "--quiet");
    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void aChosenPresetIsNotAnnounced() {
    Terminal.Result result = Terminal.run("run", dir.resolve("plan.yaml").toString(), "--data",
        dir.toString(), "--preset", "salesforce");
    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void canonicalFilesAreNotAnnounced() {
    Terminal.Result result = Terminal.run("run", "plans/traditional.yaml", "--data",
        "sample-data");
    assertThat(result.err()).isEmpty();
  }
}
