package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compsim.cli.RunCommandTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private void data() throws IOException {
    write("deals.csv", "deal_id,owner,close_date,amount\nD1,R1,2026-02-10,80000\n"
        + "D2,R1,2026-02-20,60000\n");
    write("reps.csv", "rep_id,name,role,territory,quota,ote\nR1,Ana,AE,West,800000,160000\n");
    write("plan.yaml", "name: Plain\ncommission: { tiers: [ { rate: 0.05 } ] }\n");
  }

  @Test
  void aCleanPlanAndDataSayOkOnOneLine() throws IOException {
    data();
    Result result = RunCommandTest.run("validate", dir.resolve("plan.yaml").toString(),
        "--data", dir.toString());
    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("OK: 1 plan, 2 deals, 1 reps, 0 partners checked, "
        + "no problems.\n");
  }

  @Test
  void plansAloneCanBeValidated() throws IOException {
    data();
    Result result = RunCommandTest.run("validate", dir.resolve("plan.yaml").toString());
    assertThat(result.out()).isEqualTo("OK: 1 plan checked, no problems.\n");
  }

  @Test
  void problemsOfPlansAndDataAreListedTogether() throws IOException {
    data();
    write("plan.yaml", "name: Plain\ncommission: { tiers: [ { rate: 0.05 } ], retroactiv: true }\n");
    write("deals.csv", "deal_id,owner,close_date,amount\nD1,R1,2026-02-10,-80000\n");
    Result result = RunCommandTest.run("validate", dir.resolve("plan.yaml").toString(),
        "--data", dir.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo(
        dir.resolve("deals.csv") + ":2:4: error: amount -80000 is negative\n"
        + dir.resolve("plan.yaml") + ":2:42: error: unknown key `retroactiv`; did you mean "
        + "`retroactive`?\n"
        + "2 problems found.\n");
  }

  @Test
  void runRefusesBadDataTheSameWayAndWritesNothing() throws IOException {
    data();
    write("deals.csv", "deal_id,owner,close_date,amount\nD1,R1,2026-02-10,80000\n"
        + "D1,R1,2026-02-11,1000\n");
    Path out = dir.resolve("out");
    Result result = RunCommandTest.run("run", dir.resolve("plan.yaml").toString(), "--data",
        dir.toString(), "--out", out.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo(dir.resolve("deals.csv")
        + ":3:1: error: duplicate deal_id D1: also on line 2\n1 problem; nothing was written.\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void aPresetIsUsedForTheDealsFile() throws IOException {
    data();
    write("deals.csv", "Opportunity ID,Opportunity Owner,Stage,Amount,Close Date\n"
        + "006A,R1,Closed Won,\"$12,500.00\",3/31/2026\n");
    Result result = RunCommandTest.run("run", dir.resolve("plan.yaml").toString(), "--data",
        dir.toString(), "--preset", "salesforce");
    assertThat(result.code()).as(result.err()).isZero();
    // 12,500.00 at 5% = 625.00
    assertThat(result.out()).contains("1 won deals as of 2026-03-31", "625.00");
  }

  @Test
  void schemaIsPrintedAsJson() throws IOException {
    Result result = RunCommandTest.run("schema");
    assertThat(result.code()).isZero();
    var schema = new ObjectMapper().readTree(result.out());
    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("properties").has("commission")).isTrue();
  }
}
