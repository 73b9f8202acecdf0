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
    List<CompetitionDoc> competitions, List<GuardrailDoc> guardrails, String payOn) {

  record CreditDoc(String partnerBasis, BigDecimal partnerMultiplier, BigDecimal partnerSourced,
      String team, BigDecimal assistShare, Boolean channelManager) {}

  record CommissionDoc(List<TierDoc> tiers, Boolean retroactive, BigDecimal cap) {}

  record TierDoc(BigDecimal to, BigDecimal rate) {}

  record RoleDoc(CreditDoc credit, CommissionDoc commission, HoldbackDoc holdback) {}

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
