package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private void smallData() throws IOException {
    write("deals.csv", """
        deal_id,owner,close_date,amount,implementation,implementation_date
        D1,R1,2026-02-10,80000,confirmed,2026-04-01
        D2,R1,2026-02-20,60000,,
        """);
    write("reps.csv", """
        rep_id,name,role,territory,quota,ote
        R1,Ana Ruiz,AE,West,800000,160000
        """);
    write("plan.yaml", """
        name: Held
        fiscal_year_start: 02-01
        commission:
          tiers:
            - { to: 0.5, rate: 0.04 }
            - { to: 1.0, rate: 0.09 }
            - { rate: 0.14 }
        holdback: { share: 0.25, release: implementation }
        """);
  }

  @Test
  void runPrintsTheSummaryAndWritesTheLedger() throws IOException {
    smallData();
    Path out = dir.resolve("out");
    Result result = run("run", dir.resolve("plan.yaml").toString(), "--data", dir.toString(),
        "--out", out.toString());
    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    // D1 3,200 (800 held, released 2026-04-01); D2 4,400 (1,100 held, still owed)
    assertThat(result.out()).contains("2 won deals as of 2026-04-01")
        .contains("rep cost", "7,600.00", "held (owed)", "1,100.00", "Ana Ruiz (R1)");
    assertThat(Files.readAllLines(out.resolve("ledger.csv"))).containsExactly(
        "plan,payee,payee_kind,component,deal_id,period,status,amount,pay_date,trace",
        "Held,R1,rep,commission,D1,FY2027-Q1,paid,2400.00,2026-02-10,\"credit 80000.00 (list) "
            + "→ attainment 0.0%→40.0% → 80000.00@4% = 3200.00; 25% (800.00) held back, "
            + "2400.00 paid at close\"",
        "Held,R1,rep,commission,D1,FY2027-Q1,released,800.00,2026-04-01,25% of 3200.00 "
            + "commission held back; released: implementation confirmed 2026-04-01",
        "Held,R1,rep,commission,D2,FY2027-Q1,paid,3300.00,2026-02-20,\"credit 60000.00 (list) "
            + "→ attainment 40.0%→70.0% → 20000.00@4% + 40000.00@9% = 4400.00; 25% (1100.00) "
            + "held back, 3300.00 paid at close\"",
        "Held,R1,rep,commission,D2,FY2027-Q1,held,1100.00,,25% of 4400.00 commission held "
            + "back; held: until implementation is confirmed");
    assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void explainShowsTheTraceByPeriod() throws IOException {
    smallData();
    Result result = run("explain", dir.resolve("plan.yaml").toString(), "--data", dir.toString(),
        "--rep", "R1", "--as-of", "2026-03-31");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Ana Ruiz (R1, role AE) under plan \"Held\", as of "
        + "2026-03-31", "FY2027-Q1", "20000.00@4% + 40000.00@9% = 4400.00",
        "Earned 7,600.00 = paid 5,700.00 + released 0.00 + held 1,900.00 + forfeited 0.00");
  }

  @Test
  void badInputExitsWithTwoAndWritesNothing() throws IOException {
    smallData();
    write("plan.yaml", """
        name: Bad
        commision:
          tiers: [ { rate: 1.4 } ]
        """);
    Path out = dir.resolve("out");
    Result result = run("run", dir.resolve("plan.yaml").toString(), "--data", dir.toString(),
        "--out", out.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo(dir.resolve("plan.yaml")
        + ":2:1: error: unknown key `commision`; did you mean `commission`?\n"
        + "1 problem; nothing was written.\n");
    assertThat(result.err()).doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void problemsOfPlansAndDataAreListedTogether() throws IOException {
    // the plans are read while the data is: both are listed, sorted by file as always
    smallData();
    write("second.yaml", """
        name: Second
        commision:
          tiers: [ { rate: 0.1 } ]
        """);
    write("deals.csv", """
        deal_id,owner,close_date,amount
        D1,R1,2026-02-10,lots
        """);
    for (int i = 0; i < 5; i++) {
      Result result = run("run", dir.resolve("plan.yaml").toString(),
          dir.resolve("second.yaml").toString(), "--data", dir.toString());
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.err()).isEqualTo(
          dir.resolve("deals.csv") + ":2:4: error: amount \"lots\" is not a number\n"
          + dir.resolve("second.yaml")
          + ":2:1: error: unknown key `commision`; did you mean `commission`?\n"
          + "2 problems; nothing was written.\n");
    }
  }

  @Test
  void missingRepIsNamedWithTheRowsThatUseIt() throws IOException {
    smallData();
    write("deals.csv", """
        deal_id,owner,close_date,amount
        D1,R1,2026-02-10,80000
        D2,R9,2026-02-20,60000
        D3,R9,2026-02-21,60000
        """);
    Result result = run("run", dir.resolve("plan.yaml").toString(), "--data", dir.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains(dir.resolve("deals.csv")
        + ":3:2: error: rep R9 is not in reps.csv; used by D2 (line 3), D3 (line 4)");
  }

  @Test
  void versionAndHelp() {
    assertThat(run("--version").out()).startsWith("compsim ");
    Result help = run("run", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: compsim run", "--as-of", "Example:");
    assertThat(run("run").code()).isEqualTo(2); // usage error: no plan given
  }

  @Test
  void completionScriptIsGenerated() {
    Result result = run("generate-completion");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("complete -F");
  }
}
