package dev.compsim.model;

/** Where a deal stands in the pipeline. Only won deals pay. */
public enum Stage {
  WON, LOST, OPEN;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
