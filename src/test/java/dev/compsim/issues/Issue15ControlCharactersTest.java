package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 14: control characters from the data (an OSC 52 clipboard write, clear-screen,
 * {@code ESC[8m} that hides what follows, a bell, a C1 CSI, DEL, a carriage return that rewrites
 * the line) reached the terminal raw in validate, run, explain, compare and check. They are
 * shown escaped, and so is a line break in a name, which could fake a line of output.
 */
class Issue15ControlCharactersTest {
  /**
   * Copies "pwned" to the clipboard, clears the screen, hides text, rings, C1 CSI, DEL, rewrites
   * the line, starts a line of its own.
   */
  private static final String HOSTILE = "Eve\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u001b[8m"
      + "\u0007\u009b31m\u007f\rX\nok   fake";
  private static final String RAW_CONTROL = ".*[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f].*";

  @TempDir
  Path dir;

  @BeforeEach
  void data() throws IOException {
    write("deals.csv", """
        deal_id,owner,close_date,amount
        D1,R1,2026-02-10,80000
        D2,R2,2026-02-20,60000
        """);
    write("reps.csv", "rep_id,name,role,territory,quota,ote\n"
        + "R1,Ana Ruiz,AE,West,800000,160000\n"
        + "R2,\"" + HOSTILE + "\",AE,East,800000,160000\n");
    String plan = """
        name: "%s"
        fiscal_year_start: 02-01
        commission: { tiers: [ { rate: 0.05 } ] }
        guardrails: [ { metric: cost_of_sales, max: 0.01 } ]
        """;
    write("base.yaml", plan.formatted("Base"));
    write("evil.yaml", plan.formatted(HOSTILE.replace("\u001b", "\\e").replace("\u0007", "\\a")
        .replace("\u009b", "\\x9b").replace("\u007f", "\\x7f").replace("\r", "\\r")
        .replace("\n", "\\n")));
  }

  @Test
  void everyCommandShowsControlsEscaped() throws IOException {
    String data = dir.toString();
    String base = dir.resolve("base.yaml").toString();
    String evil = dir.resolve("evil.yaml").toString();
    assertSafe(run("run", base, evil, "--data", data));
    assertSafe(run("compare", base, evil, "--data", data));
    assertSafe(run("check", base, evil, "--data", data));
    assertSafe(run("explain", evil, "--data", data, "--rep", "R2"));
    assertNoRawControl(run("validate", evil, "--data", data));
    // the Markdown summary is printed by CI jobs and read with cat
    Path out = dir.resolve("out");
    run("compare", base, evil, "--data", data, "--out", out.toString(), "--format", "md");
    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary).contains("Eve\\\\u001b\\]52;c;cHduZWQ=\\\\u0007");
    assertNoRawControl(summary);
    // a problem whose message quotes the data: an owner missing from reps.csv
    write("deals.csv", "deal_id,owner,close_date,amount\nD1,\"" + HOSTILE
        + "\",2026-02-10,80000\n");
    String validate = run("validate", base, "--data", data);
    assertSafe(validate);
    assertThat(validate).contains("error");
  }

  private static void assertSafe(String printed) {
    assertThat(printed).as(printed).contains("Eve\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J")
        .contains("\\u009b31m\\u007f\\rX\\nok   fake").doesNotContain("\nok   fake");
    assertNoRawControl(printed);
  }

  private static void assertNoRawControl(String printed) {
    assertThat(printed.replace("\r\n", "\n")).doesNotMatch("(?s)" + RAW_CONTROL);
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return out + "\n" + err;
  }
}
