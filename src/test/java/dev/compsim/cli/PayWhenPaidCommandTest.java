package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pay when paid from the command line: payments.csv, --payments, explain, bad payments. */
class PayWhenPaidCommandTest {
  @TempDir
  Path dir;

  private static final String PLAN = "name: Paid\nfiscal_year_start: 02-01\n"
      + "commission: { tiers: [ { rate: 0.2 } ] }\npay_on: payment\n";

  private Path data(String payments) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("deals.csv"), "deal_id,owner,close_date,amount\n"
        + "D1,R1,2026-03-01,1000\nD2,R1,2026-03-02,20000\n");
    Files.writeString(data.resolve("reps.csv"), "rep_id,quota,ote\nR1,100000000,160000\n");
    if (payments != null) {
      Files.writeString(data.resolve("payments.csv"), payments);
    }
    return data;
  }

  @Test
  void explainShowsThePaymentsAndWhatEachReleases() throws IOException {
    Path data = data("deal_id,date,amount\nD1,2026-03-10,500\nD2,2026-03-20,10000\n"
        + "D2,2026-04-15,10000\nD1,2026-06-01,500\n");
    Path plan = Files.writeString(dir.resolve("plan.yaml"), PLAN);
    RunCommandTest.Result result = RunCommandTest.run("explain", plan.toString(), "--data",
        data.toString(), "--rep", "R1", "--deal", "D1", "--as-of", "2026-04-30");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains(
        "customer payments: 500.00 on 2026-03-10; 500.00 on 2026-06-01 (after as-of, not "
            + "counted); 500.00 of 1,000.00 paid as of 2026-04-30",
        "released          100.00  paid 2026-03-10",
        "payment 500.00 of 1,000.00 on 2026-03-10 releases 50% of 200.00: 100.00",
        "held              100.00");
    RunCommandTest.Result run = RunCommandTest.run("run", plan.toString(), "--data",
        data.toString(), "--as-of", "2026-04-30");
    assertThat(run.out()).containsPattern("released +\\| +4,100\\.00")
        .containsPattern("held \\(owed\\) +\\| +100\\.00");
  }

  @Test
  void aPaymentsFileMayBeNamedOnItsOwn() throws IOException {
    Path data = data(null);
    Path payments = Files.writeString(dir.resolve("paid.csv"), "deal_id,date,amount\n"
        + "D2,2026-03-20,20000\n");
    Path plan = Files.writeString(dir.resolve("plan.yaml"), PLAN);
    RunCommandTest.Result result = RunCommandTest.run("run", plan.toString(), "--deals",
        data.resolve("deals.csv").toString(), "--reps", data.resolve("reps.csv").toString(),
        "--payments", payments.toString(), "--as-of", "2026-04-30");
    assertThat(result.code()).isZero();
    assertThat(result.out()).containsPattern("released +\\| +4,000\\.00")
        .containsPattern("held \\(owed\\) +\\| +200\\.00");
  }

  @Test
  void badPaymentsAreExitTwoWithEveryProblemPlacedAndNothingWritten() throws IOException {
    Path data = data("deal_id,date,amount\nD1,2026-03-10,500\nD7,2026-03-10,500\n"
        + "D1,2026-03-10,500\nD2,10/03/2026,1\nD2,2026-03-11,$5\n");
    Path plan = Files.writeString(dir.resolve("plan.yaml"), PLAN);
    Path out = dir.resolve("out");
    RunCommandTest.Result result = RunCommandTest.run("run", plan.toString(), "--data",
        data.toString(), "--out", out.toString());
    assertThat(result.code()).isEqualTo(2);
    String file = data.resolve("payments.csv").toString();
    assertThat(result.err()).contains(
        file + ":3:1: error: payment for unknown deal D7",
        file + ":4:1: error: duplicate payment: deal D1, 2026-03-10, 500 is also on line 2",
        file + ":5:2: error: date \"10/03/2026\" is not a date (expected yyyy-MM-dd)",
        file + ":6:3: error: amount \"$5\" is not a number")
        .doesNotContain("Exception", "\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void withoutPaymentsValidateWarnsThatPayWhenPaidCannotBeMeasured() throws IOException {
    Path data = data(null);
    Path plan = Files.writeString(dir.resolve("plan.yaml"), PLAN);
    RunCommandTest.Result result = RunCommandTest.run("validate", plan.toString(), "--data",
        data.toString());
    assertThat(result.code()).isZero();
    assertThat(result.out() + result.err()).contains("warning: pay when paid cannot be "
        + "measured: there is no payments.csv");
  }
}
