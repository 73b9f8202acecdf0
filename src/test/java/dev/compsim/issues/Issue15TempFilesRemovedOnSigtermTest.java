package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 6: a SIGTERM while the reports were being written left the temporary files
 * behind (a 154 MB {@code .ledger.csv.tmp}). A shutdown hook now removes them, and the lock.
 */
class Issue15TempFilesRemovedOnSigtermTest {
  @TempDir
  Path dir;

  @Test
  void sigtermWhileWritingLeavesNoTemporaryFile() throws Exception {
    // Process.destroy() is SIGTERM on Linux and macOS; on Windows it kills without hooks
    assumeFalse(System.getProperty("os.name").startsWith("Windows"));
    Path out = dir.resolve("data");
    // far more deals than can be written before the signal: deals.csv is mid-write then
    List<String> command = Compsim.command(List.of("-Xmx256m"), "generate", "--deals",
        "100000000", "--reps", "20", "--partners", "5", "--out", out.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("output.txt").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!writingDeals(out)) {
        assertThat(process.isAlive()).as("compsim ended before it wrote deals.csv: %s",
            Files.readString(dir.resolve("output.txt"))).isTrue();
        assertThat(System.nanoTime()).as("deals.csv under way within 30 s").isLessThan(deadline);
        Thread.sleep(20);
      }
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    // nothing is left: no temporary file, no lock, not even the directory the run created
    assertThat(Compsim.names(out)).isEmpty();
    assertThat(out).doesNotExist();
  }

  private static boolean writingDeals(Path out) throws IOException {
    for (String name : Compsim.names(out)) {
      if (name.startsWith(".deals.csv") && Files.size(out.resolve(name)) > 1 << 20) {
        return true;
      }
    }
    return false;
  }
}
