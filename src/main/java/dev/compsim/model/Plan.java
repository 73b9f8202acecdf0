package dev.compsim.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A compensation plan, read from one YAML file.
 *
 * @param rules the plan's own credit, commission and holdback rules
 * @param roles per-role rules, already merged with the plan's own
 */
public record Plan(String name, String currency, FiscalCalendar calendar, Rules rules,
    Map<String, Rules> roles, List<Spiff> spiffs, boolean banActivitySpiffs,
    PartnerProgram partners, List<Competition> competitions, List<Guardrail> guardrails) {

  public Plan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(rules, "rules");
    roles = Map.copyOf(roles);
    spiffs = List.copyOf(spiffs);
    Objects.requireNonNull(partners, "partners");
    competitions = List.copyOf(competitions);
    guardrails = List.copyOf(guardrails);
  }

  /** The rules for a rep of {@code role}: the role's section, or the plan's own. */
  public Rules rulesFor(String role) {
    return roles.getOrDefault(role, rules);
  }
}
