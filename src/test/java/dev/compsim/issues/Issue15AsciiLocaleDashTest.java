package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 8: under {@code LANG=C} the terminal tables printed {@code ?} for the dash of
 * the baseline's empty cells (and for any non-ASCII name): the table library encoded through the
 * platform charset, which is ASCII there. compsim writes UTF-8 whatever the locale. The platform
 * charset is fixed when a JVM starts, so this runs compsim in a JVM of its own.
 */
class Issue15AsciiLocaleDashTest {
  @Test
  void tablesKeepTheDashUnderAnAsciiLocale() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(),
        "-Dfile.encoding=US-ASCII", "-Dsun.stdout.encoding=US-ASCII", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), "dev.compsim.cli.Main", "compare",
        "plans/traditional.yaml", "plans/outcomes-first.yaml", "--data", "sample-data"));
    builder.environment().put("LANG", "C");
    builder.environment().put("LC_ALL", "C");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    byte[] bytes = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(bytes, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out).containsPattern("change vs baseline +\\| +\u2014 \\|")
        .doesNotContain("?");
  }
}
