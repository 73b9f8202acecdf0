package dev.compsim.report;

import dev.compsim.engine.Component;
import dev.compsim.engine.Engine;
import dev.compsim.model.DataSet;
import dev.compsim.model.Deal;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import dev.compsim.report.ReportSection.Chart;
import dev.compsim.report.ReportSection.Series;
import dev.compsim.report.ReportSection.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Channel cost per partner and per partner type, generic over partner-side components. */
final class PartnerEconomicsSection {
  private final SectionCells cells;
  private final List<PlanFigures> plans;
  private final DataSet data;
  private final LocalDate asOf;

  private PartnerEconomicsSection(Comparison comparison) {
    this.cells = new SectionCells(comparison);
    this.plans = comparison.plans();
    this.data = comparison.data();
    this.asOf = comparison.asOf();
  }

  /** The section, built from {@code comparison}'s figures. */
  static ReportSection of(Comparison comparison) {
    return new PartnerEconomicsSection(comparison).build();
  }

  private ReportSection build() {
    Set<Component> shown = EnumSet.noneOf(Component.class);
    Set<String> partnerIds = new TreeSet<>();
    for (PlanFigures plan : plans) {
      for (Map.Entry<String, Map<Component, BigDecimal>> e : plan.partnerCosts().entrySet()) {
        partnerIds.add(e.getKey());
        shown.addAll(e.getValue().keySet());
      }
    }
    Map<String, String> typeOf = new TreeMap<>();
    for (String id : partnerIds) {
      Partner partner = data.partners().get(id);
      typeOf.put(id, partner == null ? PlanFigures.UNATTRIBUTED : partner.type());
    }
    Map<String, BigDecimal> revenue = partnerRevenue();
    // per partner: one column per plan, so plans read side by side
    List<String> header = new ArrayList<>(List.of("partner", "type", "won revenue"));
    for (PlanFigures plan : plans) {
      header.add(plan.name() + (plan == cells.baseline() ? " (baseline)" : ""));
    }
    List<List<Cell>> rows = new ArrayList<>();
    List<Object> jsonPartners = new ArrayList<>();
    for (String id : partnerIds) {
      Partner partner = data.partners().get(id);
      String name = partner == null || partner.name().equals(id) ? id
          : partner.name() + " (" + id + ")";
      Map<String, Object> jp = new LinkedHashMap<>();
      jp.put("partner", id);
      jp.put("name", partner == null ? id : partner.name());
      jp.put("type", typeOf.get(id));
      jp.put("won_revenue", revenue.getOrDefault(id, Money.ZERO));
      List<Object> jsonPlans = new ArrayList<>();
      BigDecimal base = partnerTotal(cells.baseline(), Set.of(id));
      List<Cell> rowCells = new ArrayList<>(List.of(Cell.text(name), Cell.text(typeOf.get(id)),
          cells.money(revenue.getOrDefault(id, Money.ZERO))));
      for (PlanFigures plan : plans) {
        Map<Component, BigDecimal> costs = plan.partnerCosts().getOrDefault(id, Map.of());
        BigDecimal total = Money.ZERO;
        Map<String, Object> jc = new LinkedHashMap<>();
        for (Component component : shown) {
          BigDecimal amount = costs.getOrDefault(component, Money.ZERO);
          jc.put(component.code(), amount);
          total = total.add(amount);
        }
        rowCells.add(plan == cells.baseline() || total.compareTo(base) == 0 ? cells.money(total)
            : Cell.withDetail(cells.money(total), "change",
                cells.signedMoney(total.subtract(base))));
        Map<String, Object> jpp = new LinkedHashMap<>();
        jpp.put("plan", plan.name());
        jpp.put("by_component", jc);
        jpp.put("total", total);
        jpp.put("change", total.subtract(base));
        jsonPlans.add(jpp);
      }
      rows.add(rowCells);
      jp.put("plans", jsonPlans);
      jsonPartners.add(jp);
    }
    List<Boolean> numeric = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      numeric.add(i >= 2);
    }
    Table byPartner = Table.of("Channel cost per partner (change against the baseline in "
        + "brackets)", header, numeric, rows);

    List<List<Cell>> componentRows = new ArrayList<>();
    for (Component component : shown) {
      componentRows.add(cells.row(component.code(), p -> {
        BigDecimal total = Money.ZERO;
        for (Map<Component, BigDecimal> costs : p.partnerCosts().values()) {
          total = total.add(costs.getOrDefault(component, Money.ZERO));
        }
        return cells.money(total);
      }));
    }
    List<String> componentHeader = cells.planHeader("component");
    Table byComponent = Table.of("Channel cost by component", componentHeader,
        cells.numericAfterFirst(componentHeader.size()), componentRows);

    Map<String, Set<String>> byType = new TreeMap<>();
    typeOf.forEach((id, type) -> byType.computeIfAbsent(type, k -> new TreeSet<>()).add(id));
    List<String> typeHeader = cells.planHeader("partner type");
    typeHeader.add(1, "partners");
    List<List<Cell>> typeRows = new ArrayList<>();
    List<Object> jsonTypes = new ArrayList<>();
    for (Map.Entry<String, Set<String>> type : byType.entrySet()) {
      List<Cell> rowCells = new ArrayList<>();
      rowCells.add(Cell.text(type.getKey()));
      rowCells.add(Cell.count(type.getValue().size()));
      List<Object> jtPlans = new ArrayList<>();
      for (PlanFigures plan : plans) {
        BigDecimal total = partnerTotal(plan, type.getValue());
        rowCells.add(cells.money(total));
        Map<String, Object> jp = new LinkedHashMap<>();
        jp.put("plan", plan.name());
        jp.put("total", total);
        jtPlans.add(jp);
      }
      typeRows.add(rowCells);
      Map<String, Object> jt = new LinkedHashMap<>();
      jt.put("type", type.getKey());
      jt.put("partners", type.getValue().size());
      jt.put("plans", jtPlans);
      jsonTypes.add(jt);
    }
    Table byTypeTable = Table.of("Channel cost per partner type", typeHeader,
        cells.numericAfterFirst(typeHeader.size()), typeRows);

    List<Chart> charts = new ArrayList<>();
    if (!byType.isEmpty()) {
      List<String> labels = plans.stream().map(PlanFigures::name).toList();
      List<Series> series = new ArrayList<>();
      for (Map.Entry<String, Set<String>> type : byType.entrySet()) {
        series.add(new Series(type.getKey(), plans.stream()
            .map(p -> partnerTotal(p, type.getValue())).toList()));
      }
      charts.add(new Chart("channel-cost-by-type", "Channel cost by partner type", "stacked-bar",
          labels, series, "plan", "channel cost (" + cells.baseline().plan().currency() + ")"));
    }
    List<String> notes = new ArrayList<>();
    if (partnerIds.isEmpty()) {
      notes.add("No plan pays partners on these deals.");
    } else {
      notes.add("Every partner-side component of the ledger, per partner (margin, fees, "
          + "commission, rebates, upfront discounts, partner-rep rewards). Lines without a deal "
          + "or a known partner are shown as " + PlanFigures.UNATTRIBUTED + ".");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("components", shown.stream().map(Component::code).toList());
    json.put("partners", jsonPartners);
    json.put("by_type", jsonTypes);
    return new ReportSection("partners", "Partner economics", notes,
        partnerIds.isEmpty() ? List.of() : List.of(byTypeTable, byComponent, byPartner), charts,
        json);
  }

  private static BigDecimal partnerTotal(PlanFigures plan, Set<String> ids) {
    BigDecimal total = Money.ZERO;
    for (String id : ids) {
      for (BigDecimal amount : plan.partnerCosts().getOrDefault(id, Map.of()).values()) {
        total = total.add(amount);
      }
    }
    return total;
  }

  /**
   * Won list amount of each partner's deals as of the report date, in the baseline's currency
   * (converted with fx.csv and rounded to the cent per deal, as the engine books it).
   */
  private Map<String, BigDecimal> partnerRevenue() {
    String currency = cells.baseline().plan().currency();
    Map<String, BigDecimal> revenue = new TreeMap<>();
    for (Deal deal : data.deals()) {
      if (deal.partner() != null && Engine.wonBy(deal, asOf)) {
        revenue.merge(deal.partner(), Money.round(Engine.amountIn(data, currency, deal)),
            BigDecimal::add);
      }
    }
    return revenue;
  }
}
