package dev.compsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12, command line: a table wider than the terminal comes in blocks of columns. */
class TextTableWidthTest {
  @Test
  void aNarrowTableIsOneBlock() {
    String text = new TextTable(List.of("", "A", "B")).row(List.of("cost", "1.00", "2.00"))
        .render();
    assertThat(text).isEqualTo("      |    A |    B \n------+------+------\n cost | 1.00 | 2.00 ");
  }

  @Test
  void aTableThatFitsOnceItsHeadersWrapKeepsItsColumnsSideBySide() {
    String text = new TextTable(List.of("", "Traditional reseller (baseline)", "Outcomes first"))
        .row(List.of("expected cost, with behavior (modelled)".repeat(2), "2,851,576.18",
            "+117,414.36 (+4.1%)")).render();
    assertThat(text.lines()).allMatch(line -> line.length() <= TextTable.MAX_WIDTH);
    assertThat(text.lines().toList().subList(0, 4)).containsExactly(
        pad(80) + "|  Traditional |                     ",
        pad(80) + "|     reseller |                     ",
        pad(80) + "|   (baseline) |      Outcomes first ",
        "-".repeat(80) + "+--------------+---------------------");
  }

  private static String pad(int width) {
    return " ".repeat(width);
  }

  @Test
  void aWideTableIsSplitIntoEvenBlocksThatRepeatTheFirstColumn() {
    List<String> header = new ArrayList<>(List.of("figure"));
    List<String> row = new ArrayList<>(List.of("total cost"));
    for (int plan = 1; plan <= 4; plan++) {
      header.add("Plan " + plan);
      row.add("1,234,567,890.12 (+12.5%)");
    }
    String text = new TextTable(header).row(row).render();
    assertThat(text.lines()).allMatch(line -> line.length() <= TextTable.MAX_WIDTH);
    // two blocks of two plans, not three and one
    assertThat(text.lines().filter(line -> line.startsWith(" total cost"))).hasSize(2);
    assertThat(text.lines().filter(line -> line.contains("Plan 1") && line.contains("Plan 2")))
        .hasSize(1);
    assertThat(text.lines().filter(line -> line.contains("Plan 3") && line.contains("Plan 4")))
        .hasSize(1);
  }

  @Test
  void aSingleCellWiderThanTheTerminalStaysWhole() {
    String wide = "x".repeat(150);
    String text = new TextTable(List.of("", "A", "B")).row(List.of("cell", wide, "1")).render();
    assertThat(text).contains(wide);
    assertThat(text.lines().filter(line -> line.startsWith(" cell"))).hasSize(2);
  }

  @Test
  void longNotesAreWrappedAtSpaces() {
    String note = "word ".repeat(60).strip();
    String text = TextTable.wrap("  ", note);
    assertThat(text.lines()).allMatch(line -> line.length() <= TextTable.MAX_WIDTH)
        .hasSizeGreaterThan(2);
    assertThat(text.lines().skip(1)).allMatch(line -> line.startsWith("    word"));
    assertThat(text.replaceAll("\\s+", " ").strip()).isEqualTo(note);
    assertThat(TextTable.wrap("", "short")).isEqualTo("short\n");
  }
}
