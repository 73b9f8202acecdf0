package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.compsim.model.DataSet;
import dev.compsim.model.Payment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentsReaderTest {
  @TempDir
  Path dir;

  private static final String DEALS = "deal_id,owner,close_date,amount\n"
      + "D1,R1,2026-03-01,1000\nD2,R1,2026-03-02,2000\n";

  private DataSet read(String payments) throws IOException {
    Files.writeString(dir.resolve("deals.csv"), DEALS);
    Files.writeString(dir.resolve("reps.csv"), "rep_id,quota,ote\nR1,800000,160000\n");
    if (payments != null) {
      Files.writeString(dir.resolve("payments.csv"), payments);
    }
    return new DataReader().read(DataFiles.inDirectory(dir)).data();
  }

  private List<String> problems(String payments) {
    InputException e = catchThrowableOfType(InputException.class, () -> read(payments));
    assertThat(e).as("expected an InputException").isNotNull();
    return e.diagnostics().stream().map(d -> d.file().getFileName() + ":" + d.line() + ":"
        + d.column() + ": " + d.message()).toList();
  }

  @Test
  void paymentsAreReadByDealInDateOrderRefundsNegative() throws IOException {
    DataSet data = read("Amount,Deal_ID,date,note\n500,D1,2026-03-20,x\n250.50,D1,2026-03-10,\n"
        + "-100,D1,2026-04-01,refund\n2000,D2,2026-04-01,\n");
    assertThat(data.payments().present()).isTrue();
    assertThat(data.payments().size()).isEqualTo(4);
    assertThat(data.payments().forDeal("D1")).extracting(Payment::date, Payment::amount)
        .containsExactly(tuple(LocalDate.of(2026, 3, 10), new BigDecimal("250.50")),
            tuple(LocalDate.of(2026, 3, 20), new BigDecimal("500")),
            tuple(LocalDate.of(2026, 4, 1), new BigDecimal("-100")));
    assertThat(data.latestDate()).isEqualTo(LocalDate.of(2026, 4, 1));
  }

  @Test
  void aRefusedDealRowIsReportedOnceNotAgainAsAnUnknownDealOfItsPayments() throws IOException {
    Files.writeString(dir.resolve("deals.csv"), "deal_id,owner,close_date,amount\n"
        + "D1,R1,2026-02-30,1000\n");
    Files.writeString(dir.resolve("reps.csv"), "rep_id,quota,ote\nR1,800000,160000\n");
    Files.writeString(dir.resolve("payments.csv"), "deal_id,date,amount\nD1,2026-03-10,500\n");
    InputException e = catchThrowableOfType(InputException.class,
        () -> new DataReader().read(DataFiles.inDirectory(dir)));
    assertThat(e.diagnostics()).extracting(d -> d.file().getFileName().toString())
        .containsExactly("deals.csv");
  }

  /**
   * Ids of one pattern are read as numbers from the bytes where the prefix is ASCII, and from
   * the strings where it is not: the deals and their payments are found alike, in either case.
   */
  @Test
  void idsWithAPatternAreFoundByNumberAsciiOrNot() throws IOException {
    for (String prefix : List.of("D-", "Ä-", "")) {
      Files.writeString(dir.resolve("deals.csv"), "deal_id,owner,close_date,amount\n"
          + prefix + "0002,R1,2026-03-01,1000\n" + prefix + "0010,R1,2026-03-02,2000\n"
          + prefix + "0007,R1,2026-03-03,3000\n");
      Files.writeString(dir.resolve("reps.csv"), "rep_id,quota,ote\nR1,800000,160000\n");
      Files.writeString(dir.resolve("payments.csv"), "deal_id,date,amount\n"
          + prefix + "0010,2026-03-10,500\n" + prefix + "0007,2026-03-11,250.50\n"
          + prefix + "0010,2026-03-09,100\n");
      DataSet data = new DataReader().read(DataFiles.inDirectory(dir)).data();
      assertThat(data.deals()).extracting(dev.compsim.model.Deal::id)
          .containsExactly(prefix + "0002", prefix + "0010", prefix + "0007");
      assertThat(data.payments().forDeal(prefix + "0010")).extracting(Payment::dealId,
          Payment::amount).containsExactly(tuple(prefix + "0010", new BigDecimal("100")),
              tuple(prefix + "0010", new BigDecimal("500")));
      assertThat(data.payments().forDeal(prefix + "0007")).hasSize(1);
      assertThat(data.payments().forDeal(prefix + "0002")).isEmpty();
      Files.writeString(dir.resolve("payments.csv"), "deal_id,date,amount\n"
          + prefix + "0011,2026-03-10,500\n");
      assertThat(catchThrowableOfType(InputException.class,
          () -> new DataReader().read(DataFiles.inDirectory(dir))).diagnostics())
          .extracting(Diagnostic::message).containsExactly("payment for unknown deal "
              + prefix + "0011: no such deal_id in the deals file");
    }
  }

  /**
   * A deal paid 200,000 times: its repeats are found by day and amount, not by walking its
   * earlier payments for each (which took the square: 17 s for 100,000), and a repeat written
   * differently far from the first is still found, at its line.
   */
  @Test
  @org.junit.jupiter.api.Timeout(30)
  void aDealPaidVeryOftenIsReadInTimeAndItsRepeatsFound() throws IOException {
    StringBuilder payments = new StringBuilder("deal_id,date,amount\n");
    LocalDate first = LocalDate.of(2026, 3, 1);
    for (int k = 0; k < 200_000; k++) {
      payments.append("D1,").append(first.plusDays(k / 40)).append(',').append(k + 1)
          .append(".00\n");
    }
    payments.append("D1,").append(first).append(",7\n"); // line 7's payment, written as 7
    payments.append("D1,").append(first.plusDays(3)).append(",7\n"); // another day: not one
    assertThat(problems(payments.toString())).containsExactly("payments.csv:200002:1: "
        + "duplicate payment: deal D1, 2026-03-01, 7 is also on line 8 (two payments on one "
        + "day: list them once, with their total)");
  }

  @Test
  void withoutAPaymentsFileThereAreNone() throws IOException {
    DataSet data = read(null);
    assertThat(data.payments().present()).isFalse();
    assertThat(read("deal_id,date,amount\n").payments().present()).isTrue();
  }

  @Test
  void everyProblemIsPlacedAtItsLineAndColumn() {
    assertThat(problems("deal_id,date,amount\n"
        + "D9,2026-03-10,500\n"
        + "D1,2026-02-30,500\n"
        + "D1,2026-03-10,five hundred\n"
        + "D1,2026-03-10,500\n"
        + "D1,2026-03-10,500.00\n"
        + ",2026-03-10,1\n"
        + "D2,,1\n")).containsExactly(
        "payments.csv:2:1: payment for unknown deal D9: no such deal_id in the deals file",
        "payments.csv:3:2: date \"2026-02-30\" is not a date (expected yyyy-MM-dd)",
        "payments.csv:4:3: amount \"five hundred\" is not a number (refunds are negative, "
            + "e.g. -250.00)",
        "payments.csv:6:1: duplicate payment: deal D1, 2026-03-10, 500.00 is also on line 5 "
            + "(two payments on one day: list them once, with their total)",
        "payments.csv:7:1: deal_id is empty",
        "payments.csv:8:2: date is empty");
  }

  /**
   * A payment repeated (same deal, day and amount, however the amount is written) is found among
   * its deal's payments, wherever they are in the file and whichever of them it repeats: the
   * problems are those of one map of every payment, line for line. Deals come in and out of order
   * and interleaved; unknown deals are reported as such.
   */
  @Test
  void repeatedPaymentsAreFoundAsAMapOfEveryPaymentWouldFindThem() throws IOException {
    java.util.Random random = new java.util.Random(17);
    String[] amounts = {"500", "500.00", "500.0", "250.5", "250.50", "-100", "0", "0.00"};
    int duplicates = 0;
    for (int round = 0; round < 40; round++) {
      StringBuilder deals = new StringBuilder("deal_id,owner,close_date,amount\n");
      int count = 1 + random.nextInt(12);
      for (int d = 1; d <= count; d++) {
        deals.append("D").append(d).append(",R1,2026-03-01,1000\n");
      }
      StringBuilder payments = new StringBuilder("deal_id,date,amount\n");
      java.util.Map<List<Object>, Integer> seen = new java.util.HashMap<>();
      List<String> expected = new java.util.ArrayList<>();
      int rows = random.nextInt(60);
      for (int r = 0; r < rows; r++) {
        int line = r + 2;
        String deal = "D" + (1 + random.nextInt(count + 1)); // now and then no such deal
        String date = "2026-04-0" + (1 + random.nextInt(3));
        String amount = amounts[random.nextInt(amounts.length)];
        payments.append(deal).append(',').append(date).append(',').append(amount).append('\n');
        if (Integer.parseInt(deal.substring(1)) > count) {
          expected.add("payments.csv:" + line + ":1: payment for unknown deal " + deal
              + ": no such deal_id in the deals file");
          continue;
        }
        Integer earlier = seen.putIfAbsent(
            List.of(deal, date, new BigDecimal(amount).stripTrailingZeros()), line);
        if (earlier != null) {
          duplicates++;
          expected.add("payments.csv:" + line + ":1: duplicate payment: deal " + deal + ", "
              + date + ", " + amount + " is also on line " + earlier
              + " (two payments on one day: list them once, with their total)");
        }
      }
      Files.writeString(dir.resolve("deals.csv"), deals.toString());
      Files.writeString(dir.resolve("reps.csv"), "rep_id,quota,ote\nR1,800000,160000\n");
      Files.writeString(dir.resolve("payments.csv"), payments.toString());
      if (expected.isEmpty()) {
        DataSet data = new DataReader().read(DataFiles.inDirectory(dir)).data();
        assertThat(data.payments().size()).isEqualTo(rows);
      } else {
        InputException e = catchThrowableOfType(InputException.class,
            () -> new DataReader().read(DataFiles.inDirectory(dir)));
        assertThat(e.diagnostics().stream().map(d -> d.file().getFileName() + ":" + d.line()
            + ":" + d.column() + ": " + d.message()).toList()).as("round %d", round)
            .containsExactlyElementsOf(expected);
      }
    }
    assertThat(duplicates).isGreaterThan(100);
  }

  @Test
  void aMissingColumnIsNamed() {
    assertThat(problems("deal_id,amount\nD1,5\n")).singleElement().asString()
        .startsWith("payments.csv:1:").contains("date");
  }

  @Test
  void throughAPresetThePaymentsMayUseTheCrmsHeadersAndFormats() throws IOException {
    Files.writeString(dir.resolve("deals.csv"), "Id,OwnerId,StageName,CloseDate,Amount\n"
        + "006A,R1,Closed Won,3/1/2026,\"$1,000.00\"\n");
    Files.writeString(dir.resolve("reps.csv"), "rep_id,quota,ote\nR1,800000,160000\n");
    Files.writeString(dir.resolve("payments.csv"), "Opportunity ID,Payment Date,Payment Amount\n"
        + "006A,3/31/2026,\"$250.50\"\n006A,4/30/2026,\"($50.00)\"\n");
    DataSet data = new DataReader().read(DataFiles.inDirectory(dir)).data();
    assertThat(data.payments().forDeal("006A")).extracting(Payment::date, Payment::amount)
        .containsExactly(tuple(LocalDate.of(2026, 3, 31), new BigDecimal("250.50")),
            tuple(LocalDate.of(2026, 4, 30), new BigDecimal("-50.00")));
  }

  @Test
  void aColumnMapMayNameThePaymentColumnsAndItsDateFormatApplies() throws IOException {
    Path map = dir.resolve("map.yaml");
    Files.writeString(map, """
        columns: { deal_id: opportunity_id, owner: sales_agent, amount: close_value }
        date_format: dd.MM.yyyy
        payments: { deal_id: invoice_opportunity, date: received_on, amount: received }
        """);
    Files.writeString(dir.resolve("deals.csv"), "opportunity_id,sales_agent,close_date,close_value\n"
        + "X1,R1,01.03.2026,1054\n");
    Files.writeString(dir.resolve("reps.csv"), "rep_id,quota,ote\nR1,800000,160000\n");
    Files.writeString(dir.resolve("payments.csv"), "invoice_opportunity,received_on,received\n"
        + "X1,15.03.2026,527\n");
    DataSet data = new DataReader(ColumnMap.read(map), false).read(DataFiles.inDirectory(dir))
        .data();
    assertThat(data.payments().forDeal("X1")).extracting(Payment::date, Payment::amount)
        .containsExactly(tuple(LocalDate.of(2026, 3, 15), new BigDecimal("527")));

    Files.writeString(map, "columns: { deal_id: opportunity_id }\npayments: { dael_id: x }\n");
    InputException e = catchThrowableOfType(InputException.class, () -> ColumnMap.read(map));
    assertThat(e.diagnostics()).extracting(d -> d.line() + ":" + d.column() + ": " + d.message())
        .containsExactly("2:13: unknown payments column `dael_id`; did you mean `deal_id`?");
  }
}
