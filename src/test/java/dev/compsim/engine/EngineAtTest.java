package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.PlanReader;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Payment;
import dev.compsim.model.Payments;
import dev.compsim.model.Plan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An engine built while payments.csv is read, on the rest of the data as of its latest date, and
 * moved to the whole data and its later latest date ({@link Engine#at}), prices every plan as an
 * engine built on the whole data does, line for line and sum for sum; it keeps its deal table
 * only when that cannot change what is won.
 */
class EngineAtTest {
  private static List<Plan> plans() throws IOException {
    List<Plan> plans = new ArrayList<>();
    for (Path file : LedgerGoldenSumsTest.planFiles()) {
      plans.add(new PlanReader().read(file));
    }
    return plans;
  }

  private static DataSet withoutPayments(DataSet data) {
    return new DataSet(data.deals(), data.reps(), data.partners(), data.activities(),
        data.fxRates());
  }

  @Test
  void anEngineMovedToTheLaterAsOfOfThePaymentsPricesAsANewOne() throws IOException {
    DataSet data = new DataReader().read(DataFiles.inDirectory(Path.of("sample-data"))).data();
    DataSet before = withoutPayments(data);
    LocalDate early = before.latestDate();
    // the payments, and one more after everything else: it moves the latest date
    List<Payment> payments = new ArrayList<>();
    for (Deal deal : data.deals()) {
      payments.addAll(data.payments().forDeal(deal.id()));
    }
    Deal won = Engine.latest(data).wonDeals().get(0);
    LocalDate late = early.plusDays(45);
    payments.add(new Payment(won.id(), late, new BigDecimal("1000.00")));
    Engine base = new Engine(before, early).tabulated();
    DataSet whole = before.withPayments(Payments.of(payments));
    assertThat(whole.latestDate()).isEqualTo(late);
    Engine moved = base.at(whole, late);
    Engine fresh = new Engine(whole, late);
    assertThat(moved.asOf()).isEqualTo(late);
    assertThat(moved.data()).isSameAs(whole);
    assertThat(moved.table()).isSameAs(base.table()); // the work kept
    for (Plan plan : plans()) {
      assertThat(moved.sums(plan)).as(plan.name()).isEqualTo(fresh.sums(plan));
      assertThat(moved.ledger(plan).lines()).as(plan.name())
          .isEqualTo(fresh.ledger(plan).lines());
    }
  }

  @Test
  void anAsOfThatWinsOrLosesDealsGetsANewEngine() throws IOException {
    DataSet data = new DataReader().read(DataFiles.inDirectory(Path.of("sample-data"))).data();
    LocalDate latest = data.latestDate();
    LocalDate middle = LocalDate.of(2026, 3, 31);
    Engine halfway = new Engine(data, middle).tabulated();
    Engine later = halfway.at(data, latest); // deals close after the middle: more are won
    Engine earlier = new Engine(data, latest).tabulated().at(data, middle);
    assertThat(later.table()).isNotSameAs(halfway.table());
    assertThat(later.wonCount()).isGreaterThan(halfway.wonCount());
    assertThat(earlier.wonCount()).isEqualTo(halfway.wonCount());
    Engine otherDeals = halfway.at(data.withDeals(data.deals().subList(0, 10)), middle);
    assertThat(otherDeals.wonCount()).isLessThanOrEqualTo(10);
    // no activity after the middle: only the deals closed after it tell the engines apart
    DataSet quiet = new DataSet(data.deals(), data.reps(), data.partners(),
        data.activities().stream().filter(a -> !a.date().isAfter(middle)).toList(),
        data.fxRates(), data.payments());
    Engine quietHalfway = new Engine(quiet, middle).tabulated();
    Engine quietLater = quietHalfway.at(quiet, latest);
    assertThat(quietLater.table()).isNotSameAs(quietHalfway.table());
    assertThat(quietLater.wonCount()).isEqualTo(new Engine(quiet, latest).wonCount())
        .isGreaterThan(quietHalfway.wonCount());
    // an activity after every deal: only it tells the engines apart
    LocalDate lastDeal = ((dev.compsim.model.DealColumns) data.deals())
        .latestCloseOrImplementation();
    List<dev.compsim.model.Activity> busier = new ArrayList<>(data.activities());
    busier.add(new dev.compsim.model.Activity(data.deals().get(0).owner(), lastDeal.plusDays(3),
        "meeting", 4));
    DataSet active = new DataSet(data.deals(), data.reps(), data.partners(), busier,
        data.fxRates(), data.payments());
    Engine beforeActivity = new Engine(active, lastDeal).tabulated();
    Engine afterActivity = beforeActivity.at(active, lastDeal.plusDays(3));
    assertThat(afterActivity.table()).isNotSameAs(beforeActivity.table());
    assertThat(afterActivity.activities()).hasSize(beforeActivity.activities().size() + 1);
    for (Plan plan : plans()) {
      assertThat(afterActivity.sums(plan)).as(plan.name())
          .isEqualTo(new Engine(active, lastDeal.plusDays(3)).sums(plan));
      assertThat(later.sums(plan)).as(plan.name())
          .isEqualTo(new Engine(data, latest).sums(plan));
      assertThat(earlier.sums(plan)).as(plan.name()).isEqualTo(halfway.sums(plan));
      assertThat(quietLater.sums(plan)).as(plan.name())
          .isEqualTo(new Engine(quiet, latest).sums(plan));
    }
  }
}
