package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, command line: the options the README calls common work on every command where they
 * mean something, and one a command does not take is refused with one line, not the usage.
 */
class CommonOptionsTest {
  private static final String PLAN = "plans/traditional.yaml";
  private static final String DATA = "sample-data";

  @TempDir
  Path dir;

  @Test
  void compareAcceptsNoProgress() {
    Terminal.Result result = Terminal.run("compare", PLAN, "plans/comp-neutral.yaml", "--data",
        DATA, "--no-progress", "--runs", "0");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("total cost");
    assertThat(result.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "check", "validate", "explain"})
  void everyLongRunningCommandAcceptsNoProgress(String command) {
    Terminal.Result result = command.equals("explain")
        ? Terminal.run(command, PLAN, "--data", DATA, "--rep", "R007", "--no-progress")
        : Terminal.run(command, PLAN, "--data", DATA, "--no-progress");
    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void generateAcceptsNoProgress() {
    Terminal.Result result = Terminal.run("generate", "--deals", "20", "--reps", "3",
        "--partners", "2", "--out", dir.resolve("g").toString(), "--no-progress");
    assertThat(result.code()).isZero();
  }

  @Test
  void runPrintsJsonWithFormatJson() {
    Terminal.Result result = Terminal.run("run", PLAN, "--data", DATA, "--format", "json");
    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("{").contains("\"schema\" : \"compsim-report/1\"")
        .doesNotContain("in the data)");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void runWritesOnlyTheChosenFilesWithOut() throws IOException {
    Path out = dir.resolve("out");
    Terminal.Result result = Terminal.run("run", PLAN, "--data", DATA, "--format", "json",
        "--out", out.toString());
    assertThat(result.code()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }
    assertThat(result.out()).isEqualTo("Wrote " + out.resolve("report.json") + "\n");
  }

  @Test
  void runRefusesAFormatOnlyCompareWritesInOneLine() {
    Terminal.Result result = Terminal.run("run", PLAN, "--data", DATA, "--format", "html");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("compsim run: --format html is written by compare and "
        + "simulate; run writes table, csv, md and json (see compsim run --help)\n");
  }

  @Test
  void anOptionOfAnotherCommandIsOneLineNamingWhereItBelongs() {
    Terminal.Result result = Terminal.run("schema", "--seed", "3");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("compsim schema: --seed does not apply to schema (it is an "
        + "option of generate, compare, simulate, sweep) (see compsim schema --help)\n");
  }

  @Test
  void anUnknownOptionIsOneLineWithTheSuggestion() {
    Terminal.Result result = Terminal.run("run", PLAN, "--data", DATA, "--quiett");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("compsim run: unknown option --quiett (see compsim run "
        + "--help)\nDid you mean --quiet?\n");
    assertThat(result.err()).doesNotContain("Usage:");
  }

  @Test
  void anUnknownCommandIsOneLine() {
    Terminal.Result result = Terminal.run("comapre");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("compsim: unknown command comapre (see compsim --help)\n"
        + "Did you mean compare?\n");
  }

  /**
   * Main builds only the subcommand a command line names: built alone, each has the root's
   * settings (its help, a bad date as one line), and the root's help and the completion script
   * still know every command.
   */
  @Test
  void eachCommandBuiltAloneIsTheSameAsAmongAll() {
    Terminal.Result help = Terminal.run("--help");
    assertThat(help.code()).isZero();
    Terminal.Result completion = Terminal.run("generate-completion");
    for (Class<?> type : CompsimCommand.SUBCOMMANDS) {
      String name = type.getAnnotation(picocli.CommandLine.Command.class).name();
      assertThat(help.out()).contains("\n  " + name + " ");
      assertThat(completion.out()).contains(name);
      Terminal.Result alone = Terminal.run(name, "--help");
      assertThat(alone.code()).as(name).isZero();
      assertThat(alone.out()).as(name).startsWith("Usage: compsim " + name);
    }
    Terminal.Result date = Terminal.run("run", PLAN, "--data", DATA, "--as-of", "2026-02-30");
    assertThat(date.code()).isEqualTo(2);
    assertThat(date.err()).startsWith("compsim run: --as-of: ").doesNotContain("Usage:");
  }

  @Test
  void aMistypedOptionGetsTheNearestName() {
    Terminal.Result result = Terminal.run("compare", PLAN, PLAN, "--data", DATA,
        "--no-progres");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("compsim compare: unknown option --no-progres (see "
        + "compsim compare --help)\nDid you mean --no-progress?\n");
  }

  @Test
  void validateIsQuietWhenAsked() {
    Terminal.Result result = Terminal.run("validate", PLAN, "--data", DATA, "--quiet");
    assertThat(result.code()).isZero();
    assertThat(result.out()).isEmpty();
  }
}
