package dev.compsim.cli;

/** The exit codes of every command. */
public final class ExitCode {
  /** Done. */
  public static final int OK = 0;
  /** A guardrail failed ({@code check}, or {@code compare --check}). */
  public static final int GUARDRAIL = 1;
  /** Bad input or usage: the message names the file, line and column. */
  public static final int INPUT = 2;
  /** An internal error: a bug in compsim, with a stack trace to report. */
  public static final int INTERNAL = 3;

  private ExitCode() {}
}
