package dev.compsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.cli.RunCommandTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain --partner} and the partner sections of {@code run}. */
class PartnerCommandsTest {
  @TempDir
  Path dir;

  private void data() throws IOException {
    Files.writeString(dir.resolve("deals.csv"), """
        deal_id,owner,close_date,amount,partner,partner_role,partner_rep
        D1,R1,2026-02-10,40000,P1,resell,P1-ana
        D2,R1,2026-02-11,10000,P2,resell,P2-bo
        """);
    Files.writeString(dir.resolve("reps.csv"), """
        rep_id,name,role,territory,quota,ote
        R1,Ana Ruiz,AE,West,800000,160000
        """);
    Files.writeString(dir.resolve("partners.csv"), """
        partner_id,name,type,tier,certifications,independent,rebate_enrolled,fiscal_year_start,manager
        P1,Northwind,VAR,,12,true,true,04-01,
        P2,Bluefin,VAR,,0,false,true,,
        """);
    Files.writeString(dir.resolve("plan.yaml"), """
        name: Certified
        fiscal_year_start: 02-01
        commission: { tiers: [ { rate: 0.05 } ] }
        partners:
          margin: { VAR: 0.25 }
          self_sufficiency: { assisted: 0.02, independent: 0.05 }
          tiers: { basis: certifications, levels: [ { name: Gold, min: 10, extra_margin: 0.04 } ] }
          rep_rewards: { points_per_1000: 10, point_value: 0.50 }
          calendar: partner
        """);
  }

  @Test
  void explainsAPartnersLinesAndItsSellersRewards() throws IOException {
    data();
    Result result = RunCommandTest.run("explain", dir.resolve("plan.yaml").toString(), "--data",
        dir.toString(), "--partner", "P1");
    assertThat(result.code()).isZero();
    // D1: margin 25% + 4% Gold = 29% of 40,000 = 11,600; commission 5% = 2,000;
    // rewards 40 × 10 = 400 points × 0.50 = 200; P2's deal and seller are not shown
    assertThat(result.out())
        .contains("Northwind (P1, VAR, independent, 12 certifications, enrolled in rebates)")
        .contains("Program years: partner calendar, year from 04-01")
        .contains("Partner program: 25% VAR margin; 5% partner commission (independent); "
            + "certifications-based tiers; reward points for its sellers")
        .contains("25% VAR margin + 4% Gold tier (12 certifications) on list 40000.00")
        .contains("5% independent partner commission on 40000.00")
        .contains("400 points (40000.00 / 1000 × 10) × 0.50 a point, seller of P1")
        .contains("Cost to the company (paid + held): 13,800.00")
        .doesNotContain("P2-bo");
  }

  @Test
  void anUnknownPartnerIsBadInput() throws IOException {
    data();
    Result result = RunCommandTest.run("explain", dir.resolve("plan.yaml").toString(), "--data",
        dir.toString(), "--partner", "p1");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("no partner p1 in partners.csv (did you mean P1?)");
  }

  @Test
  void runPrintsPartnerProgramsAndCalendarAlignmentForPlansThatHaveThem() throws IOException {
    data();
    Result result = RunCommandTest.run("run", dir.resolve("plan.yaml").toString(), "--data",
        dir.toString());
    assertThat(result.code()).isZero();
    // P1 12 certifications: Gold; P2 none. Sellers: P1-ana 400 points = 200.00, P2-bo 100
    // points = 50.00. P1's quarters end 06-30, 09-30, 12-31, 03-31: 30-31 days before the
    // vendor's 07-31, 10-31, 01-31, 04-30
    assertThat(result.out())
        .contains("Certified: certifications-based tiers; 500 reward points worth 250.00; "
            + "program years on the partner calendar.")
        .contains("Reward points of partner sellers:")
        .contains("P1-ana |     1 |    400 | 200.00")
        .contains("Calendar alignment")
        .contains("P1 Northwind's quarters end 30–31 days before the vendor's");
  }
}
