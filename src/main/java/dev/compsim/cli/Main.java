package dev.compsim.cli;

import dev.compsim.io.Diagnostic;
import dev.compsim.io.InputException;
import dev.compsim.io.OutputDir;
import dev.compsim.io.PlanReader;
import dev.compsim.io.Suggest;
import dev.compsim.report.TerminalText;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;

/** The {@code compsim} executable. Only {@link #main} exits; tests call {@link #execute}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // what reading a plan loads, on the core that is idle while picocli builds the command line
    Thread warmUp = new Thread(PlanReader::warmUp, "plan-reader-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out,
        StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err,
        StandardCharsets.UTF_8), true);
    int code = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command line and returns its exit code. Everything it prints goes through
   * {@link TerminalText#writer}: control characters from the data are shown escaped, whatever
   * command or message carries them.
   */
  public static int execute(PrintWriter rawOut, PrintWriter rawErr, String... args) {
    PrintWriter out = new PrintWriter(TerminalText.writer(rawOut), true);
    PrintWriter err = new PrintWriter(TerminalText.writer(rawErr), true);
    CommandLine cli = commandLine(out, err, args);
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
    } finally {
      // closes only the escaping layer: writes a held carriage return and flushes
      out.close();
      err.close();
    }
  }

  /**
   * The command line for {@code args}: the root command with the subcommand {@code args} names,
   * or with every one (for help, completion, a mistake picocli suggests a name for).
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new CompsimCommand());
    Class<?> named = null;
    for (Class<?> command : CompsimCommand.SUBCOMMANDS) {
      if (args.length > 0 && command != AutoComplete.GenerateCompletion.class
          && command.getAnnotation(CommandLine.Command.class).name().equals(args[0])) {
        named = command;
      }
    }
    for (Class<?> command : named != null ? List.of(named) : CompsimCommand.SUBCOMMANDS) {
      cli.addSubcommand(command); // before the settings below, which reach the subcommands
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(LocalDate.class, new DateConverter());
    // a mistake on the command line is one line naming it, not the whole usage
    cli.setParameterExceptionHandler(Main::usageError);
    // help in plain text: colours are escape sequences, which the escaping writers would show
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cli.setExitCodeExceptionMapper(e -> e instanceof InputException
        || e instanceof CommandLine.ParameterException || environment(e) != null
        ? ExitCode.INPUT : ExitCode.INTERNAL);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter errors = commandLine.getErr();
      if (e instanceof InputException input) {
        DiagnosticPrinter.print(errors, input.diagnostics());
        int count = input.diagnostics().size();
        errors.println(count + (count == 1 ? " problem" : " problems")
            + "; nothing was written.");
        errors.flush();
        return ExitCode.INPUT;
      }
      FileSystemException environment = environment(e);
      if (environment != null) {
        // a full disk, a read-only directory, a missing temporary directory: not a bug
        errors.println(Diagnostic.of(environment.getFile() == null ? null
            : Path.of(environment.getFile()), reason(environment)).format());
        errors.println(environment instanceof OutputDir.PartialCommitException
            ? "1 problem; see above for the files replaced."
            : "1 problem; nothing was written.");
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

  /**
   * Prints a command-line mistake as one line, {@code compsim run: unknown option '--foo'
   * (see compsim run --help)}, with picocli's suggestions when it has any; exit 2.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    // a value that cannot be read says what is expected; other mistakes point to the help
    boolean explained = e.getCause() instanceof CommandLine.TypeConversionException;
    err.println(name + ": " + TerminalText.cell(usageMessage(e))
        + (explained ? "" : " (see " + name + " --help)"));
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      List<String> suggestions = suggestions(unmatched);
      if (!suggestions.isEmpty()) {
        err.println("Did you mean " + String.join(" or ", suggestions) + "?");
      }
    }
    err.flush();
    return ExitCode.INPUT;
  }

  /** The mistake in words, without picocli's Java class names. */
  static String usageMessage(CommandLine.ParameterException e) {
    CommandLine.Model.ArgSpec arg = e.getArgSpec();
    if (e.getCause() instanceof CommandLine.TypeConversionException conversion && arg != null) {
      String what = arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName()
          : arg.paramLabel();
      return what + ": " + conversion.getMessage();
    }
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      List<String> rest = unmatched.getUnmatched();
      String first = rest.isEmpty() ? "" : rest.get(0);
      if (first.startsWith("-")) {
        String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        String owners = commandsWith(e.getCommandLine(), option);
        return owners == null ? "unknown option " + option
            : option + " does not apply to " + e.getCommandLine().getCommandName()
                + " (it is an option of " + owners + ")";
      }
      return (e.getCommandLine().getParent() == null ? "unknown command " : "unexpected argument ")
          + first;
    }
    String message = e.getMessage();
    return message == null ? "bad command line" : message.replace("%n", " ").strip();
  }

  /**
   * The nearest name to a mistyped option or command when one is close, else picocli's
   * suggestions (which for {@code simulat} also offer explain and generate).
   */
  private static List<String> suggestions(CommandLine.UnmatchedArgumentException e) {
    if (e.getUnmatched().isEmpty()) {
      return e.getSuggestions();
    }
    String wrong = e.getUnmatched().get(0);
    CommandLine command = e.getCommandLine();
    List<String> names = new ArrayList<>();
    if (wrong.startsWith("-")) {
      wrong = wrong.contains("=") ? wrong.substring(0, wrong.indexOf('=')) : wrong;
      for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
        names.addAll(List.of(option.names()));
      }
    } else if (command.getParent() == null) {
      names.addAll(command.getSubcommands().keySet());
    }
    String nearest = Suggest.nearest(wrong, names);
    return nearest == null ? e.getSuggestions() : List.of(nearest);
  }

  /** The other commands that have {@code option}, named as a list, or null when none has. */
  private static String commandsWith(CommandLine command, String option) {
    // every command, not only the one built for this command line
    CommandLine root = commandLine(command.getOut(), command.getErr());
    List<String> owners = new ArrayList<>();
    for (CommandLine sub : root.getSubcommands().values()) {
      if (!sub.getCommandName().equals(command.getCommandName())
          && sub.getCommandSpec().findOption(option) != null
          && !owners.contains(sub.getCommandName())) {
        owners.add(sub.getCommandName());
      }
    }
    return owners.isEmpty() ? null : String.join(", ", owners);
  }

  /**
   * The file-system failure behind {@code e}, when there is one: the environment (a full disk,
   * no permission, a read-only or missing directory), which the user can fix, not a bug.
   */
  static FileSystemException environment(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof FileSystemException fs) {
        return fs;
      }
    }
    return null;
  }

  private static String reason(FileSystemException e) {
    String reason = OutputDir.describe(e);
    if (e.getOtherFile() != null) {
      reason += " (with " + e.getOtherFile() + ")";
    }
    return reason;
  }
}
