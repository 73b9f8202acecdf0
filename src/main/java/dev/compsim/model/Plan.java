package dev.compsim.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A compensation plan, read from one YAML file.
 *
 * @param rules the plan's own credit, commission and holdback rules
 * @param roles per-role rules, already merged with the plan's own
 * @param changes effective-dated versions in date order: from each one's date, its plan replaces
 *     this one (and the earlier changes); empty for a plan that never changes
 */
public record Plan(String name, String currency, FiscalCalendar calendar, Rules rules,
    Map<String, Rules> roles, List<Spiff> spiffs, boolean banActivitySpiffs,
    PartnerProgram partners, List<Competition> competitions, List<Guardrail> guardrails,
    List<Change> changes) {

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
    changes = List.copyOf(changes);
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      if (!change.plan().changes().isEmpty()) {
        throw new IllegalArgumentException("a change cannot change again");
      }
      if (i > 0 && !change.from().isAfter(changes.get(i - 1).from())) {
        throw new IllegalArgumentException("changes must be in date order, one per date");
      }
    }
  }

  public Plan(String name, String currency, FiscalCalendar calendar, Rules rules,
      Map<String, Rules> roles, List<Spiff> spiffs, boolean banActivitySpiffs,
      PartnerProgram partners, List<Competition> competitions, List<Guardrail> guardrails) {
    this(name, currency, calendar, rules, roles, spiffs, banActivitySpiffs, partners,
        competitions, guardrails, List.of());
  }

  /**
   * An effective-dated version of a plan.
   *
   * @param from the first day it is in force
   * @param plan the whole plan in force from that day: the earlier version with the change's keys
   *     replaced
   */
  public record Change(LocalDate from, Plan plan) {
    public Change {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(plan, "plan");
    }
  }

  /** The rules for a rep of {@code role}: the role's section, or the plan's own. */
  public Rules rulesFor(String role) {
    return roles.getOrDefault(role, rules);
  }

  /** The plan as written, then each change's plan, in order: index i is version i + 1. */
  public List<Plan> versions() {
    List<Plan> versions = new ArrayList<>(changes.size() + 1);
    versions.add(this);
    changes.forEach(change -> versions.add(change.plan()));
    return versions;
  }

  /** Whether the plan changes on a date. */
  public boolean isEffectiveDated() {
    return !changes.isEmpty();
  }

  /** The version in force on {@code date}: the latest change from on or before it, or this. */
  public Plan versionOn(LocalDate date) {
    int index = changes.isEmpty() ? 0 : versionIndex(date);
    return index == 0 ? this : changes.get(index - 1).plan();
  }

  /**
   * The number of the version in force on {@code date}: 0 for the plan as written, i for its
   * i-th change. Only for a plan that changes.
   */
  int versionIndex(LocalDate date) {
    int index = -1;
    for (int i = 0; i < changes.size(); i++) {
      if (!changes.get(i).from().isAfter(date)) {
        index = i;
      }
    }
    return index + 1;
  }

  /** The version number in force on {@code date}, 1 for the plan as written. */
  public int versionNumber(LocalDate date) {
    return versionIndex(date) + 1;
  }

  /** How a trace names the version in force on {@code date}: {@code v2 (from 2026-08-01)}. */
  public String versionLabel(LocalDate date) {
    int index = versionIndex(date);
    return index == 0 ? "v1 (as written)"
        : "v" + (index + 1) + " (from " + changes.get(index - 1).from() + ")";
  }
}
