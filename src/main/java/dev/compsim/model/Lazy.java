package dev.compsim.model;

import java.util.function.Supplier;

/**
 * A value made once, on first use, by the first thread that asks; the others wait for it. For
 * what a run may never need (records, maps by id, tables), shared by the threads that do.
 */
public final class Lazy<T> {
  private final Supplier<T> make;
  private volatile T value;

  public Lazy(Supplier<T> make) {
    this.make = make;
  }

  public T get() {
    T made = value;
    if (made == null) {
      synchronized (this) {
        made = value;
        if (made == null) {
          made = make.get();
          value = made;
        }
      }
    }
    return made;
  }

  /** The value when it has been made, else null (nothing is made). */
  public T ifMade() {
    return value;
  }
}
