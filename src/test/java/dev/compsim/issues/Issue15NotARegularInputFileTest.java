package dev.compsim.issues;

import static dev.compsim.issues.Compsim.DATA;
import static dev.compsim.issues.Compsim.NEUTRAL;
import static dev.compsim.issues.Compsim.TRADITIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 16: a FIFO as an input hung (the open waits for a writer), {@code /dev/zero} as
 * a plan read until the memory ran out. Inputs must be regular files; anything else is refused
 * before it is opened.
 */
class Issue15NotARegularInputFileTest {
  private static final Duration QUICKLY = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private Path fifo;

  @BeforeEach
  void fifo() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo"))
        || Files.isExecutable(Path.of("/bin/mkfifo")));
    fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mkfifo.exitValue()).isZero();
  }

  private static Compsim.Result quickly(String... args) {
    return assertTimeoutPreemptively(QUICKLY, () -> Compsim.run(args));
  }

  @Test
  void aFifoAsAPlan() {
    Compsim.Result result = quickly("run", fifo.toString(), "--data", DATA);
    Compsim.assertRefused(result, fifo + ": error: is not a regular file");
  }

  @Test
  void aFifoAsDeals() {
    Compsim.Result result = quickly("run", TRADITIONAL, "--data", DATA, "--deals",
        fifo.toString());
    Compsim.assertRefused(result, fifo + ": error: is not a regular file");
  }

  @Test
  void aFifoAsColumnMap() {
    Compsim.Result result = quickly("run", TRADITIONAL, "--data", DATA, "--columns",
        fifo.toString());
    Compsim.assertRefused(result, fifo + ": error: is not a regular file");
  }

  @Test
  void devZeroAsAPlanOrAssumptions() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero));
    Compsim.assertRefused(quickly("validate", zero.toString()),
        "/dev/zero: error: is not a regular file");
    Compsim.assertRefused(quickly("compare", TRADITIONAL, NEUTRAL, "--data", DATA,
        "--assumptions", zero.toString()), "/dev/zero: error: is not a regular file");
  }

  @Test
  void aDirectoryAsAPlan() {
    Compsim.assertRefused(quickly("validate", dir.toString()),
        dir + ": error: is a directory, not a file");
  }
}
