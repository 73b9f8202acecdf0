package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.Credit;
import dev.compsim.model.CreditBasis;
import dev.compsim.model.Deal;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.TeamMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CreditingTest {
  private static final Deal PARTNER_DEAL = Deal.direct("D1", "R1", LocalDate.of(2026, 3, 1),
      new BigDecimal("100")).withPartner("P1", PartnerRole.RESELL);
  private static final PartnerTerms FORTY = new PartnerTerms(new BigDecimal("0.40"), "40% margin");

  private static BigDecimal credit(CreditBasis basis, String multiplier, Deal deal) {
    Credit rules = new Credit(basis, new BigDecimal(multiplier), new BigDecimal("0.5"),
        TeamMode.FULL, new BigDecimal("0.25"), false);
    return Crediting.credit(rules, deal, deal.amount(), FORTY, BigDecimal.ONE, null, false)
        .credit();
  }

  /** DESIGN.md 2: list 100, margin 0.40: list credits 100, net 60, midpoint 80. */
  @Test
  void designWorkedExampleCreditBases() {
    assertThat(credit(CreditBasis.LIST, "1", PARTNER_DEAL)).isEqualByComparingTo("100");
    assertThat(credit(CreditBasis.NET, "1", PARTNER_DEAL)).isEqualByComparingTo("60");
    assertThat(credit(CreditBasis.MIDPOINT, "1", PARTNER_DEAL)).isEqualByComparingTo("80");
  }

  @Test
  void multiplierAppliesOnlyThroughAPartner() {
    assertThat(credit(CreditBasis.NET, "1.25", PARTNER_DEAL)).isEqualByComparingTo("75");
    Deal direct = Deal.direct("D2", "R1", LocalDate.of(2026, 3, 1), new BigDecimal("100"));
    assertThat(credit(CreditBasis.NET, "1.25", direct)).isEqualByComparingTo("100");
  }

  @Test
  void partnerSourcedDealsAreScaled() {
    Deal sourced = new Deal("D3", "R1", LocalDate.of(2026, 3, 1), new BigDecimal("100"),
        dev.compsim.model.Stage.WON, null, "P1", PartnerRole.RESELL, true, false, null, null,
        java.util.List.of(), dev.compsim.model.Implementation.PENDING, null, null, null, null);
    assertThat(credit(CreditBasis.LIST, "1", sourced)).isEqualByComparingTo("50");
  }

  @Test
  void traceNamesTheBasisAndTheShare() {
    Credit rules = new Credit(CreditBasis.MIDPOINT, BigDecimal.ONE, BigDecimal.ONE,
        TeamMode.SPLIT, new BigDecimal("0.25"), false);
    var credited = Crediting.credit(rules, PARTNER_DEAL, PARTNER_DEAL.amount(), FORTY,
        new BigDecimal("0.75"), "owner share", true);
    assertThat(credited.credit()).isEqualByComparingTo("60");
    assertThat(credited.trace()).isEqualTo("credit 60.00 (midpoint of list 100.00 and net 60.00 "
        + "(40% margin), ×75% owner share)");
  }
}
