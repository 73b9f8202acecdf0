package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs compsim for the issue tests: in this JVM through {@link Main#execute}, or in a JVM of its
 * own for what cannot happen in-process (a signal, a file size limit, a system property read at
 * startup).
 */
final class Compsim {
  private Compsim() {}

  record Result(int code, String out, String err) {}

  /** The shipped plans and sample data, small enough to be fast. */
  static final String TRADITIONAL = "plans/traditional.yaml";
  static final String OUTCOMES = "plans/outcomes-first.yaml";
  static final String NEUTRAL = "plans/comp-neutral.yaml";
  static final String DATA = "sample-data";

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** The command line of compsim in its own JVM. */
  static List<String> command(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:off");
    command.add("-XX:-UsePerfData"); // no hsperfdata file: nothing but compsim writes
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** Runs {@code command} to its end (at most a minute), its output kept in files. */
  static Result runProcess(List<String> command, Path scratch) {
    try {
      Path out = Files.createTempFile(scratch, "out", ".txt");
      Path err = Files.createTempFile(scratch, "err", ".txt");
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
          .redirectError(err.toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("compsim did not finish within a minute: " + command);
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The names in {@code dir}, hidden ones too; empty when it does not exist. */
  static List<String> names(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A refusal: exit 2, one problem named, no stack trace, no "bug". */
  static void assertRefused(Result result, String... fragments) {
    assertThat(result.code()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).contains(fragments).doesNotContain("Exception", "\tat ", "bug");
  }
}
