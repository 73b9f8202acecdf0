package dev.compsim.model;

import java.time.MonthDay;
import java.util.Objects;

/**
 * A channel partner.
 *
 * @param type business model: VAR, MSSP, SI, referral, ...
 * @param tier the tier the partner holds today (used for volume tiers when no earlier year exists)
 * @param independent whether the partner runs the whole sales cycle itself
 * @param fiscalYearStart the partner's own fiscal year start, or null when it follows the vendor's
 * @param manager the vendor's channel manager (a rep id), or null
 */
public record Partner(String id, String name, String type, String tier, int certifications,
    boolean independent, boolean rebateEnrolled, MonthDay fiscalYearStart, String manager) {

  public Partner {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    if (name == null || name.isEmpty()) {
      name = id;
    }
    if (certifications < 0) {
      throw new IllegalArgumentException("certifications must be >= 0");
    }
  }
}
