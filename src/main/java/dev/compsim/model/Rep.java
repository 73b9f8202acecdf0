package dev.compsim.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A vendor seller. Quota and on-target earnings are annual.
 *
 * @param role names a section of the plan's {@code roles} ({@code AE} when absent)
 */
public record Rep(String id, String name, String role, String territory, BigDecimal quota,
    BigDecimal ote) {

  public static final String DEFAULT_ROLE = "AE";

  public Rep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(quota, "quota");
    Objects.requireNonNull(ote, "ote");
    if (name == null || name.isEmpty()) {
      name = id;
    }
    if (role == null || role.isEmpty()) {
      role = DEFAULT_ROLE;
    }
    if (quota.signum() < 0 || ote.signum() < 0) {
      throw new IllegalArgumentException("quota and ote must be >= 0");
    }
  }
}
