package dev.compsim.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One CSV input file, read by {@link CsvLexer} (RFC 4180, as Commons CSV reads it): the header
 * matched case-insensitively to canonical column names (order free, extra columns ignored, a
 * UTF-8 byte-order mark accepted), then each record handed over as a {@link Row} that knows its
 * line for error messages.
 */
final class CsvTable {
  static final int MAX_PROBLEMS = 200;
  /** The longest record accepted; a longer one is almost always an unclosed quote. */
  static final int MAX_RECORD_BYTES = 1 << 20;

  final Path file;
  final List<Diagnostic> problems;
  private final ColumnMap map;
  private final boolean detect;
  private final String detectedDates;
  private int problemCount;
  /** The map in force for this file: the given one, a detected preset, or null (canonical). */
  ColumnMap active;
  /** The field delimiter found on the header line. */
  char delimiter = ',';
  /**
   * A part of a split read ({@link CsvSplit}): the records from byte {@code rangeStart} (a
   * record boundary after the header; its rows' lines count from there, and the reader adds the
   * lines before it once the first part has counted them) to byte {@code rangeEnd} (-1: the end
   * of the file), parsed and handed over on the caller's thread.
   * The whole file when {@code rangeStart} is 0 and {@code rangeEnd} -1.
   */
  long rangeStart;
  long rangeEnd = -1;
  /**
   * Set when the end of a first part is found while it is read: {@code rangeEnd} bytes may be
   * read before it is known; then the reader waits for it (a negative end stops the read).
   */
  java.util.concurrent.CompletableFuture<Long> rangeEndLater;
  /** The physical lines read, once the records are: those before {@code rangeEnd} for a part. */
  long linesRead;
  /** The problems kept, and whether a message says that more were left out. */
  int maxProblems = MAX_PROBLEMS;
  boolean capMessage = true;
  /** The longest record accepted: lower in a split part, so a split never accepts more. */
  int maxRecordBytes = MAX_RECORD_BYTES;

  CsvTable(Path file, List<Diagnostic> problems) {
    this(file, problems, null, false);
  }

  /**
   * A table whose columns may be mapped: by {@code map}, or, when it is null and {@code detect}
   * is set, by the preset whose signature the header carries.
   */
  CsvTable(Path file, List<Diagnostic> problems, ColumnMap map, boolean detect) {
    this(file, problems, map, detect, null);
  }

  /** As above; a detected preset reads dates in {@code detectedDates} when it is given. */
  CsvTable(Path file, List<Diagnostic> problems, ColumnMap map, boolean detect,
      String detectedDates) {
    this.file = file;
    this.problems = problems;
    this.map = map;
    this.detect = detect;
    this.detectedDates = detectedDates;
  }

  /** Whether amounts use a decimal comma by default ({@code 12.500,00}): semicolon files. */
  boolean decimalComma() {
    return delimiter == ';';
  }

  /** The column layout of a file: where each canonical column is, or -1. */
  static final class Header {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names;
    private final ColumnMap map;

    /** The names (lower case) that head more than one column, with every such column. */
    private final Map<String, List<Integer>> repeated = new java.util.LinkedHashMap<>();
    /** Of those, the ones a reader asked for: it would read one and not see the other. */
    private final java.util.Set<String> repeatedAndRead = new java.util.LinkedHashSet<>();

    Header(List<String> names, ColumnMap map) {
      this.names = names;
      this.map = map;
      for (int i = 0; i < names.size(); i++) {
        Integer first = index.putIfAbsent(names.get(i), i);
        if (first != null) {
          repeated.computeIfAbsent(names.get(i), k -> new ArrayList<>(List.of(first))).add(i);
        }
      }
    }

    int column(String canonical) {
      if (map == null) {
        return found(canonical);
      }
      for (String name : map.candidates(canonical)) {
        int column = found(name);
        if (column >= 0) {
          return column;
        }
      }
      return -1;
    }

    private int found(String name) {
      Integer column = index.get(name);
      if (column == null) {
        return -1;
      }
      if (repeated.containsKey(name)) {
        repeatedAndRead.add(name);
      }
      return column;
    }

    /**
     * A problem for each column the reader uses whose name heads another column too (headers
     * are matched case-insensitively): which one holds the values is not guessed.
     */
    List<Diagnostic> repeatedColumns(Path file) {
      List<Diagnostic> problems = new ArrayList<>();
      for (String name : repeatedAndRead) {
        List<Integer> columns = repeated.get(name);
        List<String> places = new ArrayList<>();
        for (int column : columns) {
          places.add(String.valueOf(column + 1));
        }
        problems.add(new Diagnostic(file, 1, columns.get(1) + 1, "column " + name
            + " appears " + (columns.size() == 2 ? "twice" : columns.size() + " times")
            + " in the header, as columns " + String.join(", ", places)
            + " (headers are matched ignoring case); which one holds the values is not "
            + "guessed: rename or remove the others"));
      }
      return problems;
    }

    List<String> names() {
      return names;
    }
  }

  /**
   * A record of the file, with the line it starts on; valid while the reader has it: one row
   * object is handed every record of a read (a million deals made a million of them).
   */
  final class Row {
    private final CsvLexer record;
    int line;

    Row(CsvLexer record, int line) {
      this.record = record;
      this.line = line;
    }

    /** The trimmed field at {@code column}, or null when the column is absent or empty. */
    String get(int column) {
      if (column < 0 || column >= record.size()) {
        return null;
      }
      return record.trimmed(column);
    }

    /** {@link #get} of {@code column} as the {@code strings}' shared instance, or null. */
    String shared(int column, SharedStrings strings) {
      return column < 0 || column >= record.size() ? null : record.shared(column, strings);
    }

    /** The code of {@link #shared} in {@code strings}: 0 when absent or empty. */
    int sharedCode(int column, SharedStrings strings) {
      return column < 0 || column >= record.size() ? 0 : record.sharedCode(column, strings);
    }

    /**
     * {@link Values#isoDateKey(String)} of {@code column}, read without a string: the packed
     * digits when it has the {@code yyyy-MM-dd} shape, -1 otherwise.
     */
    int isoDateKey(int column) {
      return column < 0 || column >= record.size() ? -1 : record.isoDateKey(column);
    }

    /**
     * {@link Values#decimal} of {@code column} when it is plain digits with at most one point,
     * read without a string; null for anything else (empty, signed, grouped, a currency), which
     * the caller reads from {@link #get}.
     */
    java.math.BigDecimal plainDecimal(int column) {
      return column < 0 || column >= record.size() ? null : record.plainDecimal(column);
    }

    /**
     * {@link #plainDecimal} as its digits without the point, and {@link #plainScale} the digits
     * after it: -1 for anything else, which the caller reads from {@link #get}.
     */
    long plainUnscaled(int column) {
      return column < 0 || column >= record.size() ? -1 : record.plainUnscaled(column);
    }

    /**
     * The number of {@code column} under the pattern whose prefix is {@code prefix} (ASCII
     * bytes), read without a string; -1 asks for the string ({@link #get}).
     */
    long idNumber(int column, byte[] prefix, int width) {
      return column < 0 || column >= record.size() ? -1
          : record.idNumber(column, prefix, width);
    }

    /**
     * {@code column} as plain digits (no sign, no point, at most 18), read without a string; -1
     * asks for the string ({@link #get}).
     */
    long plainWhole(int column) {
      return column < 0 || column >= record.size() ? -1 : record.plainWhole(column);
    }

    /** The scale of a plain decimal {@link #plainUnscaled} read. */
    int plainScale(int column) {
      return record.plainScale(column);
    }

    boolean decimalComma() {
      return CsvTable.this.decimalComma();
    }

    void problem(int column, String message) {
      report(new Diagnostic(file, line, column + 1, message));
    }

    void problem(String message) {
      report(new Diagnostic(file, line, 0, message));
    }
  }

  void report(Diagnostic diagnostic) {
    problemCount++;
    if (problemCount <= maxProblems) {
      problems.add(diagnostic);
    } else if (problemCount == maxProblems + 1 && capMessage) {
      problems.add(new Diagnostic(file, 0, 0,
          "more than " + MAX_PROBLEMS + " problems; fix these first"));
    }
  }

  /**
   * Reads the file: checks that the {@code required} columns are present, then hands each
   * non-blank record to {@code rows}. Returns false when the file could not be read at all.
   */
  boolean read(List<String> required, Consumer<Header> onHeader, Consumer<Row> rows) {
    Diagnostic notAFile = InputFile.problem(file); // a FIFO would block, /dev/zero never end
    if (notAFile != null) {
      report(notAFile);
      return false;
    }
    nextLine = 1;
    try (InputStream in = rangeStart > 0 ? open(file, 0, -1, null)
        : open(file, 0, rangeEnd, rangeEndLater)) {
      delimiter = delimiterOf(file);
      CsvLexer lexer = new CsvLexer(in, delimiter, maxRecordBytes);
      lexer.skipByteOrderMark();
      if (!lexer.next()) {
        report(new Diagnostic(file, 1, 1, "the file is empty; expected a header line with "
            + String.join(",", required)));
        return false;
      }
      if (lexer.size() == 1 && lexer.get(0).isBlank()) {
        report(new Diagnostic(file, 1, 1, "the first line is blank; expected a header line "
            + "with " + String.join(",", required)));
        return false;
      }
      List<String> names = names(lexer);
      active = map;
      if (active == null && detect && !new java.util.HashSet<>(names).containsAll(required)) {
        active = ColumnMap.detect(new java.util.HashSet<>(names));
        if (active != null && detectedDates != null) {
          active = active.withDateFormat(detectedDates);
        }
      }
      Header header = new Header(names, active);
      List<String> missing = new ArrayList<>();
      for (String column : required) {
        if (header.column(column) < 0 && !(active != null && active.numbersRows()
            && column.equals("deal_id"))) {
          missing.add(column);
        }
      }
      if (!missing.isEmpty()) {
        report(new Diagnostic(file, 1, 0, missing(missing, header)));
        return false;
      }
      onHeader.accept(header);
      List<Diagnostic> repeated = header.repeatedColumns(file);
      if (!repeated.isEmpty()) {
        repeated.forEach(this::report);
        return false;
      }
      if (rangeStart > 0) {
        // the header is read; the records are those of the range, their lines counted from it
        try (InputStream range = open(file, rangeStart, rangeEnd, null)) {
          records(new CsvLexer(range, delimiter, maxRecordBytes), rows);
        }
        return true;
      }
      records(lexer, rows);
      return true;
    } catch (IOException e) {
      if (e instanceof CharacterCodingException) {
        report(Text.firstBadByte(file)); // the error path only: find the byte itself
      } else if (e instanceof RecordTooLong || e instanceof BadRecord) {
        report(new Diagnostic(file, (int) nextLine, 0, e.getMessage()));
      } else {
        report(Diagnostic.of(file, "cannot read: " + YamlSource.describe(e)));
      }
      return false;
    }
  }

  /** The line of the record being read, or of the next one: where a parse error is placed. */
  private long nextLine;

  /**
   * Hands the data records to {@code rows} with their lines: blank lines and a Salesforce
   * report's footer are skipped, and a row after them in a CRM report is reported instead.
   */
  private void records(CsvLexer lexer, Consumer<Row> rows) throws IOException {
    boolean endsAtBlank = active != null && active.numbersRows();
    boolean blankSeen = false;
    nextLine = lexer.lines() + 1;
    Row row = new Row(lexer, 0);
    while (lexer.next()) {
      int line = (int) nextLine;
      nextLine = lexer.lines() + 1;
      if (lexer.size() == 1 && (lexer.get(0).isBlank() || footer(lexer.get(0)))) {
        blankSeen = true; // a blank line, or a line of a Salesforce report's footer
        continue;
      }
      if (endsAtBlank && blankSeen) {
        // a CRM report ends its data at a blank line; more rows there are not guessed at
        report(new Diagnostic(file, line, 0, "a row after the blank line that ends "
            + "the " + active.name() + " export's data; only its footer may follow"));
        continue;
      }
      row.line = line;
      rows.accept(row);
    }
    linesRead = lexer.lines();
  }

  private String missing(List<String> missing, Header header) {
    StringBuilder message = new StringBuilder("missing column")
        .append(missing.size() > 1 ? "s " : " ").append(String.join(", ", missing));
    if (active != null) {
      message.append(" (the ").append(ColumnMap.PRESETS.contains(active.name())
          ? active.name() + " preset" : "column map " + active.name()).append(" looks for ");
      List<String> looked = new ArrayList<>();
      for (String column : missing) {
        looked.add(String.join(" or ", active.candidates(column)));
      }
      message.append(String.join("; ", looked)).append(')');
    }
    message.append(" (the header has: ").append(String.join(", ", header.names())).append(')');
    if (active == null && detect) {
      message.append("; for a CRM export give --preset salesforce|hubspot, or map its columns "
          + "with --columns MAP.yaml");
    }
    return message.toString();
  }

  private static boolean footer(String field) {
    return field.startsWith("Grand Totals (") || field.startsWith("Confidential Information")
        || field.startsWith("Copyright (c)") || field.startsWith("Copyright \u00a9");
  }

  private static List<String> names(CsvLexer record) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i);
      if (i == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
        name = name.substring(1);
      }
      names.add(name.trim().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /**
   * The file's bytes from byte {@code start} to byte {@code end} (-1: the end; with {@code
   * later}, the bytes readable before {@code later} gives the end).
   */
  private static InputStream open(Path file, long start, long end,
      java.util.concurrent.CompletableFuture<Long> later) throws IOException {
    InputStream bytes = Files.newInputStream(file);
    if (start > 0) {
      bytes.skipNBytes(start);
    }
    if (end >= 0) {
      bytes = new Limited(bytes, end - start, later);
    }
    return bytes;
  }

  /**
   * The first {@code remaining} bytes of a stream; with {@code later}, those and then up to the
   * end {@code later} gives, waiting for it.
   */
  private static final class Limited extends java.io.FilterInputStream {
    private long remaining;
    private long read;
    private java.util.concurrent.CompletableFuture<Long> later;

    Limited(java.io.InputStream in, long remaining,
        java.util.concurrent.CompletableFuture<Long> later) {
      super(in);
      this.remaining = remaining;
      this.later = later;
    }

    private void end() throws IOException {
      if (remaining <= 0 && later != null) {
        long end = later.join();
        later = null;
        if (end < 0) {
          throw new IOException("the part has no end"); // the caller reads in one piece
        }
        remaining = end - read;
      }
    }

    @Override
    public int read() throws IOException {
      end();
      if (remaining <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        remaining--;
        read++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      end();
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, remaining));
      if (n > 0) {
        remaining -= n;
        read += n;
      }
      return n;
    }
  }

  /**
   * The delimiter of {@code file}: the most frequent of , ; and tab outside quotes on its header
   * line.
   */
  static char delimiterOf(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(1 << 16);
    }
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < head.length && (quoted || head[i] != '\n'); i++) {
      byte c = head[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  /** A record longer than {@link #MAX_RECORD_BYTES} bytes. */
  static final class RecordTooLong extends IOException {
    private static final long serialVersionUID = 1L;

    RecordTooLong() {
      super("a record longer than 1 MiB (an unclosed quote, or not a CSV file)");
    }
  }

  /** A record that is not CSV: a quote never closed, text after a closing quote. */
  static final class BadRecord extends IOException {
    private static final long serialVersionUID = 1L;

    BadRecord(String message) {
      super(message);
    }
  }
}
