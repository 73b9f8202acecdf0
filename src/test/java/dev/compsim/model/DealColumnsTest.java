package dev.compsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Deals kept as columns come back equal to the records put in, scale of every amount included. */
class DealColumnsTest {

  @Test
  void everyDealComesBackEqualFieldForField() {
    qt().withFixedSeed(20261203L).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      List<Deal> deals = randomDeals(random, random.nextInt(40_000));
      DealColumns columns = DealColumns.of(deals);
      assertThat(columns).hasSize(deals.size());
      for (int i = 0; i < deals.size(); i++) {
        Deal deal = deals.get(i);
        assertThat(columns.get(i)).isEqualTo(deal);
        assertThat(columns.get(i).amount().scale()).isEqualTo(deal.amount().scale());
        assertThat(columns.id(i)).isEqualTo(deal.id());
        assertThat(columns.closeDay(i)).isEqualTo(deal.closeDate() == null
            ? DealColumns.NO_DAY : (int) deal.closeDate().toEpochDay());
        assertThat(columns.partnerRole(i)).isEqualTo(deal.partnerRole());
        assertCents(columns.cents(i), deal.amount());
      }
      LocalDate latest = deals.stream()
          .flatMap(deal -> java.util.stream.Stream.of(deal.closeDate(), deal.implementationDate()))
          .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
      assertThat(columns.latestCloseOrImplementation()).isEqualTo(latest);
    });
  }

  /**
   * Ids kept as numbers or as text answer alike: each id, equality with any string and the
   * order of two ids are the strings'. The reader's way of adding an id as a number under a
   * pattern gives the same columns as adding its text.
   */
  @Test
  void idsAsNumbersAnswerAsTheirStrings() {
    Random random = new Random(17);
    for (int round = 0; round < 60; round++) {
      List<Deal> deals = randomDeals(random, random.nextInt(3000));
      java.util.Collections.shuffle(deals, random);
      DealColumns columns = DealColumns.of(deals);
      java.util.Set<IdPattern> patterns = new java.util.HashSet<>();
      deals.forEach(deal -> patterns.add(IdPattern.of(deal.id())));
      assertThat(columns.idPattern()).isEqualTo(patterns.size() == 1
          ? patterns.iterator().next() : null);
      DealColumns.Builder asReader = new DealColumns.Builder();
      for (int i = 0; i < deals.size(); i++) {
        Deal deal = deals.get(i);
        int j = random.nextInt(deals.size());
        assertThat(columns.id(i)).isEqualTo(deal.id());
        assertThat(columns.idEquals(i, deals.get(j).id())).isEqualTo(i == j);
        assertThat(columns.idEquals(i, deal.id() + "0")).isFalse();
        assertThat(Integer.signum(columns.compareIds(i, j)))
            .isEqualTo(Integer.signum(deal.id().compareTo(deals.get(j).id())));
        IdPattern pattern = IdPattern.of(deal.id());
        BigDecimal amount = deal.amount();
        boolean plain = amount.signum() >= 0 && amount.scale() >= 0 && amount.scale() <= 18
            && amount.precision() <= 18;
        if (pattern != null && plain && random.nextBoolean()) {
          ValueCodes codes = asReader.codes();
          asReader.add(pattern, pattern.number(deal.id()), codes.code(deal.owner()),
              deal.closeDate(), deal.amount().unscaledValue().longValue(), deal.amount().scale(),
              deal.stage(), codes.code(deal.currency()), codes.code(deal.partner()),
              deal.partnerRole(), deal.partnerSourced(), deal.registered(),
              deal.partnerDiscount(), codes.code(deal.partnerRep()),
              deal.assists().isEmpty() ? 0 : codes.code(deal.assists()),
              deal.implementation(), deal.implementationDate(), codes.code(deal.territory()),
              codes.code(deal.product()), deal.createdDate());
        } else {
          asReader.add(deal);
        }
      }
      DealColumns read = asReader.build();
      assertThat(read).containsExactlyElementsOf(deals);
      assertThat(read.idPattern()).isEqualTo(columns.idPattern());
    }
  }

  @Test
  void buildersJoinedInOrderKeepTheirAmountsInPlace() {
    Random random = new Random(3);
    List<Deal> first = randomDeals(random, 20_000); // more than a chunk, and a partial one
    List<Deal> second = randomDeals(random, 17_000);
    DealColumns.Builder a = new DealColumns.Builder();
    first.forEach(a::add);
    DealColumns.Builder b = new DealColumns.Builder();
    second.forEach(b::add);
    List<Deal> both = new ArrayList<>(first);
    both.addAll(second);
    DealColumns joined = a.addAll(b).build();
    assertThat(joined).containsExactlyElementsOf(both);
  }

  /**
   * Two builders number their values apart (a split read's two parts, each with its reader's
   * codes): joined, the second's codes are renumbered into the first's, every value in place,
   * and a builder that shares the first's codes is taken as it is.
   */
  @Test
  void buildersNumberingValuesApartJoinWithEveryValueInPlace() {
    Random random = new Random(29);
    for (int round = 0; round < 20; round++) {
      List<Deal> first = randomDeals(random, random.nextInt(20_000));
      List<Deal> second = randomDeals(random, random.nextInt(20_000));
      java.util.Collections.reverse(second); // its values met in another order
      DealColumns.Builder a = new DealColumns.Builder();
      first.forEach(a::add);
      DealColumns.Builder b = random.nextBoolean() ? new DealColumns.Builder()
          : new DealColumns.Builder(a.codes());
      second.forEach(b::add);
      List<Deal> both = new ArrayList<>(first);
      both.addAll(second);
      DealColumns joined = a.addAll(b).build();
      assertThat(joined).containsExactlyElementsOf(both);
      for (int i = 0; i < both.size(); i++) {
        Deal deal = both.get(i);
        assertThat(joined.owner(i)).isEqualTo(deal.owner());
        assertThat(joined.partner(i)).isEqualTo(deal.partner());
        assertThat(joined.partnerDiscount(i)).isEqualTo(deal.partnerDiscount());
        assertThat(joined.assists(i)).isEqualTo(deal.assists());
        assertThat(joined.territory(i)).isEqualTo(deal.territory());
      }
    }
  }

  /**
   * The reader adds a plain amount as its digits and scale: the columns then hold what adding
   * the same decimal gives, its scale and cents included.
   */
  @Test
  void anAmountAddedAsDigitsIsTheDecimalsAmount() {
    Random random = new Random(11);
    DealColumns.Builder digits = new DealColumns.Builder();
    DealColumns.Builder decimals = new DealColumns.Builder();
    for (int i = 0; i < 5_000; i++) {
      long unscaled = random.nextInt(4) == 0 ? 999_999_999_999_999_999L - random.nextInt(1000)
          : (long) (random.nextDouble() * Math.pow(10, random.nextInt(16)));
      int scale = random.nextInt(19);
      digits.add("D" + i, digits.codes().code("R1"), null, unscaled, scale, Stage.WON, 0, 0, null,
          false, false, null, 0, 0, Implementation.PENDING, null, 0, 0, null);
      decimals.add("D" + i, "R1", null, BigDecimal.valueOf(unscaled, scale), Stage.WON, null,
          null, null, false, false, null, null, List.of(), Implementation.PENDING, null, null,
          null, null);
    }
    DealColumns a = digits.build();
    DealColumns b = decimals.build();
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.amount(i)).isEqualTo(b.amount(i));
      assertThat(a.amount(i).scale()).isEqualTo(b.amount(i).scale());
      assertThat(a.cents(i)).isEqualTo(b.cents(i));
    }
    assertThatThrownBy(() -> digits.add("X", 1, null, -1, 2, Stage.WON, 0, 0, null,
        false, false, null, 0, 0, Implementation.PENDING, null, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> digits.add("X", 1, null, 5, 19, Stage.WON, 0, 0, null,
        false, false, null, 0, 0, Implementation.PENDING, null, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The reader's rows go in as fields, not records: they get the role a record would. */
  @Test
  void fieldsAddedAsTheReaderAddsThemGetTheRecordsRole() {
    LocalDate day = LocalDate.of(2026, 1, 2);
    DealColumns columns = new DealColumns.Builder()
        .add("D1", "R1", day, BigDecimal.TEN, Stage.WON, null, "P1", null, false, false, null,
            null, List.of(), Implementation.PENDING, null, null, null, null)
        .add("D2", "R1", day, BigDecimal.TEN, Stage.WON, null, null, PartnerRole.REFERRAL, false,
            false, null, null, List.of("R2"), Implementation.PENDING, null, null, null, null)
        .build();
    assertThat(columns.partnerRole(0)).isEqualTo(PartnerRole.RESELL);
    assertThat(columns.partnerRole(1)).isNull();
    assertThat(columns).containsExactly(
        new Deal("D1", "R1", day, BigDecimal.TEN, Stage.WON, null, "P1", null, false, false, null,
            null, List.of(), Implementation.PENDING, null, null, null, null),
        new Deal("D2", "R1", day, BigDecimal.TEN, Stage.WON, null, null, PartnerRole.REFERRAL,
            false, false, null, null, List.of("R2"), Implementation.PENDING, null, null, null,
            null));
  }

  /** The cents read off an amount's digits are those of the decimal, or the decimal is asked. */
  @Test
  void centsAreTheDecimalsCents() {
    String[] amounts = {"0", "0.00", "0E-9", "12", "12.3", "12.34", "12.345", "12.3400",
        "12.34000000", "-12.34", "-0.01", "5E+3", "-5E+3", "1E+16", "1E+17", "92233720368547758.07",
        "922337203685477580.7", "0.001", "123456789012345678", "1234567890123456.78",
        "1E+120", "0.000000000000000000000000001", "100.000000000000000000000000000"};
    LocalDate day = LocalDate.of(2026, 1, 2);
    List<Deal> deals = new ArrayList<>();
    for (String amount : amounts) {
      deals.add(Deal.direct("D" + deals.size(), "R1", day, new BigDecimal(amount)));
    }
    DealColumns columns = DealColumns.of(deals);
    int read = 0;
    for (int i = 0; i < amounts.length; i++) {
      assertCents(columns.cents(i), deals.get(i).amount());
      read += columns.cents(i) != DealColumns.NOT_CENTS ? 1 : 0;
    }
    assertThat(columns.cents(2)).isZero();
    assertThat(columns.cents(8)).isEqualTo(1234);
    assertThat(columns.cents(11)).isEqualTo(500_000);
    assertThat(columns.cents(6)).isEqualTo(DealColumns.NOT_CENTS);
    assertThat(read).isEqualTo(14);
  }

  /**
   * {@code cents} is the decimal's whole cents; it may decline (NOT_CENTS) only for an amount
   * that is no whole number of cents in a long, or one kept aside as a decimal.
   */
  private static void assertCents(long cents, BigDecimal amount) {
    Long expected;
    try {
      expected = amount.movePointRight(2).longValueExact();
    } catch (ArithmeticException notCents) {
      expected = null;
    }
    boolean plain = amount.precision() <= 18 && amount.scale() == (byte) amount.scale();
    if (cents != DealColumns.NOT_CENTS) {
      assertThat(cents).as("cents of %s", amount).isEqualTo(expected);
    } else if (plain) {
      assertThat(expected).as("cents of %s", amount).isNull();
    }
  }

  @Test
  void theListCannotBeChanged() {
    DealColumns columns = DealColumns.of(List.of(Deal.direct("D1", "R1", LocalDate.of(2026, 1, 2),
        new BigDecimal("10.00"))));
    assertThatThrownBy(() -> columns.add(columns.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> columns.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(DealColumns.of(columns)).isSameAs(columns);
    assertThat(DealColumns.of(List.of())).isEmpty();
  }

  /** Deals with every field varied: blank ones, amounts beyond a long or with odd scales. */
  private static List<Deal> randomDeals(Random random, int n) {
    List<Deal> deals = new ArrayList<>();
    // ids of one pattern (kept as numbers), of one pattern until one of another shape, or of
    // growing width (kept as text after D9)
    int style = random.nextInt(3);
    int odd = random.nextInt(Math.max(1, n));
    for (int i = 0; i < n; i++) {
      String id = style == 0 || style == 1 && i != odd ? String.format("D-%08d", i) : "D" + i;
      String partner = random.nextInt(3) == 0 ? null : "P" + random.nextInt(30);
      PartnerRole role = random.nextInt(4) == 0 ? null
          : PartnerRole.values()[random.nextInt(PartnerRole.values().length)];
      List<String> assists = random.nextInt(4) == 0 ? List.of("R" + random.nextInt(9), "R9")
          : List.of();
      deals.add(new Deal(id, "R" + random.nextInt(50),
          random.nextInt(20) == 0 ? null : date(random), amount(random),
          Stage.values()[random.nextInt(Stage.values().length)],
          random.nextBoolean() ? null : random.nextBoolean() ? "EUR" : "usd", partner, role,
          random.nextBoolean(), random.nextBoolean(),
          random.nextInt(3) == 0 ? new BigDecimal("0.2" + random.nextInt(3)) : null,
          random.nextInt(5) == 0 ? " " : random.nextBoolean() ? "Pat" : null, assists,
          Implementation.values()[random.nextInt(Implementation.values().length)],
          random.nextBoolean() ? null : date(random), random.nextBoolean() ? "West" : null,
          random.nextBoolean() ? "Suite" : null, random.nextBoolean() ? null : date(random)));
    }
    return deals;
  }

  private static BigDecimal amount(Random random) {
    switch (random.nextInt(6)) {
      case 0:
        return new BigDecimal(new BigInteger(90, random), 2); // beyond a long
      case 1:
        return BigDecimal.valueOf(random.nextInt(1000), -3); // 1E+3 and the like
      case 2:
        return new BigDecimal(BigInteger.valueOf(random.nextInt(1000)), 200); // scale > a byte
      case 3:
        return BigDecimal.ZERO.setScale(random.nextInt(4));
      default:
        return BigDecimal.valueOf(random.nextLong() >> random.nextInt(40), random.nextInt(5));
    }
  }

  private static LocalDate date(Random random) {
    return random.nextInt(50) == 0 ? LocalDate.of(1, 1, 1).plusDays(random.nextInt(9999))
        : LocalDate.of(2025, 1, 1).plusDays(random.nextInt(900));
  }
}
