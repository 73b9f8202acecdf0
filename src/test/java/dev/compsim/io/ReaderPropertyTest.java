package dev.compsim.io;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random inputs built from the pieces CSV and YAML files are made of (delimiters, quotes, line
 * breaks, keys, numbers, dates, stray bytes), with a fixed seed: the readers must return or throw
 * an InputException, nothing else. Complements {@link ReaderFuzzTest}, which needs
 * {@code JAZZER_FUZZ=1} to explore beyond its corpus.
 */
class ReaderPropertyTest {
  private static final String[] CSV_PIECES = {
      "deal_id", "owner", "close_date", "amount", "stage", "currency", "partner", "assists",
      "implementation", "implementation_date", "Opportunity Owner", "Close Date", "Record ID",
      "Deal Stage", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\n\n", "D1", "R1", "R9",
      "2026-03-10", "3/31/2026", "2026-13-40", "12500", "-5", "$12,500.00", "12.500,00", "won",
      "lost", "Closed Won", "closedwon", "EUR", "\uFEFF", "\u0000", "\u00e9", " "};
  private static final String[] YAML_PIECES = {
      "name: X\n", "commission:\n", "  tiers:\n", "    - { to: 0.5, rate: 0.04 }\n",
      "    - { rate: 0.1 }\n", "holdback: { share: 1.5 }\n", "roles: { SE: ", "}", "]", "[",
      "{", ": ", "\n", "  ", "\t", "&a ", "*a ", "- ", "'", "\"", "#", "partners:\n",
      "  margin: { VAR: 0.2 }\n", "spiffs: [", "{ name: a, kind: deal, amount: 5 }", ", ",
      "period: quarter\n", "name: Y\n", "? ", "!!binary ", "---\n", "...\n", "0x1F", "1e400",
      "~", "null", "\u0000", "\u00ff"};

  private static Gen<byte[]> texts(String[] pieces) {
    Gen<List<Integer>> picks = lists().of(integers().between(-8, pieces.length - 1))
        .ofSizeBetween(0, 60);
    return picks.map(list -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int pick : list) {
        if (pick < 0) {
          out.write(0x80 - pick * 13); // a byte that is not UTF-8 on its own
        } else {
          out.writeBytes(pieces[pick].getBytes(StandardCharsets.UTF_8));
        }
      }
      return out.toByteArray();
    });
  }

  @Test
  void dealsReaderReturnsOrListsProblems() {
    qt().withFixedSeed(20261130L).withExamples(400).forAll(texts(CSV_PIECES))
        .checkAssert(bytes -> run(() -> ReaderFuzzTest.readDeals(bytes)));
  }

  @Test
  void planReaderReturnsOrListsProblems() {
    qt().withFixedSeed(20261130L).withExamples(400).forAll(texts(YAML_PIECES))
        .checkAssert(bytes -> run(() -> ReaderFuzzTest.readPlan(bytes)));
  }

  private interface Io {
    void run() throws IOException;
  }

  private static void run(Io io) {
    try {
      io.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
