package dev.compsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.generate.DataGenerator;
import dev.compsim.generate.GeneratorSettings;
import dev.compsim.io.DataFiles;
import dev.compsim.io.DataReader;
import dev.compsim.io.PlanReader;
import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Partner;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.testing.Golden;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every plan in plans/ on sample-data/ and on two small generated data sets: the ledger summed by
 * plan, payee kind, component and status, with the number of lines and a digest of every line
 * (all columns but the trace), against {@code golden/ledger-sums.csv}. It was written from the
 * engine before the rules were gathered into one place, so that refactoring the rules cannot move
 * a cent unseen. After an intended change of the money, rewrite it with
 * {@code mvn -B -q test -Dtest=LedgerGoldenSumsTest -Dgolden.update=true} and review the diff.
 */
public class LedgerGoldenSumsTest {

  @Test
  void everyPlanOnEveryDataSetSumsAsBefore() throws IOException {
    List<Plan> plans = new ArrayList<>();
    for (Path file : planFiles()) {
      plans.add(new PlanReader().read(file));
    }
    Map<String, DataSet> sets = new LinkedHashMap<>();
    sets.put("sample-data", new DataReader().read(DataFiles.inDirectory(Path.of("sample-data")))
        .data());
    sets.put("generated-600-12-6-seed11", generated(600, 12, 6, 11));
    sets.put("generated-300-5-3-seed23", generated(300, 5, 3, 23));

    StringBuilder out = new StringBuilder(
        "data,plan,payee_kind,component,status,lines,amount\n");
    for (Map.Entry<String, DataSet> set : sets.entrySet()) {
      assertThat(Consistency.check(set.getValue())).as("problems of %s", set.getKey()).isEmpty();
      Engine engine = Engine.latest(set.getValue());
      for (Plan plan : plans) {
        assertThat(Consistency.check(plan, set.getValue()))
            .as("problems of %s on %s", plan.name(), set.getKey()).isEmpty();
        out.append(sums(set.getKey(), plan, engine.ledger(plan)));
      }
    }
    Golden.assertMatches("ledger-sums.csv", out.toString());
  }

  /** A generated data set, in memory: what {@code compsim generate} would write. */
  public static DataSet generated(long deals, int reps, int partners, long seed) {
    DataGenerator generator = new DataGenerator(
        GeneratorSettings.of(deals, reps, partners, seed, null, null));
    Map<String, Rep> repMap = new LinkedHashMap<>();
    generator.reps().forEach(r -> repMap.put(r.id(), r));
    Map<String, Partner> partnerMap = new LinkedHashMap<>();
    generator.partners().forEach(p -> partnerMap.put(p.id(), p));
    List<Deal> dealList = new ArrayList<>();
    List<dev.compsim.model.Payment> payments = new ArrayList<>();
    var paying = generator.payments(payments::add);
    generator.deals(deal -> {
      dealList.add(deal);
      paying.accept(deal);
    });
    List<Activity> activities = new ArrayList<>();
    generator.activities(activities::add);
    return new DataSet(dealList, repMap, partnerMap, activities, Map.of(),
        dev.compsim.model.Payments.of(payments));
  }

  static List<Path> planFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("plans"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static String sums(String data, Plan plan, Ledger ledger) {
    record Key(PayeeKind kind, Component component, Status status) {}
    Map<String, BigDecimal> amounts = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    MessageDigest digest = sha256();
    for (LedgerLine line : ledger.lines()) {
      String key = line.payeeKind().code() + "," + line.component().code() + ","
          + line.status().code();
      amounts.merge(key, line.amount(), BigDecimal::add);
      counts.merge(key, 1, Integer::sum);
      digest.update((line.payee() + '|' + line.payeeKind() + '|' + line.component() + '|'
          + line.dealId() + '|' + line.period() + '|' + line.status() + '|' + line.amount() + '|'
          + line.payDate() + '\n').getBytes(StandardCharsets.UTF_8));
    }
    StringBuilder out = new StringBuilder();
    String prefix = data + "," + plan.name() + ",";
    amounts.forEach((key, amount) -> out.append(prefix).append(key).append(',')
        .append(counts.get(key)).append(',').append(amount.toPlainString()).append('\n'));
    out.append(prefix).append("*,*,*,").append(ledger.lines().size()).append(",sha256:")
        .append(HexFormat.of().formatHex(digest.digest()), 0, 16)
        .append('\n');
    return out.toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
