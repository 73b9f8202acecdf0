package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run without traces skips writing explanations (partner terms, holdback reasons, share
 * labels): its ledger must be the traced ledger line for line, only without the traces (prize
 * lines, a handful, keep theirs: the reports' competition section shows them). Checked
 * on the random plans and data sets of {@link ReconciliationPropertyTest} (tiers, caps, split
 * teams, holdbacks with clawback, partner margins, tiers, rebates, rewards, competitions).
 */
class UntracedEvaluationTest {
  @Test
  void untracedLinesAreTheTracedLinesWithoutTraces() {
    int lines = 0;
    for (long seed = 1; seed <= 300; seed++) {
      ReconciliationPropertyTest.Case c = ReconciliationPropertyTest.draw(seed);
      Engine engine = new Engine(c.data(), c.asOf());
      List<LedgerLine> expected = new ArrayList<>();
      for (LedgerLine line : engine.ledger(c.plan()).lines()) {
        assertThat(line.trace()).isNotNull();
        expected.add(withoutTrace(line));
      }
      List<LedgerLine> untraced = new ArrayList<>();
      engine.evaluate(c.plan(), untraced::add, false);
      assertThat(untraced).as("seed %d", seed).isEqualTo(expected);
      lines += expected.size();
    }
    assertThat(lines).isGreaterThan(10_000);
  }

  private static LedgerLine withoutTrace(LedgerLine line) {
    return new LedgerLine(line.plan(), line.payee(), line.payeeKind(), line.component(),
        line.dealId(), line.period(), line.status(), line.amount(), line.payDate(),
        line.component() == Component.PRIZE ? line.trace() : null);
  }
}
