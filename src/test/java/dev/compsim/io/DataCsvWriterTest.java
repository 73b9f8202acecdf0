package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.generate.DataGenerator;
import dev.compsim.generate.GeneratorSettings;
import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCsvWriterTest {
  @TempDir
  Path dir;

  @Test
  void writesEveryCanonicalColumnAndQuotesOnlyWhenItMust() {
    StringWriter out = new StringWriter();
    Consumer<Deal> deals = DataCsvWriter.deals(out);
    deals.accept(new Deal("D1", "R1", LocalDate.of(2026, 3, 1), new BigDecimal("1200.50"),
        Stage.WON, null, "P1", PartnerRole.REFERRAL, true, true, new BigDecimal("0.30"), "P1-S2",
        List.of("R2", "R3"), Implementation.CONFIRMED, LocalDate.of(2026, 5, 2), "East",
        "Core, Plus", LocalDate.of(2026, 1, 10)));
    deals.accept(new Deal("D2", "R1", null, new BigDecimal("10"), Stage.OPEN, null, null, null,
        false, false, null, null, List.of(), Implementation.PENDING, null, null, null, null));
    assertThat(out.toString()).isEqualTo("""
        deal_id,owner,close_date,amount,stage,currency,partner,partner_role,sourced_by,\
        registered,partner_discount,partner_rep,assists,implementation,implementation_date,\
        territory,product,created_date
        D1,R1,2026-03-01,1200.50,won,,P1,referral,partner,true,0.30,P1-S2,R2;R3,confirmed,\
        2026-05-02,East,"Core, Plus",2026-01-10
        D2,R1,,10,open,,,,,,,,,,,,,
        """);

    StringWriter partners = new StringWriter();
    DataCsvWriter.partners(partners, List.of(new Partner("P1", "Say \"hi\" Ltd", "VAR", "Gold",
        12, true, false, MonthDay.of(4, 1), "R9")));
    assertThat(partners.toString()).isEqualTo("""
        partner_id,name,type,tier,certifications,independent,rebate_enrolled,fiscal_year_start,\
        manager
        P1,"Say ""hi"" Ltd",VAR,Gold,12,true,false,04-01,R9
        """);
  }

  @Test
  void aGeneratedDataSetReadsBackExactly() throws IOException {
    DataGenerator generator = new DataGenerator(
        GeneratorSettings.of(1500, 14, 8, 11, null, null));
    List<Deal> deals = new ArrayList<>();
    List<Activity> activities = new ArrayList<>();
    try (Writer w = Files.newBufferedWriter(dir.resolve("reps.csv"))) {
      DataCsvWriter.reps(w, generator.reps());
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("partners.csv"))) {
      DataCsvWriter.partners(w, generator.partners());
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("deals.csv"))) {
      generator.deals(DataCsvWriter.deals(w).andThen(deals::add));
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("activities.csv"))) {
      generator.activities(DataCsvWriter.activities(w).andThen(activities::add));
    }

    DataSet data = new DataReader().read(DataFiles.inDirectory(dir)).data();
    assertThat(data.deals()).isEqualTo(deals);
    assertThat(data.activities()).isEqualTo(activities);
    assertThat(List.copyOf(data.reps().values()))
        .containsExactlyInAnyOrderElementsOf(generator.reps());
    assertThat(data.reps().values()).extracting(Rep::role).contains("AE", "SE", "CM");
    assertThat(List.copyOf(data.partners().values()))
        .containsExactlyInAnyOrderElementsOf(generator.partners());
  }
}
