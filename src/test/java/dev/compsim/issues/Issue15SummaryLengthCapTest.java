package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 15: summary.md for 7 plans on 200,000 deals had 68,385 characters, more than a
 * pull-request comment's 65,536, so the CI job posting it failed. It stays below the limit: a
 * section that does not fit keeps its notes, and a line points to the full report for its
 * tables. (Long rep names make a summary as long on a few deals.)
 */
class Issue15SummaryLengthCapTest {
  @TempDir
  Path dir;

  @Test
  void summaryFitsAPullRequestComment() throws IOException {
    StringBuilder deals = new StringBuilder("deal_id,owner,close_date,amount\n");
    StringBuilder reps = new StringBuilder("rep_id,name,role,territory,quota,ote\n");
    for (int i = 1; i <= 50; i++) {
      deals.append("D").append(i).append(",R").append(i).append(",2026-02-10,")
          .append(10_000 * i).append('\n');
      reps.append("R").append(i).append(",Rep ").append(i).append(" ")
          .append("with a long name ".repeat(400)).append(",AE,West,800000,160000\n");
    }
    Files.writeString(dir.resolve("deals.csv"), deals);
    Files.writeString(dir.resolve("reps.csv"), reps);
    String plan = """
        name: %s
        fiscal_year_start: 02-01
        commission: { tiers: [ { to: 0.1, rate: 0.05 }, { rate: %s } ] }
        """;
    Files.writeString(dir.resolve("a.yaml"), plan.formatted("A", "0.08"));
    Files.writeString(dir.resolve("b.yaml"), plan.formatted("B", "0.09"));
    Files.writeString(dir.resolve("c.yaml"), plan.formatted("C", "0.07"));
    Path out = dir.resolve("out");
    Issue15LocaleDigitsTest.execute("compare", dir.resolve("a.yaml").toString(),
        dir.resolve("b.yaml").toString(), dir.resolve("c.yaml").toString(), "--data",
        dir.toString(), "--out", out.toString(), "--format", "md", "--quiet");

    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary.length()).isLessThanOrEqualTo(60_000);
    assertThat(summary).contains("# compsim: A vs B vs C")
        .contains("are in report.html and report.json; summary.md leaves them out to fit a "
            + "pull-request comment._")
        .endsWith("every figure is a sum of ledger lines (ledger.csv)._\n");
    assertThat(count(summary, "<details>")).isEqualTo(count(summary, "</details>"));
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
