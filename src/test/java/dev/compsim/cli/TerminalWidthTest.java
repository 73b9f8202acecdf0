package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 12, command line: with three or four plans the terminal output fits 120 columns (lines
 * were 255 to 274 characters): wide tables come in blocks of plans, long notes are wrapped.
 */
class TerminalWidthTest {
  private static final String[] PLANS = {"plans/traditional.yaml", "plans/outcomes-first.yaml",
      "plans/comp-neutral.yaml", "plans/partner-first.yaml"};

  private static void assertFits(String text) {
    assertThat(text.lines())
        .allSatisfy(line -> assertThat(line.codePointCount(0, line.length()))
            .as(line).isLessThanOrEqualTo(120));
  }

  @Test
  void compareWithFourPlansFits() {
    Terminal.Result result = Terminal.run("compare", PLANS[0], PLANS[1], PLANS[2], PLANS[3],
        "--data", "sample-data", "--runs", "5");
    assertThat(result.code()).isEqualTo(0);
    assertFits(result.out());
    // every plan is still in the headline, each block with the row labels
    assertThat(result.out()).contains("Traditional", "reseller", "(baseline)", "Outcomes first",
        "Comp-neutral", "Partner first");
    assertThat(result.out().lines().filter(l -> l.startsWith(" total cost "))).hasSize(2);
  }

  @Test
  void runWithFourPlansFits() {
    Terminal.Result result = Terminal.run("run", PLANS[0], PLANS[1], PLANS[2], PLANS[3],
        "plans/volume-rebates.yaml", "--data", "sample-data");
    assertThat(result.code()).isEqualTo(0);
    assertFits(result.out());
  }

  @Test
  void simulateWithFourPlansFits() {
    Terminal.Result result = Terminal.run("simulate", PLANS[0], PLANS[1], PLANS[2], PLANS[3],
        "--data", "sample-data", "--runs", "5", "--no-sensitivity");
    assertThat(result.code()).isEqualTo(0);
    assertFits(result.out());
  }
}
