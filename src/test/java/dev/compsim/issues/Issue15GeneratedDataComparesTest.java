package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 1: {@code compare} and {@code simulate} exited 3 on data that validates
 * ("no margin for partner type referral"): the typical partner was the commonest type among
 * partner deals, here referral, and a resale was priced through it. Data that validates must
 * compare and simulate: over 50 generated seeds, none exits 3.
 */
class Issue15GeneratedDataComparesTest {
  @TempDir
  Path dir;

  @Test
  void seedFiveComparesAndSimulates() {
    Cli cli = new Cli(dir);
    assertThat(cli.run("generate", "--seed", "5", "--out", "{dir}/g5", "--quiet").code())
        .isZero();
    Cli.Result compare = cli.run("compare", "plans/traditional.yaml",
        "plans/outcomes-first.yaml", "--data", "{dir}/g5", "--quiet");
    assertThat(compare.code()).as(compare.err()).isZero();
    Cli.Result simulate = cli.run("simulate", "plans/traditional.yaml",
        "plans/outcomes-first.yaml", "--data", "{dir}/g5", "--runs", "20", "--no-sensitivity",
        "--quiet");
    assertThat(simulate.code()).as(simulate.err()).isZero();
  }

  @Test
  void fiftySmallGeneratedSetsNeverExitThree() {
    Cli cli = new Cli(dir);
    for (int seed = 1; seed <= 50; seed++) {
      String data = "{dir}/g" + seed;
      assertThat(cli.run("generate", "--seed", String.valueOf(seed), "--deals", "120", "--reps",
          String.valueOf(4 + seed % 9), "--partners", String.valueOf(1 + seed % 6), "--out", data,
          "--quiet").code()).isZero();
      Cli.Result compare = cli.run("compare", "plans/traditional.yaml",
          "plans/outcomes-first.yaml", "plans/partner-first.yaml", "--data", data, "--runs", "5",
          "--quiet");
      assertThat(compare.code()).as("compare, seed %d: %s", seed, compare.err()).isNotEqualTo(3);
      Cli.Result simulate = cli.run("simulate", "plans/traditional.yaml",
          "plans/comp-neutral.yaml", "--data", data, "--runs", "5", "--no-sensitivity",
          "--quiet");
      assertThat(simulate.code()).as("simulate, seed %d: %s", seed, simulate.err())
          .isNotEqualTo(3);
    }
  }
}
