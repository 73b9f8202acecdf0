package dev.compsim.issues;

import static dev.compsim.issues.Compsim.DATA;
import static dev.compsim.issues.Compsim.OUTCOMES;
import static dev.compsim.issues.Compsim.TRADITIONAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 5: {@code --junit afile/g.xml} (a parent that is a file) said "nothing was
 * written" after all five reports had been written; a directory as {@code --junit} gave exit 3
 * after writing; a directory where report.xlsx goes failed after the other four files had been
 * replaced. Every output path is now checked before anything is read, computed or written.
 */
class Issue15OutputPathsCheckedFirstTest {
  private static final List<String> FILES = List.of("ledger.csv", "report.html", "report.json",
      "report.xlsx", "summary.md");

  @TempDir
  Path dir;

  private Path out;

  @BeforeEach
  void earlierReports() throws IOException {
    out = Files.createDirectories(dir.resolve("out"));
    for (String name : FILES) {
      Files.writeString(out.resolve(name), "earlier " + name);
    }
  }

  private Compsim.Result compare(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("compare", TRADITIONAL, OUTCOMES,
        "--data", DATA, "--out", out.toString(), "--quiet"));
    args.addAll(List.of(more));
    return Compsim.run(args.toArray(String[]::new));
  }

  private void assertEarlierReportsUntouched() throws IOException {
    for (String name : FILES) {
      assertThat(Files.readString(out.resolve(name))).isEqualTo("earlier " + name);
    }
    assertThat(Compsim.names(out)).containsExactlyElementsOf(FILES);
  }

  @Test
  void aJunitFileUnderAFileIsRefusedBeforeAnyReportIsWritten() throws IOException {
    Path file = Files.writeString(dir.resolve("afile"), "");
    Compsim.Result result = compare("--junit", file.resolve("g.xml").toString());
    Compsim.assertRefused(result, file + ": error: is not a directory, so "
        + file.resolve("g.xml") + " cannot be written");
    assertEarlierReportsUntouched();
  }

  @Test
  void aDirectoryAsJunitIsRefusedBeforeAnyReportIsWritten() throws IOException {
    Path junit = Files.createDirectories(dir.resolve("j"));
    Compsim.Result result = compare("--junit", junit.toString());
    Compsim.assertRefused(result, junit + ": error: is a directory");
    assertEarlierReportsUntouched();
  }

  @Test
  void aDirectoryWhereAReportGoesLeavesTheOtherReportsAsTheyWere() throws IOException {
    Files.delete(out.resolve("report.xlsx"));
    Files.createDirectories(out.resolve("report.xlsx").resolve("inside"));
    Compsim.Result result = compare();
    Compsim.assertRefused(result, out.resolve("report.xlsx") + ": error: is a directory");
    for (String name : FILES) {
      if (!name.equals("report.xlsx")) {
        assertThat(Files.readString(out.resolve(name))).isEqualTo("earlier " + name);
      }
    }
    assertThat(Compsim.names(out)).containsExactlyElementsOf(FILES);
  }

  @Test
  void checkRefusesADirectoryAsJunit() throws IOException {
    Path junit = Files.createDirectories(dir.resolve("j"));
    Compsim.Result result = Compsim.run("check", TRADITIONAL, "--data", DATA, "--junit",
        junit.toString());
    Compsim.assertRefused(result, junit + ": error: is a directory");
  }

  @Test
  void theJunitFileIsWrittenInTheSameStepAsTheReports() throws IOException {
    Path junit = out.resolve("guardrails.xml");
    Compsim.Result result = compare("--junit", junit.toString());
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(Files.readString(junit)).startsWith("<?xml");
    assertThat(Files.readString(out.resolve("summary.md"))).startsWith("# compsim:");
    assertThat(Compsim.names(out)).containsExactly("guardrails.xml", "ledger.csv",
        "report.html", "report.json", "report.xlsx", "summary.md");
  }
}
