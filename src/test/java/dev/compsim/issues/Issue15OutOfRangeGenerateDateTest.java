package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 16: {@code generate --end +999999999-12-31} ended in exit 3 (a year out of
 * java.time's range). Dates outside what a yyyy-MM-dd column holds are usage errors naming the
 * option.
 */
class Issue15OutOfRangeGenerateDateTest {
  @TempDir
  Path dir;

  @Test
  void anEndBeyondYear9999IsAUsageError() {
    Path out = dir.resolve("data");
    Compsim.Result result = Compsim.run("generate", "--end", "+999999999-12-31", "--out",
        out.toString());
    Compsim.assertRefused(result, "error: --end +999999999-12-31 is out of range: give a date "
        + "from 0001-01-01 to 9999-12-31");
    assertThat(result.err().lines()).hasSize(2);
    assertThat(out).doesNotExist();
  }

  @Test
  void aStartBeforeYear1IsAUsageError() {
    Compsim.Result result = Compsim.run("generate", "--start", "-999999999-01-01", "--end",
        "2026-01-01", "--out", dir.resolve("data").toString());
    Compsim.assertRefused(result, "error: --start -999999999-01-01 is out of range");
  }

  @Test
  void anEndTooEarlyForTheDefaultStartSaysToGiveStart() {
    Compsim.Result result = Compsim.run("generate", "--end", "0001-06-01", "--out",
        dir.resolve("data").toString());
    Compsim.assertRefused(result, "error: --end 0001-06-01 leaves no room", "give --start");
  }

  @Test
  void theLastDayOfYear9999StillGenerates() {
    Path out = dir.resolve("data");
    Compsim.Result result = Compsim.run("generate", "--deals", "20", "--end", "9999-12-31",
        "--out", out.toString(), "--quiet");
    assertThat(result.code()).as(result.err()).isZero();
    Compsim.Result read = Compsim.run("validate", "plans/traditional.yaml", "--data",
        out.toString());
    assertThat(read.code()).as(read.err()).isZero();
  }
}
