package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 13: with every deal lost and 50,000.00 of spiffs paid, {@code cost_of_sales max
 * 0.1} was "skipped" and {@code check} passed. A guardrail that cannot be computed while money
 * is paid fails as undefined, in {@code check}, its JUnit file and {@code compare --check}
 * alike; one that has no value because nothing at all was won or paid is still skipped.
 */
class Issue15UndefinedGuardrailPassesTest {
  @TempDir
  Path dir;

  private Cli cli(int meetings) {
    Cli cli = new Cli(dir).basics();
    cli.write("plan.yaml", """
        name: Spiffy
        currency: USD
        fiscal_year_start: 02-01
        commission:
          tiers:
            - { rate: 0.05 }
        spiffs:
          - { name: meeting booked, kind: activity, activity: meeting, amount: 50 }
        guardrails:
          - { metric: cost_of_sales, max: 0.1 }
        """);
    cli.write("base.yaml", """
        name: Base
        currency: USD
        fiscal_year_start: 02-01
        commission:
          tiers:
            - { rate: 0.05 }
        """);
    cli.write("deals.csv", """
        deal_id,owner,close_date,amount,stage
        D1,R1,2026-03-10,50000,lost
        D2,R2,2026-03-12,30000,lost
        """);
    cli.write("activities.csv", "rep,date,activity,count\n"
        + "R1,2026-03-01,meeting," + meetings + "\n");
    return cli;
  }

  @Test
  void checkFailsWhenMoneyIsPaidWithoutWonRevenue() throws IOException {
    Cli cli = cli(1000);
    Cli.Result result = cli.run("check", "{dir}/plan.yaml", "--data", "{dir}", "--junit",
        "{dir}/junit.xml");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).contains("FAIL plan \"Spiffy\": cost_of_sales undefined: no won "
        + "revenue while 50,000.00 is paid or owed; a guardrail that cannot be computed while "
        + "money is paid fails (max 10.0%)\n");
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).contains("1 failed.");
    String junit = Files.readString(dir.resolve("junit.xml"));
    assertThat(junit).contains("failures=\"1\"", "cost_of_sales undefined")
        .doesNotContain("<skipped");
  }

  @Test
  void compareCheckAgreesWithCheck() {
    Cli cli = cli(1000);
    Cli.Result result = cli.run("compare", "{dir}/base.yaml", "{dir}/plan.yaml", "--data",
        "{dir}", "--check", "--out", "{dir}/out");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("plan \"Spiffy\": cost_of_sales undefined: no won revenue "
        + "while 50,000.00 is paid or owed");
  }

  @Test
  void aCostChangeFromABaselineThatCostsNothingFails() {
    Cli cli = cli(1000);
    cli.write("plan.yaml", """
        name: Spiffy
        currency: USD
        fiscal_year_start: 02-01
        commission:
          tiers:
            - { rate: 0.05 }
        spiffs:
          - { name: meeting booked, kind: activity, activity: meeting, amount: 50 }
        guardrails:
          - { metric: cost_change_pct, max: 0.1 }
        """);
    Cli.Result result = cli.run("check", "{dir}/base.yaml", "{dir}/plan.yaml", "--data",
        "{dir}");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).contains("cost_change_pct undefined: the baseline costs nothing "
        + "while this plan costs 50,000.00");
  }

  @Test
  void nothingWonAndNothingPaidIsSkipped() {
    Cli cli = cli(0);
    Cli.Result result = cli.run("check", "{dir}/plan.yaml", "--data", "{dir}");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("skip plan \"Spiffy\": cost_of_sales skipped: no value "
        + "(nothing was won and nothing was paid)");
  }
}
