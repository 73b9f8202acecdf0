package dev.compsim.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a CSV file may be cut in two so that each part is read on its own: just after the first
 * {@code \n} at or after a byte. The cut is a guess (a line break inside a quoted field is no
 * record boundary), and only the bytes from that byte on are read to find it. The first part's
 * own reader is the judge: it reads from the file's start up to the cut, so it knows the quotes;
 * a cut inside quotes leaves it an unclosed quote, the read of that part fails, and the caller
 * reads the file in one piece. The first part's reader also counts the physical lines before
 * the cut, which place the second part's rows.
 */
final class CsvSplit {
  private CsvSplit() {}

  /** The cut of {@code file} at or after byte {@code from}, or -1 when there is none. */
  static long find(Path file, long from) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(from);
      byte[] buffer = new byte[1 << 16];
      long position = from;
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            return position + i + 1;
          }
        }
        position += n;
      }
    }
    return -1;
  }
}
