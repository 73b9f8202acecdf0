package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.compsim.model.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReaderTest {
  @TempDir
  Path dir;

  private Path write(String content) throws IOException {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, content);
    return file;
  }

  private List<String> problems(String yaml) throws IOException {
    Path file = write(yaml);
    InputException e = catchThrowableOfType(InputException.class,
        () -> new PlanReader().read(file));
    assertThat(e).as("expected an InputException").isNotNull();
    return e.diagnostics().stream()
        .map(d -> d.line() + ":" + d.column() + ": " + d.message()).toList();
  }

  @Test
  void unknownKeysInsideRecordsAreAtTheirOwnPosition() throws IOException {
    // each key sits after other properties of a record, where binding would have buffered them
    assertThat(problems("""
        name: X
        commission:
          tiers: [ { rate: 0.1 } ]
          retroactiv: true
        holdback:
          share: 0.3
          relase: days
        spiffs:
          - { name: a, kind: deal, amount: 5, amout: 6 }
        """)).containsExactly(
        "4:3: unknown key `retroactiv`; did you mean `retroactive`?",
        "7:3: unknown key `relase`; did you mean `release`?",
        "9:39: unknown key `amout`; did you mean `amount`?");
  }

  @Test
  void anUnknownKeyFarFromAnyKnownOneListsTheValidKeys() throws IOException {
    assertThat(problems("""
        name: X
        commission: { tiers: [ { rate: 0.1 } ] }
        credit: { zzzz: 1 }
        """)).containsExactly("3:11: unknown key `zzzz`; valid keys here: partner_basis, "
        + "partner_multiplier, partner_sourced, team, assist_share, channel_manager");
  }

  @Test
  void valuesOfTheWrongKindAreAtTheValue() throws IOException {
    assertThat(problems("""
        name: X
        commission:
          tiers:
            - { to: half, rate: 0.04 }
            - { rate: [0.1] }
          retroactive: maybe
        holdback: { share: 0.3, days: 1.5 }
        """)).containsExactly(
        "4:13: to: expected a number, found the text \"half\"",
        "5:15: rate: expected a number, found a list",
        "6:16: retroactive: expected true or false, found the text \"maybe\"",
        "7:31: days: expected a whole number, found the number 1.5");
  }

  @Test
  void aRepeatedKeyIsAnError() throws IOException {
    assertThat(problems("""
        name: X
        commission: { tiers: [ { rate: 0.1 } ] }
        name: Y
        """)).containsExactly("3:1: duplicate key `name` (first given on line 1)");
  }

  @Test
  void meaningChecksArePlacedAtTheValue() throws IOException {
    assertThat(problems("""
        name: X
        commission:
          tiers:
            - { to: 1.0, rate: 0.04 }
            - { to: 0.5, rate: 1.4 }
            - { rate: 0.1 }
        holdback: { share: 1.5 }
        """)).containsExactly(
        "5:13: tiers out of order: \"to\" 0.5 must be above the previous tier's 1.0",
        "5:24: tier rate must be within [0, 1], found 1.4 (rates are fractions: 9% is 0.09)",
        "7:20: holdback share must be within [0, 1], found 1.5");
  }

  @Test
  void numbersWhereTextIsExpectedMustBeQuoted() throws IOException {
    assertThat(problems("""
        name: 2026
        commission: { tiers: [ { rate: 0.1 } ] }
        """)).containsExactly(
        "1:7: name: expected a text value (put it in quotes: \"2026\"), found the number 2026");
  }

  @Test
  void listItemsAreNamedByTheirList() throws IOException {
    assertThat(problems("""
        name: X
        commission: { tiers: [ { rate: 0.1 } ] }
        partners:
          rebates: [ { types: [VAR, 3], tiers: [ { from: 0, rate: 0.02 } ] } ]
        """)).containsExactly(
        "4:29: types: expected a text value (put it in quotes: \"3\"), found the number 3");
  }

  @Test
  void aProblemFoundByBothTheResolverAndTheSchemaIsReportedOnce() throws IOException {
    assertThat(problems("""
        name: X
        commission:
          tiers: [ { rate: 0.1 } ]
        spiffs:
          - { name: a, kind: deal, amount: -5 }
        """)).containsExactly("5:36: spiff amount must be 0 or more, found -5");
  }

  @Test
  void theRestOfAFileWithShapeProblemsIsStillChecked() throws IOException {
    // the misspelled key and the mistyped rate are reported; the holdback share too; what
    // follows from leaving the bad rate out ("tier 2 needs a rate") is not
    assertThat(problems("""
        name: X
        commision: 1
        commission:
          tiers:
            - { to: 1.0, rate: 0.04 }
            - { rate: high }
        holdback: { share: 1.5 }
        """)).containsExactly(
        "2:1: unknown key `commision`; did you mean `commission`?",
        "6:15: rate: expected a number, found the text \"high\"",
        "7:20: holdback share must be within [0, 1], found 1.5");
  }
}
