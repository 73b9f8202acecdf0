package dev.compsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A deal's payments are the same whichever way they are asked for: by row of the deals they were
 * read with (the engine's way), by deal id, or by row of other deals; and they are the ones a
 * plain filter of the file finds, in date order and file order within a day.
 */
class PaymentsTest {

  @Test
  void byRowAndByIdGiveEachDealItsPaymentsInDateOrder() {
    qt().withFixedSeed(20261203L).withExamples(100).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      int n = 1 + random.nextInt(300);
      List<Deal> deals = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        deals.add(deal("D" + i));
      }
      DealColumns columns = DealColumns.of(deals);
      List<Payment> payments = new ArrayList<>();
      List<Integer> rows = new ArrayList<>();
      int count = random.nextInt(4 * n);
      while (payments.size() < count) {
        // a deal's payments come together, or scattered through the file
        int row = random.nextInt(n);
        for (int k = 1 + random.nextInt(3); k > 0 && payments.size() < count; k--) {
          // the deal's own id string, as the reader keeps it
          payments.add(new Payment(columns.id(row),
              LocalDate.of(2026, 1, 1).plusDays(random.nextInt(40)),
              BigDecimal.valueOf(random.nextInt(100_000), 2)));
          rows.add(row);
        }
      }
      int[] rowOf = rows.stream().mapToInt(Integer::intValue).toArray();

      Payments byId = Payments.of(payments);
      Payments byRow = Payments.of(payments, rowOf, columns);
      // a row that names another deal: the rows are not trusted, ids answer
      int[] wrong = rowOf.clone();
      if (wrong.length > 0 && n > 1) {
        wrong[random.nextInt(wrong.length)] = -1;
      }
      Payments misindexed = Payments.of(payments, wrong, columns);
      for (Payments each : List.of(byId, byRow, misindexed)) {
        assertThat(each.size()).isEqualTo(payments.size());
        assertThat(each.latestDate()).isEqualTo(payments.stream().map(Payment::date)
            .max(Comparator.naturalOrder()).orElse(null));
        for (int row = 0; row < n; row++) {
          String id = columns.id(row);
          List<Payment> expected = payments.stream().filter(p -> p.dealId().equals(id))
              .sorted(Comparator.comparing(Payment::date)).toList();
          assertThat(each.forRow(columns, row)).containsExactlyElementsOf(expected);
          assertThat(each.forDeal(id)).containsExactlyElementsOf(expected);
          assertThat(each.has(id)).isEqualTo(!expected.isEmpty());
        }
        // as days and cents (the columnar engine's view): only by the rows it was read with,
        // each row's payments in the order forRow gives them
        Payments.Cents cents = each.cents(columns);
        if (each == byId) {
          assertThat(cents).isNull();
        } else if (each == byRow) {
          assertThat(cents).isNotNull();
        }
        for (int row = 0; cents != null && row < n; row++) {
          List<Payment> listed = each.forRow(columns, row);
          assertThat(cents.end(row) - cents.start(row)).isEqualTo(listed.size());
          for (int k = 0; k < listed.size(); k++) {
            assertThat(cents.days()[cents.start(row) + k])
                .isEqualTo(listed.get(k).date().toEpochDay());
            assertThat(cents.cents()[cents.start(row) + k])
                .isEqualTo(listed.get(k).amount().movePointRight(2).longValueExact());
          }
        }
        // other deals with the same ids: found by id
        DealColumns copy = DealColumns.of(new ArrayList<>(deals));
        assertThat(each.forRow(copy, n - 1)).containsExactlyElementsOf(
            each.forDeal(columns.id(n - 1)));
        assertThat(each.forDeal("no such deal")).isEmpty();
        assertThat(each.cents(copy)).isNull();
      }
    });
  }

  /**
   * Amounts of every kind (refunds, fractions of a cent, scales below zero and past a byte,
   * beyond a long), added as decimals or as the reader's digits and scale: each comes back as
   * added, scale included, and its cents are {@link DealColumns#centsOf}'s.
   */
  @Test
  void amountsComeBackAsAddedAndInCentsAsTheDecimalsCents() {
    Random random = new Random(20261204L);
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      deals.add(deal(String.format("D-%04d", i)));
    }
    DealColumns columns = DealColumns.of(deals);
    Payments.Builder builder = new Payments.Builder(columns);
    List<List<BigDecimal>> added = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      added.add(new ArrayList<>());
    }
    for (int k = 0; k < 3000; k++) {
      BigDecimal amount = switch (random.nextInt(6)) {
        case 0 -> BigDecimal.valueOf(-random.nextInt(100_000), random.nextInt(4));
        case 1 -> BigDecimal.valueOf(random.nextLong() >>> random.nextInt(64), random.nextInt(19));
        case 2 -> BigDecimal.valueOf(random.nextInt(1000), -random.nextInt(20));
        case 3 -> new BigDecimal(new java.math.BigInteger(80, random), random.nextInt(3));
        case 4 -> new BigDecimal(java.math.BigInteger.valueOf(random.nextInt(1000)), 200);
        default -> BigDecimal.valueOf(random.nextInt(10_000_000), 2);
      };
      int row = random.nextInt(50);
      // every payment on its own day, in order, so that each row's come back as added
      int day = 20_000 + k;
      boolean digits = amount.signum() >= 0 && amount.scale() >= 0 && amount.scale() <= 18
          && amount.precision() <= 18;
      if (digits && random.nextBoolean()) {
        builder.add(row, day, amount.unscaledValue().longValueExact(), amount.scale());
      } else {
        builder.add(row, day, amount);
      }
      added.get(row).add(amount);
    }
    Payments payments = builder.build();
    Payments.Cents cents = payments.cents(columns);
    for (int row = 0; row < 50; row++) {
      List<Payment> listed = payments.forRow(columns, row);
      assertThat(listed).extracting(Payment::amount).containsExactlyElementsOf(added.get(row));
      assertThat(listed).extracting(Payment::dealId).containsOnly(columns.id(row));
      for (int k = 0; k < listed.size(); k++) {
        assertThat(cents.cents()[cents.start(row) + k])
            .isEqualTo(DealColumns.centsOf(added.get(row).get(k)));
      }
    }
  }

  /**
   * A deal paid in many instalments, listed in any order (ties on a day included, days before
   * 1970 too), comes back in date order, file order within a day.
   */
  @Test
  void manyPaymentsOfOneDealAreInDateOrderFileOrderWithinADay() {
    Random random = new Random(20261204L);
    DealColumns columns = DealColumns.of(List.of(deal("D-1"), deal("D-2")));
    for (int n : new int[] {33, 1000}) {
      List<Payment> payments = new ArrayList<>();
      Payments.Builder builder = new Payments.Builder(columns);
      for (int k = 0; k < n; k++) {
        int day = (n == 33 ? 15_000 : -30) + random.nextInt(60);
        BigDecimal amount = BigDecimal.valueOf(k, 2);
        payments.add(new Payment("D-2", LocalDate.ofEpochDay(day), amount));
        builder.add(1, day, amount);
      }
      List<Payment> expected = payments.stream()
          .sorted(Comparator.comparing(Payment::date)).toList(); // a stable sort
      assertThat(builder.build().forRow(columns, 1)).containsExactlyElementsOf(expected);
    }
  }

  /**
   * 400,000 instalments of one deal listed newest first are sorted by their days, not one by one
   * (inserting each took the square: minutes, where this takes a fraction of a second).
   */
  @Test
  @org.junit.jupiter.api.Timeout(30)
  void manyPaymentsListedNewestFirstAreSortedInTime() {
    DealColumns columns = DealColumns.of(List.of(deal("D-1")));
    Payments.Builder builder = new Payments.Builder(columns);
    int n = 400_000;
    for (int k = 0; k < n; k++) {
      builder.add(0, 40_000 - k / 3, k, 2);
    }
    Payments.Cents cents = builder.build().cents(columns);
    for (int k = 1; k < n; k++) {
      int before = cents.days()[k - 1];
      int day = cents.days()[k];
      assertThat(day > before || day == before && cents.cents()[k] > cents.cents()[k - 1])
          .as("payment %d", k).isTrue();
    }
  }

  private static Deal deal(String id) {
    return new Deal(id, "R1", LocalDate.of(2026, 1, 1), new BigDecimal("1000.00"), Stage.WON,
        null, null, null, false, false, null, null, List.of(), Implementation.PENDING, null,
        null, null, null);
  }
}
