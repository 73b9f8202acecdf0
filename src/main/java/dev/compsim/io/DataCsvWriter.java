package dev.compsim.io;

import dev.compsim.model.Activity;
import dev.compsim.model.Deal;
import dev.compsim.model.Partner;
import dev.compsim.model.Rep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes data sets in the canonical CSV format that {@link DataReader} reads: deals.csv,
 * reps.csv, partners.csv and activities.csv, every canonical column, empty cells for absent
 * values. Rows are written as they come, so a million deals take no memory.
 */
public final class DataCsvWriter {
  static final List<String> REP_COLUMNS = List.of("rep_id", "name", "role", "territory", "quota",
      "ote");
  static final List<String> PARTNER_COLUMNS = List.of("partner_id", "name", "type", "tier",
      "certifications", "independent", "rebate_enrolled", "fiscal_year_start", "manager");
  static final List<String> ACTIVITY_COLUMNS = List.of("rep", "date", "activity", "count");

  private DataCsvWriter() {}

  public static void reps(Writer out, List<Rep> reps) {
    Row row = new Row(out, REP_COLUMNS);
    for (Rep rep : reps) {
      row.text(rep.id()).text(rep.name()).text(rep.role()).text(rep.territory())
          .number(rep.quota()).number(rep.ote()).end();
    }
  }

  public static void partners(Writer out, List<Partner> partners) {
    Row row = new Row(out, PARTNER_COLUMNS);
    for (Partner partner : partners) {
      MonthDay start = partner.fiscalYearStart();
      row.text(partner.id()).text(partner.name()).text(partner.type()).text(partner.tier())
          .text(Integer.toString(partner.certifications()))
          .text(Boolean.toString(partner.independent()))
          .text(Boolean.toString(partner.rebateEnrolled()))
          .text(start == null ? null : String.format(java.util.Locale.ROOT, "%02d-%02d",
              start.getMonthValue(), start.getDayOfMonth()))
          .text(partner.manager()).end();
    }
  }

  /** A sink for deals: each deal is written as one row of deals.csv. */
  public static Consumer<Deal> deals(Writer out) {
    Row row = new Row(out, DataReader.DEAL_COLUMNS);
    return deal -> {
      boolean partner = deal.hasPartner();
      row.text(deal.id()).text(deal.owner()).date(deal.closeDate()).number(deal.amount())
          .text(deal.stage().code()).text(deal.currency()).text(deal.partner())
          .text(partner ? deal.partnerRole().code() : null)
          .text(partner ? (deal.partnerSourced() ? "partner" : "vendor") : null)
          .text(partner ? Boolean.toString(deal.registered()) : null)
          .number(deal.partnerDiscount()).text(deal.partnerRep())
          .text(deal.assists().isEmpty() ? null : String.join(";", deal.assists()))
          .text(deal.won() ? deal.implementation().code() : null)
          .date(deal.implementationDate()).text(deal.territory()).text(deal.product())
          .date(deal.createdDate()).end();
    };
  }

  /** A sink for activities: each is written as one row of activities.csv. */
  public static Consumer<Activity> activities(Writer out) {
    Row row = new Row(out, ACTIVITY_COLUMNS);
    return activity -> row.text(activity.rep()).date(activity.date()).text(activity.activity())
        .text(Integer.toString(activity.count())).end();
  }

  /** A sink for customer payments: each is written as one row of payments.csv. */
  public static Consumer<dev.compsim.model.Payment> payments(Writer out) {
    Row row = new Row(out, PaymentsReader.COLUMNS);
    return payment -> row.text(payment.dealId()).date(payment.date()).number(payment.amount())
        .end();
  }

  /** One CSV line at a time, fields separated by commas, quoted only when they must be. */
  private static final class Row {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);
    private boolean first = true;

    Row(Writer out, List<String> header) {
      this.out = out;
      for (String column : header) {
        text(column);
      }
      end();
    }

    Row text(String value) {
      if (!first) {
        line.append(',');
      }
      first = false;
      if (value == null) {
        return this;
      }
      if (needsQuotes(value)) {
        line.append('"').append(value.replace("\"", "\"\"")).append('"');
      } else {
        line.append(value);
      }
      return this;
    }

    Row number(BigDecimal value) {
      return text(value == null ? null : value.toPlainString());
    }

    Row date(LocalDate value) {
      return text(value == null ? null : value.toString());
    }

    void end() {
      line.append('\n');
      try {
        out.append(line);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      line.setLength(0);
      first = true;
    }

    private static boolean needsQuotes(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
          return true;
        }
      }
      return !value.isEmpty() && (value.charAt(0) <= ' ' || value.charAt(value.length() - 1) <= ' ');
    }
  }
}
