package dev.compsim.report;

import static dev.compsim.report.SectionCells.countAndShare;

import dev.compsim.report.ReportSection.Chart;
import dev.compsim.report.ReportSection.Series;
import dev.compsim.report.ReportSection.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-rep payout change of each candidate against the baseline. */
final class RepChangesSection {
  private final SectionCells cells;
  private final List<RepChanges> changes;

  private RepChangesSection(Comparison comparison) {
    this.cells = new SectionCells(comparison);
    this.changes = comparison.repChanges();
  }

  /** The section, built from {@code comparison}'s figures. */
  static ReportSection of(Comparison comparison) {
    return new RepChangesSection(comparison).build();
  }

  private ReportSection build() {
    List<String> notes = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    List<Object> jsonCandidates = new ArrayList<>();
    List<String> summaryHeader = List.of("candidate", "reps", "gain", "lose", "unchanged",
        "lose > 10%", "gained", "lost", "largest loss");
    List<List<Cell>> summaryRows = new ArrayList<>();
    for (RepChanges change : changes) {
      summaryRows.add(List.of(Cell.text(change.candidate()), Cell.count(change.reps()),
          countAndShare(change.gaining(), change), countAndShare(change.losing(), change),
          countAndShare(change.unchanged(), change),
          countAndShare(change.losingMoreThan10Pct(), change),
          cells.signedMoney(change.gained()), cells.signedMoney(change.lost()),
          Cell.percent(change.maxLossPct().negate())));
      notes.add(change.candidate() + ": " + change.gaining() + " reps gain a total of "
          + Fmt.money(change.gained()) + ", " + change.losing() + " lose a total of "
          + Fmt.money(change.lost().negate()) + ", " + change.unchanged() + " unchanged.");
    }
    tables.add(Table.of("Who gains and who loses, against " + cells.baseline().name(),
        summaryHeader,
        List.of(false, true, true, true, true, true, true, true, true), summaryRows));

    List<String> moversHeader = List.of("candidate", "", "rep", "baseline", "candidate pay",
        "change", "change %");
    List<List<Cell>> moverRows = new ArrayList<>();
    for (RepChanges change : changes) {
      for (RepChanges.Change c : change.winners(Comparison.TOP)) {
        moverRows.add(moverRow(change.candidate(), "winner", c));
      }
      for (RepChanges.Change c : change.losers(Comparison.TOP)) {
        moverRows.add(moverRow(change.candidate(), "loser", c));
      }
    }
    tables.add(Table.of("Biggest winners and losers (top " + Comparison.TOP + " each)",
        moversHeader,
        List.of(false, false, false, true, true, true, true), moverRows));

    List<String> distHeader = new ArrayList<>();
    distHeader.add("change in rep pay");
    changes.forEach(c -> distHeader.add(c.candidate()));
    List<List<Cell>> distRows = new ArrayList<>();
    for (int b = 0; b < RepChanges.BUCKETS.size(); b++) {
      List<Cell> rowCells = new ArrayList<>();
      rowCells.add(Cell.text(RepChanges.BUCKETS.get(b)));
      for (RepChanges change : changes) {
        rowCells.add(Cell.count(change.distribution().get(b)));
      }
      distRows.add(rowCells);
    }
    tables.add(Table.of("Reps by change in pay (\"new pay\": paid nothing under the baseline)",
        distHeader, cells.numericAfterFirst(distHeader.size()), distRows));

    List<Series> series = new ArrayList<>();
    for (RepChanges change : changes) {
      series.add(new Series(change.candidate(), change.distribution().stream()
          .map(BigDecimal::valueOf).toList()));
    }
    Chart chart = new Chart("rep-change-distribution", "Distribution of rep payout change",
        "bar", RepChanges.BUCKETS, series, "change in a rep's pay versus "
        + cells.baseline().name(),
        "number of reps");

    for (RepChanges change : changes) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("plan", change.candidate());
      one.put("reps", change.reps());
      one.put("gaining", change.gaining());
      one.put("losing", change.losing());
      one.put("unchanged", change.unchanged());
      one.put("gaining_share", Fmt.json(change.share(change.gaining())));
      one.put("losing_share", Fmt.json(change.share(change.losing())));
      one.put("unchanged_share", Fmt.json(change.share(change.unchanged())));
      one.put("losing_more_than_10pct", change.losingMoreThan10Pct());
      one.put("losing_more_than_10pct_share",
          Fmt.json(change.share(change.losingMoreThan10Pct())));
      one.put("gained", change.gained());
      one.put("lost", change.lost());
      one.put("max_loss_pct", Fmt.json(change.maxLossPct()));
      Map<String, Object> buckets = new LinkedHashMap<>();
      for (int b = 0; b < RepChanges.BUCKETS.size(); b++) {
        buckets.put(RepChanges.BUCKETS.get(b), change.distribution().get(b));
      }
      one.put("distribution", buckets);
      one.put("winners", change.winners(Comparison.TOP).stream().map(this::changeJson).toList());
      one.put("losers", change.losers(Comparison.TOP).stream().map(this::changeJson).toList());
      one.put("reps_detail", change.changes().stream().map(this::changeJson).toList());
      jsonCandidates.add(one);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("baseline", cells.baseline().name());
    json.put("candidates", jsonCandidates);
    return new ReportSection("rep_changes", "Rep payout change against the baseline", notes,
        tables, List.of(chart), json);
  }

  private List<Cell> moverRow(String candidate, String kind, RepChanges.Change c) {
    String who = c.name().equals(c.repId()) ? c.repId() : c.name() + " (" + c.repId() + ")";
    return List.of(Cell.text(candidate), Cell.text(kind), Cell.text(who), cells.money(c.baseline()),
        cells.money(c.candidate()), cells.signedMoney(c.delta()),
        Cell.signedPercent(c.changePct()));
  }

  private Map<String, Object> changeJson(RepChanges.Change c) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("rep", c.repId());
    one.put("name", c.name());
    one.put("baseline", c.baseline());
    one.put("candidate", c.candidate());
    one.put("change", c.delta());
    one.put("change_pct", Fmt.json(c.changePct()));
    return one;
  }
}
