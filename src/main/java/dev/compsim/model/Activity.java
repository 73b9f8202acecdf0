package dev.compsim.model;

import java.time.LocalDate;
import java.util.Objects;

/** Activity a rep logged: meetings booked, demos and the like, what activity spiffs pay for. */
public record Activity(String rep, LocalDate date, String activity, int count) {

  public Activity {
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(activity, "activity");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
  }
}
