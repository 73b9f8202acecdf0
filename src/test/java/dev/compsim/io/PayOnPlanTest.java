package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.compsim.model.Holdback;
import dev.compsim.model.HoldbackRelease;
import dev.compsim.model.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan keys of pay when paid: {@code pay_on} and {@code holdback.release: payment}. */
class PayOnPlanTest {
  @TempDir
  Path dir;

  private static final String BASE = "name: X\ncommission: { tiers: [ { rate: 0.1 } ] }\n";

  private Plan read(String yaml) throws IOException {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, yaml);
    return new PlanReader().read(file);
  }

  private List<String> problems(String yaml) {
    InputException e = catchThrowableOfType(InputException.class, () -> read(yaml));
    assertThat(e).as("expected an InputException").isNotNull();
    return e.diagnostics().stream()
        .map(d -> d.line() + ":" + d.column() + ": " + d.message()).toList();
  }

  @Test
  void payOnPaymentHoldsTheWholeCommissionUntilTheCustomerPaysForEveryRole() throws IOException {
    Plan plan = read(BASE + "pay_on: payment\nroles: { SE: { commission: { tiers: "
        + "[ { rate: 0.02 } ] } } }\n");
    assertThat(plan.rules().holdback()).isEqualTo(Holdback.PAY_ON_PAYMENT);
    assertThat(plan.rulesFor("SE").holdback()).isEqualTo(Holdback.PAY_ON_PAYMENT);
    assertThat(plan.rules().holdback().wholeOnPayment()).isTrue();
    assertThat(read(BASE + "pay_on: close\n").rules().holdback()).isEqualTo(Holdback.NONE);
  }

  @Test
  void aHoldbackMayBeReleasedOnPayment() throws IOException {
    Holdback holdback = read(BASE + "holdback: { share: 0.25, release: payment }\n").rules()
        .holdback();
    assertThat(holdback.release()).isEqualTo(HoldbackRelease.PAYMENT);
    assertThat(holdback.onPayment()).isTrue();
    assertThat(holdback.wholeOnPayment()).isFalse();
  }

  @Test
  void aHoldbackOnTopOfPayOnPaymentIsAnError() {
    assertThat(problems(BASE + "pay_on: payment\nholdback: { share: 0.3 }\n"
        + "roles:\n  SE:\n    holdback: { share: 0.1 }\n")).containsExactly(
        "4:11: holdback cannot be combined with pay_on: payment, which already pays the whole "
            + "commission as the customer pays; remove it, or hold back part with pay_on: close "
            + "and holdback: { share: ..., release: payment }",
        "7:15: a role's holdback cannot be combined with pay_on: payment, which already pays the "
            + "whole commission as the customer pays; remove it, or hold back part with pay_on: "
            + "close and holdback: { share: ..., release: payment }");
  }

  @Test
  void badValuesAreNamedAtTheirPosition() {
    assertThat(problems(BASE + "pay_on: invoice\n")).singleElement().asString()
        .startsWith("3:").contains("pay_on");
    assertThat(problems(BASE + "holdback: { share: 0.3, release: payment, horizon_days: 90, "
        + "clawback: true }\n")).containsExactly(
        "3:57: horizon_days applies to release: implementation; with release: payment the held "
            + "part waits for the customer's payments",
        "3:71: clawback applies to a failed implementation; with release: payment a refund takes "
            + "back what its payment released");
  }
}
