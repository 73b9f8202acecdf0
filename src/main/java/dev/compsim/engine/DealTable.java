package dev.compsim.engine;

import dev.compsim.model.Credit;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.Payment;
import dev.compsim.model.Payments;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An engine's won deals in pay order as columns, built once and shared by every plan: close
 * dates as epoch days, amounts as cents in each plan currency asked for, and two shapes per deal.
 *
 * <p>The per-deal rules read little of a deal besides its amount, dates and implementation:
 * <ul>
 *   <li>who is credited ({@link Recipients}) reads its <em>team</em>: owner, assists, whether it
 *       goes through its partner and the partner's channel manager;
 *   <li>credit per unit of amount ({@link Crediting}), the partner's margin ({@link PartnerTerms})
 *       and its rates ({@link PartnerPay}) read its <em>terms</em>: partner, partner role,
 *       partner-sourced, registered, partner discount and whether it names a partner seller.
 * </ul>
 * Deals of one team and one terms shape get the same answers, so a plan asks the rules once per
 * shape (a million generated deals have about 70,000 teams and 1,100 terms) rather than once per
 * deal. A rule that comes to read another field of the deal must add it to its shape:
 * {@code ColumnarDriftTest} compares the columnar engine with the ledger on generated data.
 */
public final class DealTable {
  /**
   * What {@link Recipients} reads of a deal: owner, assists, whether it goes through its partner,
   * and that partner's channel manager (not the partner itself, so deals of partners with one
   * manager share a team).
   */
  record Team(String owner, List<String> assists, boolean throughPartner, String manager) {
    /** Deal {@code row}'s team, read off its columns as {@link Deal} would answer. */
    static Team of(DealColumns deals, int row, Map<String, Partner> partners) {
      String id = deals.partner(row);
      Partner partner = id != null ? partners.get(id) : null;
      return new Team(deals.owner(row), deals.assists(row),
          Deal.throughPartner(id, deals.partnerRole(row)),
          partner == null ? null : partner.manager());
    }
  }

  /** What {@link Crediting}, {@link PartnerTerms} and {@link PartnerPay} read of a deal. */
  record Terms(String partner, PartnerRole partnerRole, boolean partnerSourced,
      boolean registered, BigDecimal partnerDiscount, boolean partnerSeller) {
    static Terms of(DealColumns deals, int row) {
      return new Terms(deals.partner(row), deals.partnerRole(row), deals.partnerSourced(row),
          deals.registered(row), deals.partnerDiscount(row),
          deals.partnerRep(row) != null && !deals.partnerRep(row).isBlank());
    }
  }

  /** The data's deals: won deal i in pay order is a row of them. */
  private final DealColumns columns;
  /** The row in the columns of won deal i in pay order. */
  private final int[] rows;
  /** The pay-order position of each row of the columns, or -1 for a deal not won by as-of. */
  private final int[] at;
  final int[] closeDay;
  /** The implementation outcome and its epoch day ({@link DealColumns#NO_DAY} when none). */
  final Implementation[] implementation;
  final int[] implementationDay;
  final int firstDay;
  final int lastDay;
  final int[] team;
  final int[] terms;
  /** The first deal of each shape: the one the rules are asked about. */
  /** The row in the columns of each team's first deal (the rules read only its team). */
  final int[] teamRow;
  final Deal[] termsDeal;
  /** Every rep of the data, and its index: payees are numbered by it. */
  final List<Rep> reps;
  final Map<String, Integer> repIndex = new HashMap<>();
  private final Map<String, long[]> cents = new ConcurrentHashMap<>();
  /** Who each team credits, by the credit rules of every rep's role: shared by plans alike. */
  final Map<List<Credit>, ColumnarEvaluation.Teams> teams = new ConcurrentHashMap<>();
  /** Who each team credits with which share, by the team rules of every rep's role. */
  final Map<List<Credit>, ColumnarEvaluation.Layout> layouts = new ConcurrentHashMap<>();

  DealTable(DealColumns columns, int[] rows, DataSet data) {
    this.columns = columns;
    this.rows = rows;
    reps = List.copyOf(data.reps().values());
    for (int r = 0; r < reps.size(); r++) {
      repIndex.put(reps.get(r).id(), r);
    }
    int n = rows.length;
    closeDay = new int[n];
    implementation = new Implementation[n];
    implementationDay = new int[n];
    team = new int[n];
    terms = new int[n];
    // each deal's shapes found by their fields' codes (Shapes), not a record a deal (a million
    // generated deals have about 70,000 teams and 1,100 terms)
    Shapes shapes = new Shapes(columns, data.partners());
    ShapeIndex teams = new ShapeIndex(1024);
    ShapeIndex termses = new ShapeIndex(64);
    int[] firstOfTeam = new int[1024];
    List<Deal> firstOfTerms = new ArrayList<>();
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    // in file order, the order of the columns: in pay order each field of each deal would be a
    // cache miss of its own (a million deals: 0.6 s against 0.3 s of CPU)
    at = new int[columns.size()];
    Arrays.fill(at, -1);
    for (int i = 0; i < n; i++) {
      at[rows[i]] = i;
    }
    for (int row = 0; row < at.length; row++) {
      int i = at[row];
      if (i < 0) {
        continue;
      }
      int day = columns.closeDay(row);
      closeDay[i] = day;
      implementation[i] = columns.implementation(row);
      implementationDay[i] = columns.implementationDay(row);
      lo = Math.min(lo, day);
      hi = Math.max(hi, day);
      int known = teams.size();
      int t = teams.indexOf(shapes.teamKey(row), shapes.teamRest(row));
      if (t == known) { // a new team: this is its first deal
        if (t == firstOfTeam.length) {
          firstOfTeam = Arrays.copyOf(firstOfTeam, t * 2);
        }
        firstOfTeam[t] = row;
      }
      team[i] = t;
      terms[i] = index(termses, shapes.termsKey(row), shapes.termsRest(row), firstOfTerms, row);
    }
    firstDay = n == 0 ? 0 : lo;
    lastDay = n == 0 ? -1 : hi;
    teamRow = Arrays.copyOf(firstOfTeam, teams.size());
    termsDeal = firstOfTerms.toArray(Deal[]::new);
  }

  private int index(ShapeIndex shapes, long key, long rest, List<Deal> first, int row) {
    int index = shapes.indexOf(key, rest);
    if (index == first.size()) {
      first.add(columns.get(row));
    }
    return index;
  }

  /**
   * A deal's {@link Team} and {@link Terms} as two longs each, from the codes of its fields
   * ({@link DealColumns#ownerCode} and the like): equal codes are equal values, so two deals'
   * keys are equal exactly when their records are ({@code DealTableShapesTest}), and a deal
   * costs no record, no string hash and no map entry. The partner's channel manager and whether
   * a partner seller is named are found once per partner and per seller.
   */
  static final class Shapes {
    private final DealColumns columns;
    private final Map<String, Partner> partners;
    /** By partner code: 1 + the manager's number (1 for none), 0 before it is looked up. */
    private final int[] managerOf;
    private final Map<String, Integer> managers = new HashMap<>();
    /** By partner seller code: 2 when named (not blank), 1 when not, 0 before it is looked at. */
    private final byte[] sellerOf;

    Shapes(DealColumns columns, Map<String, Partner> partners) {
      this.columns = columns;
      this.partners = partners;
      managerOf = new int[columns.codeCount()];
      sellerOf = new byte[columns.codeCount()];
    }

    /** Owner and assists. */
    long teamKey(int row) {
      return (long) columns.ownerCode(row) << 32 | columns.assistsCode(row);
    }

    /** The partner's channel manager, and whether the deal goes through its partner. */
    long teamRest(int row) {
      int partner = columns.partnerCode(row);
      int manager = managerOf[partner];
      if (manager == 0) {
        Partner known = partner == 0 ? null : partners.get(columns.partner(row));
        String name = known == null ? null : known.manager();
        manager = name == null ? 1 : managers.computeIfAbsent(name, k -> managers.size() + 2);
        managerOf[partner] = manager;
      }
      boolean through = Deal.throughPartner(columns.partner(row), columns.partnerRole(row));
      return (long) manager << 1 | (through ? 1 : 0);
    }

    /** Partner and partner discount. */
    long termsKey(int row) {
      return (long) columns.partnerCode(row) << 32 | columns.partnerDiscountCode(row);
    }

    /** Partner role, partner-sourced, registered, and whether a partner seller is named. */
    long termsRest(int row) {
      int rep = columns.partnerRepCode(row);
      byte seller = sellerOf[rep];
      if (seller == 0) {
        String name = columns.partnerRep(row);
        seller = (byte) (name != null && !name.isBlank() ? 2 : 1);
        sellerOf[rep] = seller;
      }
      PartnerRole role = columns.partnerRole(row);
      return (role == null ? 0 : role.ordinal() + 1L) << 4
          | (columns.partnerSourced(row) ? 8 : 0) | (columns.registered(row) ? 4 : 0) | seller;
    }
  }


  public int size() {
    return closeDay.length;
  }

  /** Won deal {@code i}'s amount in its own currency: the invoice its payments pay. */
  BigDecimal invoice(int i) {
    return columns.amount(rows[i]);
  }

  /** Won deal {@code i}'s payments in date order, found by its row where they can be. */
  List<Payment> payments(int i, Payments payments) {
    return payments.forRow(columns, rows[i]);
  }

  /** The payments as days and cents, by row ({@link Payments#cents}); null when not by row. */
  Payments.Cents paymentCents(Payments payments) {
    return payments.cents(columns);
  }

  /** Won deal {@code i}'s row in the deals, as {@link #paymentCents} numbers them. */
  int row(int i) {
    return rows[i];
  }

  /** {@link #invoice} in cents, or {@link DealColumns#NOT_CENTS}. */
  long invoiceCents(int i) {
    return columns.cents(rows[i]);
  }

  LocalDate closeDate(int i) {
    return columns.closeDate(rows[i]);
  }

  /** The data's deals, of which the table's deals are rows. */
  DealColumns columns() {
    return columns;
  }

  public int teams() {
    return teamRow.length;
  }

  public int termsShapes() {
    return termsDeal.length;
  }

  /**
   * Each deal's amount in the plan's currency ({@link Engine#amountIn}), in cents; null when an
   * amount is not a whole number of cents or does not fit a long, which only the decimal ledger
   * can price. Computed once per currency.
   */
  long[] centsIn(Engine engine, Plan plan) {
    long[] known = cents.get(plan.currency());
    if (known != null) {
      return known.length == size() ? known : null;
    }
    long[] column = new long[size()];
    byte[] converts = new byte[columns.codeCount()]; // by currency code: 1 no, 2 yes, 0 unasked
    for (int row = 0; row < at.length; row++) { // file order, as above
      int i = at[row];
      if (i < 0) {
        continue;
      }
      int currency = columns.currencyCode(row);
      if (converts[currency] == 0) {
        converts[currency] = (byte) (Engine.converts(plan.currency(), columns.currency(row))
            ? 2 : 1);
      }
      // an amount the plan takes as it is: its cents straight from the column's digits, when
      // they are whole cents (else, and for a converted amount, through the decimal)
      long value = converts[currency] == 2 ? DealColumns.NOT_CENTS : columns.cents(row);
      if (value == DealColumns.NOT_CENTS) {
        // the table's columns are the engine's
        value = DealColumns.centsOf(engine.amountIn(plan, row));
      }
      if (value != NOT_CENTS && Math.abs(value) >= (1L << 47)) {
        value = NOT_CENTS;
      }
      if (value == NOT_CENTS) {
        column = new long[0];
        break;
      }
      column[i] = value;
    }
    cents.put(plan.currency(), column);
    return column.length == size() ? column : null;
  }

  /** Not a whole number of cents within 2^47 (1.4 trillion): products with rates could overflow. */
  private static final long NOT_CENTS = DealColumns.NOT_CENTS;
}
