package dev.compsim.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.model.Deal;
import dev.compsim.model.Payment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payments {@code generate} writes: realistic, deterministic per seed, within the data. */
class GeneratedPaymentsTest {
  private record Generated(List<Deal> deals, List<Payment> payments) {}

  private static Generated generate(long deals, long seed) {
    DataGenerator generator = new DataGenerator(GeneratorSettings.of(deals, 40, 10, seed, null,
        null));
    List<Deal> dealList = new ArrayList<>();
    List<Payment> payments = new ArrayList<>();
    var paying = generator.payments(payments::add);
    generator.deals(deal -> {
      dealList.add(deal);
      paying.accept(deal);
    });
    return new Generated(dealList, payments);
  }

  @Test
  void theSameSeedGivesTheSamePaymentsAndMoreDealsExtendThem() {
    Generated a = generate(3_000, 5);
    assertThat(generate(3_000, 5).payments()).isEqualTo(a.payments());
    List<Payment> longer = generate(4_000, 5).payments();
    assertThat(longer.subList(0, a.payments().size())).isEqualTo(a.payments());
    assertThat(generate(3_000, 6).payments()).isNotEqualTo(a.payments());
  }

  @Test
  void paymentsAreForWonDealsBetweenCloseAndTheEndWithPartialAndNeverPaidInvoices() {
    Generated g = generate(10_000, 3);
    Map<String, Deal> byId = new HashMap<>();
    g.deals().forEach(d -> byId.put(d.id(), d));
    Map<String, BigDecimal> paid = new HashMap<>();
    Map<String, Integer> count = new HashMap<>();
    int refunds = 0;
    java.util.Set<String> dealDays = new java.util.HashSet<>();
    for (Payment payment : g.payments()) {
      // two parts paid on one day are one payment: payments.csv refuses a repeated line
      assertThat(dealDays.add(payment.dealId() + "|" + payment.date())).as("%s", payment).isTrue();
      Deal deal = byId.get(payment.dealId());
      assertThat(deal.won()).isTrue();
      assertThat(payment.date()).isAfterOrEqualTo(deal.closeDate())
          .isBeforeOrEqualTo(GeneratorSettings.DEFAULT_END);
      assertThat(payment.amount().scale()).isEqualTo(2);
      paid.merge(deal.id(), payment.amount(), BigDecimal::add);
      count.merge(deal.id(), 1, Integer::sum);
      refunds += payment.amount().signum() < 0 ? 1 : 0;
    }
    long won = g.deals().stream().filter(Deal::won).count();
    // closed a year before the end: every instalment is due by then
    List<Deal> old = g.deals().stream().filter(d -> d.won()
        && d.closeDate().isBefore(GeneratorSettings.DEFAULT_END.minusDays(400))).toList();
    long neverPaid = old.stream().filter(d -> !paid.containsKey(d.id())).count();
    long full = old.stream().filter(d -> paid.containsKey(d.id())
        && paid.get(d.id()).compareTo(d.amount()) == 0).count();
    long partial = old.stream().filter(d -> paid.containsKey(d.id())
        && paid.get(d.id()).compareTo(d.amount()) < 0).count();
    long instalments = count.values().stream().filter(n -> n >= 2).count();
    assertThat(neverPaid).isBetween(old.size() * 3L / 100, old.size() * 9L / 100);
    assertThat(partial).isBetween(old.size() * 4L / 100, old.size() * 12L / 100);
    assertThat(full).isGreaterThan(old.size() * 80L / 100);
    assertThat(instalments).isGreaterThan(won / 10);
    assertThat(refunds).isPositive();
    paid.forEach((deal, total) -> assertThat(total).isLessThanOrEqualTo(byId.get(deal).amount()));
  }
}
