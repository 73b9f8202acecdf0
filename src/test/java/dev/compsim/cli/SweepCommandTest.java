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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep and sweep-merge through cli.Main, on the shipped sample data. */
class SweepCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir
  Path dir;

  private static String[] args(String... args) {
    return args;
  }

  private static String[] sweep(Path out, String... more) {
    return Stream.concat(Stream.of("sweep", "plans/traditional.yaml",
        "--vary", "commission.tiers[1].rate=0.07,0.11",
        "--vary", "credit.partner_basis=net,midpoint",
        "--vary", "holdback.share=0..0.3/0.3",
        "--data", "sample-data", "--out", out.toString()), Stream.of(more))
        .toArray(String[]::new);
  }

  @Test
  void everyVariantsFiguresEqualACompareOfItsWrittenPlanFile() throws IOException {
    Path out = dir.resolve("sweep");
    Result result = run(sweep(out, "--behavior", "--runs", "4", "--seed", "3",
        "--baseline", "plans/outcomes-first.yaml"));
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("8 variants of Traditional reseller", "Pareto frontier",
        "Wrote 8 plan files");
    JsonNode sweep = JSON.readTree(out.resolve("sweep.json").toFile());
    assertThat(sweep.get("variants")).hasSize(8);
    for (JsonNode variant : sweep.get("variants")) {
      Path plan = out.resolve(variant.get("plan_file").asText());
      Path report = dir.resolve("compare-" + variant.get("id").asText());
      Result compare = run("compare", "plans/outcomes-first.yaml", plan.toString(), "--data",
          "sample-data", "--runs", "4", "--seed", "3", "--out", report.toString(), "--format",
          "json", "-q");
      assertThat(compare.code()).as(compare.err()).isZero();
      JsonNode json = JSON.readTree(report.resolve("report.json").toFile());
      JsonNode headline = json.get("sections").get("headline").get("plans").get(1);
      assertThat(headline.get("plan").asText()).isEqualTo(variant.get("plan").asText());
      for (String key : List.of("total_cost", "rep_cost", "channel_cost", "cost_change")) {
        assertThat(headline.get(key).decimalValue()).as(key)
            .isEqualByComparingTo(variant.get(key).decimalValue());
      }
      // report.json rounds ratios to six decimals
      assertThat(headline.get("cost_of_sales").decimalValue()).isEqualByComparingTo(
          variant.get("cost_of_sales").decimalValue().setScale(6,
              java.math.RoundingMode.HALF_EVEN));
      assertThat(headline.get("guardrails_failed").asInt())
          .isEqualTo(variant.get("guardrails_failed").size());
      JsonNode changes = json.get("sections").get("rep_changes").get("candidates").get(0);
      assertThat(changes.get("losing_more_than_10pct").asInt())
          .isEqualTo(variant.get("reps_losing_more_than_10pct").asInt());
      JsonNode modelled = headline.get("modelled");
      assertThat(modelled.get("expected_cost").decimalValue())
          .isEqualByComparingTo(variant.get("expected_cost").decimalValue());
      assertThat(modelled.get("expected_revenue").decimalValue())
          .isEqualByComparingTo(variant.get("expected_revenue").decimalValue());
      assertThat(modelled.get("reps_losing_more_than_10pct").asInt())
          .isEqualTo(variant.get("expected_reps_losing_more_than_10pct").asInt());
    }
  }

  @Test
  void theVariantFileSetsOnlyTheVariedKeys() throws IOException {
    Path out = dir.resolve("sweep");
    assertThat(run(sweep(out, "-q")).code()).isZero();
    String v6 = Files.readString(out.resolve("plans/v0006.yaml"));
    // v0006: the second rate, net, the second holdback share (last key fastest)
    assertThat(v6).contains("# variant v0006 of plans/traditional.yaml: "
        + "commission.tiers[1].rate=0.11, credit.partner_basis=net, holdback.share=0.3",
        "rate: 0.11", "partner_basis: \"net\"", "share: 0.3", "assist_share: 0.25");
    assertThat(v6).doesNotContain("rate: 0.09");
    // the spreadsheet: every variant on the first sheet, figures as numbers, the plan file named
    try (java.util.zip.ZipFile xlsx = new java.util.zip.ZipFile(
        out.resolve("sweep.xlsx").toFile())) {
      String strings = new String(xlsx.getInputStream(xlsx.getEntry("xl/sharedStrings.xml"))
          .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(strings).contains("plans/v0006.yaml", "total cost");
      String sheet = new String(xlsx.getInputStream(xlsx.getEntry("xl/worksheets/sheet1.xml"))
          .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      JsonNode v0006 = JSON.readTree(out.resolve("sweep.json").toFile()).get("variants").get(5);
      assertThat(sheet).contains("<v>" + v0006.get("total_cost").decimalValue()
          .stripTrailingZeros().toPlainString());
    }
  }

  @Test
  void shardsMergedAreByteIdenticalToOneRun() throws IOException {
    Path whole = dir.resolve("whole");
    assertThat(run(sweep(whole, "-q", "--sort", "-reps_losing_more_than_10pct")).code())
        .isZero();
    List<String> shards = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Path shard = dir.resolve("shard-" + i);
      Result result = run(sweep(shard, "--shard", i + "/3", "--sort",
          "-reps_losing_more_than_10pct"));
      assertThat(result.code()).as(result.err()).isZero();
      assertThat(result.out()).contains("Shard " + i + "/3");
      shards.add(shard.toString());
    }
    Path merged = dir.resolve("merged");
    List<String> merge = new ArrayList<>(List.of("sweep-merge"));
    merge.addAll(List.of(shards.get(2), shards.get(0), shards.get(1))); // any order
    merge.addAll(List.of("--out", merged.toString(), "-q"));
    Result result = run(merge.toArray(String[]::new));
    assertThat(result.code()).as(result.err()).isZero();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(whole)) {
      files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString()
          .startsWith(".")).map(whole::relativize).sorted().toList();
    }
    assertThat(files).hasSize(4 + 8); // sweep.json, .csv, .html, .xlsx and the plans
    for (Path file : files) {
      assertThat(Files.readAllBytes(merged.resolve(file))).as(file.toString())
          .isEqualTo(Files.readAllBytes(whole.resolve(file)));
    }
  }

  @Test
  void sweepMergeRefusesAMissingOrRepeatedShard() {
    Path one = dir.resolve("s1");
    Path two = dir.resolve("s2");
    assertThat(run(sweep(one, "--shard", "1/2", "-q")).code()).isZero();
    assertThat(run(sweep(two, "--shard", "2/2", "-q", "--seed", "9")).code()).isZero();
    Result missing = run("sweep-merge", one.toString(), "--out", dir.resolve("m").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("shard 2/2 is missing");
    Result twice = run("sweep-merge", one.toString(), one.toString(), "--out",
        dir.resolve("m").toString());
    assertThat(twice.err()).contains("shard 1/2 is given twice");
    Result other = run("sweep-merge", one.toString(), two.toString(), "--out",
        dir.resolve("m").toString());
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains("is a shard of another sweep");
    assertThat(dir.resolve("m")).doesNotExist();
  }

  @Test
  void samplesAreSeededAndDrawnFromRanges() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    String[] options = {"sweep", "plans/partner-first.yaml", "--vary",
        "credit.partner_multiplier=0.8..1.4", "--vary", "holdback.share=0,0.3", "--samples",
        "5", "--seed", "11", "--data", "sample-data", "-q"};
    List<String> first = new ArrayList<>(List.of(options));
    first.addAll(List.of("--out", a.toString()));
    List<String> second = new ArrayList<>(List.of(options));
    second.addAll(List.of("--out", b.toString()));
    assertThat(run(first.toArray(String[]::new)).code()).isZero();
    assertThat(run(second.toArray(String[]::new)).code()).isZero();
    assertThat(Files.readString(a.resolve("sweep.json")))
        .isEqualTo(Files.readString(b.resolve("sweep.json")));
    JsonNode sweep = JSON.readTree(a.resolve("sweep.json").toFile());
    assertThat(sweep.get("variants").size()).isBetween(1, 5);
    for (JsonNode variant : sweep.get("variants")) {
      BigDecimal multiplier = new BigDecimal(variant.get("params")
          .get("credit.partner_multiplier").asText());
      assertThat(multiplier).isBetween(new BigDecimal("0.8"), new BigDecimal("1.4"));
      assertThat(multiplier.scale()).isEqualTo(3); // the bounds' decimals and two more
    }
  }

  @Test
  void helpIsPlainText() {
    for (String command : List.of("sweep", "solve", "sweep-merge")) {
      Result help = run(command, "--help");
      assertThat(help.code()).isZero();
      assertThat(help.err()).as(command).isEmpty();
      assertThat(help.out()).as(command).contains("Usage: compsim " + command)
          .doesNotContain("%n");
    }
    assertThat(run("sweep", "--help").out()).contains("more than 10% against the baseline");
  }

  // ---- bad input: one line naming the option, its argument and column; exit 2; nothing written

  private Result bad(String... varyAndMore) {
    List<String> args = new ArrayList<>(List.of("sweep", "plans/traditional.yaml"));
    args.addAll(List.of(varyAndMore));
    args.addAll(List.of("--data", "sample-data", "--out", dir.resolve("bad").toString()));
    Result result = run(args.toArray(String[]::new));
    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(2);
    assertThat(result.err()).doesNotContain("Exception").contains("nothing was written");
    assertThat(dir.resolve("bad")).doesNotExist();
    return result;
  }

  @Test
  void anUnknownPathNamesTheNearestValidKey() {
    assertThat(bad("--vary", "commission.tier[1].rate=0.1").err()).contains(
        "--vary commission.tier[1].rate=0.1: argument 4, column 1: unknown key "
            + "`commission.tier`; did you mean `commission.tiers`?");
    assertThat(bad("--vary", "holdback.shar=0.1").err())
        .contains("did you mean `holdback.share`?");
    assertThat(bad("--vary", "commission.tiers[7].rate=0.1").err())
        .contains("`commission.tiers` has 3 entries in plans/traditional.yaml ([0] to [2]); "
            + "[7] is not one of them");
    assertThat(bad("--vary", "commission=0.1").err())
        .contains("`commission` is a section; name a key in it: tiers, retroactive, cap");
  }

  @Test
  void aValueOfTheWrongKindOrOutOfRangeIsPlacedOnTheCommandLine() {
    assertThat(bad("--vary", "holdback.share=0,abc").err()).contains(
        "--vary holdback.share=0,abc: argument 4, column 18: holdback.share: expected a "
            + "number, found \"abc\"");
    assertThat(bad("--vary=holdback.share=0,1.5").err()).contains(
        "--vary holdback.share=0,1.5: argument 3, column 25: holdback.share=1.5 is refused: "
            + "holdback share must be within [0, 1], found 1.5");
    assertThat(bad("--vary", "commission.retroactive=maybe").err())
        .contains("expected true or false, found \"maybe\"");
    assertThat(bad("--vary", "credit.partner_basis=list,gross").err()).contains(
        "argument 4, column 27: credit.partner_basis=gross is refused: partner_basis "
            + "\"gross\" is not one of list, net, midpoint");
    assertThat(bad("--vary", "holdback.share=0.1", "--vary", "commission.tiers[0].to=0.2,0.9",
        "--vary", "commission.tiers[1].to=0.8,1.0").err())
        .contains("variant v0003 (holdback.share=0.1, commission.tiers[0].to=0.9, "
            + "commission.tiers[1].to=0.8) is not a valid plan: tiers out of order");
  }

  @Test
  void anEmptyOrOversizedGridIsRefused() {
    assertThat(bad("--vary", "holdback.share=0.3..0.1/0.1").err())
        .contains("the range 0.3..0.1 is empty");
    assertThat(bad("--vary", "holdback.share=").err()).contains("no values after `=`");
    assertThat(bad("--vary", "holdback.share=0..0.1").err())
        .contains("a range needs a step in a grid");
    assertThat(bad("--vary", "holdback.share=0..1/0.001", "--vary",
        "commission.tiers[1].rate=0..1/0.001").err())
        .contains("the grid has more than 1,000,000 variants (1,001 x 1,001)");
    assertThat(bad("--vary", "holdback.share=0..1/0.1", "--max-variants", "10").err())
        .contains("the grid has more than 10 variants (11)");
    assertThat(bad("--vary", "holdback.share=0,0.1", "--sort", "cost").err())
        .contains("--sort: unknown metric \"cost\"");
    assertThat(bad("--vary", "holdback.share=0,0.1", "--shard", "3/2").err())
        .contains("--shard: expected I/N with 1 <= I <= N");
  }
}
