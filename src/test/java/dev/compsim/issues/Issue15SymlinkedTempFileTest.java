package dev.compsim.issues;

import static dev.compsim.issues.Compsim.DATA;
import static dev.compsim.issues.Compsim.OUTCOMES;
import static dev.compsim.issues.Compsim.TRADITIONAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 4: a symbolic link planted at {@code --out/.summary.md.tmp} made compsim
 * overwrite the link's target (and then left summary.md a link to it). Temporary files are now
 * created exclusively, under unpredictable names, never through a link.
 */
class Issue15SymlinkedTempFileTest {
  private static final List<String> FILES = List.of("summary.md", "ledger.csv", "report.json",
      "report.html", "report.xlsx");

  @TempDir
  Path dir;

  @Test
  void linksPlantedAtTheTemporaryNamesAreNeitherFollowedNorReplaced() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path victims = Files.createDirectories(dir.resolve("elsewhere"));
    for (String name : FILES) {
      Files.writeString(victims.resolve(name), "precious " + name);
      Files.createSymbolicLink(out.resolve("." + name + ".tmp"), victims.resolve(name));
    }

    Compsim.Result result = Compsim.run("compare", TRADITIONAL, OUTCOMES, "--data", DATA,
        "--out", out.toString(), "--quiet");

    assertThat(result.code()).as(result.err()).isZero();
    for (String name : FILES) {
      assertThat(Files.readString(victims.resolve(name))).isEqualTo("precious " + name);
      assertThat(out.resolve("." + name + ".tmp")).isSymbolicLink();
      assertThat(Files.isRegularFile(out.resolve(name), LinkOption.NOFOLLOW_LINKS))
          .as(name).isTrue();
    }
    assertThat(Files.readString(out.resolve("summary.md"))).startsWith("# compsim:");
  }

  @Test
  void aLinkPlantedAtTheLockFileIsNotFollowed() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path victim = Files.writeString(dir.resolve("victim"), "precious");
    Files.createSymbolicLink(out.resolve(".compsim.lock"), victim);

    Compsim.Result result = Compsim.run("compare", TRADITIONAL, OUTCOMES, "--data", DATA,
        "--out", out.toString(), "--quiet");

    Compsim.assertRefused(result, out.resolve(".compsim.lock") + ": error: is a symbolic link, "
        + "which compsim does not follow; remove it");
    assertThat(Files.readString(victim)).isEqualTo("precious");
    assertThat(out.resolve(".compsim.lock")).isSymbolicLink();
  }
}
