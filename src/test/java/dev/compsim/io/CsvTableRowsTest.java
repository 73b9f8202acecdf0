package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows of a table arrive in file order with their own lines (across the byte reader's
 * buffers), a parse error comes after every row before it, and a reader that gives up stops the
 * reading. Also the reader's shared dates and currency check, which must answer exactly as the
 * plain ones.
 */
class CsvTableRowsTest {
  @TempDir
  Path dir;

  @Test
  void rowsOfManyBatchesArriveInFileOrderWithTheirLines() throws IOException {
    StringBuilder csv = new StringBuilder("id,value\n");
    List<Integer> expectedLines = new ArrayList<>();
    int line = 1;
    for (int i = 0; i < 10_000; i++) {
      line++;
      if (i % 997 == 0) {
        csv.append('\n'); // a blank line is skipped, and counted
        line++;
      }
      if (i % 1500 == 0) {
        csv.append("\"multi\nline\",x\n"); // a record over two lines
        expectedLines.add(line);
        line += 2;
      }
      csv.append("r").append(i).append(',').append(i).append('\n');
      expectedLines.add(line);
    }
    Path file = write(csv.toString());
    List<Integer> lines = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    boolean read = new CsvTable(file, problems).read(List.of("id"), header -> { },
        row -> lines.add(row.line));
    assertThat(read).isTrue();
    assertThat(problems).isEmpty();
    assertThat(lines).isEqualTo(expectedLines);
  }

  @Test
  void aParseErrorComesAfterTheRowsBeforeIt() throws IOException {
    StringBuilder csv = new StringBuilder("id,value\n");
    for (int i = 2; i < 5000; i++) {
      csv.append("r").append(i).append(',').append(i % 1000 == 0 ? "bad" : "1").append('\n');
    }
    csv.append("r5000,\"never closed\n").append("r5001,1\n");
    Path file = write(csv.toString());
    List<Diagnostic> problems = new ArrayList<>();
    CsvTable table = new CsvTable(file, problems);
    int[] rows = new int[1];
    boolean read = table.read(List.of("id"), header -> { }, row -> {
      rows[0]++;
      if ("bad".equals(row.get(1))) {
        row.problem(1, "bad value");
      }
    });
    assertThat(read).isFalse();
    assertThat(rows[0]).isEqualTo(4998);
    assertThat(problems).extracting(Diagnostic::line)
        .containsExactly(1000, 2000, 3000, 4000, 5000);
    assertThat(problems.get(4).message())
        .isEqualTo("a quoted field is never closed: a \" opened in this record has no closing \"");
  }

  @Test
  void aReaderThatGivesUpStopsTheParsing() throws IOException {
    StringBuilder csv = new StringBuilder("id\n");
    for (int i = 0; i < 200_000; i++) {
      csv.append("r").append(i).append('\n');
    }
    Path file = write(csv.toString());
    int[] rows = new int[1];
    assertThatThrownBy(() -> new CsvTable(file, new ArrayList<>()).read(List.of("id"),
        header -> { }, row -> {
          if (++rows[0] == 100) {
            throw new IllegalStateException("enough");
          }
        })).hasMessage("enough");
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().startsWith("csv-parse "));
  }

  @Test
  void sharedDatesAreTheDatesValuesReads() {
    DataReader reader = new DataReader();
    List<String> texts = new ArrayList<>();
    for (int year : new int[] {1, 1899, 1900, 1999, 2000, 2024, 2025, 2100, 2199, 2200, 9999}) {
      for (int month = 0; month <= 13; month++) {
        for (int day = 0; day <= 40; day++) {
          texts.add(String.format("%04d-%02d-%02d", year, month, day));
        }
      }
    }
    texts.addAll(List.of("2025-1-01", "2025-01-1", "2025/01/01", "20250101xx", "2025-0a-01",
        "+202-01-01", "2025-02-29", "2024-02-29", "", "2025-13-99"));
    for (int round = 0; round < 2; round++) {
      for (String text : texts) {
        LocalDate expected = Values.isoDate(text);
        LocalDate shared = reader.isoDate(text);
        assertThat(shared).as(text).isEqualTo(expected);
        if (expected != null && expected.getYear() >= 1900 && expected.getYear() < 2200) {
          assertThat(reader.isoDate(text)).isSameAs(shared);
        }
      }
    }
  }

  @Test
  void currencyCheckIsTheRegex() {
    Random random = new Random(7);
    String alphabet = "ABCXYZabz@[`{09 \u00c4";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder code = new StringBuilder();
      for (int n = random.nextInt(5); n > 0; n--) {
        code.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = code.toString();
      assertThat(DataReader.isoCurrency(text)).as(text).isEqualTo(text.matches("[A-Z]{3}"));
    }
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("table.csv");
    Files.writeString(file, text);
    return file;
  }
}
