package dev.compsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compsim.engine.Consistency;
import dev.compsim.engine.DataProfile;
import dev.compsim.engine.Problem;
import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.io.PlanVariants;
import dev.compsim.model.Plan;
import dev.compsim.report.Sweep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What sweep and solve share: the --vary options placed on the command line and checked
 * against the base plan, and variants made from them, each read through the plan reader as its
 * written file would be and checked against the data.
 */
final class SweepSetup {
  private SweepSetup() {}

  /**
   * The command-line position of each value of option {@code name}, in the order given: the
   * argument's number (the command's name is argument 1) and the column where the value starts.
   */
  static List<Vary.Where> positions(CommandSpec spec, String name) {
    List<Vary.Where> where = new ArrayList<>();
    List<String> args = spec.commandLine().getParseResult() == null ? List.of()
        : spec.commandLine().getParseResult().originalArgs();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals(name) && i + 1 < args.size()) {
        where.add(new Vary.Where(i + 2, 1));
        i++;
      } else if (arg.startsWith(name + "=")) {
        where.add(new Vary.Where(i + 1, name.length() + 2));
      }
    }
    return where;
  }

  /** Parses every --vary option against {@code base}; a key may be varied once. */
  static List<Vary> parse(List<String> raw, CommandSpec spec, PlanVariants base) {
    List<Vary.Where> positions = positions(spec, "--vary");
    List<Vary> varies = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Vary.Where where = i < positions.size() ? positions.get(i) : new Vary.Where(0, 1);
      Vary vary = Vary.parse(raw.get(i), where, base);
      for (Vary earlier : varies) {
        if (earlier.key().steps().equals(vary.key().steps())) {
          throw vary.problem(0, vary.key().text() + " is varied twice");
        }
      }
      varies.add(vary);
    }
    return varies;
  }

  /**
   * Refuses a value the plan reader refuses (a rate over 1, an unknown credit basis), placed at
   * the value on the command line: each value is tried alone on the base plan.
   */
  static void checkValues(PlanVariants base, List<Vary> varies) {
    for (Vary vary : varies) {
      List<Vary.Value> values = vary.continuous()
          ? List.of(withOffset(vary.value(vary.low()), 0), withOffset(vary.value(vary.high()), 0))
          : vary.values();
      for (Vary.Value value : values) {
        try {
          base.read(base.file(), base.yaml(List.of(vary.key()), List.of(value.node()), null,
              null));
        } catch (InputException e) {
          List<String> messages = new ArrayList<>();
          for (Diagnostic d : e.diagnostics()) {
            messages.add(d.message());
          }
          throw vary.problem(value.offset(), vary.key().text() + "=" + value.text()
              + " is refused: " + String.join("; ", messages));
        }
      }
    }
  }

  private static Vary.Value withOffset(Vary.Value value, int offset) {
    return new Vary.Value(value.text(), value.node(), offset);
  }

  /** Whether {@code a} and {@code b} are one file (--baseline naming the base plan again). */
  static boolean sameFile(Path a, Path b) {
    try {
      return java.nio.file.Files.isSameFile(a, b);
    } catch (java.io.IOException e) {
      return false; // a missing file is reported when it is read
    }
  }

  /** One variant: its id, parameters, the YAML of its plan file and the plan it reads as. */
  record Variant(String id, List<Sweep.Param> params, byte[] yaml, Plan plan) {}

  /**
   * Makes variant {@code id} with {@code values} (one per vary), reads it as the file
   * {@code file} and checks it against the data; an InputException names the variant.
   */
  static Variant variant(PlanVariants base, Plan basePlan, List<Vary> varies,
      List<Vary.Value> values, String id, Path file, DataProfile profile) {
    List<Sweep.Param> params = new ArrayList<>();
    List<PlanVariants.Key> keys = new ArrayList<>();
    List<JsonNode> nodes = new ArrayList<>();
    List<String> described = new ArrayList<>();
    for (int i = 0; i < varies.size(); i++) {
      params.add(new Sweep.Param(varies.get(i).key().text(), values.get(i).text()));
      keys.add(varies.get(i).key());
      nodes.add(values.get(i).node());
      described.add(varies.get(i).key().text() + "=" + values.get(i).text());
    }
    String what = String.join(", ", described);
    String name = basePlan.name() + " (" + what + ")";
    String header = (id == null ? "solved variant" : "variant " + id) + " of " + base.file() + ": "
        + what + "\nwritten by compsim; the same as the base plan but for these keys";
    byte[] yaml = base.yaml(keys, nodes, name, header);
    Plan plan;
    try {
      plan = base.read(file, yaml);
    } catch (InputException e) {
      List<String> messages = new ArrayList<>();
      for (Diagnostic d : e.diagnostics()) {
        messages.add(d.message());
      }
      throw new InputException(Diagnostic.of(null, (id == null ? "" : "variant " + id + " (")
          + what + (id == null ? "" : ")") + " is not a valid plan: "
          + String.join("; ", messages)));
    }
    List<Problem> problems = Consistency.check(plan, profile);
    if (!problems.isEmpty()) {
      throw new InputException(Diagnostic.of(null, (id == null ? "" : "variant " + id + " (")
          + what + (id == null ? "" : ")") + " does not fit the data: "
          + problems.get(0).message()));
    }
    return new Variant(id, params, yaml, plan);
  }
}
