package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Implementation;
import dev.compsim.model.Plan;
import dev.compsim.model.Stage;
import dev.compsim.testing.TestData;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Won revenue, summed as digits in a long where it can, is the sum of the won deals' amounts in
 * the plan's currency as adding their decimals gives it: the same value and the same scale, with
 * converted amounts, amounts kept as decimals, scales from negative to beyond a long's powers of
 * ten, and sums that overflow a long.
 */
class WonRevenueTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  private static final Plan PLAN = TestData.plan(TestData.basePlan("Won revenue",
      "currency: USD\n"));

  @Test
  void isTheDecimalSumScaleIncluded() {
    qt().withFixedSeed(20261203L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      List<Deal> deals = new ArrayList<>();
      int n = random.nextInt(200);
      for (int i = 0; i < n; i++) {
        deals.add(new Deal("D" + i, "R1", LocalDate.of(2026, 1, 1).plusDays(random.nextInt(400)),
            amount(random), random.nextInt(5) == 0 ? Stage.LOST : Stage.WON,
            random.nextInt(4) == 0 ? "EUR" : random.nextBoolean() ? null : "usd", null, null,
            false, false, null, null, List.of(), Implementation.PENDING, null, null, null,
            null));
      }
      DataSet data = new DataSet(deals, Map.of(), Map.of(), List.of(),
          Map.of("EUR", new BigDecimal("1.0835"), "USD", BigDecimal.ONE));
      Engine engine = new Engine(data, AS_OF);
      BigDecimal expected = BigDecimal.ZERO;
      for (Deal deal : engine.wonDeals()) {
        expected = expected.add(engine.amountIn(PLAN, deal));
      }
      // equals, not compareTo: the scale is part of what the reports print
      assertThat(engine.wonRevenue(PLAN)).isEqualTo(expected);
    });
  }

  private static BigDecimal amount(Random random) {
    return switch (random.nextInt(7)) {
      case 0 -> BigDecimal.valueOf(random.nextInt(1_000_000)); // whole
      case 1 -> BigDecimal.valueOf(random.nextInt(100_000_000), 2); // cents
      case 2 -> BigDecimal.valueOf(random.nextInt(1000), random.nextInt(25)); // fine scales
      case 3 -> BigDecimal.valueOf(random.nextInt(1000), -random.nextInt(4)); // 1E+3 and such
      case 4 -> BigDecimal.valueOf(900_000_000_000_000_000L + random.nextInt(1000), 1);
      case 5 -> new BigDecimal(new BigInteger(80, random), 2); // beyond a long: a decimal
      default -> BigDecimal.valueOf(999_999_999_999_999_999L - random.nextInt(1000),
          random.nextInt(19)); // sums that overflow a long
    };
  }
}
