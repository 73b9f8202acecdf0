package dev.compsim.report;

import static org.assertj.core.api.Assertions.assertThat;

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
}
