package dev.compsim.cli;

import dev.compsim.behavior.Assumptions;
import dev.compsim.io.AssumptionsReader;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --assumptions FILE}: the behavior model's assumptions, for compare and simulate. */
final class AssumptionsOption {
  @Option(names = "--assumptions", paramLabel = "FILE",
      description = "Behavior model assumptions (YAML, see assumptions.yaml); default: the "
          + "built-in values.")
  Path file;

  /** Plans, data and assumptions read together, so every problem in any of them is listed. */
  record Loaded(Inputs inputs, Assumptions assumptions) {}

  Loaded load(List<Path> planFiles, DataOptions data, LocalDate asOf) {
    List<Diagnostic> problems = new ArrayList<>();
    Assumptions assumptions = Assumptions.defaults();
    if (file != null) {
      try {
        assumptions = new AssumptionsReader().read(file);
      } catch (InputException e) {
        problems.addAll(e.diagnostics());
      }
    }
    Inputs inputs;
    try {
      inputs = Inputs.load(planFiles, data, asOf);
    } catch (InputException e) {
      problems.addAll(e.diagnostics());
      throw new InputException(problems);
    }
    InputException.throwIfAny(problems);
    return new Loaded(inputs, assumptions);
  }
}
