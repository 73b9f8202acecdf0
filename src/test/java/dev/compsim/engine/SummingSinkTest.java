package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two summing sinks joined each take every line, one by one or summed, with its count. */
class SummingSinkTest {

  @Test
  void bothSinksTakeEachLineWithItsCount() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    SummingSink both = recording(first).andThen(recording(second));
    LedgerLine line = new LedgerLine("P", "R1", PayeeKind.REP, Component.COMMISSION, "D1",
        "FY2026-Q1", Status.PAID, new BigDecimal("10.00"), LocalDate.of(2026, 2, 1), null);
    both.accept(line);
    both.accept(line, 7);
    assertThat(first).containsExactly("R1 10.00 x1", "R1 10.00 x7");
    assertThat(second).isEqualTo(first);
  }

  private static SummingSink recording(List<String> into) {
    return new SummingSink() {
      @Override
      public void accept(LedgerLine line) {
        accept(line, 1);
      }

      @Override
      public void accept(LedgerLine line, long count) {
        into.add(line.payee() + " " + line.amount() + " x" + count);
      }
    };
  }
}
