package dev.compsim.testing;

import dev.compsim.io.PlanReader;
import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.Payment;
import dev.compsim.model.Payments;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small data sets and plans for tests, written the way a person would describe them. */
public final class TestData {
  private final List<Deal> deals = new ArrayList<>();
  private final Map<String, Rep> reps = new LinkedHashMap<>();
  private final Map<String, Partner> partners = new LinkedHashMap<>();
  private final List<Activity> activities = new ArrayList<>();
  private final Map<String, BigDecimal> fx = new LinkedHashMap<>();
  private List<Payment> payments; // null: no payments.csv

  public static TestData data() {
    return new TestData();
  }

  public TestData rep(String id, String role, long quota) {
    reps.put(id, new Rep(id, id, role, null, BigDecimal.valueOf(quota),
        BigDecimal.valueOf(quota / 5)));
    return this;
  }

  public TestData partner(String id, String type, String manager) {
    partners.put(id, new Partner(id, id, type, null, 0, false, false, null, manager));
    return this;
  }

  public TestData partner(Partner partner) {
    partners.put(partner.id(), partner);
    return this;
  }

  public TestData deal(Deal deal) {
    deals.add(deal);
    return this;
  }

  /** A won direct deal. */
  public TestData won(String id, String owner, String close, long amount) {
    return deal(Deal.direct(id, owner, LocalDate.parse(close), BigDecimal.valueOf(amount)));
  }

  /** A won deal through {@code partner} as {@code role}. */
  public TestData partnerDeal(String id, String owner, String close, long amount, String partner,
      PartnerRole role, boolean registered) {
    return deal(new Deal(id, owner, LocalDate.parse(close), BigDecimal.valueOf(amount), Stage.WON,
        null, partner, role, false, registered, null, null, List.of(), Implementation.PENDING,
        null, null, null, null));
  }

  public TestData assisted(String id, String owner, String close, long amount,
      String... assists) {
    return deal(Deal.direct(id, owner, LocalDate.parse(close), BigDecimal.valueOf(amount))
        .withAssists(Arrays.asList(assists)));
  }

  public TestData implemented(String id, String owner, String close, long amount,
      Implementation outcome, String on) {
    return deal(Deal.direct(id, owner, LocalDate.parse(close), BigDecimal.valueOf(amount))
        .withImplementation(outcome, on == null ? null : LocalDate.parse(on)));
  }

  public TestData activity(String rep, String date, String activity, int count) {
    activities.add(new Activity(rep, LocalDate.parse(date), activity, count));
    return this;
  }

  public TestData fx(String currency, String rate) {
    fx.put(currency, new BigDecimal(rate));
    return this;
  }

  /** A customer payment against a deal (a line of payments.csv); negative for a refund. */
  public TestData payment(String deal, String date, String amount) {
    payments().payments.add(new Payment(deal, LocalDate.parse(date), new BigDecimal(amount)));
    return this;
  }

  /** A payments.csv, so far without lines. */
  public TestData payments() {
    if (payments == null) {
      payments = new ArrayList<>();
    }
    return this;
  }

  public DataSet build() {
    return new DataSet(deals, reps, partners, activities, fx,
        payments == null ? Payments.NONE : Payments.of(payments));
  }

  /** Reads a plan written inline, as a user would write the file. */
  public static Plan plan(String yaml) {
    try {
      Path file = Files.createTempFile("plan", ".yaml");
      try {
        Files.writeString(file, yaml);
        return new PlanReader().read(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The design's standard tiers on a quarterly plan with a February fiscal year. */
  public static String basePlan(String name, String extra) {
    return "name: " + name + "\n"
        + "fiscal_year_start: 02-01\n"
        + "period: quarter\n"
        + "commission:\n"
        + "  tiers:\n"
        + "    - { to: 0.5, rate: 0.04 }\n"
        + "    - { to: 1.0, rate: 0.09 }\n"
        + "    - { rate: 0.14 }\n"
        + extra;
  }
}
