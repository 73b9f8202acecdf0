package dev.compsim.report;

import dev.compsim.report.ReportSection.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every guardrail of every plan with its value and outcome. */
final class GuardrailSection {
  private final Comparison comparison;
  private final List<GuardrailResult> guardrails;

  private GuardrailSection(Comparison comparison) {
    this.comparison = comparison;
    this.guardrails = comparison.guardrails();
  }

  /** The section, built from {@code comparison}'s figures. */
  static ReportSection of(Comparison comparison) {
    return new GuardrailSection(comparison).build();
  }

  private ReportSection build() {
    List<List<Cell>> rows = new ArrayList<>();
    List<Object> jsonResults = new ArrayList<>();
    for (GuardrailResult result : guardrails) {
      rows.add(List.of(Cell.text(result.plan()), Cell.text(result.guardrail().metric()),
          result.valueCell(), Cell.text(result.limit()),
          Cell.text(result.outcome().name().toLowerCase(Locale.ROOT))));
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("plan", result.plan());
      one.put("metric", result.guardrail().metric());
      one.put("value", result.value() == null ? null
          : result.metric().money() ? result.value() : Fmt.json(result.value()));
      one.put("min", result.guardrail().min());
      one.put("max", result.guardrail().max());
      one.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
      one.put("message", result.message());
      jsonResults.add(one);
    }
    List<String> notes = new ArrayList<>();
    if (guardrails.isEmpty()) {
      notes.add("No plan sets guardrails.");
    } else {
      long failed = comparison.failedGuardrails().size();
      notes.add(failed == 0 ? "Every guardrail holds."
          : failed + " of " + guardrails.size() + " guardrails fail.");
      if (guardrails.stream().anyMatch(g -> g.outcome() == GuardrailResult.Outcome.SKIPPED
          && g.metric().versusBaseline())) {
        notes.add("Guardrails that compare a plan with the baseline are skipped for the "
            + "baseline itself.");
      }
      if (guardrails.stream().anyMatch(g -> g.outcome() == GuardrailResult.Outcome.SKIPPED
          && !g.metric().versusBaseline())) {
        notes.add("A guardrail whose metric has no value because nothing was won or paid is "
            + "skipped; one that has no value while money is paid fails as undefined.");
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("passed", comparison.failedGuardrails().isEmpty());
    json.put("results", jsonResults);
    return new ReportSection("guardrails", "Guardrails", notes,
        rows.isEmpty() ? List.of() : List.of(Table.of("", List.of("plan", "metric", "value",
            "limit", "outcome"), List.of(false, false, true, false, false), rows)),
        List.of(), json);
  }

  /** A plan's guardrails in a few words: how many pass, fail and were not applied. */
  static String cell(List<GuardrailResult> guardrails, PlanFigures plan) {
    List<GuardrailResult> mine = guardrails.stream().filter(g -> g.plan().equals(plan.name()))
        .toList();
    long failed = mine.stream().filter(g -> g.outcome() == GuardrailResult.Outcome.FAILED)
        .count();
    long applied = mine.stream().filter(g -> g.outcome() != GuardrailResult.Outcome.SKIPPED)
        .count();
    if (mine.isEmpty()) {
      return "none";
    }
    String skipped = applied < mine.size() ? ", " + (mine.size() - applied) + " not applied" : "";
    if (failed == 0) {
      return (applied == 1 ? "1 passes" : applied + " pass") + skipped;
    }
    return failed + " of " + applied + " FAIL" + skipped;
  }
}
