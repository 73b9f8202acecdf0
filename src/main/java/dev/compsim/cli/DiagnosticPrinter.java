package dev.compsim.cli;

import dev.compsim.io.Diagnostic;
import dev.compsim.report.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Prints diagnostics, one a line, with repeats collapsed: when one file has more than
 * {@value #SHOWN} + 1 problems of one kind (in the same column, the same message but for quoted
 * values and numbers, such as the same unknown stage on 200 rows), the first {@value #SHOWN} are
 * shown with their positions and one line counts the rest, {@code … and 197 more like it (lines 6–202)}.
 */
final class DiagnosticPrinter {
  /** How many problems of one kind are shown in full. */
  static final int SHOWN = 3;

  /** Values from the data; names in backquotes (a plan's keys) stay part of the kind. */
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

  private DiagnosticPrinter() {}

  /** One group: a file and a kind of message. */
  private record Kind(Path file, String template) {}

  /** What is known of a group: its size and its first and last line. */
  private static final class Group {
    int size;
    int shown;
    int firstHidden = Integer.MAX_VALUE;
    int lastHidden;
  }

  /** Prints {@code diagnostics} (in their order) to {@code err}, repeats collapsed. */
  static void print(PrintWriter err, List<Diagnostic> diagnostics) {
    Map<Object, Group> groups = new HashMap<>();
    for (Diagnostic d : diagnostics) {
      Group group = groups.computeIfAbsent(kind(d), k -> new Group());
      group.size++;
      if (group.size > SHOWN) {
        group.firstHidden = Math.min(group.firstHidden, d.line());
        group.lastHidden = Math.max(group.lastHidden, d.line());
      }
    }
    for (Diagnostic d : diagnostics) {
      Group group = groups.get(kind(d));
      group.shown++;
      if (group.size <= SHOWN + 1) {
        err.println(TerminalText.cell(d.format())); // one more line says no less than a count
        continue;
      }
      if (group.shown > SHOWN) {
        continue;
      }
      err.println(TerminalText.cell(d.format()));
      if (group.shown == SHOWN && group.size > SHOWN) {
        err.println(more(d.file(), group));
      }
    }
  }

  private static String more(Path file, Group group) {
    StringBuilder line = new StringBuilder();
    if (file != null) {
      line.append(TerminalText.cell(file.toString())).append(": ");
    }
    int hidden = group.size - SHOWN;
    line.append("… and ").append(hidden).append(" more like it");
    if (group.firstHidden > 0) {
      line.append(group.firstHidden == group.lastHidden ? " (line " + group.firstHidden + ")"
          : " (lines " + group.firstHidden + "–" + group.lastHidden + ")");
    }
    return line.toString();
  }

  /**
   * The kind of a diagnostic: its file and its message with quoted values and numbers left out.
   * Problems without a line (a whole file, an option) are each a kind of their own.
   */
  static Object kind(Diagnostic d) {
    if (d.line() <= 0) {
      return d;
    }
    String template = QUOTED.matcher(d.message()).replaceAll("\"\"");
    template = NUMBER.matcher(template).replaceAll("#");
    return new Kind(d.file(), Objects.requireNonNullElse(template, "") + "@" + d.column());
  }
}
