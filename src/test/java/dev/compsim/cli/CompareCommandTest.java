package dev.compsim.cli;

import static dev.compsim.cli.RunCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compsim.engine.Engine;
import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.PlanReader;
import dev.compsim.model.DataSet;
import dev.compsim.report.Comparison;
import dev.compsim.report.ReportSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import dev.compsim.cli.RunCommandTest.Result;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare and check through cli.Main on the small data set of the report tests. */
class CompareCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  // the data and plans of ReportFixtures, as files; R2 has a hostile name
  @BeforeEach
  void data() throws IOException {
    write("deals.csv", """
        deal_id,owner,close_date,amount,partner,partner_role,implementation,implementation_date
        D1,R1,2026-02-10,80000,,,confirmed,2026-04-01
        D2,R1,2026-02-20,60000,,,pending,
        D3,R2,2026-03-01,100000,P1,resell,pending,
        """);
    write("reps.csv", """
        rep_id,name,role,territory,quota,ote
        R1,Ana Ruiz,AE,West,800000,160000
        R2,<script>alert(1)</script>,AE,East,800000,160000
        R3,=HYPERLINK("x"),AE,East,800000,160000
        """);
    write("partners.csv", """
        partner_id,name,type,tier,certifications,independent,rebate_enrolled,fiscal_year_start,manager
        P1,Northwind,VAR,,0,false,false,,
        """);
    write("activities.csv", """
        rep,date,activity,count
        R2,2026-02-15,meeting,5
        """);
    write("base.yaml", """
        name: Base
        fiscal_year_start: 02-01
        commission:
          tiers: [ { to: 0.5, rate: 0.04 }, { to: 1.0, rate: 0.09 }, { rate: 0.14 } ]
        credit: { partner_basis: list }
        spiffs:
          - { name: meeting booked, kind: activity, activity: meeting, amount: 40 }
        partners: { margin: { VAR: 0.25 } }
        guardrails:
          - { metric: cost_of_sales, max: 0.16 }
          - { metric: reps_losing_share, max: 0.1 }
        """);
    write("held.yaml", """
        name: Held
        fiscal_year_start: 02-01
        commission:
          tiers: [ { to: 0.5, rate: 0.04 }, { to: 1.0, rate: 0.09 }, { rate: 0.14 } ]
        credit: { partner_basis: net }
        holdback: { share: 0.25, release: implementation, horizon_days: 270 }
        spiffs:
          - { name: meeting booked, kind: activity, activity: meeting, amount: 40 }
        ban_activity_spiffs: true
        partners: { margin: { VAR: 0.25 } }
        guardrails:
          - { metric: cost_of_sales, max: 0.14 }
          - { metric: held_liability, max: 1000 }
        """);
  }

  private String[] compare(String... more) {
    return Stream.concat(Stream.of("compare", dir.resolve("base.yaml").toString(),
        dir.resolve("held.yaml").toString(), "--data", dir.toString()), Stream.of(more))
        .toArray(String[]::new);
  }

  @Test
  void compareShowsTheHeadlineTable() {
    Result result = run(compare());
    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).contains("Base (baseline)", "total cost", "36,800.00", "35,600.00",
        "-1,200.00 (-3.3%)", "3 won deals as of 2026-04-01",
        "Held costs 1,200.00 less than Base");
    // beside it, the behavior model's expected figures, labelled as modelled
    assertThat(result.out()).contains("expected cost, with behavior (modelled)",
        "With predicted behavior (modelled: the mean of 50 simulated runs, seed 1",
        "Timing games (modelled, against a plan that pays nothing for moving a deal): ");
  }

  @Test
  void withoutSimulationRunsTheHeadlineSaysTheExpectedFiguresAreNotComputed() {
    List<String> args = new java.util.ArrayList<>(List.of(compare()));
    args.addAll(List.of("--runs", "0"));
    Result result = run(args.toArray(String[]::new));
    assertThat(result.code()).isZero();
    assertThat(result.out()).doesNotContain("expected cost, with behavior")
        .contains("Expected cost and revenue with predicted behavior: not computed here "
            + "(--runs 0).");
  }

  @Test
  void compareWritesEveryReportByteForByteTheSameTwice() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    assertThat(run(compare("--out", first.toString())).code()).isZero();
    assertThat(run(compare("--out", second.toString())).code()).isZero();
    List<String> names = List.of("summary.md", "report.json", "report.html", "report.xlsx",
        "ledger.csv");
    try (Stream<Path> files = Files.list(first)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(names);
    }
    for (String name : names) {
      assertThat(Files.readAllBytes(second.resolve(name))).as(name)
          .isEqualTo(Files.readAllBytes(first.resolve(name)));
    }
    String html = Files.readString(first.resolve("report.html"));
    assertThat(html).doesNotContain("<script>alert(1)</script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    // a rep name that looks like a formula cannot run in a spreadsheet
    assertThat(Files.readString(first.resolve("report.json"))).contains("=HYPERLINK");
  }

  @Test
  void formatChoosesTheOutputs() throws IOException {
    Path out = dir.resolve("out");
    Result result = run(compare("--out", out.toString(), "--format", "json", "--format", "md"));
    assertThat(result.code()).isZero();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("summary.md", "report.json");
    }
    assertThat(result.out()).doesNotContain("total cost"); // no table unless asked
    Result json = run(compare("--format", "json"));
    assertThat(json.out()).startsWith("{\n  \"schema\" : \"compsim-report/1\"");
    Result html = run(compare("--format", "html"));
    assertThat(html.code()).isEqualTo(2);
    assertThat(html.err()).contains("--format html writes report.html: give --out DIR");
  }

  @Test
  void compareCheckFailsOnABrokenGuardrailAndStillWritesTheReports() throws IOException {
    Path out = dir.resolve("out");
    Path junit = dir.resolve("ci/guardrails.xml");
    Files.createDirectories(junit.getParent());
    Result result = run(compare("--out", out.toString(), "--check", "--junit",
        junit.toString()));
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains(
        "guardrail failed: plan \"Held\": cost_of_sales = 14.8% breaks max 14.0%",
        "guardrail failed: plan \"Held\": held_liability = 1,850.00 breaks max 1,000.00");
    assertThat(out.resolve("report.html")).exists();
    assertThat(Files.readString(junit)).contains("<testcase classname=\"guardrails.Held\" "
        + "name=\"cost_of_sales max 14.0%\" time=\"0\">", "<failure message=");
    // without --check the guardrails are reported but do not fail the run
    assertThat(run(compare()).code()).isZero();
  }

  @Test
  void checkExitsOneAndNamesPlanMetricValueAndLimit() throws IOException {
    Path junit = dir.resolve("guardrails.xml");
    Result result = run("check", dir.resolve("base.yaml").toString(),
        dir.resolve("held.yaml").toString(), "--data", dir.toString(), "--junit",
        junit.toString());
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).contains("ok   plan \"Base\": cost_of_sales = 15.3% within max 16.0%",
        "skip plan \"Base\": reps_losing_share skipped", "4 guardrails as of 2026-04-01: 2 failed.");
    assertThat(result.out()).contains("FAIL plan \"Held\": held_liability = 1,850.00 breaks "
        + "max 1,000.00");
    String xml = Files.readString(junit);
    assertThat(xml).contains("tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"1\"",
        "<skipped message=");
    Result again = run("check", dir.resolve("base.yaml").toString(),
        dir.resolve("held.yaml").toString(), "--data", dir.toString(), "--junit",
        junit.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(Files.readString(junit)).isEqualTo(xml);

    Result alone = run("check", dir.resolve("base.yaml").toString(), "--data", dir.toString());
    assertThat(alone.code()).isZero();
  }

  @Test
  void runWithOutAlsoWritesTheSummaryAndJson() throws IOException {
    Path out = dir.resolve("run");
    Result result = run("run", dir.resolve("base.yaml").toString(),
        dir.resolve("held.yaml").toString(), "--data", dir.toString(), "--out", out.toString());
    assertThat(result.code()).isZero();
    assertThat(Files.readString(out.resolve("summary.md"))).startsWith("# compsim: Base vs Held")
        .contains("| total cost | 36,800.00 | 35,600.00 |");
    assertThat(Files.readString(out.resolve("report.json"))).contains("\"total_cost\" : 35600.00");
    assertThat(out.resolve("ledger.csv")).exists();
  }

  @Test
  void badInputWritesNothing() throws IOException {
    write("held.yaml", "name: Held\nguardrails: [ { metric: cost_of_sale, max: 0.1 } ]\n");
    Path out = dir.resolve("out");
    Result result = run(compare("--out", out.toString()));
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("unknown guardrail metric \"cost_of_sale\"",
        "did you mean cost_of_sales?");
    assertThat(out).doesNotExist();
  }

  @Test
  void aFailureWhileWritingLeavesNoPartialReport() {
    DataSet data = new DataReader().read(DataFiles.of(dir, null, null, null, null, null)).data();
    var plans = new PlanReader().readAll(List.of(dir.resolve("base.yaml"),
        dir.resolve("held.yaml")));
    // a section whose data cannot be written as JSON: summary.md is done by then, report.json
    // fails
    Engine engine = Engine.latest(data);
    Comparison broken = Comparison.of(engine, plans).with(new ReportSection("bad",
        "Bad", List.of(), List.of(), List.of(), Map.of("value", new Object())));
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> ReportFiles.write(out, broken, EnumSet.allOf(ReportFormat.class),
        engine))
        .isInstanceOf(RuntimeException.class);
    assertThat(out).doesNotExist(); // created for the run, removed again with nothing in it
  }
}
