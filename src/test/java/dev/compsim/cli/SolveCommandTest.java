package dev.compsim.cli;

import static dev.compsim.cli.RunCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compsim.cli.RunCommandTest.Result;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * solve on hand-worked cases. One rep with an annual quota of 400,000 (100,000 a quarter) closes
 * one direct deal of 100,000: at a flat rate r the plan costs exactly 100,000 × r.
 */
class SolveCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @BeforeEach
  void data() throws IOException {
    write("deals.csv", """
        deal_id,owner,close_date,amount
        D1,R1,2026-03-10,100000
        """);
    write("reps.csv", """
        rep_id,name,role,territory,quota,ote
        R1,Ana Ruiz,AE,West,400000,160000
        R2,Ben Ode,AE,West,400000,160000
        """);
    write("flat.yaml", """
        name: Flat
        fiscal_year_start: 02-01
        period: quarter
        commission:
          tiers: [ { rate: 0.05 } ]
        """);
  }

  private Result solve(String plan, String vary, String target, String... more) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("solve",
        dir.resolve(plan).toString(), "--vary", vary, "--target", target, "--data",
        dir.toString(), "--out", dir.resolve("out").toString()));
    args.addAll(java.util.List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void aFlatRateLandsOnTheHandWorkedValue() throws IOException {
    // 100,000 × r = 7,000 at r = 0.07 exactly: the shortest value that hits is found
    Result result = solve("flat.yaml", "commission.tiers[0].rate=0..0.2", "total_cost=7000");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("commission.tiers[0].rate = 0.07\n")
        .contains("total_cost 7,000.00 (target 7,000.00, within 0.01)")
        .contains("Wrote " + dir.resolve("out/solved.yaml"));
    String solved = Files.readString(dir.resolve("out/solved.yaml"));
    assertThat(solved).contains("rate: 0.07", "name: \"Flat (commission.tiers[0].rate=0.07)\"");
  }

  @Test
  void anOddTargetLandsWithinACent() throws IOException {
    // 7,123.45 needs r = 0.0712345; the plan written costs that to the cent
    Result result = solve("flat.yaml", "commission.tiers[0].rate=0..0.2", "total_cost=7123.45");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("commission.tiers[0].rate = 0.0712345\n");
    Result run = run("compare", dir.resolve("flat.yaml").toString(),
        dir.resolve("out/solved.yaml").toString(), "--data", dir.toString(), "--runs", "0");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("7,123.45");
  }

  @Test
  void costChangeIsAgainstTheBaseline() {
    // the base at 5% costs 5,000; 2,000 more is 7% (the baseline here is the base itself)
    Result result = solve("flat.yaml", "commission.tiers[0].rate=0.01..0.2", "cost_change=2000");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("commission.tiers[0].rate = 0.07\n")
        .contains("change against Flat +2,000.00");
  }

  @Test
  void aTargetOutOfReachIsRefused() {
    Result result = solve("flat.yaml", "commission.tiers[0].rate=0.01..0.1", "total_cost=20000");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--vary commission.tiers[0].rate=0.01..0.1: argument 4, "
        + "column 26: the target total_cost = 20,000.00 is out of reach: over 0.01..0.1 it goes "
        + "from 1,000.00 to 10,000.00; widen the range", "nothing was written");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aMetricThatTurnsInTheRangeIsRefused() throws IOException {
    // 200,000 shared by an owner and an assist, each paid 5% to quota (100,000) and 10% above:
    // all to one of them costs 5,000 + 10,000 = 15,000, half each 2 × 5,000 = 10,000; the cost
    // falls and rises again as the assist's share goes from 0 to 1
    write("deals.csv", """
        deal_id,owner,close_date,amount,assists
        D1,R1,2026-03-10,200000,R2
        """);
    write("split.yaml", """
        name: Split
        fiscal_year_start: 02-01
        period: quarter
        credit: { team: split, assist_share: 0.25 }
        commission:
          tiers: [ { to: 1.0, rate: 0.05 }, { rate: 0.10 } ]
        """);
    Result result = solve("split.yaml", "credit.assist_share=0..1", "total_cost=12000");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("total_cost is not monotone over 0..1, so bisection "
        + "cannot solve it: ", "narrow the range to one side of the turn");
    assertThat(dir.resolve("out")).doesNotExist();
    // on one side of the turn it solves: 15,000 - 10,000 × s... at s = 0.3: owner 140,000
    // earns 9,000, the assist 60,000 earns 3,000
    Result side = solve("split.yaml", "credit.assist_share=0..0.5", "total_cost=12000");
    assertThat(side.code()).as(side.err()).isZero();
    assertThat(side.out()).startsWith("credit.assist_share = 0.3\n");
  }

  @Test
  void badTargetsAreRefused() {
    assertThat(solve("flat.yaml", "commission.tiers[0].rate=0..0.2", "total_cots=1").err())
        .contains("\"total_cots\" is not one (did you mean total_cost?)");
    assertThat(solve("flat.yaml", "commission.tiers[0].rate=0..0.2", "total_cost=abc").err())
        .contains("\"abc\" is not a number");
    assertThat(solve("flat.yaml", "commission.tiers[0].rate=0,0.1", "total_cost=1").err())
        .contains("solve searches a range LOW..HIGH, without a step or a list");
    assertThat(solve("flat.yaml", "commission.tiers[0].rate=0..1.5", "total_cost=1").err())
        .contains("commission.tiers[0].rate=1.5 is refused");
  }

  @Test
  void thePartnerMultiplierThatMakesPartnerFirstCostNeutral() throws IOException {
    Path out = dir.resolve("neutral");
    Result result = run("solve", "plans/partner-first.yaml", "--vary",
        "credit.partner_multiplier=0.1..1.2", "--baseline", "plans/traditional.yaml",
        "--target", "cost_change=0", "--data", "sample-data", "--out", out.toString());
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("credit.partner_multiplier = ");
    Result compare = run("compare", "plans/traditional.yaml",
        out.resolve("solved.yaml").toString(), "--data", "sample-data", "--runs", "0", "--out",
        dir.resolve("report").toString(), "--format", "json", "-q");
    assertThat(compare.code()).as(compare.err()).isZero();
    JsonNode plans = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(dir.resolve("report/report.json").toFile())
        .get("sections").get("headline").get("plans");
    BigDecimal change = plans.get(1).get("cost_change").decimalValue();
    assertThat(change.abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
  }
}
