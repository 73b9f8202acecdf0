package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped plans on the shipped sample data: shape only, never exact money. */
class CompareSampleDataTest {
  @TempDir
  Path dir;

  @Test
  void everyShippedPlanComparesOnTheSampleData() throws IOException {
    Path out = dir.resolve("report");
    RunCommandTest.Result result = RunCommandTest.run("compare",
        "plans/traditional.yaml", "plans/comp-neutral.yaml", "plans/outcomes-first.yaml",
        "plans/partner-first.yaml", "plans/split-the-difference.yaml", "--data", "sample-data",
        "--out", out.toString(), "--quiet");
    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertThat(json.get("schema").asText()).isEqualTo("compsim-report/1");
    assertThat(json.get("plans")).hasSize(5);
    // the core sections, then those of other features (calendar alignment: the data has
    // partners)
    assertThat(json.get("sections").fieldNames()).toIterable().startsWith("headline",
        "cost", "rep_changes", "timing", "partners", "spiffs", "competitions", "guardrails")
        .contains("calendar_alignment");
    assertThat(json.at("/sections/rep_changes/candidates")).hasSize(4);
    for (JsonNode plan : json.at("/sections/headline/plans")) {
      assertThat(plan.get("total_cost").decimalValue()).isPositive();
    }
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("<canvas id=\"chart-cost--cost-by-plan\"");
    assertThat(out.resolve("report.xlsx")).isNotEmptyFile();
  }
}
