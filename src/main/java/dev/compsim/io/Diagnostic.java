package dev.compsim.io;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One problem in an input file, printed as {@code file:line:column: error: message}. Line and
 * column are 1-based; 0 means unknown (the whole file, or a line without a column). For CSV files
 * the column is the field's position in the record.
 */
public record Diagnostic(Path file, int line, int column, String message)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER = Comparator
      .comparing((Diagnostic d) -> d.file() == null ? "" : d.file().toString())
      .thenComparingInt(Diagnostic::line)
      .thenComparingInt(Diagnostic::column)
      .thenComparing(Diagnostic::message);

  public static Diagnostic of(Path file, String message) {
    return new Diagnostic(file, 0, 0, message);
  }

  public String format() {
    StringBuilder out = new StringBuilder();
    if (file != null) {
      out.append(file);
      if (line > 0) {
        out.append(':').append(line);
        if (column > 0) {
          out.append(':').append(column);
        }
      }
      out.append(": ");
    }
    return out.append("error: ").append(message).toString();
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return format();
  }
}
