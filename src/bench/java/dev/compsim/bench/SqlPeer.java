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
 * compsim's terminal summary, and a last line with the time of its phases. What the SQL
 * computes, and where it is simpler than compsim, is in docs/bench.md.
 *
 * <p>Money is exact, as in compsim, and kept in 64-bit integers: credit in units of 10^-8, rates
 * in 10^-4, commission in cents, rounded half-even once per ledger line as compsim rounds
 * (a first version in 38-digit decimals, with half-even written around DuckDB's half-up
 * {@code round}, took 28 s on a million deals where this takes 4.5). With
 * {@code -Dverbose=true} it times each statement; with {@code -Ddump=FILE} it also writes the
 * lines of the first variant (deal, rep, commission and held part in cents), to compare with
 * compsim's ledger.
 */
public final class SqlPeer {
  static final int VARIANTS = 10;

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
      boolean verbose = Boolean.getBoolean("verbose");
      for (String statement : statements(data)) {
        long before = System.nanoTime();
        sql.execute(statement);
        if (verbose) {
          System.out.printf(Locale.ROOT, "%6.2f s  %s%n", (System.nanoTime() - before) / 1e9,
              statement.substring(0, Math.min(60, statement.length())));
        }
      }
      long credited = System.nanoTime();
      List<String> lines = new ArrayList<>();
      try (ResultSet rows = sql.executeQuery(LINES + " SELECT name, sum(earned) - sum(lost),"
          + " (SELECT cost FROM channel), sum(lost) FROM held GROUP BY variant, name"
          + " ORDER BY variant")) {
        while (rows.next()) {
          lines.add("variant " + rows.getString(1) + " | rep cost " + money(rows.getString(2))
              + " | channel cost " + money(rows.getString(3)) + " | forfeited "
              + money(rows.getString(4)));
        }
      }
      long done = System.nanoTime();
      lines.forEach(System.out::println);
      System.out.printf(Locale.ROOT, "duckdb: %.2f s start, %.2f s read and credit, "
              + "%.2f s %d variants%n", (connected - start) / 1e9, (credited - connected) / 1e9,
          (done - credited) / 1e9, VARIANTS);
      String dump = System.getProperty("dump");
      if (dump != null) {
        sql.execute("COPY (" + LINES + " SELECT deal_id, rep, fate, earned, held FROM held"
            + " WHERE variant = 0 ORDER BY deal_id, rep) TO " + quoted(Path.of(dump)));
      }
    }
  }

  /** Whole cents (an integer, as text) as a decimal. */
  private static String money(String cents) {
    return new BigDecimal(cents).movePointLeft(2).toPlainString();
  }

  private static String quoted(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /** Reading the files and crediting each deal to its recipients: the same for every variant. */
  private static List<String> statements(Path data) {
    List<String> s = new ArrayList<>();
    // n / d rounded half-even, for integers n >= 0 and d > 0
    s.add("CREATE MACRO half_even(n, d) AS n // d + CASE WHEN n % d * 2 > d"
        + " OR (n % d * 2 = d AND n // d % 2 = 1) THEN 1 ELSE 0 END");
    s.add("CREATE TABLE reps AS SELECT rep_id,"
        // roles the plan does not name are paid by its main rules, the AE's
        + " CASE WHEN role IN ('SE', 'CM') THEN role ELSE 'AE' END AS role,"
        // the period quota (a quarter of the annual) in units of 10^-8
        + " CAST(CAST(quota AS DECIMAL(18, 2)) * 100 AS BIGINT) * 25000000 // 100 AS q"
        + " FROM read_csv(" + quoted(data.resolve("reps.csv"))
        + ", header = true, all_varchar = true)");
    s.add("CREATE TABLE partners AS SELECT partner_id, type FROM read_csv("
        + quoted(data.resolve("partners.csv")) + ", header = true, all_varchar = true)");
    s.add("CREATE TABLE deals AS SELECT deal_id, owner, close_date, amount,"
        + " coalesce(stage, 'won') AS stage, partner,"
        + " CASE WHEN partner IS NULL THEN NULL ELSE coalesce(partner_role, 'resell') END AS prole,"
        + " coalesce(registered, false) AS registered, partner_discount,"
        + " CASE WHEN assists IS NULL OR assists = '' THEN []::VARCHAR[]"
        + " ELSE string_split(assists, ';') END AS assists,"
        + " coalesce(implementation, 'pending') AS implementation, implementation_date"
        + " FROM read_csv(" + quoted(data.resolve("deals.csv")) + ", header = true, columns = {"
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
        ? "(SELECT max(CAST(date AS DATE)) FROM read_csv(" + quoted(activities)
            + ", header = true, all_varchar = true))"
        : "NULL";
    s.add("CREATE TABLE known AS SELECT greatest(max(close_date), max(implementation_date), "
        + activityDate + ") AS as_of FROM deals");
    // won deals with their amount in cents and partner margin in 10^-4 (zero but on resold
    // deals), so the credit, amount x (1 - margin) x share, is exact in integers
    s.add("CREATE TABLE won AS SELECT d.deal_id, d.owner, d.close_date, d.prole, d.assists,"
        + " CAST(d.amount * 100 AS BIGINT) AS amount_cents,"
        + " CAST(m.margin * 10000 AS BIGINT) AS margin_units,"
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
    // close-date then deal order, as compsim pays; credit in units of 10^-8 (cents x 10^-4
    // margin x quarters of a share), every sum within 64 bits
    s.add("CREATE TABLE credited AS WITH recipients AS ("
        + " SELECT deal_id, close_date, owner AS rep, 0 AS ord,"
        + " amount_cents * (10000 - margin_units) * 25 * (4 - len(assists)) AS credit, fate"
        + " FROM won"
        + " UNION ALL SELECT deal_id, close_date, unnest(assists) AS rep,"
        + " generate_subscripts(assists, 1) AS ord,"
        + " amount_cents * (10000 - margin_units) * 25 AS credit, fate FROM won"
        + " WHERE len(assists) > 0),"
        + " cumulative AS (SELECT r.deal_id, r.rep, reps.role, reps.q, r.fate, r.credit,"
        + " CAST(sum(r.credit) OVER ("
        + " PARTITION BY r.rep, date_trunc('quarter', r.close_date - INTERVAL 1 MONTH)"
        + " ORDER BY r.close_date, r.deal_id, r.ord ROWS UNBOUNDED PRECEDING)"
        + " AS BIGINT) AS after FROM recipients r JOIN reps ON r.rep = reps.rep_id),"
        // the credit the row adds inside each tier: the same for every variant, whose rates
        // differ but not its bounds (AE: 50% and 100% of the period quota; SE and CM: 100%)
        + " bounded AS (SELECT c.*, c.after - c.credit AS before,"
        + " CASE WHEN c.role = 'AE' THEN c.q // 2 ELSE c.q END AS lo, c.q AS hi"
        + " FROM cumulative c)"
        + " SELECT deal_id, rep, role, fate, least(after, lo) - least(before, lo) AS d1,"
        + " greatest(0, least(after, hi) - lo) - greatest(0, least(before, hi) - lo) AS d2,"
        + " greatest(0, after - hi) - greatest(0, before - hi) AS d3 FROM bounded");
    // the partners' lines, in cents: margin on resold deals, the 10% fee on referrals
    s.add("CREATE TABLE channel AS SELECT coalesce(sum(CASE"
        + " WHEN prole = 'resell' AND margin_units <> 0"
        + " THEN half_even(amount_cents * margin_units, 10000)"
        + " WHEN prole = 'referral' THEN half_even(amount_cents * 1000, 10000) ELSE 0 END), 0)"
        + " AS cost FROM won");
    // the variants: rates per role and the holdback share, in units of 10^-4
    StringBuilder rates = new StringBuilder("CREATE TABLE rates AS SELECT * FROM (VALUES ");
    for (int i = 0; i < VARIANTS; i++) {
      Variant v = Variant.of(i);
      long hold = units(v.hold());
      rates.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
          "(%d, '%s', 'AE', %d, %d, %d, %d), (%d, '%s', 'SE', 500, 0, 700, %d),"
              + " (%d, '%s', 'CM', 300, 0, 450, %d)",
          i, v.name(), units(v.r1()), units(v.r2()), units(v.r3()), hold, i, v.name(), hold, i,
          v.name(), hold));
    }
    rates.append(") AS t(variant, name, role, r1, r2, r3, hold)");
    s.add(rates.toString());
    return s;
  }

  private static long units(BigDecimal rate) {
    return rate.movePointRight(4).longValueExact();
  }

  /**
   * Per variant and recipient row, in cents: the commission is the sum over the tiers of rate x
   * credit added in the tier (T(after) − T(before) of the marginal tiers), rounded half-even; the
   * held part is share x commission, rounded half-even; {@code lost} is the held part when the
   * holdback is forfeited, which is not cost. With credit in 10^-8 and rates in 10^-4, a cent is
   * 10^10 units: each credit is split at 10^10 so that every product fits in 64 bits.
   */
  private static final String LINES = "WITH lines AS (SELECT r.variant, r.name, c.deal_id, c.rep,"
      + " c.fate, r.hold,"
      + " r.r1 * (c.d1 // 10000000000) + r.r2 * (c.d2 // 10000000000)"
      + " + r.r3 * (c.d3 // 10000000000) AS whole,"
      + " r.r1 * (c.d1 % 10000000000) + r.r2 * (c.d2 % 10000000000)"
      + " + r.r3 * (c.d3 % 10000000000) AS part"
      + " FROM credited c JOIN rates r ON c.role = r.role),"
      + " earned AS (SELECT variant, name, deal_id, rep, fate, hold, whole + part // 10000000000"
      + " + CASE WHEN part % 10000000000 * 2 > 10000000000 OR (part % 10000000000 * 2"
      + " = 10000000000 AND (whole + part // 10000000000) % 2 = 1) THEN 1 ELSE 0 END AS earned"
      + " FROM lines),"
      + " held AS (SELECT *, CASE WHEN earned > 0 THEN half_even(earned * hold, 10000) ELSE 0 END"
      + " AS held, CASE WHEN fate = 'forfeited' AND earned > 0"
      + " THEN half_even(earned * hold, 10000) ELSE 0 END AS lost FROM earned)";
}
