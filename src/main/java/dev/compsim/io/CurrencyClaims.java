package dev.compsim.io;

import dev.compsim.model.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cells of the data whose currency is the plan's unless they say otherwise, and that do say one:
 * a deal amount of {@code $50,000.00} with no currency (the dollar of a USD or CAD plan, never a
 * EUR one), a quota of {@code EUR 800,000}. Which currency the plan has is known only once the
 * plans are read, so the reader notes each such cell here (the first of each file, column and
 * currency, with a count) and {@link #against} checks them per plan.
 */
final class CurrencyClaims {
  /** One cell, and how many more of its kind followed it. */
  private static final class Claim {
    final Path file;
    final int line;
    final int column;
    final String cell;
    final String written;
    final List<String> currencies;
    final String hint;
    int more;

    Claim(Path file, int line, int column, String cell, String written, List<String> currencies,
        String hint) {
      this.file = file;
      this.line = line;
      this.column = column;
      this.cell = cell;
      this.written = written;
      this.currencies = currencies;
      this.hint = hint;
    }
  }

  private final Map<String, Claim> claims = new LinkedHashMap<>();

  /**
   * Notes that the cell at {@code line}, {@code column} is in one of {@code currencies}, as
   * {@code written} in it; {@code hint} says how to fix it when the plan's currency is none.
   */
  synchronized void claim(Path file, int line, int column, String cell, String written,
      List<String> currencies, String hint) {
    String key = file + "\u0000" + column + "\u0000" + written;
    Claim first = claims.get(key);
    if (first == null) {
      claims.put(key, new Claim(file, line, column, cell, written, currencies, hint));
    } else {
      first.more++;
    }
  }

  /**
   * Adds the claims of {@code later}, noted on rows after every row noted here, as if they had
   * been noted here one by one; its lines are counted after {@code linesBefore} more lines.
   */
  synchronized void addAll(CurrencyClaims later, int linesBefore) {
    for (Map.Entry<String, Claim> entry : later.claims.entrySet()) {
      Claim first = claims.get(entry.getKey());
      if (first == null) {
        Claim claim = entry.getValue();
        Claim placed = new Claim(claim.file, claim.line + linesBefore, claim.column, claim.cell,
            claim.written, claim.currencies, claim.hint);
        placed.more = claim.more;
        claims.put(entry.getKey(), placed);
      } else {
        first.more += 1 + entry.getValue().more;
      }
    }
  }

  /** Each claim as text, in order: for tests comparing two readers. */
  synchronized List<String> describe() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Claim> entry : claims.entrySet()) {
      Claim claim = entry.getValue();
      out.add(entry.getKey() + " " + claim.line + ":" + claim.column + " " + claim.cell + " "
          + claim.currencies + " +" + claim.more);
    }
    return out;
  }

  /** The cells whose currency cannot be {@code plan}'s, each placed at its first row. */
  List<Diagnostic> against(Plan plan) {
    List<Diagnostic> problems = new ArrayList<>();
    for (Claim claim : claims.values()) {
      if (claim.currencies.contains(plan.currency())) {
        continue;
      }
      String means = claim.currencies.size() == 1 ? claim.currencies.get(0)
          : "one of " + String.join(", ", claim.currencies);
      problems.add(new Diagnostic(claim.file, claim.line, claim.column, claim.cell
          + " is in " + claim.written + (claim.written.equals(means) ? "" : " (" + means + ")")
          + ", but plan " + plan.name() + " is in " + plan.currency() + "; " + claim.hint
          + (claim.more > 0 ? " (and " + claim.more + " more rows like it)" : "")));
    }
    return problems;
  }
}
