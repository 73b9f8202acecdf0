package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.compsim.model.Deal;
import dev.compsim.model.Stage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataReaderTest {
  @TempDir
  Path dir;

  private static final String REPS = "rep_id,name,role,territory,quota,ote\n"
      + "Ana Ruiz,Ana Ruiz,AE,West,800000,160000\n005A,Owner,AE,,100,10\n"
      + "R7,Bo Chen,AE,,100,10\nR8,Same Name,AE,,100,10\nR9,Same Name,AE,,100,10\n";

  private List<Deal> deals(String deals, DataReader reader) throws IOException {
    return read(deals.getBytes(StandardCharsets.UTF_8), reader);
  }

  private List<Deal> read(byte[] deals, DataReader reader) throws IOException {
    Files.write(dir.resolve("deals.csv"), deals);
    Files.writeString(dir.resolve("reps.csv"), REPS);
    return reader.read(DataFiles.inDirectory(dir)).data().deals();
  }

  private List<String> problems(String deals, DataReader reader) throws IOException {
    InputException e = catchThrowableOfType(InputException.class, () -> deals(deals, reader));
    assertThat(e).as("expected an InputException").isNotNull();
    return e.diagnostics().stream().map(d -> d.line() + ":" + d.column() + ": " + d.message())
        .toList();
  }

  @Test
  void salesforceReportExportIsRecognisedFromItsHeader() throws IOException {
    // every value quoted, US dates, formatted amounts, the report footer after a blank line
    List<Deal> deals = deals("""
        "Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Close Date"
        "Ana Ruiz","Acme","Acme - Renewal","Closed Won","$12,500.00","3/31/2026"
        "Ana Ruiz","Beta","Beta - New","Closed Lost","$4,000.00","4/2/2026"
        "Ana Ruiz","Gamma","Gamma - New","Negotiation/Review","$1,000,000.50",""

        "Grand Totals (3 records)"

        "Confidential Information - Do Not Distribute"
        "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."
        """, new DataReader());
    assertThat(deals).extracting(Deal::id, Deal::owner, Deal::stage, Deal::amount,
        Deal::closeDate).containsExactly(
        org.assertj.core.groups.Tuple.tuple("line-2", "Ana Ruiz", Stage.WON,
            new BigDecimal("12500.00"), LocalDate.of(2026, 3, 31)),
        org.assertj.core.groups.Tuple.tuple("line-3", "Ana Ruiz", Stage.LOST,
            new BigDecimal("4000.00"), LocalDate.of(2026, 4, 2)),
        org.assertj.core.groups.Tuple.tuple("line-4", "Ana Ruiz", Stage.OPEN,
            new BigDecimal("1000000.50"), null));
  }

  @Test
  void salesforceObjectExportWithByteOrderMark() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String text = "Id,IsDeleted,Name,StageName,Amount,CloseDate,OwnerId,CreatedDate\n"
        + "006A,,Big deal,Closed Won,1124741.15,2024-11-10,005A,2024-01-22T16:14:25.000+0000\n"
        + "006B,,Small deal,Qualification,5.00,2024-12-01,005A,2024-01-22T16:14:25.000+0000\n";
    byte[] all = new byte[bom.length + text.length()];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(text.getBytes(StandardCharsets.UTF_8), 0, all, 3, text.length());
    List<Deal> deals = read(all, new DataReader());
    assertThat(deals).extracting(Deal::id).containsExactly("006A", "006B");
    assertThat(deals.get(0).won()).isTrue();
    assertThat(deals.get(0).amount()).isEqualByComparingTo("1124741.15");
    assertThat(deals.get(0).createdDate()).isEqualTo(LocalDate.of(2024, 1, 22));
    assertThat(deals.get(1).stage()).isEqualTo(Stage.OPEN);
  }

  @Test
  void hubspotExportWithCrlfAndInternalStageValues() throws IOException {
    List<Deal> deals = deals("\"Record ID\",\"Deal Name\",\"Deal Stage\",\"Close Date\","
        + "\"Deal owner\",\"Amount\"\r\n"
        + "\"101\",\"A\",\"closedwon\",\"2026-12-01\",\"Ana Ruiz\",\"250\"\r\n"
        + "\"102\",\"B\",\"Closed Lost\",\"1/10/2026 21:52\",\"Ana Ruiz\",\"\"\r\n"
        + "\"103\",\"C\",\"contractsent\",\"\",\"Ana Ruiz\",\"9000\"\r\n", new DataReader());
    assertThat(deals).extracting(Deal::id, Deal::stage).containsExactly(
        org.assertj.core.groups.Tuple.tuple("101", Stage.WON),
        org.assertj.core.groups.Tuple.tuple("102", Stage.LOST),
        org.assertj.core.groups.Tuple.tuple("103", Stage.OPEN));
    assertThat(deals.get(1).closeDate()).isEqualTo(LocalDate.of(2026, 1, 10));
    assertThat(deals.get(1).amount()).isEqualByComparingTo("0"); // blank on a lost deal
  }

  @Test
  void semicolonFileWithDecimalCommas() throws IOException {
    List<Deal> deals = deals("""
        deal_id;owner;close_date;amount
        D1;Ana Ruiz;2026-03-31;12.500,00
        D2;Ana Ruiz;2026-04-01;"1.234,5"
        D3;Ana Ruiz;2026-04-02;700
        """, new DataReader());
    assertThat(deals).extracting(Deal::amount).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("12500.00"), new BigDecimal("1234.5"),
            new BigDecimal("700"));
  }

  @Test
  void aPresetNamesTheColumnItCouldNotFind() throws IOException {
    assertThat(problems("""
        Record ID,Deal Name,Deal Stage,Close Date,Amount
        1,A,closedwon,2026-01-01,10
        """, new DataReader(ColumnMap.preset("hubspot"), false))).containsExactly(
        "1:0: missing column owner (the hubspot preset looks for owner or deal owner or "
            + "hubspot_owner_id) (the header has: record id, deal name, deal stage, close date, "
            + "amount)");
  }

  @Test
  void dayFirstSlashesAreNotGuessed() throws IOException {
    assertThat(problems("""
        Opportunity Owner,Opportunity Name,Stage,Amount,Close Date
        Ana Ruiz,A,Closed Won,10,31/03/2026
        """, new DataReader())).containsExactly(
        "2:5: close_date \"31/03/2026\" is not a date (expected yyyy-MM-dd or M/d/yyyy; for "
            + "day-first dates give --date-format d/M/yyyy)");
  }

  @Test
  void aColumnMapRenamesColumnsAndStagesAndReadsItsDateFormat() throws IOException {
    Path map = dir.resolve("map.yaml");
    Files.writeString(map, """
        columns: { deal_id: opportunity_id, owner: sales_agent, amount: close_value, stage: deal_stage }
        stages: { Won: won, Lost: lost, Engaging: open }
        date_format: dd.MM.yyyy
        """);
    DataReader reader = new DataReader(ColumnMap.read(map), false);
    List<Deal> deals = deals("""
        opportunity_id,sales_agent,deal_stage,close_date,close_value
        X1,Ana Ruiz,Won,01.03.2026,1054
        X2,Ana Ruiz,Engaging,,
        """, reader);
    assertThat(deals).extracting(Deal::id, Deal::stage, Deal::closeDate).containsExactly(
        org.assertj.core.groups.Tuple.tuple("X1", Stage.WON, LocalDate.of(2026, 3, 1)),
        org.assertj.core.groups.Tuple.tuple("X2", Stage.OPEN, null));
    assertThat(problems("""
        opportunity_id,sales_agent,deal_stage,close_date,close_value
        X1,Ana Ruiz,Prospecting,2026-03-01,1054
        """, reader)).containsExactly(
        "2:3: stage \"Prospecting\" is not in the stages of " + dir.resolve("map.yaml")
            + "; add it there as won, lost or open",
        "2:4: close_date \"2026-03-01\" is not a date (expected dd.MM.yyyy)");
  }

  @Test
  void amountsAsSpreadsheetsShowThem() {
    assertThat(Values.amount("$12,500.00", false)).isEqualByComparingTo("12500.00");
    assertThat(Values.amount("USD 12,500.00", false)).isEqualByComparingTo("12500.00");
    assertThat(Values.amount("12.500,00 €", false)).isEqualByComparingTo("12500.00");
    assertThat(Values.amount("12 500,00", false)).isEqualByComparingTo("12500.00");
    assertThat(Values.amount("(1,200.00)", false)).isEqualByComparingTo("-1200.00");
    assertThat(Values.amount("12,500", false)).isEqualByComparingTo("12500");
    assertThat(Values.amount("12,5", false)).isNull(); // a decimal comma? not guessed
    assertThat(Values.money("12,5", false).problem()).contains("not a thousands separator");
    assertThat(Values.amount("12.500", true)).isEqualByComparingTo("12500");
    assertThat(Values.amount("12,50", true)).isEqualByComparingTo("12.50");
    assertThat(Values.amount("250k", false)).isNull();
    assertThat(Values.amount("1,23,456.00", false)).isNull(); // grouping must come in threes
    assertThat(Values.amount("1.2.3", false)).isNull();
    assertThat(Values.amount("", false)).isNull();
  }

  @Test
  void datesAsCrmsExportThem() {
    assertThat(Values.crmDate("3/31/2026")).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(Values.crmDate("31.03.2026")).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(Values.crmDate("2024-01-22T16:14:25.000+0000")).isEqualTo(LocalDate.of(2024, 1, 22));
    assertThat(Values.crmDate("1/10/2026 21:52")).isEqualTo(LocalDate.of(2026, 1, 10));
    assertThat(Values.crmDate("31/03/2026")).isNull();
    assertThat(Values.crmDate("2/30/2026")).isNull();
  }

  @Test
  void anExportNamingOwnersIsMatchedToRepsByTheirUniqueName() throws IOException {
    List<Deal> deals = deals("""
        Opportunity Owner,Opportunity Name,Stage,Amount,Close Date
        Bo Chen,A,Closed Won,10,3/1/2026
        R7,B,Closed Won,10,3/2/2026
        """, new DataReader());
    assertThat(deals).extracting(Deal::owner).containsExactly("R7", "R7");
    // a name two reps share is not guessed
    List<Deal> shared = deals("""
        Opportunity Owner,Opportunity Name,Stage,Amount,Close Date
        Same Name,A,Closed Won,10,3/1/2026
        """, new DataReader());
    assertThat(shared).extracting(Deal::owner).containsExactly("Same Name");
  }

  @Test
  void aPresetReadsDayFirstDatesWithAnExplicitFormat() throws IOException {
    List<Deal> deals = deals("""
        Opportunity Owner,Opportunity Name,Stage,Amount,Close Date
        R7,A,Closed Won,10,31/03/2026
        """, new DataReader(ColumnMap.preset("salesforce").withDateFormat("d/M/yyyy"), false));
    assertThat(deals.get(0).closeDate()).isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  void salesforceFlagsDecideWhereAnOrgRenamedItsStages() throws IOException {
    List<Deal> deals = deals("""
        Id,StageName,Amount,CloseDate,OwnerId,IsClosed,IsWon
        006A,Signed,10,2024-11-10,005A,1,1
        006B,Dropped,10,2024-11-11,005A,1,
        006C,Talking,10,2024-11-12,005A,,
        """, new DataReader());
    assertThat(deals).extracting(Deal::stage).containsExactly(Stage.WON, Stage.LOST, Stage.OPEN);
  }

  @Test
  void aRecognisedPresetReadsTheGivenDateFormat() throws IOException {
    List<Deal> deals = deals("""
        Opportunity Owner,Opportunity Name,Stage,Amount,Close Date
        R7,A,Closed Won,10,31/03/2026
        """, new DataReader(null, true, "d/M/yyyy"));
    assertThat(deals.get(0).closeDate()).isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  void rowsAfterTheBlankLineOfAReportAreRefused() throws IOException {
    assertThat(problems("""
        "Opportunity Owner","Opportunity Name","Stage","Amount","Close Date"
        "R7","A","Closed Won","10","3/1/2026"

        "Grand Totals (1 records)"
        "R7","B","Closed Won","10","3/2/2026"
        """, new DataReader())).containsExactly("5:0: a row after the blank line that ends the "
        + "salesforce export's data; only its footer may follow");
  }

  /**
   * An activity's count is a whole number read as {@link Integer#parseInt} reads it: plain
   * digits (read without a string), padded or with a plus sign or in other scripts' digits (read
   * as text); a point, an exponent, a minus or more than an int holds is refused at its place.
   */
  @Test
  void activityCountsAreWholeNumbersAsParseIntReadsThem() throws IOException {
    Path file = dir.resolve("activities.csv");
    Files.writeString(file, "rep,date,activity,count\n"
        + "R7,2026-01-05,call,3\n"
        + "R7,2026-01-05,call, 4 \n"
        + "R7,2026-01-05,call,007\n"
        + "R7,2026-01-05,call,+5\n"
        + "R7,2026-01-05,call,2147483647\n"
        + "R7,2026-01-05,call,\u0663\n"
        + "R7,2026-01-05,call,5.\n"
        + "R7,2026-01-05,call,1e3\n"
        + "R7,2026-01-05,call,-1\n"
        + "R7,2026-01-05,call,2147483648\n"
        + "R7,2026-01-05,call,\n", StandardCharsets.UTF_8);
    List<Diagnostic> problems = new java.util.ArrayList<>();
    List<dev.compsim.model.Activity> read = new DataReader().readActivities(file, problems);
    assertThat(read).extracting(dev.compsim.model.Activity::count)
        .containsExactly(3, 4, 7, 5, Integer.MAX_VALUE, 3);
    assertThat(problems).extracting(d -> d.line() + ":" + d.column() + ": " + d.message())
        .containsExactly(
            "8:4: count \"5.\" is not a whole number >= 0",
            "9:4: count \"1e3\" is not a whole number >= 0",
            "10:4: count \"-1\" is not a whole number >= 0",
            "11:4: count \"2147483648\" is not a whole number >= 0",
            "12:4: count \"\" is not a whole number >= 0");
  }
}
