package dev.compsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The CLI run in-process as a user types it: the exit code and both streams. */
final class Terminal {
  private Terminal() {}

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
