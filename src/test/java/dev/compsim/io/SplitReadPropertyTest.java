package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.compsim.model.Deal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A deals file read in two parts at once ({@link DataReader#readSplit}) gives exactly what the
 * plain read gives: the deals in order, every diagnostic (text, line, column, order, the cap),
 * the deal lines and the currency claims. The files are random (fixed seed): quoted fields with
 * commas, line breaks and {@code ""}, CRLF or LF, a byte-order mark or not, blank lines, bad
 * values in both parts, more than 200 problems, duplicate ids across the cut, and now and then
 * what the split must leave to the plain read (a quote inside an unquoted field, bad UTF-8, an
 * unclosed quote). The split threshold is 0 so that tiny files are cut.
 */
class SplitReadPropertyTest {
  private static final Path DIR = temp();
  private static final String[] COLUMNS = {"deal_id", "owner", "close_date", "amount", "stage",
      "currency", "partner", "assists", "territory", "product", "notes"};

  private static Path temp() {
    try {
      Path dir = Files.createTempDirectory("compsim-split");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outcome of one read, everything a user could see of it. */
  private record Outcome(List<Deal> deals, List<Diagnostic> problems, List<Integer> lines,
      int lineCount, List<Object> state) {}

  private static Outcome read(Path file, long splitAbove, Set<String> ids, boolean[] split) {
    DataReader reader = new DataReader();
    reader.splitAbove = splitAbove;
    List<Diagnostic> problems = new ArrayList<>();
    DealLines lines = new DealLines();
    List<Deal> deals = reader.readDeals(file, problems, lines);
    split[0] = reader.lastReadSplit;
    List<Integer> found = new ArrayList<>();
    for (String id : ids) {
      found.add(lines.get(id));
    }
    return new Outcome(deals, problems, found, lines.size(), reader.dealsState());
  }

  @Test
  void splitReadEqualsPlainRead() {
    int[] splits = {0};
    int[] examples = {0};
    qt().withFixedSeed(20261203L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      Set<String> ids = new LinkedHashSet<>();
      byte[] bytes = file(new Random(seed), ids);
      Path file = DIR.resolve("deals-" + Long.toHexString(seed) + ".csv");
      try {
        Files.write(file, bytes);
        ids.add("absent");
        boolean[] plainSplit = {false};
        boolean[] wasSplit = {false};
        Outcome plain = read(file, Long.MAX_VALUE, ids, plainSplit);
        Outcome cut = read(file, 0, ids, wasSplit);
        assertThat(plainSplit[0]).isFalse();
        assertThat(cut.problems()).as("problems").containsExactlyElementsOf(plain.problems());
        assertThat(cut.deals()).as("deals").containsExactlyElementsOf(plain.deals());
        assertThat(cut).isEqualTo(plain);
        examples[0]++;
        splits[0] += wasSplit[0] ? 1 : 0;
        Files.delete(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    // most files are cut; the rest are those the split leaves to the plain read on purpose
    assertThat(splits[0]).as("split reads of " + examples[0]).isGreaterThan(examples[0] / 2);
  }

  /** A file the split must read itself: no duplicates across the cut, only good bytes. */
  @Test
  void aCleanFileIsReadInTwoParts() throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    StringBuilder text = new StringBuilder("deal_id,owner,close_date,amount,territory\r\n");
    for (int i = 1; i <= 500; i++) {
      String id = String.format("D%05d", i);
      ids.add(id);
      text.append(id).append(",R").append(i % 7).append(",2026-0").append(1 + i % 9)
          .append("-1").append(i % 10).append(',').append(i % 13 == 0 ? "x" : i * 10)
          .append(i % 5 == 0 ? ",\"North,\r\n\"\"East\"\"\"" : ",West").append("\r\n");
    }
    Path file = DIR.resolve("clean.csv");
    Files.writeString(file, "\uFEFF" + text, StandardCharsets.UTF_8);
    boolean[] plainSplit = {false};
    boolean[] wasSplit = {false};
    Outcome plain = read(file, Long.MAX_VALUE, ids, plainSplit);
    Outcome cut = read(file, 0, ids, wasSplit);
    assertThat(wasSplit[0]).isTrue();
    assertThat(cut).isEqualTo(plain);
    assertThat(plain.deals()).hasSize(500 - 500 / 13);
    assertThat(plain.problems()).hasSize(500 / 13);
    // rows after the cut keep their lines: each row with a quoted line break takes two
    assertThat(plain.problems().get(plain.problems().size() - 1).line())
        .isEqualTo(1 + 494 + 494 / 5);
  }

  /**
   * The cut is a guess at the first line end after the middle; one inside a quoted field leaves
   * the first part an unclosed quote, and the file is read in one piece, with the same outcome.
   */
  @Test
  void aCutInsideQuotesIsLeftToThePlainRead() throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    StringBuilder text = new StringBuilder("deal_id,owner,close_date,amount,notes\n");
    for (int i = 1; i <= 100; i++) {
      String id = String.format("D%05d", i);
      ids.add(id);
      // the middle row's notes run over many lines, so the middle of the file falls inside them
      String notes = i == 50 ? "\"" + "a line of notes\n".repeat(400) + "\"" : "short";
      text.append(id).append(",R1,2026-02-01,").append(i * 10).append(',').append(notes)
          .append('\n');
    }
    Path file = DIR.resolve("quoted-middle.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    long middle = Files.size(file) / 2;
    int row50 = text.indexOf("D00050");
    assertThat(middle).as("the middle is inside row 50's notes")
        .isBetween((long) row50 + 30, (long) text.indexOf("D00051") - 2);
    boolean[] plainSplit = {false};
    boolean[] wasSplit = {false};
    Outcome plain = read(file, Long.MAX_VALUE, ids, plainSplit);
    Outcome cut = read(file, 0, ids, wasSplit);
    assertThat(wasSplit[0]).isFalse();
    assertThat(cut).isEqualTo(plain);
    assertThat(plain.deals()).hasSize(100);
    assertThat(plain.problems()).isEmpty();
    assertThat(plain.lines().get(50)).as("D00051's line").isEqualTo(1 + 51 + 400); // the header, 50 rows and 400 more lines
  }

  private static byte[] file(Random random, Set<String> ids) {
    String newline = random.nextBoolean() ? "\n" : "\r\n";
    int kind = random.nextInt(20);
    boolean literalQuote = kind == 0;
    boolean badByte = kind == 1;
    boolean unclosed = kind == 2;
    double badRate = kind < 6 ? 0.9 : random.nextDouble() * 0.2;
    double duplicateRate = random.nextInt(4) == 0 ? 0.05 : 0;
    int rows = 1 + random.nextInt(kind < 6 ? 400 : 120);
    List<String> columns = new ArrayList<>(List.of(COLUMNS));
    java.util.Collections.shuffle(columns, random);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder text = new StringBuilder();
    if (random.nextBoolean()) {
      text.append('\uFEFF');
    }
    text.append(String.join(",", columns)).append(newline);
    int next = 1;
    List<String> used = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      if (random.nextInt(30) == 0) {
        text.append(newline); // a blank line
      }
      String id;
      if (!used.isEmpty() && random.nextDouble() < duplicateRate) {
        id = used.get(random.nextInt(used.size()));
      } else if (random.nextInt(25) == 0) {
        id = "X" + random.nextInt(1000); // out of order
      } else {
        id = String.format("D%05d", next);
        next += 1 + random.nextInt(3);
      }
      used.add(id);
      ids.add(id);
      boolean bad = random.nextDouble() < badRate;
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        cells.add(cell(column, id, bad && random.nextInt(3) == 0, random));
      }
      for (int c = 0; c < cells.size(); c++) {
        if (c > 0) {
          text.append(',');
        }
        text.append(quote(cells.get(c), random, newline));
      }
      if (literalQuote && r == rows / 2) {
        text.append(",5\" screen");
      }
      if (r < rows - 1 || random.nextBoolean()) {
        text.append(newline);
      }
      if (badByte && r == rows * 3 / 4) {
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        out.write(0xC3);
        text.setLength(0);
        text.append(newline);
      }
    }
    if (unclosed) {
      text.append("D99999,R1,\"2026-01-01,5").append(newline);
    }
    out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String cell(String column, String id, boolean bad, Random random) {
    return switch (column) {
      // now and then padded: the trimmed id is the id, read as a number or as text alike
      case "deal_id" -> bad && random.nextBoolean() ? "" : random.nextInt(12) == 0 ? " " + id + " "
          : id;
      case "owner" -> bad ? "" : "R" + random.nextInt(9);
      case "close_date" -> bad ? "2026-13-0" + random.nextInt(9)
          : "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
      case "amount" -> switch (random.nextInt(bad ? 2 : 6)) {
        case 0 -> bad ? "-" + random.nextInt(100) : "$1,250.00";
        case 1 -> bad ? "12x" : "EUR 50,000.00";
        default -> random.nextInt(100000) + "." + random.nextInt(10);
      };
      case "stage" -> bad ? "maybe" : new String[] {"won", "lost", "open", ""}[random.nextInt(4)];
      case "currency" -> bad ? "US" : random.nextBoolean() ? "" : "usd";
      case "partner" -> random.nextBoolean() ? "" : "P" + random.nextInt(4);
      case "assists" -> random.nextBoolean() ? "" : "R1; R2";
      case "territory" -> new String[] {"North, East", "South\nWest", "say \"hi\"", "Центр",
          ""}[random.nextInt(5)];
      default -> switch (random.nextInt(6)) {
        case 0 -> "a,\r\nb";
        case 1 -> "c\rd";
        default -> "n" + random.nextInt(50);
      };
    };
  }

  /** Quoted when it must be, and now and then when it need not be. */
  private static String quote(String cell, Random random, String newline) {
    boolean must = cell.contains(",") || cell.contains("\"") || cell.contains("\n")
        || cell.contains("\r");
    if (must || random.nextInt(5) == 0) {
      String body = cell.replace("\"", "\"\"");
      if (random.nextBoolean()) {
        body = body.replace("\n", newline).replace("\r\r", "\r");
      }
      return "\"" + body + "\"";
    }
    return cell;
  }
}
