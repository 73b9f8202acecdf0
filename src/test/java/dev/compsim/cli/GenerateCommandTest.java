package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir
  Path dir;

  @Test
  void writesTheFiveFilesByteIdenticallyForASeed() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    RunCommandTest.Result first = RunCommandTest.run("generate", "--deals", "300", "--reps", "6",
        "--partners", "4", "--seed", "42", "--out", a.toString());
    RunCommandTest.Result second = RunCommandTest.run("generate", "--deals", "300", "--reps",
        "6", "--partners", "4", "--seed", "42", "--out", b.toString());
    assertThat(first.code()).isZero();
    assertThat(second.code()).isZero();
    assertThat(first.out()).contains("300 deals", "2025-02-01 to 2026-11-24", "6 reps",
        "4 partners", " payments");
    for (String name : List.of("deals.csv", "reps.csv", "partners.csv", "activities.csv",
        "payments.csv")) {
      assertThat(a.resolve(name)).exists();
      assertThat(Files.mismatch(a.resolve(name), b.resolve(name))).isEqualTo(-1L);
    }
    assertThat(Files.readAllLines(a.resolve("deals.csv"))).hasSize(301);
    assertThat(Files.readAllLines(a.resolve("reps.csv"))).hasSize(7);
    assertThat(Files.readAllLines(a.resolve("partners.csv"))).hasSize(5);
    try (var files = Files.list(a)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("deals.csv", "reps.csv", "partners.csv", "activities.csv",
              "payments.csv");
    }
  }

  @Test
  void theDataRunsUnderAPlan() throws IOException {
    Path data = dir.resolve("data");
    assertThat(RunCommandTest.run("generate", "--deals", "200", "--out", data.toString(),
        "--end", "2026-06-30", "--quiet").code()).isZero();
    Path plan = Files.writeString(dir.resolve("plan.yaml"), """
        name: Simple
        fiscal_year_start: 02-01
        commission:
          tiers: [ { to: 1.0, rate: 0.05 }, { rate: 0.08 } ]
        partners:
          margin: { VAR: 0.25, MSSP: 0.30, SI: 0.15 }
          referral_fee: 0.10
        """);
    RunCommandTest.Result result = RunCommandTest.run("run", plan.toString(), "--data",
        data.toString());
    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("as of 2026-06-30", "of 200 in the data");
  }

  @Test
  void badOptionsAreUsageErrors() {
    RunCommandTest.Result result = RunCommandTest.run("generate", "--deals", "-5", "--out",
        dir.resolve("x").toString());
    assertThat(result.code()).isEqualTo(ExitCode.INPUT);
    assertThat(result.err()).contains("--deals must be >= 0");
    assertThat(dir.resolve("x").resolve("deals.csv")).doesNotExist();
    assertThat(RunCommandTest.run("generate").code()).isEqualTo(ExitCode.INPUT); // no --out
    assertThat(RunCommandTest.run("generate", "--out", "x", "--start", "2026-13-01").code())
        .isEqualTo(ExitCode.INPUT);
  }
}
