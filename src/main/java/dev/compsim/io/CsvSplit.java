package dev.compsim.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a CSV file can be cut in two so that each part parses on its own: the first newline at
 * or after the middle that ends a record (outside quotes), with the physical lines before it
 * counted as Commons CSV counts them ({@code \n}, {@code \r\n} and a lone {@code \r} are one
 * line each). The bytes before the cut are read as Commons CSV's RFC 4180 lexer reads them: a
 * quote opens a field only at its start and closes it only before a delimiter or a line end,
 * {@code ""} inside is one quote. Anything else (a quote inside an unquoted field, text after a
 * closing quote) gives no cut, and the caller reads the whole file in one piece.
 */
record CsvSplit(long offset, long linesBefore) {
  private static final int OUT = 0;
  private static final int IN = 1;
  /** In a quoted field, just after a quote: an escaped quote or the field's end. */
  private static final int QUOTE = 2;

  /** The cut of {@code file} at or after byte {@code from}, or null when there is none. */
  static CsvSplit find(Path file, char delimiter, long from) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return find(in, (byte) delimiter, from);
    }
  }

  static CsvSplit find(InputStream in, byte delimiter, long from) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long position = 0;
    long lines = 0;
    int state = OUT;
    int n = in.readNBytes(buffer, 0, buffer.length);
    int first = n >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB
        && buffer[2] == (byte) 0xBF ? 3 : 0; // a byte-order mark is not part of the first field
    int last = '\n'; // the byte before the buffer: the file starts a line
    while (n > 0) {
      for (int i = first; i < n; i++) {
        int b = buffer[i] & 0xFF;
        if (b > '"' && b != delimiter) {
          if (state == QUOTE) {
            return null; // text after a closing quote: a parse error, read in one piece
          }
          continue; // most bytes: part of a field
        }
        int previous = i > first ? buffer[i - 1] & 0xFF : last;
        if (b == '\n' && previous != '\r' || b == '\r') {
          lines++;
        }
        if (state == IN) {
          if (b == '"') {
            state = QUOTE;
          }
          continue;
        }
        if (state == QUOTE) {
          if (b == '"') {
            state = IN; // "" is one quote
            continue;
          }
          if (b != delimiter && b != '\n' && b != '\r') {
            return null; // text after a closing quote: a parse error, read in one piece
          }
          state = OUT;
        }
        if (b == '"') {
          if (previous != delimiter && previous != '\n' && previous != '\r') {
            return null; // a quote inside an unquoted field is a character, not a quote
          }
          state = IN;
        } else if (b == '\n') {
          long cut = position + i + 1;
          if (cut > from) {
            return new CsvSplit(cut, lines);
          }
        }
      }
      last = n > first ? buffer[n - 1] & 0xFF : last;
      position += n;
      n = in.readNBytes(buffer, 0, buffer.length);
      first = 0;
    }
    return null;
  }
}
