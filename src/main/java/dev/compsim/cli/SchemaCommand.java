package dev.compsim.cli;

import dev.compsim.io.PlanSchema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code compsim schema}: the JSON Schema of the plan format, for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Prints the JSON Schema (draft 2020-12) of the plan format, for completion and "
        + "checking in editors.",
    footerHeading = "%nExample:%n",
    footer = "  compsim schema > plan.schema.json")
final class SchemaCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(PlanSchema.text());
    out.flush();
    return ExitCode.OK;
  }
}
