package dev.compsim.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** The lines of one plan's ledger, in the order the engine made them. */
public final class Ledger implements LedgerSink {
  private final List<LedgerLine> lines = new ArrayList<>();

  @Override
  public void accept(LedgerLine line) {
    lines.add(line);
  }

  public List<LedgerLine> lines() {
    return Collections.unmodifiableList(lines);
  }

  public BigDecimal sum(Predicate<LedgerLine> filter) {
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (LedgerLine line : lines) {
      if (filter.test(line)) {
        total = total.add(line.amount());
      }
    }
    return total;
  }

  public List<LedgerLine> select(Predicate<LedgerLine> filter) {
    List<LedgerLine> selected = new ArrayList<>();
    for (LedgerLine line : lines) {
      if (filter.test(line)) {
        selected.add(line);
      }
    }
    return selected;
  }
}
