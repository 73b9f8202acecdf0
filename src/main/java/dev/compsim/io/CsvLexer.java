package dev.compsim.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The records of a CSV input, read as bytes the way Commons CSV's RFC 4180 format reads them
 * (Commons CSV is the reference: {@code CsvLexerTest} holds the two equal, values, lines and
 * errors, on random files). A field is quoted only when a quote is its first byte; inside,
 * {@code ""} is one quote and line breaks are text; after the closing quote only whitespace may
 * come before the delimiter or the line end. {@code \n}, {@code \r\n} and a lone {@code \r} each
 * end a record and count one line. The bytes must be UTF-8: a record holding a byte that is not
 * fails the read.
 *
 * <p>Fields stay bytes until asked for: the common case (an id, a date, an amount) is read in
 * place, without a parser's string per field. The current record is valid until the next call
 * of {@link #next}.
 */
final class CsvLexer {
  /** A field is plain, quoted, or quoted with a doubled quote inside. */
  private static final byte PLAIN = 0;
  private static final byte QUOTED = 1;
  private static final byte ESCAPED = 2;

  private final InputStream in;
  private final byte delimiter;
  private final int maxRecord;
  private byte[] buffer;
  private int position;
  private int limit;
  private boolean eof;

  private int size;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private byte[] kinds = new byte[32];
  /** Whether the current record has a byte outside ASCII. */
  private boolean wide;
  /** The line breaks read before the next record. */
  private long lines;

  /**
   * A lexer over {@code in}, which starts a line; records longer than {@code maxRecord} bytes
   * fail ({@link CsvTable.RecordTooLong}).
   */
  CsvLexer(InputStream in, char delimiter, int maxRecord) {
    this(in, delimiter, maxRecord, 1 << 16);
  }

  /** As above, reading {@code buffer} bytes at a time (tests make records cross reads). */
  CsvLexer(InputStream in, char delimiter, int maxRecord, int buffer) {
    this.in = in;
    this.delimiter = (byte) delimiter;
    this.maxRecord = maxRecord;
    this.buffer = new byte[buffer];
  }

  /** The number of fields of the current record. */
  int size() {
    return size;
  }

  /** The physical lines before the next record. */
  long lines() {
    return lines;
  }

  /** The value of field {@code i} of the current record, as Commons CSV gives it. */
  String get(int i) {
    int start = starts[i];
    int end = ends[i];
    if (kinds[i] == ESCAPED) {
      byte[] value = new byte[end - start];
      int n = 0;
      for (int k = start; k < end; k++) {
        value[n++] = buffer[k];
        if (buffer[k] == '"') {
          k++; // "" is one quote
        }
      }
      return new String(value, 0, n, StandardCharsets.UTF_8);
    }
    return new String(buffer, start, end - start, StandardCharsets.UTF_8);
  }

  /**
   * Field {@code i} trimmed as {@link String#trim} trims, or null when that leaves nothing; the
   * string is made only for a field that is not empty.
   */
  String trimmed(int i) {
    int start = starts[i];
    int end = ends[i];
    if (kinds[i] == ESCAPED) {
      String value = get(i).trim();
      return value.isEmpty() ? null : value;
    }
    while (start < end && (buffer[start] & 0xFF) <= ' ') {
      start++;
    }
    while (end > start && (buffer[end - 1] & 0xFF) <= ' ') {
      end--;
    }
    return start == end ? null : new String(buffer, start, end - start, StandardCharsets.UTF_8);
  }

  /** The trimmed bounds {@link #ascii} found. */
  private int from;
  private int to;

  /**
   * Whether field {@code i} can be read as bytes: ASCII, no doubled quote, not empty once
   * trimmed; its trimmed bytes are then {@code buffer[from, to)}. Otherwise the caller reads the
   * field as a string, as {@link #trimmed} gives it.
   */
  private boolean ascii(int i) {
    if (wide || kinds[i] == ESCAPED) {
      return false;
    }
    int start = starts[i];
    int end = ends[i];
    while (start < end && (buffer[start] & 0xFF) <= ' ') {
      start++;
    }
    while (end > start && (buffer[end - 1] & 0xFF) <= ' ') {
      end--;
    }
    from = start;
    to = end;
    return start < end;
  }

  /**
   * {@link #trimmed} of field {@code i} as the {@code strings}' shared instance, made only the
   * first time the value is seen when the field is ASCII.
   */
  String shared(int i, SharedStrings strings) {
    return strings.text(sharedCode(i, strings));
  }

  /** The code of {@link #shared} in {@code strings}: 0 for an empty field. */
  int sharedCode(int i, SharedStrings strings) {
    return ascii(i) ? strings.code(buffer, from, to) : strings.code(trimmed(i));
  }

  /** {@link Values#isoDateKey(String)} of the trimmed field {@code i}, or -1. */
  int isoDateKey(int i) {
    return ascii(i) ? Values.isoDateKey(buffer, from, to) : -1;
  }

  /** {@link Values#plainDecimal} of the trimmed field {@code i}: null asks for the string. */
  java.math.BigDecimal plainDecimal(int i) {
    return ascii(i) ? Values.plainDecimal(buffer, from, to) : null;
  }

  /** {@link Values#plainWhole} of the trimmed field {@code i}: -1 asks for the string. */
  long plainWhole(int i) {
    return ascii(i) ? Values.plainWhole(buffer, from, to) : -1;
  }

  /** {@link Values#plainUnscaled} of the trimmed field {@code i}: -1 asks for the string. */
  long plainUnscaled(int i) {
    return ascii(i) ? Values.plainUnscaled(buffer, from, to) : -1;
  }

  /**
   * The number of the trimmed field {@code i} when it is {@code prefix} (ASCII bytes) then
   * {@code width} digits, read without a string; -1 for anything else, which the caller reads
   * from {@link #trimmed} ({@link dev.compsim.model.IdPattern#number} gives the same answer).
   */
  long idNumber(int i, byte[] prefix, int width) {
    if (!ascii(i) || to - from != prefix.length + width) {
      return -1;
    }
    byte[] b = buffer;
    int at = from;
    for (byte p : prefix) {
      if (b[at++] != p) {
        return -1;
      }
    }
    long number = 0;
    for (; at < to; at++) {
      int digit = b[at] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      number = number * 10 + digit;
    }
    return number;
  }

  /** {@link Values#plainScale} of the trimmed field {@code i}, a plain decimal. */
  int plainScale(int i) {
    return ascii(i) ? Values.plainScale(buffer, from, to) : 0;
  }

  /**
   * Reads the next record; false at the end of the input.
   *
   * @throws CsvTable.BadRecord for a quote never closed or text after a closing quote
   * @throws CsvTable.RecordTooLong for a record over the bound
   * @throws CharacterCodingException for a record that is not UTF-8
   */
  boolean next() throws IOException {
    while (true) {
      int result = lex();
      if (result > 0) {
        if (wide) {
          validate();
        }
        return true;
      }
      if (result == 0) {
        return false;
      }
      more(); // the record runs past the bytes read so far: read more and start it again
    }
  }

  private static final int NEED_MORE = -1;

  /** Lexes one record from {@link #position}: 1 read, 0 at the end, NEED_MORE. */
  private int lex() throws IOException {
    byte[] b = buffer;
    int n = limit;
    int i = position;
    long breaks = lines;
    int accumulated = 0;
    size = 0;
    while (true) { // one field per turn; i is where it starts
      if (i == n) {
        if (!eof) {
          return NEED_MORE;
        }
        if (size == 0) {
          position = i;
          return 0; // nothing after the last line break
        }
        add(i, i, PLAIN); // a delimiter just before the end: an empty last field
        break;
      }
      int end; // where the field's bytes end: at a delimiter, a line end or the input's end
      if (b[i] == '"') {
        int j = i + 1;
        byte kind = QUOTED;
        while (true) {
          if (j == n) {
            if (!eof) {
              return NEED_MORE;
            }
            throw new CsvTable.BadRecord(
                "a quoted field is never closed: a \" opened in this record has no closing \"");
          }
          byte d = b[j];
          accumulated |= d;
          if (d == '"') {
            // at the end of what is read, the quote looks closing; the next turn reads more
            if (j + 1 < n && b[j + 1] == '"') {
              kind = ESCAPED;
              j += 2;
              continue;
            }
            break;
          }
          if (d == '\r' || d == '\n' && b[j - 1] != '\r') {
            breaks++; // a line break inside quotes is text, and a physical line
          }
          j++;
        }
        add(i + 1, j, kind);
        end = j + 1;
        while (end < n && b[end] != delimiter && b[end] != '\n' && b[end] != '\r') {
          int width = whitespace(end, n); // only whitespace may follow the closing quote
          if (width == NEED_MORE) {
            return NEED_MORE;
          }
          if (width == 0) {
            throw new CsvTable.BadRecord("text after a closing quote: a \" inside a quoted "
                + "field must be doubled (\"\")");
          }
          accumulated |= b[end];
          end += width;
        }
      } else {
        end = i;
        while (end < n) {
          byte c = b[end];
          if (c == delimiter || c == '\n' || c == '\r') {
            break;
          }
          accumulated |= c;
          end++;
        }
        add(i, end, PLAIN);
      }
      if (end == n) {
        if (!eof) {
          return NEED_MORE;
        }
        i = end;
        break; // the last field ends the input
      }
      if (b[end] == delimiter) {
        i = end + 1;
        continue;
      }
      int after = endOfLine(end);
      if (after < 0) {
        return NEED_MORE;
      }
      i = after;
      breaks++;
      break;
    }
    wide = accumulated < 0;
    lines = breaks;
    position = i;
    return 1;
  }

  /** The byte after the line end at {@code i} ({@code \r\n} is one), or NEED_MORE. */
  private int endOfLine(int i) {
    if (buffer[i] == '\r') {
      if (i + 1 == limit) {
        return eof ? i + 1 : NEED_MORE;
      }
      return buffer[i + 1] == '\n' ? i + 2 : i + 1;
    }
    return i + 1;
  }

  /**
   * The bytes of the whitespace character at {@code i} ({@link Character#isWhitespace}, as
   * Commons CSV asks of a character after a closing quote), 0 when it is another character.
   */
  private int whitespace(int i, int n) {
    int b = buffer[i] & 0xFF;
    if (b < 0x80) {
      return Character.isWhitespace(b) ? 1 : 0;
    }
    int width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (i + width > n) {
      return eof ? 0 : NEED_MORE;
    }
    String character = new String(buffer, i, width, StandardCharsets.UTF_8);
    return character.length() == 1 && Character.isWhitespace(character.charAt(0)) ? width : 0;
  }

  private void add(int start, int end, byte kind) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      kinds = Arrays.copyOf(kinds, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    kinds[size] = kind;
    size++;
  }

  /**
   * Keeps the unread bytes (the record being read) at the start of the buffer and reads more
   * after them; a record that has grown past the bound fails here, before it fills the memory.
   */
  private void more() throws IOException {
    int unread = limit - position;
    if (unread > maxRecord + 4) {
      throw new CsvTable.RecordTooLong();
    }
    if (position == 0 && limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2); // a record longer than the buffer
    } else {
      System.arraycopy(buffer, position, buffer, 0, unread);
    }
    position = 0;
    limit = unread;
    int n = in.readNBytes(buffer, limit, buffer.length - limit);
    limit += n;
    eof = limit < buffer.length;
  }

  /** Refuses a record that is not UTF-8 (the caller finds and names the byte). */
  private void validate() throws CharacterCodingException {
    int first = starts[0];
    int last = position;
    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(buffer, first, last - first));
  }

  /** Skips a UTF-8 byte-order mark at the very start of the input. */
  void skipByteOrderMark() throws IOException {
    if (limit - position < 3 && !eof) {
      more();
    }
    if (limit - position >= 3 && buffer[position] == (byte) 0xEF
        && buffer[position + 1] == (byte) 0xBB && buffer[position + 2] == (byte) 0xBF) {
      position += 3;
    }
  }
}
