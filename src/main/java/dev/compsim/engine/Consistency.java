package dev.compsim.engine;

import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.DealColumns;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Rules;
import dev.compsim.model.Stage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the data, and a plan against the data, leave nothing to guess: every rep and
 * partner named exists, every partner deal has a margin, every currency a rate. The engine
 * refuses to guess, so these are errors, not warnings.
 */
public final class Consistency {
  private Consistency() {}

  /** Problems of the data alone. */
  public static List<Problem> check(DataSet data) {
    List<Problem> problems = new ArrayList<>();
    Map<String, List<String>> missingReps = new LinkedHashMap<>();
    // where each missing rep is first named: the column of the row the problem points at
    Map<String, String> firstColumn = new LinkedHashMap<>();
    Map<String, List<String>> missingPartners = new LinkedHashMap<>();
    // over the columns: a record is made only for a deal with a problem to describe
    DealColumns deals = DealColumns.of(data.deals());
    // an owner with assists, and a partner, is looked at once: a deal whose owner and assists
    // (by their codes) were found in order adds nothing below, nor does a known partner
    ShapeIndex teamsSeen = new ShapeIndex(1024);
    List<Boolean> teamInOrder = new ArrayList<>();
    byte[] partnerKnown = new byte[deals.codeCount()]; // 1 known, 2 not, 0 not looked at
    for (int i = 0; i < deals.size(); i++) {
      int team = teamsSeen.indexOf(deals.ownerCode(i), deals.assistsCode(i));
      if (team == teamInOrder.size()) {
        teamInOrder.add(teamInOrder(data, deals.owner(i), deals.assists(i)));
      }
      if (!teamInOrder.get(team)) {
        team(data, deals, i, missingReps, firstColumn, problems);
      }
      int partnerCode = deals.partnerCode(i);
      if (partnerCode != 0 && partnerKnown[partnerCode] == 0) {
        boolean known = data.partners().containsKey(deals.partner(i));
        partnerKnown[partnerCode] = (byte) (known ? 1 : 2);
      }
      if (partnerKnown[partnerCode] == 2) {
        missingPartners.computeIfAbsent(deals.partner(i), k -> new ArrayList<>())
            .add(deals.id(i));
      }
      int close = deals.closeDay(i);
      int implemented = deals.implementationDay(i);
      if (deals.stage(i) == Stage.WON && close == DealColumns.NO_DAY) {
        problems.add(Problem.deal(deals.id(i), "won deal has no close_date")
            .inColumn("close_date"));
      }
      Implementation implementation = deals.implementation(i);
      if (implementation != Implementation.PENDING && implemented == DealColumns.NO_DAY) {
        problems.add(Problem.deal(deals.id(i), "implementation is " + implementation.code()
            + " but implementation_date is empty").inColumn("implementation_date"));
      }
      if (implemented != DealColumns.NO_DAY && close != DealColumns.NO_DAY
          && implemented < close) {
        Deal deal = deals.get(i);
        problems.add(Problem.deal(deal.id(), "implementation_date " + deal.implementationDate()
            + " is before close_date " + deal.closeDate()).inColumn("implementation_date"));
      }
    }
    for (Activity activity : data.activities()) {
      // the use's text is made only for a missing rep: most rows name a known one
      if (!data.reps().containsKey(activity.rep())) {
        use(data, missingReps, activity.rep(), "activity " + activity.date());
      }
    }
    for (Partner partner : data.partners().values()) {
      if (partner.manager() != null && !data.reps().containsKey(partner.manager())) {
        problems.add(Problem.partner(partner.id(),
            "manager " + partner.manager() + " is not in reps.csv"));
      }
    }
    // placed at the first deal that names them, so the message points at a real row
    missingReps.forEach((rep, uses) -> problems.add(uses.get(0).startsWith("activity ")
        ? new Problem(Problem.Subject.ACTIVITY, uses.get(0),
            "rep " + rep + " is not in reps.csv; used by " + summarize(uses))
        : Problem.deals(uses, "rep " + rep + " is not in reps.csv")
            .inColumn(firstColumn.get(rep))));
    missingPartners.forEach((partner, uses) -> problems.add(Problem.deals(uses,
        "partner " + partner + " is not in partners.csv").inColumn("partner")));
    return problems;
  }

  /**
   * Whether a deal of this owner and these assists has nothing to report: the owner and every
   * assist in reps.csv, no assist the owner, none listed twice ({@link #team} finds it all).
   */
  static boolean teamInOrder(DataSet data, String owner, List<String> assists) {
    if (!data.reps().containsKey(owner)) {
      return false;
    }
    for (int a = 0; a < assists.size(); a++) {
      if (!data.reps().containsKey(assists.get(a)) || assists.get(a).equals(owner)) {
        return false;
      }
    }
    return assists.size() < 2 || new HashSet<>(assists).size() == assists.size();
  }

  /** The problems of deal {@code i}'s owner and assists, each placed at the deal. */
  static void team(DataSet data, DealColumns deals, int i,
      Map<String, List<String>> missingReps, Map<String, String> firstColumn,
      List<Problem> problems) {
    // the id's string only for a problem: the columns may keep ids as numbers
    String owner = deals.owner(i);
    List<String> assists = deals.assists(i);
    if (use(data, missingReps, owner, deals, i)) {
      firstColumn.putIfAbsent(owner, "owner");
    }
    for (int a = 0; a < assists.size(); a++) {
      String assist = assists.get(a);
      if (use(data, missingReps, assist, deals, i)) {
        firstColumn.putIfAbsent(assist, "assists");
      }
      if (assist.equals(owner)) {
        problems.add(Problem.deal(deals.id(i), "assist " + assist + " is also the owner")
            .inColumn("assists"));
      }
    }
    if (assists.size() > 1 && new HashSet<>(assists).size() != assists.size()) {
      problems.add(Problem.deal(deals.id(i), "an assist is listed twice")
          .inColumn("assists"));
    }
  }

  /** Problems of a plan on this data; assumes {@link #check(DataSet)} found none. */
  public static List<Problem> check(Plan plan, DataSet data) {
    return check(plan, DataProfile.of(data));
  }

  /**
   * Problems of a plan on the data {@code profile} was made of: the same problems, in the same
   * order, as checking deal by deal, at a cost that does not grow with the deals.
   */
  public static List<Problem> check(Plan plan, DataProfile profile) {
    List<Problem> problems = checkVersion(plan, profile);
    changesWithinTheData(plan, profile.firstClose(), profile.lastClose(), problems);
    for (int i = 0; i < plan.changes().size(); i++) {
      Plan.Change change = plan.changes().get(i);
      inChange(i, change, checkVersion(change.plan(), profile), problems);
    }
    return problems;
  }

  /**
   * A version's problems the plan as written does not have, placed at the change: a change that
   * drops a partner type's margin, say.
   */
  private static void inChange(int index, Plan.Change change, List<Problem> found,
      List<Problem> problems) {
    Set<String> known = new HashSet<>();
    for (Problem problem : problems) {
      known.add(problem.message());
    }
    for (Problem problem : found) {
      if (known.add(problem.message())) {
        problems.add(problem.subject() == Problem.Subject.PLAN
            ? Problem.plan("changes." + index, "from " + change.from() + ": " + problem.message())
            : new Problem(problem.subject(), problem.id(), "from " + change.from() + ": "
                + problem.message(), problem.deals(), problem.column()));
      }
    }
  }

  /**
   * A change must start within the won deals: after the first close, so that something is
   * priced by the plan as written, and on or before the last, so that the change prices
   * something.
   */
  private static void changesWithinTheData(Plan plan, java.time.LocalDate first,
      java.time.LocalDate last, List<Problem> problems) {
    if (first == null) {
      return;
    }
    for (int i = 0; i < plan.changes().size(); i++) {
      java.time.LocalDate from = plan.changes().get(i).from();
      if (!from.isAfter(first) || from.isAfter(last)) {
        problems.add(Problem.plan("changes." + i + ".from", "change from " + from
            + " is outside the data: won deals close from " + first + " to " + last
            + ", so a change must start after " + first + " and on or before " + last));
      }
    }
  }

  private static List<Problem> checkVersion(Plan plan, DataProfile profile) {
    List<Problem> problems = new ArrayList<>();
    splitOverflows(plan, profile, problems);
    BigDecimal own = profile.fxRates().get(plan.currency());
    if (own != null && own.compareTo(BigDecimal.ONE) != 0) {
      problems.add(Problem.plan("currency", "fx.csv gives " + plan.currency() + " a rate of "
          + own.toPlainString() + ", but " + plan.currency() + " is the currency of plan "
          + plan.name() + ": rates are to it, so its own rate is 1"));
    }
    activitiesPaidFor(plan, profile.activityNames(), problems);
    rolesOfTheData(plan, profile.roles(), problems);
    for (String type : profile.resellTypesWithoutDiscount()) {
      if (!plan.partners().margin().containsKey(type)) {
        problems.add(Problem.plan("partners.margin", "partner type " + type
            + " has no margin in plan " + plan.name() + " (add it to partners.margin)"));
      }
    }
    if (profile.referralDeals() && plan.partners().referralFee() == null) {
      problems.add(Problem.plan("partners", "the data has referral deals but plan " + plan.name()
          + " sets no partners.referral_fee"));
    }
    profile.currenciesWithoutRate().forEach((currency, uses) -> {
      if (!currency.equalsIgnoreCase(plan.currency())) {
        problems.add(Problem.deals(uses, "currency " + currency + " has no rate to "
            + plan.currency() + " (the currency of plan " + plan.name() + ") in fx.csv")
            .inColumn("currency"));
      }
    });
    Set<String> repsWithoutQuota = new LinkedHashSet<>();
    for (DataProfile.ZeroQuotaCredit credit : profile.zeroQuotaCredits()) {
      if (credit.viaChannelManager()
          && !ownerRules(plan, credit.owner()).credit().channelManager()) {
        continue;
      }
      if (plan.rulesFor(credit.rep().role()).commission().needsQuota()) {
        repsWithoutQuota.add(credit.rep().id());
      }
    }
    for (String rep : repsWithoutQuota) {
      problems.add(Problem.rep(rep, "rep " + rep + " has quota 0, but plan " + plan.name()
          + " pays on attainment (tiers or a cap)"));
    }
    return problems;
  }

  /** Split deals whose assists would take more than the whole credit, in deal order. */
  private static void splitOverflows(Plan plan, DataProfile profile, List<Problem> problems) {
    List<DataProfile.AssistGroup> failing = new ArrayList<>();
    for (DataProfile.AssistGroup group : profile.assistGroups()) {
      if (Recipients.overflow(ownerRules(plan, group.owner()).credit(), group.assists()) != null) {
        failing.add(group);
      }
    }
    if (failing.isEmpty()) {
      return;
    }
    // merge the groups' deals back into deal order
    int[] next = new int[failing.size()];
    while (true) {
      int best = -1;
      for (int g = 0; g < failing.size(); g++) {
        if (next[g] < failing.get(g).ordinals().length && (best < 0 || failing.get(g)
            .ordinals()[next[g]] < failing.get(best).ordinals()[next[best]])) {
          best = g;
        }
      }
      if (best < 0) {
        return;
      }
      DataProfile.AssistGroup group = failing.get(best);
      problems.add(Problem.deal(group.dealIds().get(next[best]),
          Recipients.overflow(ownerRules(plan, group.owner()).credit(), group.assists()))
          .inColumn("assists"));
      next[best]++;
    }
  }

  private static Rules ownerRules(Plan plan, DataProfile.Owner owner) {
    return owner.known() ? plan.rulesFor(owner.role()) : plan.rules();
  }

  /**
   * The plain definition of {@link #check(Plan, DataSet)}, deal by deal: what the profiled check
   * must equal (a test compares them).
   */
  static List<Problem> checkEachDeal(Plan plan, DataSet data) {
    List<Problem> problems = checkEachDealOfVersion(plan, data);
    java.time.LocalDate first = null;
    java.time.LocalDate last = null;
    for (Deal deal : data.deals()) {
      if (deal.won() && deal.closeDate() != null) {
        first = first == null || deal.closeDate().isBefore(first) ? deal.closeDate() : first;
        last = last == null || deal.closeDate().isAfter(last) ? deal.closeDate() : last;
      }
    }
    changesWithinTheData(plan, first, last, problems);
    for (int i = 0; i < plan.changes().size(); i++) {
      Plan.Change change = plan.changes().get(i);
      inChange(i, change, checkEachDealOfVersion(change.plan(), data), problems);
    }
    return problems;
  }

  private static List<Problem> checkEachDealOfVersion(Plan plan, DataSet data) {
    List<Problem> problems = new ArrayList<>();
    Set<String> typesWithoutMargin = new LinkedHashSet<>();
    Map<String, List<String>> currenciesWithoutRate = new LinkedHashMap<>();
    Set<String> repsWithoutQuota = new LinkedHashSet<>();
    boolean referralWithoutFee = false;
    for (Deal deal : data.deals()) {
      if (!deal.won()) {
        continue;
      }
      Partner partner = deal.partner() == null ? null : data.partners().get(deal.partner());
      if (partner != null && PartnerTerms.needsTypeMargin(deal)
          && !plan.partners().margin().containsKey(partner.type())) {
        typesWithoutMargin.add(partner.type());
      }
      if (partner != null && PartnerPay.needsReferralFee(deal)
          && plan.partners().referralFee() == null) {
        referralWithoutFee = true;
      }
      if (deal.currency() != null && !deal.currency().equalsIgnoreCase(plan.currency())
          && !data.fxRates().containsKey(deal.currency().toUpperCase(Locale.ROOT))) {
        currenciesWithoutRate.computeIfAbsent(deal.currency(), k -> new ArrayList<>())
            .add(deal.id());
      }
      // who is credited: Recipients
      List<String> credited = new ArrayList<>(deal.assists());
      credited.add(deal.owner());
      Rep owner = data.reps().get(deal.owner());
      Rules ownerRules = owner == null ? plan.rules() : plan.rulesFor(owner.role());
      if (Recipients.overlay(ownerRules.credit(), deal, partner)) {
        credited.add(partner.manager());
      }
      for (String id : credited) {
        Rep rep = data.reps().get(id);
        if (rep != null && rep.quota().signum() == 0
            && plan.rulesFor(rep.role()).commission().needsQuota()) {
          repsWithoutQuota.add(id);
        }
      }
      String overflow = Recipients.overflow(ownerRules.credit(), deal.assists().size());
      if (overflow != null) {
        problems.add(Problem.deal(deal.id(), overflow).inColumn("assists"));
      }
    }
    BigDecimal own = data.fxRates().get(plan.currency());
    if (own != null && own.compareTo(BigDecimal.ONE) != 0) {
      problems.add(Problem.plan("currency", "fx.csv gives " + plan.currency() + " a rate of "
          + own.toPlainString() + ", but " + plan.currency() + " is the currency of plan "
          + plan.name() + ": rates are to it, so its own rate is 1"));
    }
    activitiesPaidFor(plan, activityNames(data), problems);
    rolesOfTheData(plan, roles(data), problems);
    for (String type : typesWithoutMargin) {
      problems.add(Problem.plan("partners.margin", "partner type " + type
          + " has no margin in plan " + plan.name() + " (add it to partners.margin)"));
    }
    if (referralWithoutFee) {
      problems.add(Problem.plan("partners", "the data has referral deals but plan " + plan.name()
          + " sets no partners.referral_fee"));
    }
    currenciesWithoutRate.forEach((currency, uses) -> problems.add(Problem.deals(uses,
        "currency " + currency + " has no rate to " + plan.currency() + " (the currency of plan "
            + plan.name() + ") in fx.csv").inColumn("currency")));
    for (String rep : repsWithoutQuota) {
      problems.add(Problem.rep(rep, "rep " + rep + " has quota 0, but plan " + plan.name()
          + " pays on attainment (tiers or a cap)"));
    }
    return problems;
  }

  /**
   * An activity spiff for an activity the data never names pays nothing, silently: almost always
   * a misspelling ({@code meetings} for {@code meeting}). Checked when there are activities.
   */
  private static void activitiesPaidFor(Plan plan, Set<String> names, List<Problem> problems) {
    if (names.isEmpty()) {
      return;
    }
    for (int i = 0; i < plan.spiffs().size(); i++) {
      if (plan.spiffs().get(i) instanceof dev.compsim.model.Spiff.ActivitySpiff spiff
          && !names.contains(spiff.activity())) {
        problems.add(Problem.plan("spiffs." + i + ".activity", "activity spiff \"" + spiff.name()
            + "\" pays for activity \"" + spiff.activity() + "\", which activities.csv never "
            + "names (it has: " + String.join(", ", names) + ")"));
      }
    }
  }

  /**
   * A role override whose name differs from a role of reps.csv only by case or spacing never
   * applies: those reps are silently paid on the plan's own rules.
   */
  private static void rolesOfTheData(Plan plan, Set<String> roles, List<Problem> problems) {
    for (String override : plan.roles().keySet()) {
      if (roles.contains(override)) {
        continue;
      }
      for (String role : roles) {
        if (normal(role).equals(normal(override))) {
          problems.add(Problem.plan("roles." + override, "role " + override + " of plan "
              + plan.name() + " matches no rep; reps.csv has role " + role
              + " (role names must match exactly)"));
        }
      }
    }
  }

  /** The activities the data names, sorted. */
  static Set<String> activityNames(DataSet data) {
    Set<String> names = new java.util.TreeSet<>();
    for (Activity activity : data.activities()) {
      names.add(activity.activity());
    }
    return names;
  }

  /** The roles of reps.csv, sorted. */
  static Set<String> roles(DataSet data) {
    Set<String> roles = new java.util.TreeSet<>();
    for (Rep rep : data.reps().values()) {
      if (rep.role() != null) {
        roles.add(rep.role());
      }
    }
    return roles;
  }

  private static String normal(String role) {
    return role.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** Notes a use of {@code rep}; whether it is missing from reps.csv. */
  private static boolean use(DataSet data, Map<String, List<String>> missing, String rep,
      String use) {
    if (!data.reps().containsKey(rep)) {
      missing.computeIfAbsent(rep, k -> new ArrayList<>()).add(use);
      return true;
    }
    return false;
  }

  /** As above, for deal {@code row}: its id's string is made only when the rep is missing. */
  private static boolean use(DataSet data, Map<String, List<String>> missing, String rep,
      DealColumns deals, int row) {
    return !data.reps().containsKey(rep) && use(data, missing, rep, deals.id(row));
  }

  private static String summarize(List<String> uses) {
    if (uses.size() <= 5) {
      return String.join(", ", uses);
    }
    return String.join(", ", uses.subList(0, 5)) + " and " + (uses.size() - 5) + " more";
  }
}
