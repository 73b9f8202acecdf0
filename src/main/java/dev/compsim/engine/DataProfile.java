package dev.compsim.engine;

import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Rep;
import dev.compsim.model.Stage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Consistency#check(dev.compsim.model.Plan, DataProfile)} needs to know of the won
 * deals, gathered in one pass: checking ten plans then costs one walk over a million deals, not
 * ten. Everything keeps the deals' order, so the problems come out as a deal-by-deal check lists
 * them.
 */
public final class DataProfile {
  /** The owner whose rules decide a deal's crediting: a rep's role, or no rep (the plan's rules). */
  record Owner(boolean known, String role) {
    // written out, as the record's own would answer: those go through method handles, which
    // C1 does not inline, and an owner is hashed per won deal with assists (AssistKey)
    @Override
    public int hashCode() {
      return Objects.hashCode(role) * 2 + (known ? 1 : 0);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Owner w && known == w.known
          && Objects.equals(role, w.role);
    }
  }

  private static final Owner UNKNOWN_OWNER = new Owner(false, null);

  /** Won deals with the same owner role and number of assists, in deal order. */
  record AssistGroup(Owner owner, int assists, List<String> dealIds, int[] ordinals) {}

  /**
   * A rep with quota 0 credited on a won deal: always, or only when the owner's rules give the
   * partner's channel manager an overlay.
   */
  record ZeroQuotaCredit(Rep rep, Owner owner, boolean viaChannelManager) {}

  private final Map<String, BigDecimal> fxRates;
  private final Set<String> activityNames;
  private final Set<String> roles;
  private final Set<String> resellTypesWithoutDiscount;
  private final boolean referralDeals;
  private final Map<String, List<String>> currenciesWithoutRate;
  private final List<AssistGroup> assistGroups;
  private final List<ZeroQuotaCredit> zeroQuotaCredits;
  /** The first and last close dates of the won deals, or null when none has one. */
  private final java.time.LocalDate firstClose;
  private final java.time.LocalDate lastClose;

  private DataProfile(DataSet data) {
    this.fxRates = data.fxRates();
    this.activityNames = Collections.unmodifiableSet(Consistency.activityNames(data));
    this.roles = Collections.unmodifiableSet(Consistency.roles(data));
    Set<String> types = new LinkedHashSet<>();
    boolean referral = false;
    Map<String, List<String>> currencies = new LinkedHashMap<>();
    Map<AssistKey, GroupBuilder> groups = new LinkedHashMap<>();
    List<ZeroQuotaCredit> credits = new ArrayList<>();
    Set<Object> seenCredits = new HashSet<>();
    Map<String, Partner> partners = data.partners();
    Map<String, Rep> reps = data.reps();
    // one owner record per role: a record per deal was 13 MB of garbage on a million deals
    Map<String, Owner> owners = new HashMap<>();
    int ordinal = 0;
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    // over the columns: the partner rules below are asked of a deal's fields, no record made.
    // What they add is the same for every deal of the same fields (sets, and credits made once
    // a rep): the fields' codes tell a deal that adds nothing new, asked once per combination
    DealColumns deals = DealColumns.of(data.deals());
    ShapeIndex termsSeen = new ShapeIndex(64);
    ShapeIndex teamsSeen = new ShapeIndex(1024);
    ShapeIndex groupOf = new ShapeIndex(1024);
    List<GroupBuilder> groupsByCode = new ArrayList<>();
    byte[] currencyRated = new byte[deals.codeCount()]; // 1 has a rate, 2 not, 0 not asked
    Owner[] ownerOf = new Owner[deals.codeCount()];
    for (int i = 0; i < deals.size(); i++) {
      if (deals.stage(i) != Stage.WON) {
        continue;
      }
      ordinal++;
      int close = deals.closeDay(i);
      if (close != DealColumns.NO_DAY) {
        first = Math.min(first, close);
        last = Math.max(last, close);
      }
      PartnerRole role = deals.partnerRole(i);
      long roleKey = role == null ? 0 : role.ordinal() + 1;
      if (termsSeen.add((long) deals.partnerCode(i) << 32 | deals.partnerDiscountCode(i),
          roleKey)) {
        String partnerId = deals.partner(i);
        Partner partner = partnerId == null ? null : partners.get(partnerId);
        if (partner != null
            && PartnerTerms.needsTypeMargin(partnerId, role, deals.partnerDiscount(i))) {
          types.add(partner.type());
        }
        if (partner != null && PartnerPay.needsReferralFee(partnerId, role)) {
          referral = true;
        }
      }
      int currencyCode = deals.currencyCode(i);
      if (currencyCode != 0 && currencyRated[currencyCode] == 0) {
        boolean rated = fxRates.containsKey(deals.currency(i).toUpperCase(Locale.ROOT));
        currencyRated[currencyCode] = (byte) (rated ? 1 : 2);
      }
      if (currencyRated[currencyCode] == 2) {
        currencies.computeIfAbsent(deals.currency(i), k -> new ArrayList<>()).add(deals.id(i));
      }
      int ownerCode = deals.ownerCode(i);
      Owner owner = ownerOf[ownerCode];
      if (owner == null) {
        Rep ownerRep = reps.get(deals.owner(i));
        owner = ownerRep == null ? UNKNOWN_OWNER
            : owners.computeIfAbsent(ownerRep.role(), r -> new Owner(true, r));
        ownerOf[ownerCode] = owner;
      }
      // who is credited (Recipients): the assists and the owner always, the channel manager
      // when the owner's rules give an overlay
      if (teamsSeen.add((long) ownerCode << 32 | deals.assistsCode(i),
          (long) deals.partnerCode(i) << 3 | roleKey)) {
        String partnerId = deals.partner(i);
        Partner partner = partnerId == null ? null : partners.get(partnerId);
        List<String> assists = deals.assists(i);
        for (int a = 0; a < assists.size(); a++) { // by index: no iterator per deal
          credit(reps.get(assists.get(a)), owner, false, credits, seenCredits);
        }
        credit(reps.get(deals.owner(i)), owner, false, credits, seenCredits);
        if (partner != null && Recipients.overlay(deals.owner(i), assists,
            Deal.throughPartner(partnerId, role), partner)) {
          credit(reps.get(partner.manager()), owner, true, credits, seenCredits);
        }
      }
      int assistsCode = deals.assistsCode(i);
      if (assistsCode != 0) {
        int assistCount = deals.assists(i).size();
        int group = groupOf.indexOf(ownerCode, assistCount);
        if (group == groupsByCode.size()) {
          groupsByCode.add(groups.computeIfAbsent(new AssistKey(owner, assistCount),
              k -> new GroupBuilder()));
        }
        groupsByCode.get(group).add(i, ordinal);
      }
    }
    this.resellTypesWithoutDiscount = Collections.unmodifiableSet(types);
    this.referralDeals = referral;
    currencies.replaceAll((currency, ids) -> List.copyOf(ids));
    this.currenciesWithoutRate = Collections.unmodifiableMap(currencies);
    List<AssistGroup> built = new ArrayList<>();
    groups.forEach((key, group) -> built.add(new AssistGroup(key.owner(), key.assists(),
        group.ids(deals), Arrays.copyOf(group.ordinals, group.size))));
    this.assistGroups = List.copyOf(built);
    this.zeroQuotaCredits = List.copyOf(credits);
    this.firstClose = first == Integer.MAX_VALUE ? null : java.time.LocalDate.ofEpochDay(first);
    this.lastClose = last == Integer.MIN_VALUE ? null : java.time.LocalDate.ofEpochDay(last);
  }

  /** The earliest close date of a won deal, or null. */
  java.time.LocalDate firstClose() {
    return firstClose;
  }

  /** The latest close date of a won deal, or null. */
  java.time.LocalDate lastClose() {
    return lastClose;
  }

  /** The profile of {@code data}: one pass over its deals. */
  public static DataProfile of(DataSet data) {
    return new DataProfile(data);
  }

  private record AssistKey(Owner owner, int assists) {
    // written out, as Owner's
    @Override
    public int hashCode() {
      return owner.hashCode() * 31 + assists;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AssistKey k && assists == k.assists && owner.equals(k.owner);
    }
  }

  private static final class GroupBuilder {
    int size;
    int[] rows = new int[8];
    int[] ordinals = new int[8];

    void add(int row, int ordinal) {
      if (size == rows.length) {
        rows = Arrays.copyOf(rows, size * 2);
        ordinals = Arrays.copyOf(ordinals, size * 2);
      }
      rows[size] = row;
      ordinals[size++] = ordinal;
    }

    /** The deals' ids, each made when asked for (a group's ids are read only for a problem). */
    List<String> ids(DealColumns deals) {
      int[] at = Arrays.copyOf(rows, size);
      return new java.util.AbstractList<>() {
        @Override
        public String get(int k) {
          return deals.id(at[k]);
        }

        @Override
        public int size() {
          return at.length;
        }
      };
    }
  }

  /**
   * Remembers a zero-quota rep's credit the first time it can matter: once credited always, a
   * later credit of the same rep adds nothing; once credited through one owner role's overlay, a
   * later overlay credit under the same role adds nothing.
   */
  private static void credit(Rep rep, Owner owner, boolean viaChannelManager,
      List<ZeroQuotaCredit> credits, Set<Object> seen) {
    if (rep == null || rep.quota().signum() != 0) {
      return;
    }
    if (seen.contains(rep.id())) {
      return;
    }
    if (viaChannelManager) {
      if (seen.add(List.of(rep.id(), owner))) {
        credits.add(new ZeroQuotaCredit(rep, owner, true));
      }
    } else {
      seen.add(rep.id());
      credits.add(new ZeroQuotaCredit(rep, owner, false));
    }
  }

  Map<String, BigDecimal> fxRates() {
    return fxRates;
  }

  Set<String> activityNames() {
    return activityNames;
  }

  Set<String> roles() {
    return roles;
  }

  /** Partner types of won resell deals that give no partner_discount, first seen first. */
  Set<String> resellTypesWithoutDiscount() {
    return resellTypesWithoutDiscount;
  }

  /** Whether a won deal is a referral by a known partner. */
  boolean referralDeals() {
    return referralDeals;
  }

  /** Currencies fx.csv has no rate for, with the won deals in each, first seen first. */
  Map<String, List<String>> currenciesWithoutRate() {
    return currenciesWithoutRate;
  }

  List<AssistGroup> assistGroups() {
    return assistGroups;
  }

  List<ZeroQuotaCredit> zeroQuotaCredits() {
    return zeroQuotaCredits;
  }
}
