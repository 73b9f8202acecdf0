package dev.compsim.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Whether input bytes are text: UTF-8, and where they stop being. */
final class Text {
  static final String NOT_TEXT =
      "not UTF-8 text (binary data, or another encoding: save the file as UTF-8)";

  static final String UTF_16 = "UTF-16 text (a spreadsheet's \"Unicode text\"): save the file "
      + "as UTF-8 (\"CSV UTF-8\")";

  private Text() {}

  private static boolean utf16(byte[] head, int length) {
    return length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
        || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
  }

  /** The position of the first byte that is not UTF-8, or null when all of them are. */
  static Diagnostic firstBadByte(Path file, byte[] bytes) {
    if (utf16(bytes, bytes.length)) {
      return new Diagnostic(file, 1, 1, UTF_16);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      return null;
    }
    int line = 1;
    int column = 1;
    out.flip();
    while (out.hasRemaining()) {
      if (out.get() == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Diagnostic(file, line, column, NOT_TEXT);
  }

  /** The position of the first byte of {@code file} that is not UTF-8, read in chunks. */
  static Diagnostic firstBadByte(Path file) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int line = 1;
    int column = 1;
    try (java.io.InputStream stream = java.nio.file.Files.newInputStream(file)) {
      ByteBuffer in = ByteBuffer.allocate(1 << 16);
      byte[] head = new byte[2];
      try (java.io.InputStream peek = java.nio.file.Files.newInputStream(file)) {
        if (utf16(head, peek.readNBytes(head, 0, 2))) {
          return new Diagnostic(file, 1, 1, UTF_16);
        }
      }
      CharBuffer out = CharBuffer.allocate(1 << 16);
      boolean end = false;
      while (true) {
        int n = end ? -1 : stream.read(in.array(), in.position(), in.remaining());
        if (n < 0) {
          end = true;
        } else {
          in.position(in.position() + n);
        }
        in.flip();
        CoderResult result = decoder.decode(in, out, end);
        out.flip();
        while (out.hasRemaining()) {
          if (out.get() == '\n') {
            line++;
            column = 1;
          } else {
            column++;
          }
        }
        out.clear();
        if (result.isError()) {
          return new Diagnostic(file, line, column, NOT_TEXT);
        }
        in.compact();
        if (end && !result.isOverflow()) {
          return new Diagnostic(file, 0, 0, NOT_TEXT);
        }
      }
    } catch (java.io.IOException e) {
      return new Diagnostic(file, 0, 0, NOT_TEXT);
    }
  }
}
