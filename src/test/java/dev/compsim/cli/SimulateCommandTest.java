package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.cli.RunCommandTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private void data() throws IOException {
    write("deals.csv", """
        deal_id,owner,close_date,amount,partner,partner_role,assists,implementation,implementation_date
        D1,R1,2026-02-10,80000,,,,confirmed,2026-04-01
        D2,R1,2026-02-20,60000,P1,resell,,failed,2026-05-01
        D3,R2,2026-03-05,40000,,,S1,confirmed,2026-05-20
        D4,R2,2026-04-25,90000,P1,resell,,,
        D5,R1,2026-05-02,30000,,,,confirmed,2026-07-01
        D6,R2,2026-06-28,50000,P1,resell,S1,,
        """);
    write("reps.csv", """
        rep_id,name,role,territory,quota,ote
        R1,Ana Ruiz,AE,West,800000,160000
        R2,Ben Okafor,AE,East,800000,160000
        S1,Sam Lee,SE,West,1000000,140000
        """);
    write("partners.csv", """
        partner_id,name,type,tier,certifications,independent,rebate_enrolled,fiscal_year_start,manager
        P1,Northwind,VAR,Gold,3,true,true,,
        """);
    write("activities.csv", """
        rep,date,activity,count
        R1,2026-02-03,meeting,12
        R2,2026-02-03,meeting,9
        R1,2026-05-03,meeting,14
        """);
    String common = """
        fiscal_year_start: 02-01
        period: quarter
        commission: { tiers: [ { to: 0.5, rate: 0.04 }, { to: 1.0, rate: 0.09 }, { rate: 0.14 } ] }
        partners: { margin: { VAR: 0.25 } }
        """;
    write("traditional.yaml", "name: Traditional\n" + common + """
        credit: { partner_basis: net, team: split, assist_share: 0.25 }
        spiffs: [ { name: meeting, kind: activity, activity: meeting, amount: 40 } ]
        """);
    write("neutral.yaml", "name: Neutral\n" + common + """
        credit: { partner_basis: list, team: full }
        holdback: { share: 0.3, release: implementation }
        ban_activity_spiffs: true
        """);
  }

  private Result simulate(String... extra) {
    String[] base = {"simulate", dir.resolve("traditional.yaml").toString(),
        dir.resolve("neutral.yaml").toString(), "--data", dir.toString(), "--runs", "200",
        "--seed", "7", "--no-progress"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return RunCommandTest.run(args);
  }

  @Test
  void printsGradientsPredictionsAndIntervals() throws IOException {
    data();
    Result result = simulate("--no-sensitivity");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("Incentive gradients", "Predicted behavior",
        "Simulated outcomes", "Behavior model assumptions",
        "Under Neutral, taking a typical deal through a partner changes the owner's pay by +0 "
            + "instead of \u2212",
        "Under Neutral, booking one more meeting changes the rep's pay by +0 instead of +40.");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void writesTheSameFilesWhateverTheThreadCount() throws IOException {
    data();
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    assertThat(simulate("--out", one.toString(), "--threads", "1", "--quiet").code()).isZero();
    assertThat(simulate("--out", two.toString(), "--threads", "3", "--quiet").code()).isZero();
    for (String name : new String[] {"report.json", "summary.md", "report.html", "report.xlsx",
        "ledger.csv"}) {
      assertThat(Files.readAllBytes(two.resolve(name))).as(name).isEqualTo(
          Files.readAllBytes(one.resolve(name)));
    }
    String json = Files.readString(one.resolve("report.json"));
    assertThat(json).contains("\"incentive_gradients\"", "\"behavior_simulation\"",
        "\"behavior_sensitivity\"", "\"p5\"", "\"p95\"", "\"most_influential\"");
    assertThat(Files.readString(one.resolve("summary.md")))
        .contains("## Sensitivity to the assumptions", "| result |", "## Cost by plan and component");
    // the simulation's intervals are drawn in the HTML report
    assertThat(Files.readString(one.resolve("report.html"))).contains("behavior_simulation");
  }

  @Test
  void badAssumptionsAreInputErrorsWithPositions() throws IOException {
    data();
    Path file = write("assumptions.yaml", "route_sensitivity: 5\npartner_win_upflit: 0.2\n");
    Result result = simulate("--assumptions", file.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains(file + ":2:1: error: unknown assumption "
        + "\"partner_win_upflit\" (did you mean partner_win_uplift?)");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void runsMustBePositive() throws IOException {
    data();
    Result result = RunCommandTest.run("simulate", dir.resolve("traditional.yaml").toString(),
        "--data", dir.toString(), "--runs", "0");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--runs must be between 1 and 10000000");
  }
}
