package dev.compsim.model;

import java.math.BigDecimal;

/** A fixed-amount bonus for an activity or an event on a deal. */
public sealed interface Spiff {
  String name();

  BigDecimal amount();

  /** The {@code kind} key of the plan file. */
  String kind();

  /** Pays {@code amount} per unit of a logged activity (meetings booked, demos). */
  record ActivitySpiff(String name, String activity, BigDecimal amount) implements Spiff {
    @Override
    public String kind() {
      return "activity";
    }
  }

  /** Pays the owner of every won deal. */
  record DealSpiff(String name, BigDecimal amount) implements Spiff {
    @Override
    public String kind() {
      return "deal";
    }
  }

  /** Pays the owner of every won deal with a partner. */
  record PartnerDealSpiff(String name, BigDecimal amount) implements Spiff {
    @Override
    public String kind() {
      return "partner_deal";
    }
  }

  /** Pays the owner of every deal whose implementation the customer confirmed. */
  record ImplementationSpiff(String name, BigDecimal amount) implements Spiff {
    @Override
    public String kind() {
      return "implementation";
    }
  }
}
