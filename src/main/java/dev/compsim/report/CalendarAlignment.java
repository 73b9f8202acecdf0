package dev.compsim.report;

import dev.compsim.engine.Engine;
import dev.compsim.engine.ProgramCalendar;
import dev.compsim.model.Money;
import dev.compsim.model.Partner;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How each partner's fiscal quarters line up with the vendor's: the days between its quarter ends
 * and the vendor's, and the share of its won deals that close in the last 14 days of the vendor's
 * quarter versus its own (and, with a mutual operating period, of the mutual quarter). Deals
 * bunch at the quarter end of whoever is pushing them; a partner whose quarter ends a month away
 * from the vendor's pulls deals across the vendor's period boundary.
 */
public final class CalendarAlignment {
  /** The quarter's closing stretch, in days, including the quarter's last day. */
  public static final int LAST_DAYS = 14;
  /** Share difference, in percentage points, above which one quarter end is said to pull. */
  private static final BigDecimal PULL = new BigDecimal("0.05");

  private CalendarAlignment() {}

  /** One partner's alignment. */
  public record Row(Partner partner, MonthDay yearStart, List<Integer> offsets, int deals,
      int nearVendorEnd, int nearOwnEnd, Integer nearMutualEnd) {

    public BigDecimal vendorShare() {
      return share(nearVendorEnd, deals);
    }

    public BigDecimal ownShare() {
      return share(nearOwnEnd, deals);
    }

    public BigDecimal mutualShare() {
      return nearMutualEnd == null ? null : share(nearMutualEnd, deals);
    }
  }

  /**
   * @param vendorYearStart the plan's fiscal year start
   * @param mutualYearStart the mutual operating period's year start, or null
   */
  public static ReportSection section(MonthDay vendorYearStart, MonthDay mutualYearStart,
      Engine engine) {
    List<Row> rows = rows(vendorYearStart, mutualYearStart, engine);
    List<String> notes = new ArrayList<>();
    notes.add("Vendor fiscal year from " + monthDay(vendorYearStart)
        + (mutualYearStart == null ? "" : "; mutual operating period from "
        + monthDay(mutualYearStart)) + ". Shares count won deals through each partner closing in"
        + " the last " + LAST_DAYS + " days of a quarter, as of " + engine.asOf() + ".");
    for (Row row : rows) {
      notes.add(sentence(row, vendorYearStart));
    }
    List<String> header = new ArrayList<>(List.of("partner", "type", "year from",
        "quarter ends vs vendor's", "won deals", "last 14 days of vendor quarter",
        "last 14 days of own quarter"));
    List<Boolean> numeric = new ArrayList<>(List.of(false, false, false, false, true, true, true));
    if (mutualYearStart != null) {
      header.add("last 14 days of mutual quarter");
      numeric.add(true);
    }
    List<List<Cell>> cells = new ArrayList<>();
    List<Object> json = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<BigDecimal> vendorSeries = new ArrayList<>();
    List<BigDecimal> ownSeries = new ArrayList<>();
    for (Row row : rows) {
      List<Cell> line = new ArrayList<>(List.of(
          Cell.text(row.partner().id() + " " + row.partner().name()),
          Cell.text(row.partner().type()), Cell.text(monthDay(row.yearStart())),
          Cell.text(offsets(row.offsets())), Cell.count(row.deals()),
          Cell.percent(row.vendorShare()), Cell.percent(row.ownShare())));
      if (mutualYearStart != null) {
        line.add(Cell.percent(row.mutualShare()));
      }
      cells.add(line);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("partner", row.partner().id());
      entry.put("name", row.partner().name());
      entry.put("type", row.partner().type());
      entry.put("year_start", monthDay(row.yearStart()));
      entry.put("quarter_end_offsets_days", row.offsets());
      entry.put("won_deals", row.deals());
      entry.put("vendor_quarter_end_share", row.vendorShare());
      entry.put("own_quarter_end_share", row.ownShare());
      if (mutualYearStart != null) {
        entry.put("mutual_quarter_end_share", row.mutualShare());
      }
      json.add(entry);
      labels.add(row.partner().id());
      vendorSeries.add(percentPoints(row.vendorShare()));
      ownSeries.add(percentPoints(row.ownShare()));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("vendor_year_start", monthDay(vendorYearStart));
    if (mutualYearStart != null) {
      data.put("mutual_year_start", monthDay(mutualYearStart));
    }
    data.put("last_days", LAST_DAYS);
    data.put("partners", json);
    ReportSection.Chart chart = new ReportSection.Chart("calendar_alignment_shares",
        "Won deals closing in the last " + LAST_DAYS + " days of a quarter (%)", "bar", labels,
        List.of(new ReportSection.Series("vendor's quarter", vendorSeries),
            new ReportSection.Series("partner's own quarter", ownSeries)));
    return new ReportSection("calendar_alignment", "Calendar alignment", notes,
        List.of(ReportSection.Table.of("", header, numeric, cells)),
        rows.isEmpty() ? List.of() : List.of(chart), data);
  }

  /** The alignment of every partner, by partner id. */
  public static List<Row> rows(MonthDay vendorYearStart, MonthDay mutualYearStart,
      Engine engine) {
    Map<String, int[]> closes = engine.partnerCloseDays();
    // whether a day is near a quarter's end, asked once per close day and year start: a million
    // deals close on a few thousand days
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (int[] days : closes.values()) {
      for (int day : days) {
        first = Math.min(first, day);
        last = Math.max(last, day);
      }
    }
    Map<MonthDay, NearEnds> near = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (Partner partner : new TreeMap<>(engine.data().partners()).values()) {
      int[] days = closes.getOrDefault(partner.id(), new int[0]);
      MonthDay own = partner.fiscalYearStart() == null ? vendorYearStart
          : partner.fiscalYearStart();
      int nearVendor = 0;
      int nearOwn = 0;
      int nearMutual = 0;
      for (int day : days) {
        nearVendor += nearEnds(near, vendorYearStart, first, last).near(day) ? 1 : 0;
        nearOwn += nearEnds(near, own, first, last).near(day) ? 1 : 0;
        nearMutual += mutualYearStart != null
            && nearEnds(near, mutualYearStart, first, last).near(day) ? 1 : 0;
      }
      rows.add(new Row(partner, own, offsets(own, vendorYearStart, engine.asOf()),
          days.length, nearVendor, nearOwn, mutualYearStart == null ? null : nearMutual));
    }
    return rows;
  }

  /**
   * For each quarter end of the partner's year containing {@code asOf}, the days from the nearest
   * vendor quarter end: positive when the partner's quarter ends later.
   */
  static List<Integer> offsets(MonthDay own, MonthDay vendor, LocalDate asOf) {
    ProgramCalendar.Year year = ProgramCalendar.yearOf(own, asOf);
    List<Integer> offsets = new ArrayList<>();
    LocalDate day = year.start();
    for (int q = 0; q < 4; q++) {
      LocalDate end = ProgramCalendar.quarterEnd(own, day);
      LocalDate vendorAfter = ProgramCalendar.quarterEnd(vendor, end);
      // the vendor quarter before the one that contains the partner's quarter end
      LocalDate vendorBefore = vendorAfter.plusDays(1).minusMonths(3).minusDays(1);
      long after = ChronoUnit.DAYS.between(end, vendorAfter);
      long before = ChronoUnit.DAYS.between(vendorBefore, end);
      offsets.add((int) (after <= before ? -after : before));
      day = end.plusDays(1);
    }
    return offsets;
  }

  private static boolean nearEnd(MonthDay yearStart, LocalDate date) {
    LocalDate end = ProgramCalendar.quarterEnd(yearStart, date);
    return ChronoUnit.DAYS.between(date, end) < LAST_DAYS;
  }

  private static NearEnds nearEnds(Map<MonthDay, NearEnds> known, MonthDay yearStart,
      int first, int last) {
    return known.computeIfAbsent(yearStart, k -> new NearEnds(yearStart, first, last));
  }

  /** {@link #nearEnd} of one year start, remembered for each day from first to last. */
  private static final class NearEnds {
    private final MonthDay yearStart;
    private final int first;
    private final byte[] known; // 0 not asked yet, 1 no, 2 yes

    NearEnds(MonthDay yearStart, int first, int last) {
      this.yearStart = yearStart;
      this.first = first;
      this.known = new byte[last - first + 1];
    }

    boolean near(int day) {
      int at = day - first;
      if (known[at] == 0) {
        known[at] = (byte) (nearEnd(yearStart, LocalDate.ofEpochDay(day)) ? 2 : 1);
      }
      return known[at] == 2;
    }
  }

  private static String sentence(Row row, MonthDay vendor) {
    String who = row.partner().id() + " " + row.partner().name();
    String tail = row.deals() == 0 ? "it has no won deals yet."
        : pct(row.vendorShare()) + " of its " + row.deals() + " won deals close in the last "
            + LAST_DAYS + " days of the vendor's quarter";
    if (row.offsets().stream().allMatch(o -> o == 0)) {
      return who + " keeps quarters that end with the vendor's: "
          + (row.deals() == 0 ? tail : tail + ".");
    }
    String when = offsets(row.offsets());
    if (row.deals() == 0) {
      return possessive(who) + " quarters end " + when + " the vendor's; " + tail;
    }
    BigDecimal diff = row.ownShare().subtract(row.vendorShare());
    String verdict = diff.compareTo(PULL) > 0
        ? "its deals bunch at its own quarter end, so the vendor's period boundary splits its push"
        : diff.negate().compareTo(PULL) > 0 ? "its deals follow the vendor's quarter end"
        : "neither quarter end pulls its deals much more than the other";
    return possessive(who) + " quarters end " + when + " the vendor's: " + tail + ", "
        + pct(row.ownShare())
        + " in the last " + LAST_DAYS + " days of its own; " + verdict + ".";
  }

  /**
   * The possessive of a name: {@code Lumen Partners'} for a name ending in s, as style guides
   * write plurals and most company names, {@code Meridian Cyber's} otherwise.
   */
  static String possessive(String name) {
    return name.endsWith("s") || name.endsWith("S") ? name + "'" : name + "'s";
  }

  /** {@code 30–31 days after}, {@code 0 days} or a list when the offsets change sign. */
  static String offsets(List<Integer> offsets) {
    int min = offsets.stream().mapToInt(Integer::intValue).min().orElse(0);
    int max = offsets.stream().mapToInt(Integer::intValue).max().orElse(0);
    if (min == 0 && max == 0) {
      return "same day";
    }
    if (min > 0 || max < 0) {
      int lo = Math.min(Math.abs(min), Math.abs(max));
      int hi = Math.max(Math.abs(min), Math.abs(max));
      return (lo == hi ? lo + "" : lo + "–" + hi) + " days " + (min > 0 ? "after" : "before");
    }
    List<String> parts = new ArrayList<>();
    for (int offset : offsets) {
      parts.add((offset > 0 ? "+" : "") + offset);
    }
    return String.join(", ", parts) + " days from";
  }

  private static BigDecimal share(int part, int whole) {
    return whole == 0 ? BigDecimal.ZERO.setScale(4)
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal percentPoints(BigDecimal share) {
    return share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN);
  }

  private static String pct(BigDecimal share) {
    return Money.percent1(share);
  }

  static String monthDay(MonthDay day) {
    return String.format(java.util.Locale.ROOT, "%02d-%02d", day.getMonthValue(),
        day.getDayOfMonth());
  }
}
