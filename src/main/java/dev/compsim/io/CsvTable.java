package dev.compsim.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
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
  private static final int MAX_PROBLEMS = 200;

  final Path file;
  final List<Diagnostic> problems;
  private int problemCount;

  CsvTable(Path file, List<Diagnostic> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The column layout of a file: where each canonical column is, or -1. */
  static final class Header {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names;

    Header(List<String> names) {
      this.names = names;
      for (int i = 0; i < names.size(); i++) {
        index.putIfAbsent(names.get(i), i);
      }
    }

    int column(String canonical) {
      return index.getOrDefault(canonical, -1);
    }

    List<String> names() {
      return names;
    }
  }

  /** A record of the file, with the line it starts on. */
  final class Row {
    private final CSVRecord record;
    final int line;

    Row(CSVRecord record, int line) {
      this.record = record;
      this.line = line;
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

    void problem(int column, String message) {
      report(new Diagnostic(file, line, column + 1, message));
    }

    void problem(String message) {
      report(new Diagnostic(file, line, 0, message));
    }
  }

  void report(Diagnostic diagnostic) {
    problemCount++;
    if (problemCount <= MAX_PROBLEMS) {
      problems.add(diagnostic);
    } else if (problemCount == MAX_PROBLEMS + 1) {
      problems.add(new Diagnostic(file, 0, 0,
          "more than " + MAX_PROBLEMS + " problems; fix these first"));
    }
  }

  /**
   * Reads the file: checks that the {@code required} columns are present, then hands each
   * non-blank record to {@code rows}. Returns false when the file could not be read at all.
   */
  boolean read(List<String> required, Consumer<Header> onHeader, Consumer<Row> rows) {
    try (Reader reader = open(file);
        CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get()
            .parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        report(new Diagnostic(file, 0, 0, "the file is empty; expected a header line with "
            + String.join(",", required)));
        return false;
      }
      Header header = header(records.next());
      List<String> missing = new ArrayList<>();
      for (String column : required) {
        if (header.column(column) < 0) {
          missing.add(column);
        }
      }
      if (!missing.isEmpty()) {
        report(new Diagnostic(file, 1, 0, "missing column" + (missing.size() > 1 ? "s " : " ")
            + String.join(", ", missing) + " (the header has: "
            + String.join(", ", header.names()) + ")"));
        return false;
      }
      onHeader.accept(header);
      long nextLine = parser.getCurrentLineNumber() + 1;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        int line = (int) nextLine;
        nextLine = parser.getCurrentLineNumber() + 1;
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue; // a blank line
        }
        rows.accept(new Row(record, line));
      }
      return true;
    } catch (UncheckedIOException e) {
      report(new Diagnostic(file, 0, 0, "cannot parse CSV: " + clean(e.getCause())));
      return false;
    } catch (IOException e) {
      report(new Diagnostic(file, 0, 0, "cannot read: " + YamlSource.describe(e)));
      return false;
    }
  }

  private static Header header(CSVRecord record) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i);
      if (i == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
        name = name.substring(1);
      }
      names.add(name.trim().toLowerCase(Locale.ROOT));
    }
    return new Header(names);
  }

  private static Reader open(Path file) throws IOException {
    return new BufferedReader(
        new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8),
        1 << 16);
  }

  private static String clean(IOException e) {
    String message = e == null ? "unknown error" : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
