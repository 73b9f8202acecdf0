package dev.compsim.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden/. After an intended change of a report, rewrite
 * them with {@code mvn test -Dgolden.update=true} and review the diff.
 */
public final class Golden {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  public static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", file).exists();
      assertThat(actual).as("output differs from %s; if intended, rerun with "
          + "-Dgolden.update=true", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
