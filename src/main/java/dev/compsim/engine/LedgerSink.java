package dev.compsim.engine;

/** Receives ledger lines as the engine makes them, in a fixed order. */
@FunctionalInterface
public interface LedgerSink {
  void accept(LedgerLine line);

  /** Sends each line to both sinks. */
  default LedgerSink andThen(LedgerSink next) {
    return line -> {
      accept(line);
      next.accept(line);
    };
  }
}
