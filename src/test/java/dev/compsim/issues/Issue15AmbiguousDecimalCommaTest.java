package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 10: in a comma-delimited file {@code 1,2345} was read as 1.2345 and
 * {@code 1,23} as 1.23, while {@code 1,234} was 1234. A comma that is not a thousands separator
 * is refused with its position; thousands and decimal-comma files keep working.
 */
class Issue15AmbiguousDecimalCommaTest {
  @TempDir
  Path dir;

  @Test
  void aCommaThatIsNoThousandsSeparatorIsRefusedWithItsPosition() {
    Cli cli = new Cli(dir).basics();
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,stage
        D1,R1,2026-03-10,"1,2345",won
        D2,R2,2026-03-11,"1,23",won
        D3,R2,2026-03-12,"1,234",won
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml", "--data", "{dir}");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines()).hasSize(3);
    assertThat(result.err()).contains("deals.csv:2:4: error: amount \"1,2345\" has a comma that "
        + "is not a thousands separator")
        .contains("deals.csv:3:4: error: amount \"1,23\" has a comma that is not a thousands "
            + "separator")
        .contains("write the amount with a decimal point (1.23)")
        .doesNotContain("deals.csv:4:");
  }

  @Test
  void thousandsAndSemicolonFilesAreReadAsBefore() {
    Cli cli = new Cli(dir).basics();
    cli.write("deals.csv", """
        deal_id;owner;close_date;amount;stage
        D1;R1;2026-03-10;1.234,50;won
        D2;R1;2026-03-11;1,5;won
        """);
    Cli.Result semicolons = cli.run("explain", "{dir}/plan.yaml", "--data", "{dir}", "--rep",
        "R1");
    assertThat(semicolons.code()).as(semicolons.err()).isZero();
    assertThat(semicolons.out()).contains("credit 1234.50").contains("credit 1.50");
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,stage
        D1,R1,2026-03-10,"1,234",won
        D2,R1,2026-03-11,"12 500,50",won
        """);
    Cli.Result commas = cli.run("explain", "{dir}/plan.yaml", "--data", "{dir}", "--rep", "R1");
    assertThat(commas.code()).as(commas.err()).isZero();
    assertThat(commas.out()).contains("credit 1234.00").contains("credit 12500.50");
  }
}
