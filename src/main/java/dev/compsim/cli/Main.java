package dev.compsim.cli;

import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code compsim} executable. Only {@link #main} exits; tests call {@link #execute}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out,
        StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err,
        StandardCharsets.UTF_8), true);
    int code = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine(out, err);
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // not a bug but a heap too small for the data: say what it had and how to give it more
      long heapMib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
      long suggestGib = Math.max(1, (2 * heapMib + 1023) / 1024);
      err.println("compsim: out of memory: the data needs a larger Java heap than the " + heapMib
          + " MiB this run has (scripts/compsim gives 9x the size of deals.csv, within 75% of "
          + "the machine's memory). Run again with more, for example COMPSIM_JAVA_OPTS=-Xmx"
          + suggestGib + "g scripts/compsim ...");
      err.flush();
      return ExitCode.INTERNAL;
    }
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new CompsimCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExitCodeExceptionMapper(e -> e instanceof InputException
        || e instanceof CommandLine.ParameterException ? ExitCode.INPUT : ExitCode.INTERNAL);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter errors = commandLine.getErr();
      if (e instanceof InputException input) {
        for (Diagnostic diagnostic : input.diagnostics()) {
          errors.println(diagnostic.format());
        }
        int count = input.diagnostics().size();
        errors.println(count + (count == 1 ? " problem" : " problems")
            + "; nothing was written.");
        errors.flush();
        return ExitCode.INPUT;
      }
      errors.println("compsim: internal error: " + e);
      e.printStackTrace(errors);
      errors.println("This is a bug in compsim. Please report it with the command line and the "
          + "stack trace above.");
      errors.flush();
      return ExitCode.INTERNAL;
    });
    return cli;
  }
}
