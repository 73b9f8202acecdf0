package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 12: a plan file with a second YAML document ({@code ---}) was read up to the
 * marker and the rest silently dropped, guardrails included. It is refused at the marker.
 */
class Issue15SecondYamlDocumentTest {
  @TempDir
  Path dir;

  @Test
  void aSecondDocumentIsRefusedAtItsMarker() {
    Cli cli = new Cli(dir).basics();
    cli.write("plan.yaml", """
        ---
        name: Base
        currency: USD
        fiscal_year_start: 02-01
        commission:
          tiers:
            - { rate: 0.05 }
        ---
        guardrails:
          - { metric: cost_of_sales, max: 0.01 }
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("plan.yaml:8:1: error: a file holds one YAML document "
        + "(a plan, a column map, assumptions); found a second at line 8");
  }

  @Test
  void aColumnMapWithASecondDocumentIsRefusedToo() {
    Cli cli = new Cli(dir).basics();
    cli.write("deals.csv", """
        id,who,closed,value
        D1,R1,2026-03-10,50000
        """);
    cli.write("map.yaml", """
        columns: { deal_id: id, owner: who, close_date: closed, amount: value }
        --- # the rest of a map, cut off
        date_format: dd.MM.yyyy
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml", "--data", "{dir}", "--columns",
        "{dir}/map.yaml");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("map.yaml:2:1: error: a file holds one YAML document");
  }

  @Test
  void oneDocumentWithMarkersStillReads() {
    Cli cli = new Cli(dir).basics();
    cli.write("plan.yaml", """
        ---
        name: Base
        fiscal_year_start: 02-01
        commission:
          tiers:
            - { rate: 0.05 }
        ...
        """);
    Cli.Result result = cli.run("validate", "{dir}/plan.yaml");
    assertThat(result.code()).as(result.err()).isZero();
  }
}
