package dev.compsim.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compsim.model.Activity;
import dev.compsim.model.Deal;
import dev.compsim.model.FiscalCalendar;
import dev.compsim.model.FiscalPeriod;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.PeriodLength;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataGeneratorTest {
  private static final LocalDate END = LocalDate.of(2026, 11, 24);

  private static DataGenerator generator(long deals, int reps, int partners, long seed) {
    return new DataGenerator(GeneratorSettings.of(deals, reps, partners, seed, null, null));
  }

  private static List<Deal> deals(DataGenerator generator) {
    List<Deal> deals = new ArrayList<>();
    generator.deals(deals::add);
    return deals;
  }

  private static List<Activity> activities(DataGenerator generator) {
    List<Activity> activities = new ArrayList<>();
    generator.activities(activities::add);
    return activities;
  }

  @Test
  void theDefaultWindowIsTwoVendorFiscalYearsEndingAtTheEndDate() {
    // FY2027 runs 2026-02-01 to 2027-01-31; the year before it starts 2025-02-01
    assertThat(GeneratorSettings.defaultStart(END)).isEqualTo(LocalDate.of(2025, 2, 1));
    // an end in January still belongs to the fiscal year that started the February before
    assertThat(GeneratorSettings.defaultStart(LocalDate.of(2027, 1, 15)))
        .isEqualTo(LocalDate.of(2025, 2, 1));
    GeneratorSettings settings = GeneratorSettings.of(10, 3, 1, 1, null, null);
    assertThat(settings.end()).isEqualTo(END);
    assertThat(settings.start()).isEqualTo(LocalDate.of(2025, 2, 1));
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> GeneratorSettings.of(-1, 3, 1, 1, null, null))
        .hasMessageContaining("--deals");
    assertThatThrownBy(() -> GeneratorSettings.of(1, 0, 1, 1, null, null))
        .hasMessageContaining("--reps");
    assertThatThrownBy(() -> GeneratorSettings.of(1, 3, -2, 1, null, null))
        .hasMessageContaining("--partners");
    assertThatThrownBy(() -> GeneratorSettings.of(1, 3, 1, 1, END, END))
        .hasMessageContaining("--start");
  }

  @Test
  void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
    assertThat(deals(generator(300, 14, 8, 7))).isEqualTo(deals(generator(300, 14, 8, 7)));
    assertThat(activities(generator(300, 14, 8, 7)))
        .isEqualTo(activities(generator(300, 14, 8, 7)));
    assertThat(generator(300, 14, 8, 7).reps()).isEqualTo(generator(300, 14, 8, 7).reps());
    assertThat(generator(300, 14, 8, 7).partners())
        .isEqualTo(generator(300, 14, 8, 7).partners());
    assertThat(deals(generator(300, 14, 8, 8))).isNotEqualTo(deals(generator(300, 14, 8, 7)));
  }

  @Test
  void moreDealsExtendTheStreamWithoutChangingTheFirstOnes() {
    List<Deal> few = deals(generator(200, 14, 8, 7));
    List<Deal> more = deals(generator(5000, 14, 8, 7));
    // ids are padded to the width of the count, so compare everything but the id
    for (int i = 0; i < few.size(); i++) {
      assertThat(more.get(i).amount())
          .isEqualTo(few.get(i).amount());
      assertThat(more.get(i).closeDate()).isEqualTo(few.get(i).closeDate());
      assertThat(more.get(i).partner()).isEqualTo(few.get(i).partner());
      assertThat(more.get(i).owner()).isEqualTo(few.get(i).owner());
    }
  }

  @Test
  void thisPinnedSeedKeepsItsFirstDeal() {
    // pins the generator's stream: a change here changes every data set generated so far
    Deal first = deals(generator(400, 14, 8, 7)).get(0);
    assertThat(first.id()).isEqualTo("D-00001");
    assertThat(first.owner()).isEqualTo("R003");
    assertThat(first.amount()).isEqualByComparingTo("78800");
    assertThat(first.closeDate()).isEqualTo(LocalDate.of(2026, 2, 2));
    assertThat(first.partner()).isEqualTo("P02");
  }

  @Test
  void repsHaveRolesQuotasAndEarnings() {
    List<Rep> reps = generator(400, 14, 8, 7).reps();
    Map<String, Long> roles = reps.stream()
        .collect(Collectors.groupingBy(Rep::role, Collectors.counting()));
    assertThat(roles).containsEntry("AE", 9L).containsEntry("SE", 3L).containsEntry("CM", 2L);
    assertThat(reps).extracting(Rep::id).startsWith("R001", "R002").endsWith("R014")
        .isSorted();
    for (Rep rep : reps) {
      assertThat(rep.quota().signum()).isPositive();
      assertThat(rep.ote().longValue()).isBetween(130_000L, 200_000L);
      assertThat(rep.name()).contains(" ");
    }
    // a lone rep is an account executive
    assertThat(generator(10, 1, 0, 1).reps()).extracting(Rep::role).containsExactly("AE");
  }

  @Test
  void partnersVaryInTypeCalendarAndManagement() {
    DataGenerator generator = generator(400, 14, 8, 7);
    List<Partner> partners = generator.partners();
    Set<String> managers = generator.reps().stream().filter(r -> r.role().equals("CM"))
        .map(Rep::id).collect(Collectors.toSet());
    assertThat(partners).extracting(Partner::type)
        .contains("VAR", "MSSP", "SI", "referral");
    assertThat(partners).extracting(Partner::fiscalYearStart).contains(MonthDay.of(2, 1),
        MonthDay.of(1, 1), MonthDay.of(4, 1), MonthDay.of(7, 1), MonthDay.of(10, 1));
    assertThat(partners).extracting(Partner::manager).allMatch(managers::contains);
    assertThat(partners).extracting(Partner::certifications).allMatch(c -> c >= 0 && c <= 15);
    assertThat(partners).extracting(Partner::independent).contains(true, false);
    assertThat(partners).extracting(Partner::rebateEnrolled).contains(true, false);
    assertThat(partners).extracting(Partner::id).startsWith("P01").endsWith("P08");
    assertThat(partners.stream().map(Partner::name).distinct().count()).isEqualTo(8);
  }

  @Test
  void dealsLookLikeASalesExport() {
    DataGenerator generator = generator(20_000, 14, 8, 3);
    List<Deal> deals = deals(generator);
    Map<String, Partner> partners = generator.partners().stream()
        .collect(Collectors.toMap(Partner::id, p -> p));
    Set<String> aes = generator.reps().stream().filter(r -> r.role().equals("AE"))
        .map(Rep::id).collect(Collectors.toSet());
    Set<String> ids = new HashSet<>();
    LocalDate start = LocalDate.of(2025, 2, 1);
    int won = 0;
    int lost = 0;
    int open = 0;
    int partnerDeals = 0;
    int assisted = 0;
    int confirmed = 0;
    int failed = 0;
    int pending = 0;
    int overrides = 0;
    for (Deal deal : deals) {
      assertThat(ids.add(deal.id())).isTrue();
      assertThat(aes).contains(deal.owner());
      assertThat(deal.assists()).doesNotContain(deal.owner()).doesNotHaveDuplicates();
      assertThat(deal.amount().signum()).isPositive();
      assertThat(deal.createdDate()).isNotNull();
      switch (deal.stage()) {
        case OPEN -> {
          open++;
          assertThat(deal.closeDate()).isNull();
        }
        case LOST -> lost++;
        case WON -> won++;
      }
      if (deal.closeDate() != null) {
        assertThat(deal.closeDate()).isBetween(start, END);
        assertThat(deal.createdDate()).isBefore(deal.closeDate());
      }
      if (deal.implementationDate() != null) {
        assertThat(deal.won()).isTrue();
        assertThat(deal.implementationDate()).isAfter(deal.closeDate()).isBeforeOrEqualTo(END);
      }
      if (deal.won()) {
        switch (deal.implementation()) {
          case CONFIRMED -> confirmed++;
          case FAILED -> failed++;
          case PENDING -> {
            pending++;
            assertThat(deal.implementationDate()).isNull();
          }
        }
      } else {
        assertThat(deal.implementation()).isEqualTo(Implementation.PENDING);
      }
      if (deal.hasPartner()) {
        partnerDeals++;
        Partner partner = partners.get(deal.partner());
        assertThat(partner).isNotNull();
        if (partner.type().equals("referral")) {
          assertThat(deal.partnerRole()).isNotEqualTo(PartnerRole.RESELL);
        }
        if (deal.partnerRole() == PartnerRole.INFLUENCE) {
          assertThat(deal.partnerRep()).isNull();
        } else {
          assertThat(deal.partnerRep()).startsWith(deal.partner() + "-S");
        }
        if (deal.partnerDiscount() != null) {
          overrides++;
          assertThat(deal.partnerRole()).isEqualTo(PartnerRole.RESELL);
        }
      } else {
        assertThat(deal.partnerRep()).isNull();
        assertThat(deal.partnerDiscount()).isNull();
      }
      if (!deal.assists().isEmpty()) {
        assisted++;
      }
    }
    double n = deals.size();
    assertThat(open / n).isBetween(0.06, 0.10);
    assertThat(won / (double) (won + lost)).isBetween(0.40, 0.55);
    assertThat(partnerDeals / n).isBetween(0.36, 0.44);
    assertThat(assisted / n).isBetween(0.2, 0.4);
    assertThat(overrides).isPositive();
    assertThat(confirmed).isGreaterThan(5 * failed);
    assertThat(failed).isPositive();
    assertThat(pending).isPositive();
  }

  @Test
  void dealsPeakAtVendorQuarterEnds() {
    List<Deal> deals = deals(generator(20_000, 14, 8, 5));
    FiscalCalendar quarters = new FiscalCalendar(MonthDay.of(2, 1), PeriodLength.QUARTER);
    int closed = 0;
    int lastThreeWeeks = 0;
    for (Deal deal : deals) {
      if (deal.closeDate() == null) {
        continue;
      }
      closed++;
      FiscalPeriod quarter = quarters.periodOf(deal.closeDate());
      if (ChronoUnit.DAYS.between(deal.closeDate(), quarter.end()) < 21) {
        lastThreeWeeks++;
      }
    }
    // the last 3 of about 13 weeks carry well over their 23% of the days
    assertThat(lastThreeWeeks / (double) closed).isBetween(0.4, 0.6);
  }

  @Test
  void dealSizesAreSkewedLikeRealOnes() {
    List<Deal> deals = deals(generator(20_000, 14, 8, 9));
    List<Long> sizes = deals.stream().map(d -> d.amount().longValueExact()).sorted().toList();
    long median = sizes.get(sizes.size() / 2);
    double mean = sizes.stream().mapToLong(Long::longValue).average().orElseThrow();
    assertThat(median).isBetween(50_000L, 60_000L);
    assertThat(mean).isGreaterThan(median * 1.2); // a long right tail
    assertThat(sizes).allMatch(s -> s % 100 == 0);
  }

  @Test
  void activitiesAreWeeklyCountsSortedByDateRepAndActivity() {
    DataGenerator generator = generator(100, 14, 8, 7);
    List<Activity> activities = activities(generator);
    assertThat(activities).isNotEmpty();
    assertThat(activities).isSortedAccordingTo(Comparator.comparing(Activity::date)
        .thenComparing(Activity::rep).thenComparing(Activity::activity));
    assertThat(activities).extracting(Activity::activity).containsOnly("meeting", "demo");
    assertThat(activities).allMatch(a -> a.count() > 0 && !a.date().isAfter(END)
        && a.date().getDayOfWeek() == java.time.DayOfWeek.FRIDAY);
    Set<String> cms = generator.reps().stream().filter(r -> r.role().equals("CM"))
        .map(Rep::id).collect(Collectors.toSet());
    assertThat(activities).filteredOn(a -> cms.contains(a.rep()))
        .extracting(Activity::activity).containsOnly("meeting");
  }

  @Test
  void withoutPartnersEveryDealIsDirect() {
    DataGenerator generator = generator(500, 5, 0, 2);
    assertThat(generator.partners()).isEmpty();
    assertThat(generator.reps()).extracting(Rep::role).doesNotContain("CM");
    assertThat(deals(generator)).noneMatch(Deal::hasPartner);
  }

  @Test
  void idsWidenForLargeCounts() {
    assertThat(DataGenerator.padded("D-", 42, 5)).isEqualTo("D-00042");
    assertThat(DataGenerator.padded("D-", 1_000_000, 7)).isEqualTo("D-1000000");
    assertThat(DataGenerator.padded("R", 12345, 3)).isEqualTo("R12345");
  }

  @Test
  void stagesAreAllPresent() {
    assertThat(deals(generator(1000, 14, 8, 7))).extracting(Deal::stage)
        .contains(Stage.WON, Stage.LOST, Stage.OPEN);
  }
}
