package dev.compsim.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a CSV file may be cut in two so that each part is read on its own: just after the first
 * {@code \n} at or after the middle, with the physical lines before it counted as the reader
 * counts them ({@code \n}, {@code \r\n} and a lone {@code \r} are one line each, inside quotes
 * too). The cut is a guess: a line break inside a quoted field is no record boundary. The first
 * part's own reader is the judge. It reads from the file's start up to the cut, so it knows the
 * quotes; a cut inside quotes leaves it an unclosed quote, the read of that part fails, and the
 * caller reads the file in one piece.
 */
record CsvSplit(long offset, long linesBefore) {

  /** The cut of {@code file} at or after byte {@code from}, or null when there is none. */
  static CsvSplit find(Path file, long from) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return find(in, from);
    }
  }

  static CsvSplit find(InputStream in, long from) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long position = 0;
    long lines = 0;
    byte previous = '\n';
    for (int n = in.readNBytes(buffer, 0, buffer.length); n > 0;
        n = in.readNBytes(buffer, 0, buffer.length)) {
      for (int i = 0; i < n; i++) {
        byte b = buffer[i];
        if (b == '\r') {
          lines++;
        } else if (b == '\n') {
          if (previous != '\r') {
            lines++;
          }
          if (position + i + 1 > from) {
            return new CsvSplit(position + i + 1, lines);
          }
        }
        previous = b;
      }
      position += n;
    }
    return null;
  }
}
