package dev.compsim.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep.json}: the whole sweep (header, baseline, every variant, the frontier and the
 * sorted order), with money as exact decimals. A shard's file also names its shard; {@link #read}
 * gives back the same {@link Sweep}, so {@code sweep-merge} writes what one run writes.
 */
public final class SweepJson {
  public static final String SCHEMA = "compsim-sweep/1";

  /** Reads decimals as written: 1753740.00 stays 1753740.00, as the renderers show it. */
  private static final ObjectMapper READER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory
          .withExactBigDecimals(true));

  private SweepJson() {}

  /** The sweep's JSON; {@code shard} is "I/N" for a shard's file, null for a whole sweep. */
  public static String render(Sweep sweep, String shard) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    if (shard != null) {
      root.put("shard", shard);
    }
    Sweep.Header h = sweep.header();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("base", h.base());
    header.put("base_plan", h.basePlan());
    header.put("baseline", h.baselineFile());
    header.put("baseline_plan", h.baselinePlan());
    header.put("currency", h.currency());
    header.put("as_of", h.asOf());
    header.put("won_deals", h.wonDeals());
    header.put("won_revenue", h.wonRevenue());
    header.put("vary", h.vary());
    header.put("samples", h.samples());
    header.put("seed", h.seed());
    header.put("variants", h.variants());
    header.put("sort", h.sort());
    header.put("behavior_runs", h.behaviorRuns());
    root.put("sweep", header);
    root.put("baseline", row(sweep.baseline()));
    if (shard == null) {
      root.put("frontier_axes", sweep.frontierAxes());
      root.put("frontier", sweep.frontier().stream().map(Sweep.Row::id).toList());
      root.put("sorted", sweep.sorted().stream().map(Sweep.Row::id).toList());
    }
    List<Object> rows = new ArrayList<>();
    for (Sweep.Row row : sweep.rows()) {
      rows.add(row(row));
    }
    root.put("variants", rows);
    return ReportJson.write(root);
  }

  private static Map<String, Object> row(Sweep.Row row) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", row.id());
    json.put("plan", row.plan());
    Map<String, String> params = new LinkedHashMap<>();
    row.params().forEach(p -> params.put(p.path(), p.value()));
    json.put("params", params);
    if (!row.params().isEmpty()) {
      json.put("plan_file", row.planFile());
    }
    json.put("total_cost", row.totalCost());
    json.put("rep_cost", row.repCost());
    json.put("channel_cost", row.channelCost());
    json.put("cost_of_sales", row.costOfSales());
    json.put("cost_change", row.costChange());
    json.put("reps_losing_more_than_10pct", row.repsLosingMoreThan10Pct());
    json.put("guardrails", row.guardrails());
    json.put("guardrails_failed", row.guardrailsFailed());
    json.put("expected_cost", row.expectedCost());
    json.put("expected_revenue", row.expectedRevenue());
    json.put("expected_reps_losing_more_than_10pct", row.expectedRepsLosingMoreThan10Pct());
    return json;
  }

  /** A sweep file read back, with the shard it names (null for a whole sweep). */
  public record Read(Sweep sweep, String shard) {}

  /**
   * Reads a sweep.json written by {@link #render}.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static Read read(String text) {
    JsonNode root;
    try {
      root = READER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage());
    }
    if (root == null || !SCHEMA.equals(root.path("schema").asText(null))) {
      throw new IllegalArgumentException("not a sweep.json of this version (schema "
          + SCHEMA + ")");
    }
    JsonNode h = root.get("sweep");
    List<String> vary = new ArrayList<>();
    h.get("vary").forEach(v -> vary.add(v.asText()));
    Sweep.Header header = new Sweep.Header(h.get("base").asText(), h.get("base_plan").asText(),
        h.get("baseline").asText(), h.get("baseline_plan").asText(), h.get("currency").asText(),
        h.get("as_of").asText(), h.get("won_deals").asInt(), decimal(h.get("won_revenue")), vary,
        h.get("samples").asInt(), h.get("seed").asLong(), h.get("variants").asLong(),
        h.get("sort").asText(), h.get("behavior_runs").asInt());
    List<Sweep.Row> rows = new ArrayList<>();
    for (JsonNode row : root.get("variants")) {
      rows.add(row(row));
    }
    JsonNode shard = root.get("shard");
    return new Read(new Sweep(header, row(root.get("baseline")), rows),
        shard == null ? null : shard.asText());
  }

  private static Sweep.Row row(JsonNode json) {
    List<Sweep.Param> params = new ArrayList<>();
    json.get("params").fields().forEachRemaining(e ->
        params.add(new Sweep.Param(e.getKey(), e.getValue().asText())));
    List<String> failed = new ArrayList<>();
    json.get("guardrails_failed").forEach(f -> failed.add(f.asText()));
    JsonNode losing = json.get("expected_reps_losing_more_than_10pct");
    return new Sweep.Row(json.get("id").asText(), params, json.get("plan").asText(),
        decimal(json.get("total_cost")), decimal(json.get("rep_cost")),
        decimal(json.get("channel_cost")), decimal(json.get("cost_of_sales")),
        decimal(json.get("cost_change")), json.get("reps_losing_more_than_10pct").asInt(),
        json.get("guardrails").asInt(), failed, decimal(json.get("expected_cost")),
        decimal(json.get("expected_revenue")),
        losing == null || losing.isNull() ? null : losing.asInt());
  }

  private static BigDecimal decimal(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    // an integral value written without a fraction ("0") reads back as an integer node
    return node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.asText());
  }
}
