package dev.compsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Issue 12, command line: "Lumen Partners' quarters", not "Lumen Partners's quarters". */
class PossessiveTest {
  @Test
  void aNameEndingInSTakesAnApostropheAlone() {
    assertThat(CalendarAlignment.possessive("P01 Lumen Partners")).isEqualTo("P01 Lumen Partners'");
    assertThat(CalendarAlignment.possessive("P05 Granite Systems")).isEqualTo(
        "P05 Granite Systems'");
    assertThat(CalendarAlignment.possessive("P06 Meridian Cyber")).isEqualTo(
        "P06 Meridian Cyber's");
  }

  @Test
  void theSampleDataReadsLumenPartnersQuarters() {
    StringWriter out = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "run",
        "plans/volume-rebates.yaml", "--data", "sample-data");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("P01 Lumen Partners' quarters end")
        .doesNotContain("s's ");
  }
}
