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
import java.util.Objects;
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
    // hash and equality written out: a record's generated ones go through method handles,
    // which the C1 compiler run uses on a million deals (scripts/compsim) does not inline
    @Override
    public int hashCode() {
      int h = Objects.hashCode(owner) * 31 + Objects.hashCode(assists);
      h = (h * 31 + Objects.hashCode(manager)) * 31 + (throughPartner ? 1 : 0);
      return h ^ (h >>> 16);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Team t && throughPartner == t.throughPartner
          && Objects.equals(owner, t.owner) && Objects.equals(manager, t.manager)
          && Objects.equals(assists, t.assists);
    }

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
    // written out, as Team's
    @Override
    public int hashCode() {
      int h = Objects.hashCode(partner) * 31 + Objects.hashCode(partnerRole);
      h = h * 31 + Objects.hashCode(partnerDiscount);
      h = h * 8 + (partnerSourced ? 4 : 0) + (registered ? 2 : 0) + (partnerSeller ? 1 : 0);
      return h ^ (h >>> 16);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Terms t && partnerRole == t.partnerRole
          && partnerSourced == t.partnerSourced && registered == t.registered
          && partnerSeller == t.partnerSeller && Objects.equals(partner, t.partner)
          && Objects.equals(partnerDiscount, t.partnerDiscount);
    }

    /** The terms of a deal with no partner, no discount and no partner seller. */
    private static final Terms NONE = new Terms(null, null, false, false, null, false);

    static Terms of(DealColumns deals, int row) {
      String partner = deals.partner(row);
      PartnerRole role = deals.partnerRole(row);
      boolean sourced = deals.partnerSourced(row);
      boolean registered = deals.registered(row);
      BigDecimal discount = deals.partnerDiscount(row);
      boolean seller = deals.partnerRep(row) != null && !deals.partnerRep(row).isBlank();
      // most deals are direct: one record for all of them rather than one each
      return partner == null && role == null && !sourced && !registered && discount == null
          && !seller ? NONE : new Terms(partner, role, sourced, registered, discount, seller);
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
  final Deal[] teamDeal;
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
    // sized for a team per three deals (a million generated deals have about 70,000 teams): the
    // map is not rehashed as it grows
    Map<Team, Integer> teams = new HashMap<>(Math.max(16, n / 3));
    Map<Terms, Integer> termses = new HashMap<>();
    List<Deal> firstOfTeam = new ArrayList<>();
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
      team[i] = index(teams, Team.of(columns, row, data.partners()), firstOfTeam, row);
      terms[i] = index(termses, Terms.of(columns, row), firstOfTerms, row);
    }
    firstDay = n == 0 ? 0 : lo;
    lastDay = n == 0 ? -1 : hi;
    teamDeal = firstOfTeam.toArray(Deal[]::new);
    termsDeal = firstOfTerms.toArray(Deal[]::new);
  }

  private <K> int index(Map<K, Integer> shapes, K key, List<Deal> first, int row) {
    // get, then put: putIfAbsent boxed a new Integer per deal
    Integer known = shapes.get(key);
    if (known != null) {
      return known;
    }
    shapes.put(key, first.size());
    first.add(columns.get(row));
    return first.size() - 1;
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

  public int teams() {
    return teamDeal.length;
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
    for (int row = 0; row < at.length; row++) { // file order, as above
      int i = at[row];
      if (i < 0) {
        continue;
      }
      String own = columns.currency(row);
      // an amount the plan takes as it is: its cents straight from the column's digits, when
      // they are whole cents (else, and for a converted amount, through the decimal)
      long value = Engine.converts(plan.currency(), own) ? DealColumns.NOT_CENTS
          : columns.cents(row);
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
