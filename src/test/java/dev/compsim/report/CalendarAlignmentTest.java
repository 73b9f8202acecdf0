package dev.compsim.report;

import static dev.compsim.testing.TestData.data;
import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.engine.Engine;
import dev.compsim.model.DataSet;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Vendor year from 02-01: quarters end 04-30, 07-31, 10-31, 01-31. P3's year from 04-01: its
 * quarters end 06-30, 09-30, 12-31, 03-31. P1 keeps the vendor's calendar.
 */
class CalendarAlignmentTest {
  private static final MonthDay VENDOR = MonthDay.of(2, 1);

  private static Engine engine() {
    DataSet data = data().rep("R1", "AE", 800_000)
        .partner(new Partner("P1", "Northwind", "VAR", null, 0, false, false, null, null))
        .partner(new Partner("P3", "Cobalt", "SI", null, 0, false, false, MonthDay.of(4, 1),
            null))
        .partnerDeal("A", "R1", "2026-06-25", 1000, "P3", PartnerRole.RESELL, false)
        .partnerDeal("B", "R1", "2026-06-17", 1000, "P3", PartnerRole.RESELL, false)
        .partnerDeal("C", "R1", "2026-06-16", 1000, "P3", PartnerRole.RESELL, false)
        .partnerDeal("D", "R1", "2026-07-25", 1000, "P3", PartnerRole.REFERRAL, false)
        .partnerDeal("E", "R1", "2026-07-20", 1000, "P3", PartnerRole.INFLUENCE, false)
        .partnerDeal("F", "R1", "2026-04-30", 1000, "P1", PartnerRole.RESELL, false)
        .partnerDeal("G", "R1", "2026-04-01", 1000, "P1", PartnerRole.RESELL, false)
        .partnerDeal("H", "R1", "2026-05-20", 1000, "P1", PartnerRole.RESELL, false)
        .build();
    return new Engine(data, LocalDate.parse("2026-07-31"));
  }

  @Test
  void quarterEndOffsetsAndClosingShares() {
    List<CalendarAlignment.Row> rows = CalendarAlignment.rows(VENDOR, MonthDay.of(3, 1), engine());
    // P1: offsets 0. F (04-30) closes on the vendor's quarter end; G and H do not: 1 of 3.
    //   Mutual quarters from 03-01 end 05-31: H (05-20) is 11 days before it: 1 of 3.
    CalendarAlignment.Row p1 = rows.get(0);
    assertThat(p1.offsets()).containsExactly(0, 0, 0, 0);
    assertThat(p1.vendorShare()).isEqualByComparingTo("0.3333");
    assertThat(p1.ownShare()).isEqualByComparingTo("0.3333");
    assertThat(p1.mutualShare()).isEqualByComparingTo("0.3333");
    // P3, year 2026-04-01..2027-03-31: 06-30 is 31 days before the vendor's 07-31, 09-30 31
    //   before 10-31, 12-31 31 before 01-31, 03-31 30 before 04-30.
    // Its won deals through it: A, B, C, D (E is influence). Own quarter end 06-30: A (5 days
    //   out) and B (06-17, the 14th day counting 06-30) are in its last 14 days, C (06-16) is
    //   not: 2 of 4 = 50%. Vendor's 07-31: D (6 days out): 1 of 4 = 25%.
    CalendarAlignment.Row p3 = rows.get(1);
    assertThat(p3.offsets()).containsExactly(-31, -31, -31, -30);
    assertThat(p3.deals()).isEqualTo(4);
    assertThat(p3.ownShare()).isEqualByComparingTo("0.5");
    assertThat(p3.vendorShare()).isEqualByComparingTo("0.25");
    assertThat(p3.mutualShare()).isEqualByComparingTo("0");
  }

  @Test
  void theSectionSaysItInPlainWords() {
    ReportSection section = CalendarAlignment.section(VENDOR, null, engine());
    assertThat(section.id()).isEqualTo("calendar_alignment");
    assertThat(section.notes()).containsExactly(
        "Vendor fiscal year from 02-01. Shares count won deals through each partner closing in "
            + "the last 14 days of a quarter, as of 2026-07-31.",
        "P1 Northwind keeps quarters that end with the vendor's: 33.3% of its 3 won deals close "
            + "in the last 14 days of the vendor's quarter.",
        "P3 Cobalt's quarters end 30–31 days before the vendor's: 25.0% of its 4 won deals close "
            + "in the last 14 days of the vendor's quarter, 50.0% in the last 14 days of its own; "
            + "its deals bunch at its own quarter end, so the vendor's period boundary splits its "
            + "push.");
    assertThat(section.tables().get(0).rows()).containsExactly(
        List.of("P1 Northwind", "VAR", "02-01", "same day", "3", "33.3%", "33.3%"),
        List.of("P3 Cobalt", "SI", "04-01", "30–31 days before", "4", "25.0%", "50.0%"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> partners = (List<Map<String, Object>>) section.json().get("partners");
    assertThat(partners.get(1)).containsEntry("quarter_end_offsets_days", List.of(-31, -31, -31, -30))
        .containsEntry("own_quarter_end_share", new BigDecimal("0.5000"));
    assertThat(section.charts()).hasSize(1);
  }

  @Test
  void offsetsInWords() {
    assertThat(CalendarAlignment.offsets(List.of(31, 30, 31, 31))).isEqualTo("30–31 days after");
    assertThat(CalendarAlignment.offsets(List.of(-15, -15, -15, -15)))
        .isEqualTo("15 days before");
    assertThat(CalendarAlignment.offsets(List.of(-1, 2, 0, 0))).isEqualTo("-1, +2, 0, 0 days from");
  }
}
