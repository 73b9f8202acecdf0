package dev.compsim.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A plan file as written: every key of the format, nothing resolved, anything may be missing.
 * {@link PlanReader} binds YAML to these records (keys in snake_case) and resolves them into a
 * {@link dev.compsim.model.Plan}.
 */
record PlanDoc(String name, String currency, String fiscalYearStart, String period,
    CreditDoc credit, CommissionDoc commission, Map<String, RoleDoc> roles, HoldbackDoc holdback,
    List<SpiffDoc> spiffs, Boolean banActivitySpiffs, PartnersDoc partners,
    List<CompetitionDoc> competitions, List<GuardrailDoc> guardrails, String payOn,
    DrawDoc draw, List<ChangeDoc> changes) {

  record CreditDoc(String partnerBasis, BigDecimal partnerMultiplier, BigDecimal partnerSourced,
      String team, BigDecimal assistShare, Boolean channelManager) {}

  record CommissionDoc(List<TierDoc> tiers, Boolean retroactive, BigDecimal cap) {}

  record TierDoc(BigDecimal to, BigDecimal rate) {}

  record RoleDoc(CreditDoc credit, CommissionDoc commission, HoldbackDoc holdback,
      DrawDoc draw) {}

  /** A draw: the floor per period, recoverable or not, for how many months, carried or not. */
  record DrawDoc(BigDecimal amount, Boolean recoverable, Integer months, Boolean carry) {}

  /**
   * An effective-dated change: from {@code from}, the keys given replace the plan's own. Name,
   * currency, calendar, draws, competitions and guardrails stay as the plan gives them.
   */
  record ChangeDoc(String from, CreditDoc credit, CommissionDoc commission,
      Map<String, RoleDoc> roles, HoldbackDoc holdback, List<SpiffDoc> spiffs,
      Boolean banActivitySpiffs, PartnersDoc partners) {

    /** The plan keys this change gives, as the first segment of their JSON pointers. */
    java.util.Set<String> keys() {
      java.util.Set<String> keys = new java.util.HashSet<>();
      if (credit != null) {
        keys.add("credit");
      }
      if (commission != null) {
        keys.add("commission");
      }
      if (roles != null) {
        keys.add("roles");
      }
      if (holdback != null) {
        keys.add("holdback");
      }
      if (spiffs != null) {
        keys.add("spiffs");
      }
      if (banActivitySpiffs != null) {
        keys.add("ban_activity_spiffs");
      }
      if (partners != null) {
        keys.add("partners");
      }
      return keys;
    }
  }

  /** This plan with the keys {@code change} gives replaced, and no changes of its own. */
  PlanDoc with(ChangeDoc change) {
    return new PlanDoc(name, currency, fiscalYearStart, period,
        change.credit() != null ? change.credit() : credit,
        change.commission() != null ? change.commission() : commission,
        change.roles() != null ? change.roles() : roles,
        change.holdback() != null ? change.holdback() : holdback,
        change.spiffs() != null ? change.spiffs() : spiffs,
        change.banActivitySpiffs() != null ? change.banActivitySpiffs() : banActivitySpiffs,
        change.partners() != null ? change.partners() : partners,
        competitions, guardrails, payOn, draw, null);
  }

  record HoldbackDoc(BigDecimal share, String release, Integer days, Integer horizonDays,
      Boolean clawback) {}

  record SpiffDoc(String name, String kind, String activity, BigDecimal amount) {}

  record PartnersDoc(Map<String, BigDecimal> margin, BigDecimal registrationBonus,
      BigDecimal referralFee, SelfSufficiencyDoc selfSufficiency, PartnerTiersDoc tiers,
      List<RebateDoc> rebates, Map<String, BigDecimal> upfront, RepRewardsDoc repRewards,
      String calendar, String mutualYearStart) {}

  record SelfSufficiencyDoc(BigDecimal assisted, BigDecimal independent) {}

  record PartnerTiersDoc(String basis, List<TierLevelDoc> levels) {}

  record TierLevelDoc(String name, BigDecimal min, BigDecimal extraMargin) {}

  record RebateDoc(List<String> types, List<RebateTierDoc> tiers) {}

  record RebateTierDoc(BigDecimal from, BigDecimal rate) {}

  record RepRewardsDoc(@JsonProperty("points_per_1000") BigDecimal pointsPer1000, BigDecimal pointValue,
      Boolean requiresRebateEnrollment) {}

  record CompetitionDoc(String name, String from, String to, String metric,
      List<BigDecimal> prizes) {}

  record GuardrailDoc(String metric, BigDecimal max, BigDecimal min) {}
}
