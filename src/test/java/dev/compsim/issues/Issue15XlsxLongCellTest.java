package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 15: a text longer than 32,767 characters (a rep name from the data) went into a
 * report.xlsx cell whole; Excel calls such a file corrupt. It is cut, with a note.
 */
class Issue15XlsxLongCellTest {
  @TempDir
  Path dir;

  @Test
  void longTextIsCutToWhatACellHolds() throws IOException {
    String name = "N".repeat(40_000);
    Files.writeString(dir.resolve("deals.csv"), """
        deal_id,owner,close_date,amount
        D1,R1,2026-02-10,80000
        D2,R2,2026-02-20,60000
        """);
    Files.writeString(dir.resolve("reps.csv"), "rep_id,name,role,territory,quota,ote\n"
        + "R1,Ana Ruiz,AE,West,800000,160000\n"
        + "R2," + name + ",AE,East,800000,160000\n");
    String plan = """
        name: %s
        fiscal_year_start: 02-01
        commission: { tiers: [ { rate: %s } ] }
        """;
    Files.writeString(dir.resolve("a.yaml"), plan.formatted("A", "0.05"));
    Files.writeString(dir.resolve("b.yaml"), plan.formatted("B", "0.06"));
    Path out = dir.resolve("out");
    Issue15LocaleDigitsTest.execute("compare", dir.resolve("a.yaml").toString(),
        dir.resolve("b.yaml").toString(), "--data", dir.toString(), "--out", out.toString(),
        "--format", "xlsx", "--quiet");

    List<String> texts = new ArrayList<>();
    try (ZipFile zip = new ZipFile(out.resolve("report.xlsx").toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        if (entry.getName().endsWith(".xml")) {
          String xml = new String(zip.getInputStream(entry).readAllBytes(),
              StandardCharsets.UTF_8);
          Matcher m = Pattern.compile("<t[^>]*>([^<]*)</t>").matcher(xml);
          while (m.find()) {
            texts.add(m.group(1));
          }
        }
      }
    }
    assertThat(texts).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(32_767));
    assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("NNNN").hasSize(32_767)
        .endsWith("[cut: 40,000 characters, more than a spreadsheet cell holds; ledger.csv and "
            + "report.json have the whole text]"));
  }
}
