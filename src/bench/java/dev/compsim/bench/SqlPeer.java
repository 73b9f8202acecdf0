package dev.compsim.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The peer of {@code scripts/bench}: the same plan variants that {@code compsim run} is timed on,
 * computed in SQL by DuckDB (in memory, every core) from the same CSV files.
 *
 * <p>{@code SqlPeer plans DIR} writes the {@value #VARIANTS} plan files (a simplified traditional
 * plan whose variants differ in their AE commission rates and holdback share) for compsim.
 * {@code SqlPeer run DATA_DIR} computes them in SQL and prints one line per variant:
 * {@code variant <name> | rep cost <x> | channel cost <y> | forfeited <z>}, the same figures as
 * compsim's terminal summary. What the SQL computes, and where it is simpler than compsim, is in
 * docs/bench.md.
 */
public final class SqlPeer {
  static final int VARIANTS = 10;
  /** AE tier bounds, as fractions of the period quota; SE and CM have one bound at 1.0. */
  private static final String AE_BOUNDS = "0.5, 1.0";

  private SqlPeer() {}

  /** One variant: the AE tier rates and the holdback share. */
  record Variant(String name, BigDecimal r1, BigDecimal r2, BigDecimal r3, BigDecimal hold) {
    static Variant of(int i) {
      BigDecimal step = new BigDecimal("0.005").multiply(BigDecimal.valueOf(i));
      return new Variant("SQL peer " + i, new BigDecimal("0.04").add(step),
          new BigDecimal("0.09").add(step), new BigDecimal("0.14").add(step),
          new BigDecimal("0.30").subtract(new BigDecimal("0.02").multiply(BigDecimal.valueOf(i))));
    }

    String yaml() {
      return String.join("\n",
          "# written by dev.compsim.bench.SqlPeer for scripts/bench: the plan its SQL computes",
          "name: " + name,
          "currency: USD",
          "fiscal_year_start: 02-01",
          "period: quarter",
          "credit: { partner_basis: net, team: split, assist_share: 0.25, channel_manager: false }",
          "commission:",
          "  tiers:",
          "    - { to: 0.5, rate: " + r1.toPlainString() + " }",
          "    - { to: 1.0, rate: " + r2.toPlainString() + " }",
          "    - { rate: " + r3.toPlainString() + " }",
          "roles:",
          "  SE: { commission: { tiers: [ { to: 1.0, rate: 0.05 }, { rate: 0.07 } ] } }",
          "  CM: { commission: { tiers: [ { to: 1.0, rate: 0.03 }, { rate: 0.045 } ] } }",
          "holdback: { share: " + hold.toPlainString()
              + ", release: implementation, horizon_days: 270 }",
          "partners:",
          "  margin: { VAR: 0.25, MSSP: 0.30, SI: 0.15, referral: 0 }",
          "  registration_bonus: 0.05",
          "  referral_fee: 0.10",
          "");
    }
  }

  public static void main(String[] args) throws IOException, SQLException {
    if (args.length == 2 && args[0].equals("plans")) {
      Path dir = Path.of(args[1]);
      Files.createDirectories(dir);
      for (int i = 0; i < VARIANTS; i++) {
        Files.writeString(dir.resolve("sql-peer-" + i + ".yaml"), Variant.of(i).yaml(),
            StandardCharsets.UTF_8);
      }
      return;
    }
    if (args.length != 2 || !args[0].equals("run")) {
      throw new IllegalArgumentException("usage: SqlPeer plans DIR | SqlPeer run DATA_DIR");
    }
    run(Path.of(args[1]));
  }

  private static void run(Path data) throws SQLException {
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = connection.createStatement()) {
      long connected = System.nanoTime();
      for (String statement : statements(data)) {
        sql.execute(statement);
      }
      long loaded = System.nanoTime();
      String dump = System.getProperty("dump");
      if (dump != null) { // each line of the first variant, to compare with compsim's ledger
        sql.execute("COPY (" + lines() + " SELECT * FROM held WHERE variant = 0 ORDER BY deal_id, rep)"
            + " TO " + csv(Path.of(dump)));
      }
      List<String> lines = new ArrayList<>();
      try (ResultSet rows = sql.executeQuery(totals())) {
        while (rows.next()) {
          lines.add(String.format(Locale.ROOT,
              "variant %s | rep cost %s | channel cost %s | forfeited %s",
              rows.getString(1), rows.getBigDecimal(2).toPlainString(),
              rows.getBigDecimal(3).toPlainString(), rows.getBigDecimal(4).toPlainString()));
        }
      }
      long done = System.nanoTime();
      lines.forEach(System.out::println);
      System.out.printf(Locale.ROOT, "duckdb: %.2f s start, %.2f s read and credit, "
              + "%.2f s %d variants%n", (connected - start) / 1e9, (loaded - connected) / 1e9,
          (done - loaded) / 1e9, VARIANTS);
    }
  }

  private static String csv(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /** Reading the files and crediting each deal to its recipients: the same for every variant. */
  private static List<String> statements(Path data) {
    List<String> s = new ArrayList<>();
    // half-even to the cent, as compsim rounds each ledger line (DuckDB's round is half-up)
    s.add("CREATE MACRO cents(x) AS CAST(CASE WHEN x * 100 - floor(x * 100) = 0.5"
        + " AND CAST(floor(x * 100) AS HUGEINT) % 2 = 0 THEN floor(x * 100) * 0.01"
        + " ELSE round(x, 2) END AS DECIMAL(38, 2))");
    s.add("CREATE TABLE reps AS SELECT rep_id, coalesce(role, 'AE') AS role,"
        + " CAST(CAST(quota AS DECIMAL(20, 4)) * 0.25 AS DECIMAL(24, 8)) AS q FROM read_csv(" + csv(data.resolve("reps.csv"))
        + ", header = true, all_varchar = true)");
    s.add("CREATE TABLE partners AS SELECT partner_id, type FROM read_csv("
        + csv(data.resolve("partners.csv")) + ", header = true, all_varchar = true)");
    s.add("CREATE TABLE deals AS SELECT deal_id, owner, close_date, amount,"
        + " coalesce(stage, 'won') AS stage, partner,"
        + " CASE WHEN partner IS NULL THEN NULL ELSE coalesce(partner_role, 'resell') END AS prole,"
        + " coalesce(registered, false) AS registered, partner_discount,"
        + " CASE WHEN assists IS NULL OR assists = '' THEN []::VARCHAR[]"
        + " ELSE string_split(assists, ';') END AS assists,"
        + " coalesce(implementation, 'pending') AS implementation, implementation_date"
        + " FROM read_csv(" + csv(data.resolve("deals.csv")) + ", header = true, columns = {"
        + "'deal_id': 'VARCHAR', 'owner': 'VARCHAR', 'close_date': 'DATE',"
        + " 'amount': 'DECIMAL(18, 2)', 'stage': 'VARCHAR', 'currency': 'VARCHAR',"
        + " 'partner': 'VARCHAR', 'partner_role': 'VARCHAR', 'sourced_by': 'VARCHAR',"
        + " 'registered': 'BOOLEAN', 'partner_discount': 'DECIMAL(9, 4)',"
        + " 'partner_rep': 'VARCHAR', 'assists': 'VARCHAR', 'implementation': 'VARCHAR',"
        + " 'implementation_date': 'DATE', 'territory': 'VARCHAR', 'product': 'VARCHAR',"
        + " 'created_date': 'DATE'})");
    // what is known: compsim's default --as-of, the latest date in the data
    Path activities = data.resolve("activities.csv");
    String activityDate = Files.exists(activities)
        ? "(SELECT max(CAST(date AS DATE)) FROM read_csv(" + csv(activities)
            + ", header = true, all_varchar = true))"
        : "NULL";
    s.add("CREATE TABLE known AS SELECT greatest(max(close_date), max(implementation_date), "
        + activityDate + ") AS as_of FROM deals");
    // won deals with their partner margin and credit basis (net on partner deals)
    s.add("CREATE TABLE won AS SELECT d.deal_id, d.owner, d.close_date, d.amount, d.prole,"
        + " d.assists, m.margin,"
        + " CASE WHEN d.prole IN ('resell', 'referral') AND m.margin <> 0"
        + " THEN d.amount - d.amount * m.margin ELSE d.amount END AS basis,"
        // the holdback's fate: released on a confirmed implementation, forfeited on a failed one
        // or after the 270-day horizon, else still held
        + " CASE WHEN i.impl = 'confirmed' AND d.implementation_date <= d.close_date + 270"
        + " THEN 'released' WHEN i.impl IN ('confirmed', 'failed') THEN 'forfeited'"
        + " WHEN d.close_date + 270 <= k.as_of THEN 'forfeited' ELSE 'held' END AS fate"
        + " FROM deals d CROSS JOIN known k LEFT JOIN partners p ON d.partner = p.partner_id,"
        + " LATERAL (SELECT CASE WHEN d.implementation_date IS NULL"
        + " OR d.implementation_date > k.as_of THEN 'pending' ELSE d.implementation END AS impl) i,"
        + " LATERAL (SELECT CAST(CASE WHEN d.prole IS DISTINCT FROM 'resell' THEN 0"
        + " WHEN d.partner_discount IS NOT NULL THEN d.partner_discount"
        + " ELSE CASE p.type WHEN 'VAR' THEN 0.25 WHEN 'MSSP' THEN 0.30 WHEN 'SI' THEN 0.15"
        + " ELSE 0 END + CASE WHEN d.registered THEN 0.05 ELSE 0 END END AS DECIMAL(9, 4))"
        + " AS margin) m"
        + " WHERE d.stage = 'won' AND d.close_date <= k.as_of");
    // one row per recipient: the owner (less the assists' shares) and each assist (a quarter);
    // attainment is cumulative credit in the fiscal quarter (the year starts on 1 February), in
    // close-date then deal order, as compsim pays
    s.add("CREATE TABLE credited AS WITH recipients AS ("
        + " SELECT deal_id, close_date, owner AS rep, 0 AS ord,"
        + " basis * (1 - 0.25 * len(assists)) AS credit, fate FROM won"
        + " UNION ALL SELECT deal_id, close_date, unnest(assists) AS rep,"
        + " generate_subscripts(assists, 1) AS ord, basis * 0.25 AS credit, fate FROM won"
        + " WHERE len(assists) > 0)"
        + " SELECT r.deal_id, r.rep, reps.role, reps.q, r.fate, CAST(r.credit AS DECIMAL(24, 8)) AS credit,"
        + " CAST(sum(r.credit) OVER ("
        + " PARTITION BY r.rep, date_trunc('quarter', r.close_date - INTERVAL 1 MONTH)"
        + " ORDER BY r.close_date, r.deal_id, r.ord ROWS UNBOUNDED PRECEDING) AS DECIMAL(24, 8)) AS after"
        + " FROM recipients r JOIN reps ON r.rep = reps.rep_id");
    s.add("CREATE TABLE channel AS SELECT"
        + " coalesce(sum(CASE WHEN prole = 'resell' AND margin <> 0 THEN cents(amount * margin)"
        + " WHEN prole = 'referral' THEN cents(amount * 0.10) ELSE 0 END), 0) AS cost FROM won");
    // the variants: tier bounds and rates per role, the holdback share
    StringBuilder rates = new StringBuilder("CREATE TABLE rates AS SELECT * FROM (VALUES ");
    for (int i = 0; i < VARIANTS; i++) {
      Variant v = Variant.of(i);
      String hold = v.hold().toPlainString();
      rates.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
          "(%d, '%s', 'AE', %s, %s, %s, %s, %s), (%d, '%s', 'SE', 1.0, 1.0, 0.05, 0, 0.07, %s),"
              + " (%d, '%s', 'CM', 1.0, 1.0, 0.03, 0, 0.045, %s)",
          i, v.name(), AE_BOUNDS, v.r1(), v.r2(), v.r3(), hold, i, v.name(), hold, i, v.name(),
          hold));
    }
    rates.append(") AS t(variant, name, role, b1, b2, r1, r2, r3, hold)");
    // decimal types that keep every product exact (a division, or a product past 38 digits,
    // would turn DuckDB's arithmetic to DOUBLE)
    rates.insert(rates.indexOf("SELECT * FROM"), "SELECT variant, name, role,"
        + " CAST(b1 AS DECIMAL(4, 2)) AS b1, CAST(b2 AS DECIMAL(4, 2)) AS b2,"
        + " CAST(r1 AS DECIMAL(6, 4)) AS r1, CAST(r2 AS DECIMAL(6, 4)) AS r2,"
        + " CAST(r3 AS DECIMAL(6, 4)) AS r3, CAST(hold AS DECIMAL(6, 4)) AS hold FROM (");
    rates.append(")");
    s.add(rates.toString());
    return s;
  }

  /**
   * Per variant: each recipient's commission is T(after) − T(before) rounded to the cent, T the
   * marginal tiers on the period credit; the held part is share × commission rounded; cost is
   * all but the forfeited held part.
   */
  private static String totals() {
    return lines() + " SELECT name, sum(earned) - sum(CASE WHEN fate = 'forfeited' THEN held ELSE 0 END),"
        + " (SELECT cost FROM channel), sum(CASE WHEN fate = 'forfeited' THEN held ELSE 0 END)"
        + " FROM held GROUP BY variant, name ORDER BY variant";
  }

  /** The ledger lines of commission, as common table expressions, ending in {@code held}. */
  private static String lines() {
    String t = "(r.r1 * least(%1$s, r.b1 * c.q) + r.r2 * greatest(0, least(%1$s, r.b2 * c.q)"
        + " - r.b1 * c.q) + r.r3 * greatest(0, %1$s - r.b2 * c.q))";
    return "WITH lines AS (SELECT r.variant, r.name, c.deal_id, c.rep, c.fate, cents("
        + String.format(Locale.ROOT, t, "c.after") + " - "
        + String.format(Locale.ROOT, t, "(c.after - c.credit)") + ") AS earned, r.hold"
        + " FROM credited c JOIN rates r ON c.role = r.role),"
        + " held AS (SELECT variant, name, deal_id, rep, fate, earned,"
        + " CASE WHEN earned > 0 THEN cents(earned * hold) ELSE 0 END AS held FROM lines)";
  }
}
