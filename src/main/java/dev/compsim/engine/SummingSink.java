package dev.compsim.engine;

/**
 * A sink that only sums what it reads of each line, so it can take the lines of many deals summed
 * into one ({@link Engine#evaluateSummed}): lines alike in payee, payee kind, component, status,
 * period, whether they are of a deal, the deal's partner (for a line not paid to a rep), and the
 * fiscal period of the pay date (for a released line), differing in their deal and amount. What
 * such a sink reads must be told by those fields and sums of amounts alone; one that reads
 * anything else of a line (its trace, its deal beyond the partner, its exact pay date) takes lines
 * one by one. {@code ColumnarDriftTest} holds each group to the ledger's own lines.
 */
public interface SummingSink extends LedgerSink {
  /**
   * A line standing for {@code count} lines of the ledger alike as above: its amount is theirs
   * summed, its deal and pay date those of the first of them.
   */
  void accept(LedgerLine line, long count);

  /** Sends each line, summed or not, to both sinks. */
  default SummingSink andThen(SummingSink next) {
    SummingSink first = this;
    return new SummingSink() {
      @Override
      public void accept(LedgerLine line) {
        first.accept(line);
        next.accept(line);
      }

      @Override
      public void accept(LedgerLine line, long count) {
        first.accept(line, count);
        next.accept(line, count);
      }
    };
  }
}
