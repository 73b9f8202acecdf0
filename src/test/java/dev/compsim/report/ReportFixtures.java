package dev.compsim.report;

import dev.compsim.engine.Engine;
import dev.compsim.model.DataSet;
import dev.compsim.model.Implementation;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.testing.TestData;
import java.time.LocalDate;
import java.util.List;

/**
 * A small comparison worked by hand. Quarterly quota 200,000 (annual 800,000); tiers 4% to 50%,
 * 9% to 100%, 14% above.
 *
 * <pre>
 * D1 R1 2026-02-10  80,000 direct, implementation confirmed 2026-04-01
 * D2 R1 2026-02-20  60,000 direct, implementation pending
 * D3 R2 2026-03-01 100,000 through P1 (VAR, margin 25%)
 * R2 books 5 meetings (spiff 40 each); R3 sells nothing.
 *
 * Base (list credit, no holdback, meeting spiff paid):
 *   R1 3,200 + (800 + 3,600) = 7,600;  R2 100,000@4% = 4,000 + 200 spiff = 4,200;  R3 0
 *   P1 margin 100,000 x 25% = 25,000
 *   total 36,800 on 240,000 won: cost of sales 15.33%; rep 11,800, channel 25,000
 * Held (net credit, 25% held until go-live, activity spiffs banned):
 *   R1 7,600 (800 released 2026-04-01, 1,100 still held);  R2 net 75,000@4% = 3,000
 *   (750 held), 200 banned;  R3 0;  P1 25,000
 *   total 35,600: cost of sales 14.83%; change -1,200 (-3.26%)
 *   R2 loses 1,200 of 4,200 = -28.57% (below -25%); R1 and R3 unchanged
 *   held liability 1,100 + 750 = 1,850
 * </pre>
 */
final class ReportFixtures {
  private ReportFixtures() {}

  static final LocalDate AS_OF = LocalDate.parse("2026-04-01");

  static DataSet data(String r2Name) {
    TestData data = TestData.data().rep("R1", "AE", 800000).rep("R2", "AE", 800000)
        .rep("R3", "AE", 800000)
        .partner("P1", "VAR", null)
        .implemented("D1", "R1", "2026-02-10", 80000, Implementation.CONFIRMED, "2026-04-01")
        .implemented("D2", "R1", "2026-02-20", 60000, Implementation.PENDING, null)
        .partnerDeal("D3", "R2", "2026-03-01", 100000, "P1", PartnerRole.RESELL, false)
        .activity("R2", "2026-02-15", "meeting", 5);
    DataSet built = data.build();
    if (r2Name == null) {
      return built;
    }
    var reps = new java.util.LinkedHashMap<>(built.reps());
    var r2 = reps.get("R2");
    reps.put("R2", new dev.compsim.model.Rep("R2", r2Name, r2.role(), r2.territory(), r2.quota(),
        r2.ote()));
    return new DataSet(built.deals(), reps, built.partners(), built.activities(),
        built.fxRates());
  }

  static Plan base() {
    return TestData.plan(TestData.basePlan("Base", """
        credit: { partner_basis: list }
        spiffs:
          - { name: meeting booked, kind: activity, activity: meeting, amount: 40 }
        partners:
          margin: { VAR: 0.25 }
        guardrails:
          - { metric: cost_of_sales, max: 0.16 }
          - { metric: reps_losing_share, max: 0.1 }
        """));
  }

  static Plan held() {
    return TestData.plan(TestData.basePlan("Held", """
        credit: { partner_basis: net }
        holdback: { share: 0.25, release: implementation, horizon_days: 270 }
        spiffs:
          - { name: meeting booked, kind: activity, activity: meeting, amount: 40 }
        ban_activity_spiffs: true
        partners:
          margin: { VAR: 0.25 }
        guardrails:
          - { metric: cost_of_sales, max: 0.14 }
          - { metric: reps_losing_more_than_10pct, max: 0.5 }
          - { metric: held_liability, max: 1000 }
          - { metric: max_rep_loss_pct, max: 0.3 }
          - { metric: cost_change_pct, max: 0 }
        """));
  }

  static Comparison comparison(String r2Name) {
    DataSet data = data(r2Name);
    return Comparison.of(new Engine(data, AS_OF), List.of(base(), held()));
  }

  static Comparison comparison() {
    return comparison(null);
  }
}
