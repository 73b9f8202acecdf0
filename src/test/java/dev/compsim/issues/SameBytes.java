package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Compares output files byte for byte, showing where they first differ. */
final class SameBytes {
  private SameBytes() {}

  static Map<String, byte[]> read(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.toList()) {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual, String how) {
    assertThat(actual.keySet()).as(how).isEqualTo(expected.keySet());
    for (String name : expected.keySet()) {
      byte[] a = expected.get(name);
      byte[] b = actual.get(name);
      int at = Arrays.mismatch(a, b);
      assertThat(at).as("%s %s differs at byte %d: %s | %s", name, how, at, around(a, at),
          around(b, at)).isEqualTo(-1);
    }
  }

  private static String around(byte[] bytes, int at) {
    int from = Math.max(0, at - 40);
    int to = Math.min(bytes.length, at + 40);
    return from >= to ? "(end)" : new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }
}
