package dev.compsim.issues;

import dev.compsim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CLI run in-process on files a test writes into its directory, as a user would. */
final class Cli {
  private final Path dir;

  Cli(Path dir) {
    this.dir = dir;
  }

  record Result(int code, String out, String err) {}

  /** Writes {@code content} to {@code name} in the directory and returns the file. */
  Path write(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Two reps and a one-tier USD plan, the background of most cases. */
  Cli basics() {
    write("reps.csv", """
        rep_id,name,role,territory,quota,ote
        R1,Ana Ruiz,AE,West,800000,160000
        R2,Bo Chen,AE,East,600000,140000
        """);
    write("plan.yaml", """
        name: Base
        currency: USD
        fiscal_year_start: 02-01
        commission:
          tiers:
            - { rate: 0.05 }
        """);
    return this;
  }

  /** Runs compsim with {@code args}; {@code {dir}/} in an argument is the directory. */
  Result run(String... args) {
    String[] resolved = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      resolved[i] = args[i].replace("{dir}/", dir + "/").replace("{dir}", dir.toString());
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), resolved);
    return new Result(code, out.toString(), err.toString().replace(dir + "/", ""));
  }
}
