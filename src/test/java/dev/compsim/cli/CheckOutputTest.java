package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, command line: check's report is all on standard output, in the order the guardrails
 * were checked, so a failure stays between the lines around it when both streams go to one log.
 */
class CheckOutputTest {
  @Test
  void failuresAreInOrderOnStandardOutput() {
    Terminal.Result result = Terminal.run("check", "plans/traditional.yaml",
        "plans/partner-first.yaml", "plans/comp-neutral.yaml", "--data", "sample-data");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).isEmpty();
    List<String> lines = result.out().lines().toList();
    int fail = lines.indexOf(lines.stream().filter(l -> l.startsWith("FAIL ")).findFirst()
        .orElseThrow());
    // partner first's failure comes after the baseline's lines and before comp-neutral's
    assertThat(lines.subList(0, fail)).anyMatch(l -> l.contains("\"Traditional reseller\""));
    assertThat(lines.get(fail)).contains("\"Partner first\"");
    assertThat(lines.subList(fail + 1, lines.size()))
        .anyMatch(l -> l.contains("\"Comp-neutral\""));
    assertThat(lines.get(lines.size() - 1)).endsWith("1 failed.");
  }
}
