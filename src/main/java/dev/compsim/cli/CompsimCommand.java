package dev.compsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The root command: a simulator for sales and channel compensation plans. */
@Command(name = "compsim",
    mixinStandardHelpOptions = true,
    versionProvider = CompsimCommand.Version.class,
    description = "Simulates sales and channel compensation plans on real deal exports: exact "
        + "payouts, plan against plan, and how incentives shift what reps do.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  compsim run plans/traditional.yaml plans/outcomes-first.yaml --data sample-data",
        "  compsim explain plans/outcomes-first.yaml --data sample-data --rep R007",
        "  compsim generate --deals 1000000 --seed 1 --out big-data",
        "  compsim validate plans/*.yaml --data sample-data",
        "  compsim schema > plan.schema.json          # editor completion for plans",
        "  compsim compare plans/traditional.yaml plans/outcomes-first.yaml --data sample-data "
            + "--out report/ --check",
        "  compsim check plans/*.yaml --data sample-data --junit guardrails.xml",
        "  compsim simulate plans/traditional.yaml plans/outcomes-first.yaml --data sample-data "
            + "--runs 1000 --seed 42",
        "  compsim sweep plans/traditional.yaml --vary holdback.share=0,0.15,0.3 --data "
            + "sample-data --out sweep/",
        "  source <(compsim generate-completion)    # bash completion",
        "",
        "Exit codes: 0 done, 1 a guardrail failed, 2 bad input or usage, 3 internal error."})
public final class CompsimCommand implements Runnable {
  /**
   * The subcommands, in the order help lists them. Not in the annotation: {@link Main} builds
   * only the one a command line names (picocli reads every option of every command it is given,
   * a few milliseconds each, before it parses anything).
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(
      RunCommand.class,
      ValidateCommand.class,
      SchemaCommand.class,
      ExplainCommand.class,
      GenerateCommand.class,
      CompareCommand.class,
      CheckCommand.class,
      SimulateCommand.class,
      SweepCommand.class,
      SolveCommand.class,
      SweepMergeCommand.class,
      AutoComplete.GenerateCompletion.class);

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version Maven wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = CompsimCommand.class.getResourceAsStream(
          "/compsim-version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"compsim " + properties.getProperty("version", "unknown")};
    }
  }
}
