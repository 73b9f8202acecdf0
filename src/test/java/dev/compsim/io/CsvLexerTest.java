package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The byte reader reads what Commons CSV's RFC 4180 format reads, the reference it replaced:
 * every record's values, the physical lines before each record, and where and why a file is
 * not CSV (a quote never closed, text after a closing quote). The files are random (fixed
 * seed), made of the bytes that matter (delimiters, quotes, {@code \r}, {@code \n}, spaces,
 * other whitespace, a two-byte and a three-byte character), read a few bytes at a time, so
 * every state meets the end of what has been read.
 */
class CsvLexerTest {
  private static final String[] PIECES = {"a", "b", "1", ",", ",", ";", "\t", "\"", "\"", "\"\"",
      "\r", "\n", "\r\n", " ", "\u00e9", "\u2003", "\u00a0", "x y", "2026-01-31"};

  /**
   * What a reader made of a text: its records, the lines before the next record after each
   * (but the last, which nothing follows: Commons CSV counts the line it ends on when no line
   * break ends it), and how it ended.
   */
  private record Outcome(List<List<String>> records, List<Long> lines, String failure) {
    Outcome {
      lines = lines.isEmpty() ? lines : lines.subList(0, lines.size() - 1);
    }
  }

  private static Outcome commons(String text, char delimiter) {
    List<List<String>> records = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    String failure = null;
    try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
        .setDelimiter(delimiter).get().parse(new StringReader(text))) {
      for (CSVRecord record : parser) {
        records.add(record.toList());
        lines.add(parser.getCurrentLineNumber());
      }
    } catch (UncheckedIOException | IOException e) {
      String message = String.valueOf(e.getMessage());
      failure = message.contains("EOF reached before encapsulated token finished") ? "unclosed"
          : message.contains("Invalid character between encapsulated token and delimiter")
              ? "after quote" : message;
    }
    return new Outcome(records, lines, failure);
  }

  private static Outcome bytes(String text, char delimiter, Random reads) {
    List<List<String>> records = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    String failure = null;
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    CsvLexer lexer = new CsvLexer(new ByteArrayInputStream(data), delimiter, 1 << 20,
        1 + reads.nextInt(8));
    try {
      while (lexer.next()) {
        List<String> record = new ArrayList<>();
        for (int i = 0; i < lexer.size(); i++) {
          record.add(lexer.get(i));
        }
        records.add(record);
        lines.add(lexer.lines());
      }
    } catch (IOException e) {
      failure = e.getMessage().startsWith("a quoted field is never closed") ? "unclosed"
          : e.getMessage().startsWith("text after a closing quote") ? "after quote"
              : e.getMessage();
    }
    return new Outcome(records, lines, failure);
  }

  @Test
  void readsWhatCommonsCsvReads() {
    int[] failures = {0};
    qt().withFixedSeed(20261203L).withExamples(4000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(40);
      for (int i = 0; i < pieces; i++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      char delimiter = ",;\t".charAt(random.nextInt(3));
      Outcome expected = commons(text.toString(), delimiter);
      Outcome actual = bytes(text.toString(), delimiter, random);
      assertThat(actual).as("%s with %s", text.toString().replace("\r", "\\r")
          .replace("\n", "\\n").replace("\t", "\\t"), delimiter).isEqualTo(expected);
      failures[0] += expected.failure() == null ? 0 : 1;
    });
    // both kinds of failure and clean files are all common among the examples
    assertThat(failures[0]).isBetween(400, 3600);
  }

  @Test
  void trimsAsTheStringWouldBeTrimmed() throws IOException {
    CsvLexer lexer = new CsvLexer(new ByteArrayInputStream(
        " a ,\"\",\" \"\"q\"\" \",\t\u00e9\u2003,\"x\"  \n".getBytes(StandardCharsets.UTF_8)),
        ',', 1 << 20);
    assertThat(lexer.next()).isTrue();
    List<String> trimmed = new ArrayList<>();
    for (int i = 0; i < lexer.size(); i++) {
      String value = lexer.get(i).trim();
      assertThat(lexer.trimmed(i)).isEqualTo(value.isEmpty() ? null : value);
      trimmed.add(lexer.trimmed(i));
    }
    assertThat(trimmed).containsExactly("a", null, "\"q\"", "\u00e9\u2003", "x");
  }

  @Test
  void aRecordOverTheBoundFails() {
    String text = "id,note\n1,\"" + "x".repeat(200_000) + "\n";
    CsvLexer lexer = new CsvLexer(new ByteArrayInputStream(
        text.getBytes(StandardCharsets.UTF_8)), ',', 1000);
    try {
      assertThat(lexer.next()).isTrue();
      lexer.next();
      throw new AssertionError("the long record was read");
    } catch (CsvTable.RecordTooLong e) {
      assertThat(lexer.lines()).isEqualTo(1); // after the header, before the long record
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
