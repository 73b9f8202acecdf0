package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 11: a custom date format rolled impossible dates to the month's last day
 * ({@code 30.02.2026} became 2026-02-28, {@code 31/04/2026} 2026-04-30). A date pattern from a
 * column map or {@code --date-format} is read strictly, as ISO dates already were.
 */
class Issue15ImpossibleCustomDateTest {
  @TempDir
  Path dir;

  @Test
  void aColumnMapPatternRefusesADayThatDoesNotExist() {
    Cli cli = new Cli(dir).basics();
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,stage
        D1,R1,30.02.2026,50000,won
        D2,R2,28.02.2026,30000,won
        """);
    cli.write("map.yaml", """
        columns: { deal_id: deal_id, owner: owner, close_date: close_date, amount: amount }
        stages: { won: won, lost: lost }
        date_format: dd.MM.yyyy
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml", "--data", "{dir}", "--columns",
        "{dir}/map.yaml");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("deals.csv:2:3: error: close_date \"30.02.2026\" is not "
        + "a date: there is no such day (read as dd.MM.yyyy)\n1 problem found.\n");
  }

  @Test
  void aDateFormatOptionRefusesADayThatDoesNotExist() {
    Cli cli = new Cli(dir).basics();
    cli.write("deals.csv", """
        Opportunity ID,Opportunity Owner,Close Date,Amount,Stage
        D1,R1,31/04/2026,50000,Closed Won
        D2,R1,29/02/2028,50000,Closed Won
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml", "--data", "{dir}",
        "--date-format", "dd/MM/yyyy");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("compsim: reading deals.csv as a Salesforce export "
        + "(recognised from its header; --preset or --columns to choose)\n"
        + "deals.csv:2:3: error: close_date \"31/04/2026\" is not "
        + "a date: there is no such day (read as dd/MM/yyyy)\n1 problem found.\n");
  }

  @Test
  void realDatesStillReadUnderTheirPattern() {
    Cli cli = new Cli(dir).basics();
    cli.write("deals.csv", """
        Opportunity ID,Opportunity Owner,Close Date,Amount,Stage
        D1,R1,29/02/2028,50000,Closed Won
        """);
    Cli.Result result = cli.run("explain", "{dir}/plan.yaml", "--data", "{dir}",
        "--date-format", "d/M/yyyy", "--rep", "R1");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("paid 2028-02-29");
  }
}
