package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, command line: a date option that is not a date names the option, the value and the
 * expected form, on one line, without a Java class or exception name.
 */
class DateOptionsTest {
  @TempDir
  static Path dir;

  static Stream<Arguments> dateOptions() {
    String plan = "plans/traditional.yaml";
    return Stream.of(
        Arguments.of("run", "--as-of", List.of("run", plan, "--data", "sample-data")),
        Arguments.of("compare", "--as-of", List.of("compare", plan, plan, "--data",
            "sample-data")),
        Arguments.of("simulate", "--as-of", List.of("simulate", plan, "--data", "sample-data")),
        Arguments.of("explain", "--as-of", List.of("explain", plan, "--data", "sample-data",
            "--rep", "R007")),
        Arguments.of("check", "--as-of", List.of("check", plan, "--data", "sample-data")),
        Arguments.of("generate", "--start", List.of("generate", "--out", "unused")),
        Arguments.of("generate", "--end", List.of("generate", "--out", "unused")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dateOptions")
  void aDayFirstDateIsRefusedInOneLine(String command, String option, List<String> args) {
    for (String value : List.of("31/03/2026", "2026-02-30", "tomorrow")) {
      Stream<String> line = Stream.concat(args.stream(), Stream.of(option, value));
      Terminal.Result result = Terminal.run(line.toArray(String[]::new));
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).isEqualTo("compsim " + command + ": " + option + ": \"" + value
          + "\" is not a date; expected yyyy-MM-dd, e.g. 2026-03-31\n");
    }
  }
}
