package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files made to hurt: each gets a clear error with a position, fast, in little memory. */
class HostileInputTest {
  private static final Duration FAST = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  private List<String> dealProblems() throws IOException {
    Files.writeString(dir.resolve("reps.csv"), "rep_id,quota,ote\nR1,100,10\n");
    InputException e = catchThrowableOfType(InputException.class,
        () -> assertTimeoutPreemptively(FAST,
            () -> new DataReader().read(DataFiles.inDirectory(dir))));
    assertThat(e).isNotNull();
    return e.diagnostics().stream().map(d -> d.line() + ":" + d.column() + ": " + d.message())
        .toList();
  }

  @Test
  void aFieldOfTwoMebibytesIsRefusedWithoutReadingTheRest() throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve("deals.csv"))) {
      w.write("deal_id,owner,close_date,amount\nD1,R1,2026-01-01,10\nD2,R1,2026-01-01,");
      char[] chunk = new char[1 << 16];
      java.util.Arrays.fill(chunk, '9');
      for (int i = 0; i < 32; i++) {
        w.write(chunk);
      }
      w.write("\n");
    }
    assertThat(dealProblems()).containsExactly(
        "3:0: a record longer than 1 MiB (an unclosed quote, or not a CSV file)");
  }

  @Test
  void anUnclosedQuoteAtTheTopOfABigFileIsRefusedFast() throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve("deals.csv"))) {
      w.write("deal_id,owner,close_date,amount\nD1,\"R1,2026-01-01,10\n");
      for (int i = 0; i < 100_000; i++) {
        w.write("D" + i + ",R1,2026-01-01,10\n");
      }
    }
    assertThat(dealProblems()).containsExactly(
        "2:0: a record longer than 1 MiB (an unclosed quote, or not a CSV file)");
  }

  @Test
  void binaryJunkIsNotText() throws IOException {
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    Files.write(dir.resolve("deals.csv"), junk);
    assertThat(dealProblems()).hasSize(1).first().asString().endsWith(Text.NOT_TEXT);
  }

  @Test
  void anEmptyDealsFile() throws IOException {
    Files.write(dir.resolve("deals.csv"), new byte[0]);
    assertThat(dealProblems()).containsExactly(
        "1:1: the file is empty; expected a header line with deal_id,owner,close_date,amount");
  }

  private String planProblem(byte[] yaml) throws IOException {
    Path file = dir.resolve("plan.yaml");
    Files.write(file, yaml);
    InputException e = catchThrowableOfType(InputException.class,
        () -> assertTimeoutPreemptively(FAST, () -> new PlanReader().read(file)));
    assertThat(e).isNotNull();
    Diagnostic d = e.diagnostics().get(0);
    return d.line() + ":" + d.column() + ": " + d.message();
  }

  @Test
  void billionLaughsIsRefusedAtTheFirstAlias() throws IOException {
    StringBuilder yaml = new StringBuilder("name: lol\nlol0: &l0 [lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 30; i++) {
      yaml.append("lol").append(i).append(": &l").append(i).append(" [");
      yaml.append(String.join(", ", java.util.Collections.nCopies(10, "*l" + (i - 1))));
      yaml.append("]\n");
    }
    yaml.append("spiffs: *l29\n");
    assertThat(planProblem(yaml.toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(
        "3:12: YAML aliases (*l0) are not supported here; write the value out");
  }

  @Test
  void aPlanOverOneMebibyteIsRefusedBeforeParsing() throws IOException {
    byte[] big = ("name: x\n# " + "x".repeat(1 << 20) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(planProblem(big)).isEqualTo("0:0: file is larger than 1 MiB");
  }

  @Test
  void deepNestingIsRefused() throws IOException {
    String yaml = "name: x\nroles: " + "{a: ".repeat(100) + "1" + "}".repeat(100) + "\n";
    assertThat(planProblem(yaml.getBytes(StandardCharsets.UTF_8)))
        .endsWith("YAML nested too deeply (at most 40 levels)");
  }
}
