package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 15: a rep named {@code @acme/sales-leads} or {@code https://evil.example/pay}
 * in the data became, in summary.md posted as a pull-request comment, a notification to a whole
 * team and a live link. Mentions, bare URLs and e-mail addresses from the data are neutralised
 * with an invisible word joiner; the text reads the same.
 */
class Issue15MarkdownMentionsTest {
  private static final String WJ = "\u2060";

  @TempDir
  Path dir;

  @Test
  void dataCannotMentionOrLink() throws IOException {
    Files.writeString(dir.resolve("deals.csv"), """
        deal_id,owner,close_date,amount
        D1,R1,2026-02-10,80000
        D2,R2,2026-02-20,60000
        D3,R3,2026-02-20,60000
        """);
    Files.writeString(dir.resolve("reps.csv"), """
        rep_id,name,role,territory,quota,ote
        R1,cc @acme/sales-leads,AE,West,800000,160000
        R2,see https://evil.example/pay now,AE,East,800000,160000
        R3,WWW.evil.example or mail boss@evil.example,AE,East,800000,160000
        """);
    String plan = """
        name: "%s"
        fiscal_year_start: 02-01
        commission: { tiers: [ { rate: %s } ] }
        """;
    Files.writeString(dir.resolve("a.yaml"), plan.formatted("Plan @octocat", "0.05"));
    Files.writeString(dir.resolve("b.yaml"), plan.formatted("http://b.example", "0.06"));
    Path out = dir.resolve("out");
    Issue15LocaleDigitsTest.execute("compare", dir.resolve("a.yaml").toString(),
        dir.resolve("b.yaml").toString(), "--data", dir.toString(), "--out", out.toString(),
        "--format", "md", "--quiet");

    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary).contains("cc @" + WJ + "acme/sales-leads")
        .contains("see https:" + WJ + "//evil.example/pay now")
        .contains("WWW" + WJ + ".evil.example or mail boss@" + WJ + "evil.example")
        .contains("Plan @" + WJ + "octocat").contains("http:" + WJ + "//b.example");
    // nothing a renderer could still autolink or mention
    assertThat(summary).doesNotContainPattern("@[A-Za-z0-9]")
        .doesNotContainPattern("(?i)[a-z]+://").doesNotContainPattern("(?i)\\bwww\\.");
  }
}
