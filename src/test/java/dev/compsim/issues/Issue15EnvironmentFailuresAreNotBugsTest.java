package dev.compsim.issues;

import static dev.compsim.issues.Compsim.DATA;
import static dev.compsim.issues.Compsim.OUTCOMES;
import static dev.compsim.issues.Compsim.TRADITIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 7: a read-only {@code --out}, a full disk, a missing temporary directory and a
 * directory where summary.md goes all ended in exit 3 "this is a bug in compsim". They are the
 * environment: exit 2, one line with the path and the reason, nothing written.
 */
class Issue15EnvironmentFailuresAreNotBugsTest {
  @TempDir
  Path dir;

  private static boolean posix() {
    return !System.getProperty("os.name").startsWith("Windows");
  }

  @Test
  void aDirectoryWhereSummaryMdGoes() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("summary.md"));
    Compsim.Result result = Compsim.run("compare", TRADITIONAL, OUTCOMES, "--data", DATA,
        "--out", out.toString());
    Compsim.assertRefused(result, out.resolve("summary.md") + ": error: is a directory");
    assertThat(result.out()).isEmpty();
    assertThat(Compsim.names(out)).containsExactly("summary.md");
  }

  @Test
  void aFullDisk() {
    // a file size limit makes a write fail as a full disk does (the JVM ignores SIGXFSZ)
    assumeTrue(posix() && Files.isExecutable(Path.of("/bin/sh")));
    Path out = dir.resolve("out");
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "ulimit -f 8 && exec \"$@\"",
        "sh"));
    command.addAll(Compsim.command(List.of(), "compare", TRADITIONAL, OUTCOMES, "--data", DATA,
        "--out", out.toString(), "--quiet"));
    Compsim.Result result = Compsim.runProcess(command, dir);
    Compsim.assertRefused(result, out.toString(), ": error: File too large",
        "nothing was written");
    assertThat(result.err().lines()).hasSize(2);
    assertThat(out).doesNotExist();
  }

  @Test
  void aMissingTemporaryDirectory() {
    Path missing = dir.resolve("no-such-tmp");
    Path out = dir.resolve("out");
    Compsim.Result result = Compsim.runProcess(Compsim.command(
        List.of("-Djava.io.tmpdir=" + missing), "compare", TRADITIONAL, OUTCOMES, "--data",
        DATA, "--out", out.toString(), "--quiet", "--format", "xlsx"), dir);
    Compsim.assertRefused(result, missing + ": error: cannot create a file in the temporary "
        + "directory (java.io.tmpdir): no such directory", "nothing was written");
    assertThat(out).doesNotExist();
  }

  @Test
  void aReadOnlyOutputDirectory() throws IOException {
    // root writes anyway: run as a user (checked by hand as root with setpriv, see the issue)
    assumeTrue(posix());
    assumeFalse("root".equals(System.getProperty("user.name")));
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Compsim.Result result = Compsim.run("compare", TRADITIONAL, OUTCOMES, "--data", DATA,
          "--out", out.toString());
      Compsim.assertRefused(result, out + ": error: cannot write here");
    } finally {
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
