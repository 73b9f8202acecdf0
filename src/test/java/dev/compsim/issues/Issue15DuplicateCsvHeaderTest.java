package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 12: a header naming a column more than once ({@code deal_id} four times, in
 * any case) was accepted and the first one read. Which column holds the values is not guessed:
 * a repeated column the reader uses is refused, naming every position.
 */
class Issue15DuplicateCsvHeaderTest {
  @TempDir
  Path dir;

  @Test
  void aRepeatedColumnIsRefusedWithEveryPosition() {
    Cli cli = new Cli(dir).basics();
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,deal_id,Deal_ID,stage,DEAL_ID
        D1,R1,2026-03-10,50000,X1,X2,won,X3
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml", "--data", "{dir}");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("deals.csv:1:5: error: column deal_id appears 4 times in "
        + "the header, as columns 1, 5, 6, 8 (headers are matched ignoring case); which one "
        + "holds the values is not guessed: rename or remove the others\n1 problem found.\n");
  }

  @Test
  void aRepeatedQuotaInRepsIsRefused() {
    Cli cli = new Cli(dir).basics();
    cli.write("reps.csv", """
        rep_id,name,role,territory,quota,ote,Quota
        R1,Ana Ruiz,AE,West,800000,160000,900000
        """);
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount
        D1,R1,2026-03-10,50000
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml", "--data", "{dir}");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("reps.csv:1:7: error: column quota appears twice in the "
        + "header, as columns 5, 7");
  }

  @Test
  void aRepeatedColumnNobodyReadsIsIgnoredLikeAnyExtraColumn() {
    Cli cli = new Cli(dir).basics();
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,note,Note,,
        D1,R1,2026-03-10,50000,a,b,,
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml", "--data", "{dir}");
    assertThat(result.code()).as(result.err()).isZero();
  }
}
