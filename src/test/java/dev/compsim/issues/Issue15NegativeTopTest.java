package dev.compsim.issues;

import static dev.compsim.issues.Compsim.DATA;
import static dev.compsim.issues.Compsim.TRADITIONAL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 15, item 16: {@code run --top -1} ended in exit 3 (a sublist to -1); it is usage. */
class Issue15NegativeTopTest {
  @Test
  void aNegativeTopIsAUsageErrorNamingTheOption() {
    Compsim.Result result = Compsim.run("run", TRADITIONAL, "--data", DATA, "--top", "-1");
    Compsim.assertRefused(result, "error: --top must be 0 or more, not -1");
    assertThat(result.err().lines()).hasSize(2);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void zeroListsNoTopEarners() {
    Compsim.Result result = Compsim.run("run", TRADITIONAL, "--data", DATA, "--top", "0");
    assertThat(result.code()).as(result.err()).isZero();
  }
}
