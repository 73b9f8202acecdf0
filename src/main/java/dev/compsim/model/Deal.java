package dev.compsim.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One opportunity from the deals export, in canonical form.
 *
 * @param amount list (booked) amount in {@code currency}
 * @param currency ISO code, or null for the plan's currency
 * @param partner partner id, or null for a direct deal
 * @param partnerDiscount this deal's partner margin as a fraction, overriding the plan's, or null
 * @param assists rep ids of teammates brought into the deal
 */
public record Deal(
    String id,
    String owner,
    LocalDate closeDate,
    BigDecimal amount,
    Stage stage,
    String currency,
    String partner,
    PartnerRole partnerRole,
    boolean partnerSourced,
    boolean registered,
    BigDecimal partnerDiscount,
    String partnerRep,
    List<String> assists,
    Implementation implementation,
    LocalDate implementationDate,
    String territory,
    String product,
    LocalDate createdDate) {

  public Deal {
    requireFields(id, owner, amount, stage, implementation);
    assists = List.copyOf(assists);
    partnerRole = partnerRole(partner, partnerRole);
  }

  /** The fields every deal has: checked by the record and by the columns' builder alike. */
  public static void requireFields(String id, String owner, BigDecimal amount, Stage stage,
      Implementation implementation) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(implementation, "implementation");
  }

  /** The role a deal through {@code partner} has: none without a partner, resell by default. */
  public static PartnerRole partnerRole(String partner, PartnerRole role) {
    return partner == null ? null : role == null ? PartnerRole.RESELL : role;
  }

  public boolean won() {
    return stage == Stage.WON;
  }

  public boolean hasPartner() {
    return partner != null;
  }

  /** A resell or referral deal: the deal goes through the partner. */
  public boolean throughPartner() {
    return throughPartner(partner, partnerRole);
  }

  /** {@link #throughPartner()} of a deal's partner and role (as a deal keeps them). */
  public static boolean throughPartner(String partner, PartnerRole partnerRole) {
    return partner != null && partnerRole.throughPartner();
  }

  /** A minimal won direct deal, handy for tests and what-if pricing. */
  public static Deal direct(String id, String owner, LocalDate close, BigDecimal amount) {
    return new Deal(id, owner, close, amount, Stage.WON, null, null, null, false, false, null, null,
        List.of(), Implementation.PENDING, null, null, null, null);
  }

  public Deal withOwner(String newOwner) {
    return new Deal(id, newOwner, closeDate, amount, stage, currency, partner, partnerRole,
        partnerSourced, registered, partnerDiscount, partnerRep, assists, implementation,
        implementationDate, territory, product, createdDate);
  }

  public Deal withCloseDate(LocalDate newClose) {
    return new Deal(id, owner, newClose, amount, stage, currency, partner, partnerRole,
        partnerSourced, registered, partnerDiscount, partnerRep, assists, implementation,
        implementationDate, territory, product, createdDate);
  }

  public Deal withAmount(BigDecimal newAmount) {
    return new Deal(id, owner, closeDate, newAmount, stage, currency, partner, partnerRole,
        partnerSourced, registered, partnerDiscount, partnerRep, assists, implementation,
        implementationDate, territory, product, createdDate);
  }

  public Deal withPartner(String newPartner, PartnerRole role) {
    return new Deal(id, owner, closeDate, amount, stage, currency, newPartner, role,
        newPartner != null && partnerSourced, newPartner != null && registered,
        newPartner == null ? null : partnerDiscount, newPartner == null ? null : partnerRep,
        assists, implementation, implementationDate, territory, product, createdDate);
  }

  public Deal withAssists(List<String> newAssists) {
    return new Deal(id, owner, closeDate, amount, stage, currency, partner, partnerRole,
        partnerSourced, registered, partnerDiscount, partnerRep, newAssists, implementation,
        implementationDate, territory, product, createdDate);
  }

  public Deal withImplementation(Implementation outcome, LocalDate date) {
    return new Deal(id, owner, closeDate, amount, stage, currency, partner, partnerRole,
        partnerSourced, registered, partnerDiscount, partnerRep, assists, outcome, date, territory,
        product, createdDate);
  }
}
