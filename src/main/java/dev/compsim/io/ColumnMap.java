package dev.compsim.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.compsim.model.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a deals export's columns and values map onto the canonical deals.csv: a preset for a CRM's
 * standard export, or a column map file ({@code --columns MAP.yaml}).
 *
 * @param name how the map is named in messages: {@code salesforce}, or the map file
 * @param columns canonical column, then the export headers that may hold it (lower case)
 * @param stages the export's stage values (lower case) and what they mean; empty: canonical
 * @param otherStagesOpen whether a stage value not listed means an open deal (presets: custom
 *     pipeline stages are open) or is an error (column maps list every value)
 * @param dateFormat the export's date pattern, strict (no 30 February), or null for ISO dates
 * @param datePattern the same pattern as written, for messages
 * @param lenient whether to accept the CRM's display formats ({@code 3/31/2026}, ISO date-times,
 *     {@code $12,500.00})
 * @param paymentColumns a column map file's {@code payments:} section: canonical payments.csv
 *     column, then the export header that holds it (lower case); empty for presets
 */
public record ColumnMap(String name, Map<String, List<String>> columns, Map<String, Stage> stages,
    boolean otherStagesOpen, DateTimeFormatter dateFormat, String datePattern, boolean lenient,
    Map<String, List<String>> paymentColumns) {

  public ColumnMap {
    paymentColumns = paymentColumns == null ? Map.of() : Map.copyOf(paymentColumns);
  }

  /** A map without a payments section. */
  public ColumnMap(String name, Map<String, List<String>> columns, Map<String, Stage> stages,
      boolean otherStagesOpen, DateTimeFormatter dateFormat, String datePattern,
      boolean lenient) {
    this(name, columns, stages, otherStagesOpen, dateFormat, datePattern, lenient, Map.of());
  }

  public static final List<String> PRESETS = List.of("salesforce", "hubspot");

  /** Salesforce: report exports (column labels) and object exports (API field names). */
  static final ColumnMap SALESFORCE = new ColumnMap("salesforce", Map.of(
      "deal_id", List.of("opportunity id", "id", "opportunity_id"),
      "owner", List.of("opportunity owner", "owner id", "ownerid", "owner"),
      "close_date", List.of("close date", "closedate"),
      "amount", List.of("amount", "total amount"),
      "stage", List.of("stage", "stagename"),
      "currency", List.of("opportunity currency", "currencyisocode", "amount currency",
          "total amount currency"),
      "created_date", List.of("created date", "createddate")),
      crmStages(), true, null, null, true);

  /** HubSpot deal exports (property labels, or internal names). */
  static final ColumnMap HUBSPOT = new ColumnMap("hubspot", Map.of(
      "deal_id", List.of("record id", "deal id", "hs_object_id"),
      "owner", List.of("deal owner", "hubspot_owner_id"),
      "close_date", List.of("close date", "closedate"),
      "amount", List.of("amount"),
      "stage", List.of("deal stage", "dealstage"),
      "currency", List.of("currency", "deal_currency_code"),
      "created_date", List.of("create date", "createdate")),
      crmStages(), true, null, null, true);

  private static Map<String, Stage> crmStages() {
    Map<String, Stage> stages = new LinkedHashMap<>();
    stages.put("closed won", Stage.WON);
    stages.put("closedwon", Stage.WON);
    stages.put("won", Stage.WON);
    stages.put("closed lost", Stage.LOST);
    stages.put("closedlost", Stage.LOST);
    stages.put("lost", Stage.LOST);
    return stages;
  }

  /** This map reading dates in {@code pattern} (a java.time pattern such as d/M/yyyy). */
  public ColumnMap withDateFormat(String pattern) {
    DateTimeFormatter format;
    try {
      format = Values.datePattern(pattern);
    } catch (IllegalArgumentException e) {
      throw new InputException(Diagnostic.of(null, "--date-format \"" + pattern
          + "\" is not a date pattern (e.g. yyyy-MM-dd, M/d/yyyy, dd.MM.yyyy): " + e.getMessage()));
    }
    return new ColumnMap(name, columns, stages, otherStagesOpen, format, pattern, lenient,
        paymentColumns);
  }

  public static ColumnMap preset(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "salesforce" -> SALESFORCE;
      case "hubspot" -> HUBSPOT;
      default -> throw new IllegalArgumentException("unknown preset " + name);
    };
  }

  /**
   * The preset whose signature the header carries, or null: Salesforce object exports have
   * {@code Id}, {@code StageName} and {@code CloseDate}, report exports {@code Opportunity Owner}
   * or {@code Opportunity Name} with {@code Close Date}; HubSpot has {@code Record ID} or
   * {@code Deal ID} with {@code Deal Stage} or {@code Deal Name}.
   */
  static ColumnMap detect(Set<String> header) {
    if (header.contains("stagename") && header.contains("closedate")
        || (header.contains("opportunity owner") || header.contains("opportunity name")
            || header.contains("opportunity id")) && header.contains("close date")) {
      return SALESFORCE;
    }
    if ((header.contains("record id") || header.contains("deal id"))
        && (header.contains("deal stage") || header.contains("deal name"))) {
      return HUBSPOT;
    }
    return null;
  }

  /** The export headers that may hold {@code canonical}: its own name, then the mapped ones. */
  List<String> candidates(String canonical) {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    names.add(canonical);
    names.addAll(columns.getOrDefault(canonical, List.of()));
    return List.copyOf(names);
  }

  /**
   * Whether deals without an id column are numbered by their line ({@code line-12}): CRM report
   * exports often leave the record id out. Column maps name their id column.
   */
  boolean numbersRows() {
    return PRESETS.contains(name);
  }

  /** The file form of a column map. */
  record Doc(Map<String, String> columns, Map<String, String> stages, String dateFormat,
      Map<String, String> payments) {}

  /** Reads a column map file, listing every problem with its position. */
  public static ColumnMap read(Path file) {
    YamlSource source = YamlSource.read(file, YamlSource.scanner());
    List<Diagnostic> problems = new ArrayList<>();
    PlanShape.check(source, YamlSource.scanner(), problems, Doc.class);
    InputException.throwIfAny(problems);
    ObjectMapper mapper = YAMLMapper.builder(YamlSource.factory())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
    Doc doc;
    try {
      doc = mapper.readValue(source.bytes, Doc.class);
    } catch (JsonProcessingException e) {
      throw new InputException(source.at(e));
    } catch (IOException e) {
      throw new InputException(Diagnostic.of(file, "cannot read: " + YamlSource.describe(e)));
    }
    if (doc == null || doc.columns() == null || doc.columns().isEmpty()) {
      throw new InputException(source.at("", "a column map needs columns: canonical name -> "
          + "the export's header, e.g. { deal_id: opportunity_id, owner: sales_agent }"));
    }
    Map<String, List<String>> columns = new LinkedHashMap<>();
    doc.columns().forEach((canonical, header) -> {
      if (!DataReader.DEAL_COLUMNS.contains(canonical)) {
        String nearest = Suggest.nearest(canonical, DataReader.DEAL_COLUMNS);
        problems.add(source.atKey("/columns/" + canonical, "unknown deals column `" + canonical
            + "`" + (nearest != null ? "; did you mean `" + nearest + "`?"
                : "; the columns are " + String.join(", ", DataReader.DEAL_COLUMNS))));
      } else if (header == null || header.isBlank()) {
        problems.add(source.at("/columns/" + canonical, "column " + canonical
            + " needs the export's header name"));
      } else {
        columns.put(canonical, List.of(header.trim().toLowerCase(Locale.ROOT)));
      }
    });
    Map<String, Stage> stages = new LinkedHashMap<>();
    if (doc.stages() != null) {
      doc.stages().forEach((value, meaning) -> {
        Stage stage = meaning == null ? null : switch (meaning.trim().toLowerCase(Locale.ROOT)) {
          case "won" -> Stage.WON;
          case "lost" -> Stage.LOST;
          case "open" -> Stage.OPEN;
          default -> null;
        };
        if (stage == null) {
          problems.add(source.at("/stages/" + value, "stage " + value
              + " must map to won, lost or open, found \"" + meaning + "\""));
        } else {
          stages.put(value.trim().toLowerCase(Locale.ROOT), stage);
        }
      });
    }
    DateTimeFormatter format = null;
    if (doc.dateFormat() != null) {
      try {
        format = Values.datePattern(doc.dateFormat());
      } catch (IllegalArgumentException e) {
        problems.add(source.at("/date_format", "date_format \"" + doc.dateFormat()
            + "\" is not a date pattern (e.g. yyyy-MM-dd, M/d/yyyy, dd.MM.yyyy): "
            + e.getMessage()));
      }
    }
    Map<String, List<String>> paymentColumns = new LinkedHashMap<>();
    if (doc.payments() != null) {
      doc.payments().forEach((canonical, header) -> {
        if (!PaymentsReader.COLUMNS.contains(canonical)) {
          String nearest = Suggest.nearest(canonical, PaymentsReader.COLUMNS);
          problems.add(source.atKey("/payments/" + canonical, "unknown payments column `"
              + canonical + "`" + (nearest != null ? "; did you mean `" + nearest + "`?"
                  : "; the columns are " + String.join(", ", PaymentsReader.COLUMNS))));
        } else if (header == null || header.isBlank()) {
          problems.add(source.at("/payments/" + canonical, "payments column " + canonical
              + " needs the export's header name"));
        } else {
          paymentColumns.put(canonical, List.of(header.trim().toLowerCase(Locale.ROOT)));
        }
      });
    }
    InputException.throwIfAny(problems);
    return new ColumnMap(file.toString(), columns, stages, false, format, doc.dateFormat(),
        true, paymentColumns);
  }
}
