package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad inputs under {@code src/test/resources/bad-inputs/}: each case is a
 * directory holding the files it breaks (the others come from {@code _base/}), optionally an
 * {@code args} file (one argument a line, {@code {dir}} for the case's directory), and
 * {@code expected.txt}, the exact error output with the directory left out. Every case must exit
 * with 2, print nothing on standard output, and finish quickly.
 */
class BadInputsTest {
  private static final Path CATALOGUE = Path.of("src/test/resources/bad-inputs");

  @TempDir
  Path dir;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> entries = Files.list(CATALOGUE)) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validateRefusesTheCaseWithTheExpectedMessages(String name) throws IOException {
    Path source = CATALOGUE.resolve(name);
    copy(CATALOGUE.resolve("_base"));
    copy(source);
    List<String> args = new ArrayList<>();
    Path argsFile = source.resolve("args");
    if (Files.exists(argsFile)) {
      for (String line : Files.readAllLines(argsFile)) {
        args.add(line.replace("{dir}", dir.toString()));
      }
    } else {
      args.addAll(List.of("validate", dir.resolve("plan.yaml").toString(), "--data",
          dir.toString()));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new)));
    String actual = err.toString().replace(dir + "/", "");
    Path expected = source.resolve("expected.txt");
    if (Boolean.getBoolean("bad-inputs.update")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(code).as(actual).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(actual).doesNotContain("Exception", "\tat ");
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  private void copy(Path from) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!name.equals("args") && !name.equals("expected.txt")) {
          Files.copy(file, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
