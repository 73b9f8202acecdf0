package dev.compsim.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV input file read with Commons CSV: the header matched case-insensitively to canonical
 * column names (order free, extra columns ignored, a UTF-8 byte-order mark accepted), then each
 * record handed over as a {@link Row} that knows its line for error messages.
 */
final class CsvTable {
  static final int MAX_PROBLEMS = 200;
  /** The longest record accepted; a longer one is almost always an unclosed quote. */
  static final int MAX_RECORD_CHARS = 1 << 20;

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
   * record boundary after the header, with {@code linesBefore} physical lines before it) to byte
   * {@code rangeEnd} (-1: the end of the file), parsed and handed over on the caller's thread.
   * The whole file when {@code rangeStart} is 0 and {@code rangeEnd} -1.
   */
  long rangeStart;
  long rangeEnd = -1;
  /**
   * Set when the end of a first part is found while it is read: {@code rangeEnd} bytes may be
   * read before it is known; then the reader waits for it (a negative end stops the read).
   */
  java.util.concurrent.CompletableFuture<Long> rangeEndLater;
  long linesBefore;
  /** The problems kept, and whether a message says that more were left out. */
  int maxProblems = MAX_PROBLEMS;
  boolean capMessage = true;
  /** The longest record accepted: lower in a split part, so a split never accepts more. */
  int maxRecordChars = MAX_RECORD_CHARS;

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

  /** A record of the file, with the line it starts on. */
  final class Row {
    private final CSVRecord record;
    final int line;
    /** A row after the blank line that ends a CRM report's data: reported, not read. */
    final boolean afterBlank;

    Row(CSVRecord record, int line) {
      this(record, line, false);
    }

    Row(CSVRecord record, int line, boolean afterBlank) {
      this.record = record;
      this.line = line;
      this.afterBlank = afterBlank;
    }

    /** The trimmed field at {@code column}, or null when the column is absent or empty. */
    String get(int column) {
      if (column < 0 || column >= record.size()) {
        return null;
      }
      String value = record.get(column);
      if (value.isEmpty()) {
        return null;
      }
      char first = value.charAt(0);
      char last = value.charAt(value.length() - 1);
      if (first <= ' ' || last <= ' ') {
        value = value.trim();
        return value.isEmpty() ? null : value;
      }
      return value;
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
    long nextLine = 1;
    Diagnostic notAFile = InputFile.problem(file); // a FIFO would block, /dev/zero never end
    if (notAFile != null) {
      report(notAFile);
      return false;
    }
    boolean part = rangeStart > 0 || rangeEnd >= 0 || rangeEndLater != null;
    try (BoundedReader reader = rangeStart > 0 ? open(file, 0, -1, maxRecordChars, null)
        : open(file, 0, rangeEnd, maxRecordChars, rangeEndLater)) {
      delimiter = reader.delimiter();
      CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
          .setDelimiter(delimiter).get();
      try (CSVParser parser = format.parse(reader)) {
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
          report(new Diagnostic(file, 1, 1, "the file is empty; expected a header line with "
              + String.join(",", required)));
          return false;
        }
        CSVRecord first = records.next();
        if (first.size() == 1 && first.get(0).isBlank()) {
          report(new Diagnostic(file, 1, 1, "the first line is blank; expected a header line "
              + "with " + String.join(",", required)));
          return false;
        }
        List<String> names = names(first);
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
        nextLine = parser.getCurrentLineNumber() + 1;
        reader.recordDone();
        if (rangeStart > 0) {
          // the header is read; the records are those of the range, on lines after linesBefore
          try (BoundedReader range = open(file, rangeStart, rangeEnd, maxRecordChars, null);
              CSVParser rangeParser = format.parse(range)) {
            Records source = new Records(rangeParser, rangeParser.iterator(), range,
                linesBefore);
            for (Row row = source.next(); row != null; row = source.next()) {
              deliver(row, rows);
            }
          }
          return true;
        }
        if (part) {
          Records source = new Records(parser, records, reader, 0);
          for (Row row = source.next(); row != null; row = source.next()) {
            deliver(row, rows);
          }
          return true;
        }
        RowPipeline pipeline = new RowPipeline(parser, records, reader, nextLine);
        try {
          pipeline.start();
          for (List<Row> batch = pipeline.take(); batch != null; batch = pipeline.take()) {
            for (Row row : batch) {
              deliver(row, rows);
            }
          }
        } finally {
          pipeline.stop();
          nextLine = pipeline.nextLine;
        }
        pipeline.rethrow();
        return true;
      }
    } catch (UncheckedIOException | IOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      if (cause instanceof CharacterCodingException) {
        report(Text.firstBadByte(file)); // the error path only: find the byte itself
      } else if (e instanceof UncheckedIOException || cause instanceof RecordTooLong) {
        report(new Diagnostic(file, (int) nextLine, 0, parseError(cause)));
      } else {
        report(Diagnostic.of(file, "cannot read: " + YamlSource.describe(cause)));
      }
      return false;
    }
  }

  /** Hands {@code row} to {@code rows}, or reports it when it follows a CRM report's data. */
  private void deliver(Row row, Consumer<Row> rows) {
    if (row.afterBlank) {
      // a CRM report ends its data at a blank line; more rows there are not guessed at
      report(new Diagnostic(file, row.line, 0, "a row after the blank line that ends "
          + "the " + active.name() + " export's data; only its footer may follow"));
      return;
    }
    rows.accept(row);
  }

  /**
   * The data records of a parser as rows, with their lines: blank lines and a Salesforce
   * report's footer are skipped, and a row after them in a CRM report is marked.
   */
  private final class Records {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final BoundedReader reader;
    private final long lineBase;
    private final boolean endsAtBlank = active != null && active.numbersRows();
    private boolean blankSeen;
    /** The line after the last record parsed. */
    long line;

    Records(CSVParser parser, Iterator<CSVRecord> records, BoundedReader reader, long lineBase) {
      this.parser = parser;
      this.records = records;
      this.reader = reader;
      this.lineBase = lineBase;
      this.line = lineBase + parser.getCurrentLineNumber() + 1;
    }

    /** The next row, or null at the end. */
    Row next() {
      while (records.hasNext()) {
        CSVRecord record = records.next();
        int start = (int) line;
        line = lineBase + parser.getCurrentLineNumber() + 1;
        reader.recordDone();
        if (record.size() == 1 && (record.get(0).isBlank() || footer(record.get(0)))) {
          blankSeen = true; // a blank line, or a line of a Salesforce report's footer
          continue;
        }
        return new Row(record, start, endsAtBlank && blankSeen);
      }
      return null;
    }
  }

  /**
   * Parses the records on a thread of its own while the caller turns the previous ones into the
   * model: rows go over in batches through a bounded queue, in file order, so every problem is
   * reported as a single thread would report it. A parse error ends the stream where it occurred
   * and is thrown to the caller after the rows before it.
   */
  private final class RowPipeline implements Runnable {
    private static final int BATCH = 256;
    private static final List<Row> END = List.of();
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final BoundedReader reader;
    private final ArrayBlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile boolean stopped;
    private RuntimeException uncheckedFailure;
    private Error error;
    /** The line after the last record parsed: where a parse error is placed. */
    volatile long nextLine;

    RowPipeline(CSVParser parser, Iterator<CSVRecord> records, BoundedReader reader,
        long nextLine) {
      this.parser = parser;
      this.records = records;
      this.reader = reader;
      this.nextLine = nextLine;
      this.thread = new Thread(this, "csv-parse " + file.getFileName());
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    @Override
    public void run() {
      List<Row> batch = new ArrayList<>(BATCH);
      Records source = new Records(parser, records, reader, 0);
      try {
        for (Row row = stopped ? null : source.next(); row != null;
            row = stopped ? null : source.next()) {
          batch.add(row);
          if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
          }
        }
      } catch (RuntimeException e) {
        uncheckedFailure = e; // UncheckedIOException from the parser, the reader's limit
      } catch (Error e) {
        error = e;
      } finally {
        nextLine = source.line; // where a parse error is placed
        if (!batch.isEmpty()) {
          put(batch);
        }
        put(END);
      }
    }

    private void put(List<Row> batch) {
      try {
        while (!stopped && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
          // the reader is busy: wait for room unless it gave up
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** The next batch in file order, or null at the end. */
    List<Row> take() {
      try {
        List<Row> batch = queue.take();
        return batch == END ? null : batch;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading " + file, e);
      }
    }

    /** Ends the parsing thread (the caller stopped early or finished) and waits for it. */
    void stop() {
      stopped = true;
      queue.clear();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Throws what ended the parse, now that the rows before it are handled. */
    void rethrow() throws IOException {
      if (error != null) {
        throw error;
      }
      if (uncheckedFailure != null) {
        throw uncheckedFailure;
      }
    }
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

  private static String parseError(IOException e) {
    if (e instanceof RecordTooLong) {
      return e.getMessage();
    }
    String message = clean(e);
    if (message.contains("EOF reached before encapsulated token finished")) {
      return "a quoted field is never closed: a \" opened in this record has no closing \"";
    }
    if (message.contains("Invalid character between encapsulated token and delimiter")) {
      return "text after a closing quote: a \" inside a quoted field must be doubled (\"\")";
    }
    return "cannot parse CSV: " + message;
  }

  private static List<String> names(CSVRecord record) {
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
   * The file's characters from byte {@code start} (a byte-order mark skipped at 0) to byte
   * {@code end} (-1: the end; with {@code later}, the bytes readable before {@code later} gives
   * the end), as UTF-8 that refuses bad bytes, bounded to records of {@code maxRecord}
   * characters.
   */
  private static BoundedReader open(Path file, long start, long end, int maxRecord,
      java.util.concurrent.CompletableFuture<Long> later) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    java.io.InputStream bytes = Files.newInputStream(file);
    if (start > 0) {
      bytes.skipNBytes(start);
    }
    if (end >= 0) {
      bytes = new Limited(bytes, end - start, later);
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(bytes, decoder), 1 << 16);
    if (start == 0) {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset(); // no byte-order mark
      }
    }
    return new BoundedReader(in, maxRecord);
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

  /** The delimiter {@link #read} will find on the header line of {@code file}. */
  static char delimiterOf(Path file) throws IOException {
    try (BoundedReader reader = open(file, 0, -1, MAX_RECORD_CHARS, null)) {
      return reader.delimiter();
    }
  }

  /** A record longer than {@link #MAX_RECORD_CHARS}. */
  static final class RecordTooLong extends IOException {
    private static final long serialVersionUID = 1L;

    RecordTooLong() {
      super("a record longer than 1 MiB (an unclosed quote, or not a CSV file)");
    }
  }

  /**
   * Hands the parser at most {@link #MAX_RECORD_CHARS} (plus one buffer) between two records, so
   * that an unclosed quote or a gigantic field fails fast instead of filling the memory; and
   * finds the delimiter on the header line.
   */
  static final class BoundedReader extends Reader {
    private final BufferedReader in;
    private final int maxRecord;
    private long sinceRecord;

    BoundedReader(BufferedReader in, int maxRecord) {
      this.in = in;
      this.maxRecord = maxRecord;
    }

    /** The delimiter of the header line: the most frequent of , ; and tab outside quotes. */
    char delimiter() throws IOException {
      in.mark(1 << 16);
      char[] head = new char[1 << 16];
      int n = in.read(head, 0, head.length);
      in.reset();
      int commas = 0;
      int semicolons = 0;
      int tabs = 0;
      boolean quoted = false;
      for (int i = 0; i < n && (quoted || head[i] != '\n'); i++) {
        char c = head[i];
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

    void recordDone() {
      sinceRecord = 0;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      if (sinceRecord > maxRecord) {
        throw new RecordTooLong();
      }
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        sinceRecord += n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static String clean(IOException e) {
    String message = e == null ? "unknown error" : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
