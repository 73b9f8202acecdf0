package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
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

  private static String[] result(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {String.valueOf(code), err.toString()};
  }

  @Test
  void seedFiveComparesAndSimulates() {
    String data = dir.resolve("g5").toString();
    assertThat(result("generate", "--seed", "5", "--out", data, "--quiet")[0]).isEqualTo("0");
    String[] compare = result("compare", "plans/traditional.yaml", "plans/outcomes-first.yaml",
        "--data", data, "--quiet");
    assertThat(compare[0]).as(compare[1]).isEqualTo("0");
    String[] simulate = result("simulate", "plans/traditional.yaml", "plans/outcomes-first.yaml",
        "--data", data, "--runs", "20", "--no-sensitivity", "--quiet");
    assertThat(simulate[0]).as(simulate[1]).isEqualTo("0");
  }

  @Test
  void fiftySmallGeneratedSetsNeverExitThree() {
    for (int seed = 1; seed <= 50; seed++) {
      String data = dir.resolve("g" + seed).toString();
      String reps = String.valueOf(4 + seed % 9);
      String partners = String.valueOf(1 + seed % 6);
      assertThat(result("generate", "--seed", String.valueOf(seed), "--deals", "120", "--reps",
          reps, "--partners", partners, "--out", data, "--quiet")[0]).isEqualTo("0");
      String[] compare = result("compare", "plans/traditional.yaml", "plans/outcomes-first.yaml",
          "plans/partner-first.yaml", "--data", data, "--runs", "5", "--quiet");
      assertThat(compare[0]).as("compare, seed %d: %s", seed, compare[1]).isNotEqualTo("3");
      String[] simulate = result("simulate", "plans/traditional.yaml",
          "plans/comp-neutral.yaml", "--data", data, "--runs", "5", "--no-sensitivity",
          "--quiet");
      assertThat(simulate[0]).as("simulate, seed %d: %s", seed, simulate[1]).isNotEqualTo("3");
    }
  }
}
