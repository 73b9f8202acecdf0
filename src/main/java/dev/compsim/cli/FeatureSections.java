package dev.compsim.cli;

import dev.compsim.engine.Engine;
import dev.compsim.model.Plan;
import dev.compsim.report.CalendarAlignment;
import dev.compsim.report.Comparison;
import dev.compsim.report.DrawsSection;
import dev.compsim.report.ReportSection;
import dev.compsim.report.PartnerPrograms;
import java.time.MonthDay;
import java.util.List;

/**
 * The sections other features contribute, appended to a comparison in report order: the one
 * place that decides which sections {@code run}, {@code compare} and {@code simulate} show
 * ({@code check} reports guardrails only).
 */
final class FeatureSections {
  private FeatureSections() {}

  static Comparison append(Comparison comparison, List<Plan> plans, Engine engine) {
    return partnerSections(comparison, plans, engine);
  }

  /**
   * The partner sections, then what each plan makes reps do: incentive gradients, the predicted
   * behavior and the assumptions behind it (and, from simulate, the simulated outcomes).
   */
  static Comparison append(Comparison comparison, List<Plan> plans, Engine engine,
      List<ReportSection> behavior) {
    return appendBehavior(partnerSections(comparison, plans, engine), behavior);
  }

  /**
   * The behavior sections after a comparison that has its partner sections ({@link
   * #append(Comparison, List, Engine)}): what {@link #append(Comparison, List, Engine, List)}
   * does in two steps, for compare, which evaluates the plans beside the behavior model.
   */
  static Comparison appendBehavior(Comparison withPartnerSections,
      List<ReportSection> behavior) {
    Comparison result = withPartnerSections;
    for (ReportSection section : behavior) {
      result = result.with(section);
    }
    return result;
  }

  private static Comparison partnerSections(Comparison comparison, List<Plan> plans,
      Engine engine) {
    Comparison result = comparison;
    if (plans.stream().anyMatch(DrawsSection::hasDraws)) {
      result = result.with(DrawsSection.section(result));
    }
    for (ReportSection section : partnerSections(plans, engine)) {
      result = result.with(section);
    }
    return result;
  }

  /**
   * The partner sections every command shows, decided here once: partner programs when a plan
   * has tiers, rebates, reward points or competitions; calendar alignment when the data has
   * partners. {@code run} prints them on the terminal, the report files hold them.
   */
  static List<ReportSection> partnerSections(List<Plan> plans, Engine engine) {
    List<ReportSection> sections = new java.util.ArrayList<>();
    if (plans.stream().anyMatch(FeatureSections::hasPartnerPrograms)) {
      sections.add(PartnerPrograms.section(plans, engine));
    }
    if (!engine.data().partners().isEmpty()) {
      // the baseline's fiscal year against each partner's, and the first mutual period any plan
      // agrees on
      MonthDay mutual = plans.stream().map(p -> p.partners().mutualYearStart())
          .filter(java.util.Objects::nonNull).findFirst().orElse(null);
      sections.add(CalendarAlignment.section(plans.get(0).calendar().yearStart(), mutual,
          engine));
    }
    return sections;
  }

  /** Plans with partner tiers, rebates, reward points or competitions. */
  static boolean hasPartnerPrograms(Plan plan) {
    var program = plan.partners();
    return program.tiers() != null || !program.rebates().isEmpty()
        || program.repRewards() != null || !plan.competitions().isEmpty();
  }
}
