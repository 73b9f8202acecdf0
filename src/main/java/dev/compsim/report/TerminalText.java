package dev.compsim.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text for a terminal, made inert. Data can carry control characters (an escape sequence that
 * hides text, clears the screen, sets the window title or writes the clipboard through OSC 52,
 * a bell); shown raw they act on the user's terminal. Every C0 control but line feed and tab,
 * DEL, and every C1 control is shown escaped instead, as Java writes it: ESC as a backslash and
 * {@code u001b}, a carriage return as {@code \r}, CSI as a backslash and {@code u009b}.
 * {@link #writer} applies this to everything compsim prints, so every terminal renderer goes
 * through it; {@link #cell} also escapes line breaks and tabs, for one-line table cells.
 */
public final class TerminalText {
  private TerminalText() {}

  /** The text with controls escaped; line feeds and tabs kept. */
  public static String escape(String text) {
    return escape(text, false);
  }

  /** The text on one line: controls, line breaks and tabs all escaped. */
  public static String cell(String text) {
    return escape(text, true);
  }

  /** A writer that escapes controls in everything written through it ({@code \r\n} is kept). */
  public static Writer writer(Writer out) {
    return new Escaping(out);
  }

  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }

  private static String escape(String text, boolean oneLine) {
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i), oneLine)) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (needsEscape(c, oneLine)) {
        appendEscaped(out, c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(char c, boolean oneLine) {
    return isControl(c) && (oneLine || (c != '\n' && c != '\t'));
  }

  private static void appendEscaped(StringBuilder out, char c) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
    }
  }

  /** Escapes as it writes; a carriage return is held until the next character shows whether it
   * ends a line ({@code \r\n}, kept) or moves the cursor back over the line (escaped). */
  private static final class Escaping extends FilterWriter {
    private boolean pendingReturn;

    Escaping(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      char ch = (char) c;
      if (pendingReturn) {
        pendingReturn = false;
        out.write(ch == '\n' ? "\r" : "\\r");
      }
      if (ch == '\r') {
        pendingReturn = true;
      } else if (needsEscape(ch, false)) {
        StringBuilder escaped = new StringBuilder(6);
        appendEscaped(escaped, ch);
        out.write(escaped.toString());
      } else {
        out.write(ch);
      }
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      write(new String(buffer, offset, length), 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      int start = offset;
      int end = offset + length;
      for (int i = offset; i < end; i++) {
        char c = text.charAt(i);
        if (pendingReturn || isControl(c) && c != '\n' && c != '\t') {
          out.write(text, start, i - start);
          write(c);
          start = i + 1;
        }
      }
      out.write(text, start, end - start);
    }

    /** Writes a carriage return still held, and flushes; the underlying writer stays open. */
    @Override
    public void close() throws IOException {
      if (pendingReturn) {
        pendingReturn = false;
        out.write("\\r");
      }
      out.flush();
    }
  }
}
