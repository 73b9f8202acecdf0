package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compsim.model.Plan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Plan variants: key paths checked against the plan format, values set on the parsed YAML. */
class PlanVariantsTest {
  private static List<Path> shippedPlans() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("plans"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void aVariantThatSetsNothingReadsAsTheBasePlan() throws IOException {
    // the YAML written back (comments and flow style aside) means exactly what the file does
    for (Path file : shippedPlans()) {
      PlanVariants variants = PlanVariants.of(file);
      byte[] yaml = variants.yaml(List.of(), List.of(), null, "a header");
      Plan plan = variants.read(file, yaml);
      assertThat(plan).as(file.toString()).isEqualTo(new PlanReader().read(file));
      assertThat(new String(yaml, StandardCharsets.UTF_8)).startsWith("# a header\n");
    }
  }

  @Test
  void aVariantSetsTheKeyAndNothingElse() {
    PlanVariants variants = PlanVariants.of(Path.of("plans/traditional.yaml"));
    PlanVariants.Key rate = variants.key("commission.tiers[1].rate");
    PlanVariants.Key margin = variants.key("partners.margin.VAR");
    PlanVariants.Key share = variants.key("holdback.share");
    PlanVariants.Key seRate = variants.key("roles.SE.commission.tiers[0].rate");
    assertThat(rate.kind()).isEqualTo(PlanVariants.Kind.NUMBER);
    List<JsonNode> values = List.of(PlanVariants.value(rate.kind(), "0.07"),
        PlanVariants.value(margin.kind(), "0.30"), PlanVariants.value(share.kind(), "0.2"),
        PlanVariants.value(seRate.kind(), "0.06"));
    byte[] yaml = variants.yaml(List.of(rate, margin, share, seRate), values, "Variant", null);
    Plan plan = variants.read(Path.of("v.yaml"), yaml);
    Plan base = new PlanReader().read(Path.of("plans/traditional.yaml"));
    assertThat(plan.name()).isEqualTo("Variant");
    assertThat(plan.rules().commission().tiers().get(1).rate()).isEqualTo(new BigDecimal("0.07"));
    assertThat(plan.rules().commission().tiers().get(0)).isEqualTo(base.rules().commission().tiers().get(0));
    assertThat(plan.rules().commission().tiers().get(2)).isEqualTo(base.rules().commission().tiers().get(2));
    assertThat(plan.rules().holdback().share()).isEqualTo(new BigDecimal("0.2"));
    assertThat(plan.rules().credit()).isEqualTo(base.rules().credit());
    assertThat(new String(yaml, StandardCharsets.UTF_8)).contains("VAR: 0.30", "MSSP: 0.30",
        "rate: 0.06");
  }

  @Test
  void anUnknownOrIncompleteKeyIsNamed() {
    PlanVariants variants = PlanVariants.of(Path.of("plans/traditional.yaml"));
    assertThatThrownBy(() -> variants.key("credit.partner_bases"))
        .hasMessage("unknown key `credit.partner_bases`; did you mean `credit.partner_basis`?");
    assertThatThrownBy(() -> variants.key("comission.tiers[0].rate"))
        .hasMessage("unknown key `comission`; did you mean `commission`?");
    assertThatThrownBy(() -> variants.key("commission.tiers.rate"))
        .hasMessage("`commission.tiers` is a list; name an entry, e.g. `commission.tiers[0]`");
    assertThatThrownBy(() -> variants.key("commission.tiers[0]"))
        .hasMessage("`commission.tiers[0]` is a section; name a key in it: to, rate");
    assertThatThrownBy(() -> variants.key("partners.margin"))
        .hasMessage("`partners.margin` is a mapping; name one of its keys");
    assertThatThrownBy(() -> variants.key("commission..cap"))
        .hasMessageContaining("is not a key path");
  }

  @Test
  void aValueOfTheWrongKindSaysWhatWasExpected() {
    assertThatThrownBy(() -> PlanVariants.value(PlanVariants.Kind.NUMBER, "1,5"))
        .hasMessage("expected a number, found \"1,5\"");
    assertThatThrownBy(() -> PlanVariants.value(PlanVariants.Kind.WHOLE_NUMBER, "90.5"))
        .hasMessage("expected a whole number, found \"90.5\"");
    assertThatThrownBy(() -> PlanVariants.value(PlanVariants.Kind.BOOLEAN, "yes"))
        .hasMessage("expected true or false, found \"yes\"");
    assertThat(PlanVariants.value(PlanVariants.Kind.NUMBER, "0.30").decimalValue().scale())
        .isEqualTo(2);
  }
}
