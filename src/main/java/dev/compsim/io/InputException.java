package dev.compsim.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Bad input: every problem found, each with its file position. Exit code 2. */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public InputException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "bad input" : diagnostics.get(0).format());
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    Collections.sort(sorted);
    this.diagnostics = List.copyOf(sorted);
  }

  public InputException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Throws when {@code diagnostics} holds any problem. */
  public static void throwIfAny(List<Diagnostic> diagnostics) {
    if (!diagnostics.isEmpty()) {
      throw new InputException(diagnostics);
    }
  }
}
