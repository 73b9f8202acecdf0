package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by trying odd values that validate (issue 15, finding 1's promise: data that validates
 * must compare and simulate, never exit 3): one deal of 99,999,999,999,999,999 made
 * {@code compare} and {@code simulate} exit 3 (an {@code ArithmeticException}: the simulation
 * counts pay in cents in 64 bits, where the payout engine falls back to decimals). Now {@code
 * run} and {@code compare} price the deal as before, compare's expected figures are named as not
 * computed, with why, and {@code simulate} and {@code sweep --behavior}, which are the
 * simulation, stop with exit 2 at the largest deal's amount.
 */
class Issue15HugeAmountTest {
  @TempDir
  Path dir;

  @Test
  void aDealBeyondTheSimulationsCentsIsSaidNotCrashedOn() throws IOException {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    try (var files = Files.list(Path.of(Compsim.DATA))) {
      for (Path file : files.toList()) {
        Files.copy(file, data.resolve(file.getFileName()));
      }
    }
    String deals = Files.readString(data.resolve("deals.csv"));
    Files.writeString(data.resolve("deals.csv"),
        deals.replaceFirst("(?m)^(D-00001,R003,2026-02-02,)78800,", "$199999999999999999,"));
    assertThat(Compsim.run("run", Compsim.TRADITIONAL, "--data", data.toString()).code())
        .isZero();

    Compsim.Result compare = Compsim.run("compare", Compsim.TRADITIONAL, Compsim.OUTCOMES,
        "--data", data.toString(), "--runs", "5");
    assertThat(compare.code()).as(compare.err()).isZero();
    assertThat(compare.out()).contains("the simulation counts pay in cents in 64 bits")
        .contains("and deal D-00001 alone goes beyond it: 99999999999999999)");

    Compsim.Result simulate = Compsim.run("simulate", Compsim.TRADITIONAL, Compsim.OUTCOMES,
        "--data", data.toString(), "--runs", "5", "--no-sensitivity", "--quiet");
    assertThat(simulate.code()).as(simulate.err()).isEqualTo(2);
    assertThat(simulate.err()).startsWith(data.resolve("deals.csv") + ":2:4: error: simulate "
        + "cannot model this data: the simulation counts pay in cents in 64 bits")
        .doesNotContain("Exception");

    Compsim.Result sweep = Compsim.run("sweep", Compsim.TRADITIONAL, "--vary",
        "holdback.share=0,0.1", "--behavior", "--runs", "5", "--data", data.toString(),
        "--quiet");
    assertThat(sweep.code()).as(sweep.err()).isEqualTo(2);
    assertThat(sweep.err()).contains(":2:4: error: sweep --behavior cannot model this data")
        .containsOnlyOnce("cannot model");
  }
}
