package dev.compsim.report;

import dev.compsim.engine.Competitions;
import dev.compsim.engine.Engine;
import dev.compsim.engine.PartnerTiers;
import dev.compsim.engine.ProgramCalendar;
import dev.compsim.engine.Rebates;
import dev.compsim.engine.RewardPoints;
import dev.compsim.model.Deal;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.model.PartnerProgram.RepRewards;
import dev.compsim.model.Plan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Partner programs side by side for a set of plans: the tier each partner holds in each program
 * year, the rebate volume and rate each partner reached per year, the reward points its sellers
 * earned, and the standings and winners of each competition. Amounts are the ledger's: each is
 * rounded once, as its ledger line. The JSON has no nulls: a key without a value is left out.
 */
public final class PartnerPrograms {
  private PartnerPrograms() {}

  public static ReportSection section(List<Plan> plans, Engine engine) {
    List<String> notes = new ArrayList<>();
    List<List<Cell>> tierRows = new ArrayList<>();
    List<List<Cell>> rebateRows = new ArrayList<>();
    List<List<Cell>> rewardRows = new ArrayList<>();
    List<List<Cell>> competitionRows = new ArrayList<>();
    List<Object> json = new ArrayList<>();
    for (Plan plan : plans) {
      Map<String, Object> planJson = new LinkedHashMap<>();
      planJson.put("plan", plan.name());
      planJson.put("calendar", plan.partners().calendar().code());
      planJson.put("tiers", tiers(plan, engine, tierRows));
      List<Rebates.RebateYear> rebates = Rebates.of(plan, engine);
      planJson.put("rebates", rebates(plan, rebates, rebateRows));
      Map<String, Object> rewards = rewards(plan, engine, rewardRows);
      planJson.put("rewards", rewards);
      List<Competitions.Standing> standings = Competitions.of(plan, engine);
      planJson.put("competitions", competitions(plan, standings, competitionRows));
      json.add(planJson);
      notes.add(summary(plan, rebates, rewards, standings));
    }
    List<ReportSection.Table> tables = new ArrayList<>();
    tables.add(ReportSection.Table.of("Partner tier by program year",
        List.of("plan", "partner", "year", "tier", "reached on"),
        List.of(false, false, false, false, false), tierRows));
    tables.add(ReportSection.Table.of("Rebates by partner and program year",
        List.of("plan", "partner", "year", "resell deals", "volume", "rate", "rebate", "status"),
        List.of(false, false, false, true, true, true, true, false), rebateRows));
    tables.add(ReportSection.Table.of("Reward points of partner sellers",
        List.of("plan", "partner", "seller", "deals", "points", "value"),
        List.of(false, false, false, true, true, true), rewardRows));
    tables.add(ReportSection.Table.of("Competition standings",
        List.of("plan", "competition", "rank", "rep", "score", "prize", "status"),
        List.of(false, false, true, false, true, true, false), competitionRows));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("as_of", engine.asOf().toString());
    data.put("plans", json);
    return new ReportSection("partner_programs", "Partner programs", notes, tables, List.of(),
        data);
  }

  private static List<Object> tiers(Plan plan, Engine engine, List<List<Cell>> rows) {
    List<Object> json = new ArrayList<>();
    PartnerTiers tiers = PartnerTiers.of(plan, engine);
    if (!tiers.active()) {
      return json;
    }
    // the program years in which each partner has won deals
    Map<String, Map<java.time.LocalDate, PartnerTiers.Standing>> years = new TreeMap<>();
    for (Deal deal : engine.wonPartnerDeals()) {
      Partner partner = deal.hasPartner() ? engine.data().partners().get(deal.partner()) : null;
      if (partner != null) {
        PartnerTiers.Standing standing = tiers.standing(partner, deal.closeDate());
        years.computeIfAbsent(partner.id(), k -> new TreeMap<>())
            .putIfAbsent(standing.year().start(), standing);
      }
    }
    for (Map<java.time.LocalDate, PartnerTiers.Standing> byYear : years.values()) {
      for (PartnerTiers.Standing standing : byYear.values()) {
        String level = standing.level() == null ? "none" : standing.level().name();
        rows.add(Cell.texts(List.of(plan.name(), standing.partner(), year(standing.year()), level,
            standing.source())));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("partner", standing.partner());
        entry.put("year", standing.year().label());
        entry.put("year_start", standing.year().start().toString());
        entry.put("tier", standing.level() == null ? "none" : standing.level().name());
        entry.put("extra_margin", standing.extraMargin());
        if (standing.basis() != null) {
          entry.put("basis", standing.basis());
        }
        entry.put("reached_on", standing.source());
        json.add(entry);
      }
    }
    return json;
  }

  private static List<Object> rebates(Plan plan, List<Rebates.RebateYear> rebates,
      List<List<Cell>> rows) {
    List<Object> json = new ArrayList<>();
    for (Rebates.RebateYear year : rebates) {
      String status = year.ended() ? "paid" : "held";
      rows.add(List.of(Cell.text(plan.name()), Cell.text(year.partner()),
          Cell.text(year(year.year())), Cell.count(year.deals()),
          Cell.money(Money.round(year.volume()), plan.currency()), Cell.rate(year.rate()),
          Cell.money(year.amount(), plan.currency()), Cell.text(status)));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("partner", year.partner());
      entry.put("year", year.year().label());
      entry.put("year_start", year.year().start().toString());
      entry.put("year_end", year.year().end().toString());
      entry.put("deals", year.deals());
      entry.put("volume", Money.round(year.volume()));
      if (year.tier() != null) {
        entry.put("tier_from", year.tier().from());
      }
      entry.put("rate", year.rate());
      entry.put("rebate", year.amount());
      entry.put("status", status);
      json.add(entry);
    }
    return json;
  }

  private static Map<String, Object> rewards(Plan plan, Engine engine, List<List<Cell>> rows) {
    Map<String, Object> json = new LinkedHashMap<>();
    RepRewards rewards = plan.partners().repRewards();
    if (rewards == null) {
      return json;
    }
    record Seller(String partner, String rep) implements Comparable<Seller> {
      @Override
      public int compareTo(Seller o) {
        int c = partner.compareTo(o.partner);
        return c != 0 ? c : rep.compareTo(o.rep);
      }
    }
    Map<Seller, BigDecimal[]> sums = new TreeMap<>();
    for (Deal deal : engine.wonPartnerDeals()) {
      Partner partner = deal.hasPartner() ? engine.data().partners().get(deal.partner()) : null;
      if (RewardPoints.earns(plan, deal, partner)) {
        BigDecimal points = RewardPoints.points(rewards, engine.amountIn(plan, deal));
        BigDecimal[] sum = sums.computeIfAbsent(new Seller(partner.id(), deal.partnerRep()),
            k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        sum[0] = sum[0].add(BigDecimal.ONE);
        sum[1] = sum[1].add(points);
        sum[2] = sum[2].add(Money.round(points.multiply(rewards.pointValue())));
      }
    }
    BigDecimal totalPoints = BigDecimal.ZERO;
    BigDecimal totalValue = Money.ZERO;
    List<Object> sellers = new ArrayList<>();
    for (Map.Entry<Seller, BigDecimal[]> entry : sums.entrySet()) {
      BigDecimal[] sum = entry.getValue();
      rows.add(List.of(Cell.text(plan.name()), Cell.text(entry.getKey().partner()),
          Cell.text(entry.getKey().rep()), Cell.count(sum[0].longValueExact()),
          Cell.number(sum[1].setScale(2, Money.ROUNDING), Cell.Style.POINTS),
          Cell.money(sum[2], plan.currency())));
      Map<String, Object> seller = new LinkedHashMap<>();
      seller.put("partner", entry.getKey().partner());
      seller.put("partner_rep", entry.getKey().rep());
      seller.put("deals", sum[0].intValue());
      seller.put("points", sum[1].setScale(2, Money.ROUNDING));
      seller.put("value", sum[2]);
      sellers.add(seller);
      totalPoints = totalPoints.add(sum[1]);
      totalValue = totalValue.add(sum[2]);
    }
    json.put("points_per_1000", rewards.pointsPer1000());
    json.put("point_value", rewards.pointValue());
    json.put("requires_rebate_enrollment", rewards.requiresRebateEnrollment());
    json.put("points", totalPoints.setScale(2, Money.ROUNDING));
    json.put("value", totalValue);
    json.put("sellers", sellers);
    return json;
  }

  private static List<Object> competitions(Plan plan, List<Competitions.Standing> standings,
      List<List<Cell>> rows) {
    List<Object> json = new ArrayList<>();
    for (Competitions.Standing standing : standings) {
      String status = standing.prize().signum() == 0 ? "-" : standing.ended() ? "paid" : "held";
      Cell rank = standing.tied() > 1 ? Cell.composite(List.of(Cell.count(standing.rank()),
          Cell.count(standing.tied()).named("tied")), List.of("", " (tied ", ")"))
          : Cell.count(standing.rank());
      rows.add(List.of(Cell.text(plan.name()), Cell.text(standing.competition().name()), rank,
          Cell.text(standing.rep()), score(standing.score(), standing.competition().metric(),
              plan.currency()),
          Cell.money(standing.prize(), plan.currency()), Cell.text(status)));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("competition", standing.competition().name());
      entry.put("metric", standing.competition().metric().code());
      entry.put("from", standing.competition().from().toString());
      entry.put("to", standing.competition().to().toString());
      entry.put("rank", standing.rank());
      entry.put("tied", standing.tied());
      entry.put("rep", standing.rep());
      entry.put("score", standing.score());
      entry.put("prize", standing.prize());
      entry.put("ended", standing.ended());
      json.add(entry);
    }
    return json;
  }

  private static String summary(Plan plan, List<Rebates.RebateYear> rebates,
      Map<String, Object> rewards, List<Competitions.Standing> standings) {
    List<String> parts = new ArrayList<>();
    if (plan.partners().tiers() != null) {
      parts.add(plan.partners().tiers().basis().code() + "-based tiers");
    }
    if (!rebates.isEmpty()) {
      BigDecimal paid = Money.ZERO;
      BigDecimal held = Money.ZERO;
      for (Rebates.RebateYear year : rebates) {
        if (year.ended()) {
          paid = paid.add(year.amount());
        } else {
          held = held.add(year.amount());
        }
      }
      parts.add("rebates " + Money.grouped(paid) + " paid and " + Money.grouped(held)
          + " accrued over " + rebates.size() + " partner-years");
    }
    if (!rewards.isEmpty()) {
      parts.add(points((BigDecimal) rewards.get("points")) + " reward points worth "
          + Money.grouped((BigDecimal) rewards.get("value")));
    }
    List<String> winners = new ArrayList<>();
    for (Competitions.Standing standing : standings) {
      if (standing.rank() == 1) {
        winners.add(standing.rep() + (standing.ended() ? " won " : " leads ")
            + standing.competition().name() + (standing.ended() ? "" : " (still running)"));
      }
    }
    parts.addAll(winners);
    if (plan.partners().calendar() != dev.compsim.model.PartnerProgram.CalendarMode.VENDOR) {
      parts.add("program years on the " + plan.partners().calendar().code() + " calendar");
    }
    return plan.name() + ": " + (parts.isEmpty() ? "no partner tiers, rebates, rewards or "
        + "competitions" : String.join("; ", parts)) + ".";
  }

  /** A competition's score: a count of deals, or revenue to the cent as the engine states it. */
  private static Cell score(BigDecimal score, dev.compsim.model.Competition.Metric metric,
      String currency) {
    return switch (metric) {
      case PARTNER_DEALS, IMPLEMENTATIONS -> Cell.number(score, Cell.Style.STRIPPED);
      case PARTNER_REVENUE, WON_REVENUE -> Cell.plainMoney(Money.round(score), currency);
    };
  }

  private static String year(ProgramCalendar.Year year) {
    return year.label() + " (" + year.start() + ".." + year.end() + ")";
  }

  private static String points(BigDecimal points) {
    return Money.grouped(points).replaceAll("\\.00$", "");
  }
}
