package dev.compsim.engine;

import dev.compsim.model.Activity;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Implementation;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerRole;
import dev.compsim.model.Plan;
import dev.compsim.model.Rep;
import dev.compsim.model.Rules;
import dev.compsim.model.TeamMode;
import java.math.BigDecimal;
import java.util.ArrayList;
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
    Map<String, List<String>> missingPartners = new LinkedHashMap<>();
    for (Deal deal : data.deals()) {
      use(data, missingReps, deal.owner(), deal.id());
      for (String assist : deal.assists()) {
        use(data, missingReps, assist, deal.id());
        if (assist.equals(deal.owner())) {
          problems.add(Problem.deal(deal.id(), "assist " + assist + " is also the owner"));
        }
      }
      Set<String> distinct = new LinkedHashSet<>(deal.assists());
      if (distinct.size() != deal.assists().size()) {
        problems.add(Problem.deal(deal.id(), "an assist is listed twice"));
      }
      if (deal.partner() != null && !data.partners().containsKey(deal.partner())) {
        missingPartners.computeIfAbsent(deal.partner(), k -> new ArrayList<>()).add(deal.id());
      }
      if (deal.won() && deal.closeDate() == null) {
        problems.add(Problem.deal(deal.id(), "won deal has no close_date"));
      }
      if (deal.implementation() != Implementation.PENDING && deal.implementationDate() == null) {
        problems.add(Problem.deal(deal.id(), "implementation is " + deal.implementation().code()
            + " but implementation_date is empty"));
      }
      if (deal.implementationDate() != null && deal.closeDate() != null
          && deal.implementationDate().isBefore(deal.closeDate())) {
        problems.add(Problem.deal(deal.id(), "implementation_date " + deal.implementationDate()
            + " is before close_date " + deal.closeDate()));
      }
    }
    for (Activity activity : data.activities()) {
      use(data, missingReps, activity.rep(), "activity " + activity.date());
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
        : Problem.deals(uses, "rep " + rep + " is not in reps.csv")));
    missingPartners.forEach((partner, uses) -> problems.add(Problem.deals(uses,
        "partner " + partner + " is not in partners.csv")));
    return problems;
  }

  /** Problems of a plan on this data; assumes {@link #check(DataSet)} found none. */
  public static List<Problem> check(Plan plan, DataSet data) {
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
      if (partner != null && deal.partnerRole() == PartnerRole.RESELL
          && deal.partnerDiscount() == null && !plan.partners().margin().containsKey(partner.type())) {
        typesWithoutMargin.add(partner.type());
      }
      if (partner != null && deal.partnerRole() == PartnerRole.REFERRAL
          && plan.partners().referralFee() == null) {
        referralWithoutFee = true;
      }
      if (deal.currency() != null && !deal.currency().equalsIgnoreCase(plan.currency())
          && !data.fxRates().containsKey(deal.currency().toUpperCase(Locale.ROOT))) {
        currenciesWithoutRate.computeIfAbsent(deal.currency(), k -> new ArrayList<>())
            .add(deal.id());
      }
      List<String> credited = new ArrayList<>(deal.assists());
      credited.add(deal.owner());
      Rep owner = data.reps().get(deal.owner());
      Rules ownerRules = owner == null ? plan.rules() : plan.rulesFor(owner.role());
      if (partner != null && partner.manager() != null && ownerRules.credit().channelManager()) {
        credited.add(partner.manager());
      }
      for (String id : credited) {
        Rep rep = data.reps().get(id);
        if (rep != null && rep.quota().signum() == 0
            && plan.rulesFor(rep.role()).commission().needsQuota()) {
          repsWithoutQuota.add(id);
        }
      }
      if (ownerRules.credit().team() == TeamMode.SPLIT && !deal.assists().isEmpty()) {
        BigDecimal given = ownerRules.credit().assistShare()
            .multiply(BigDecimal.valueOf(deal.assists().size()));
        if (given.compareTo(BigDecimal.ONE) > 0) {
          problems.add(Problem.deal(deal.id(), deal.assists().size() + " assists at "
              + ownerRules.credit().assistShare().toPlainString()
              + " assist_share each would take more than the whole credit"));
        }
      }
    }
    BigDecimal own = data.fxRates().get(plan.currency());
    if (own != null && own.compareTo(BigDecimal.ONE) != 0) {
      problems.add(Problem.plan("currency", "fx.csv gives " + plan.currency() + " a rate of "
          + own.toPlainString() + ", but " + plan.currency() + " is the currency of plan "
          + plan.name() + ": rates are to it, so its own rate is 1"));
    }
    activitiesPaidFor(plan, data, problems);
    rolesOfTheData(plan, data, problems);
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
            + plan.name() + ") in fx.csv")));
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
  private static void activitiesPaidFor(Plan plan, DataSet data, List<Problem> problems) {
    if (data.activities().isEmpty()) {
      return;
    }
    Set<String> names = new java.util.TreeSet<>();
    for (Activity activity : data.activities()) {
      names.add(activity.activity());
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
  private static void rolesOfTheData(Plan plan, DataSet data, List<Problem> problems) {
    Set<String> roles = new java.util.TreeSet<>();
    for (Rep rep : data.reps().values()) {
      if (rep.role() != null) {
        roles.add(rep.role());
      }
    }
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

  private static String normal(String role) {
    return role.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static void use(DataSet data, Map<String, List<String>> missing, String rep,
      String use) {
    if (!data.reps().containsKey(rep)) {
      missing.computeIfAbsent(rep, k -> new ArrayList<>()).add(use);
    }
  }

  private static String summarize(List<String> uses) {
    if (uses.size() <= 5) {
      return String.join(", ", uses);
    }
    return String.join(", ", uses.subList(0, 5)) + " and " + (uses.size() - 5) + " more";
  }
}
