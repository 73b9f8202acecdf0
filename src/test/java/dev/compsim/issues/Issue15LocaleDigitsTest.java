package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 8: under {@code LC_ALL=ar_SA.UTF-8} (or {@code fa_IR}) compsim wrote
 * Arabic-Indic digits into summary.md, report.html, report.xlsx and report.json ({@code 02-01}
 * became {@code ٠٢-٠١}) and {@code run} ranked its top earners {@code ١.}, because
 * {@code String.format} used the default locale. The same data must give the same bytes and the
 * same terminal text under any locale.
 */
class Issue15LocaleDigitsTest {
  private static final String[] PLANS = {"plans/traditional.yaml", "plans/outcomes-first.yaml"};
  private static final Locale[] LOCALES = {new Locale("ar", "SA"), new Locale("fa", "IR"),
      new Locale("tr", "TR"), Locale.GERMANY, new Locale("hi", "IN", "")};

  @TempDir
  Path dir;

  @Test
  void reportFilesAreTheSameBytesUnderEveryLocale() throws IOException {
    Map<String, byte[]> expected = compare(Locale.ROOT, "root");
    assertThat(expected).containsKeys("summary.md", "report.html", "report.json", "report.xlsx",
        "ledger.csv");
    for (Locale locale : LOCALES) {
      SameBytes.assertSame(expected, compare(locale, locale.toString()), "under " + locale);
    }
  }

  @Test
  void terminalTextHasNoLocalDigits() {
    for (Locale locale : LOCALES) {
      String run = withLocale(locale, () -> execute("run", PLANS[0], PLANS[1], "--data",
          "sample-data", "--top", "3"));
      assertThat(run).as("run under %s", locale).contains("  1. ").doesNotContainPattern(
          "[\\u0660-\\u0669\\u06f0-\\u06f9\\u0966-\\u096f]");
      String compare = withLocale(locale, () -> execute("compare", PLANS[0], PLANS[1], "--data",
          "sample-data"));
      assertThat(compare).as("compare under %s", locale)
          .doesNotContainPattern("[\\u0660-\\u0669\\u06f0-\\u06f9\\u0966-\\u096f]");
      assertThat(compare).isEqualTo(withLocale(Locale.ROOT, () -> execute("compare", PLANS[0],
          PLANS[1], "--data", "sample-data")));
      for (String[] args : new String[][] {
          {"explain", PLANS[1], "--data", "sample-data", "--rep", "R006"},
          {"explain", "plans/partner-first.yaml", "--data", "sample-data", "--partner", "P01"},
          {"validate", PLANS[0], PLANS[1], "--data", "sample-data"}}) {
        assertThat(withLocale(locale, () -> execute(args))).as("%s under %s", args[0], locale)
            .isEqualTo(withLocale(Locale.ROOT, () -> execute(args)));
      }
    }
  }

  /** Keeps new code from formatting in the default locale: the calls that would, by name. */
  @Test
  void noSourceFormatsInTheDefaultLocale() throws IOException {
    Pattern defaultLocale = Pattern.compile(String.join("|",
        "String\\.format\\(\\s*\"", "\\.(printf|format)\\(\\s*\"", "\\.formatted\\(",
        "\\.to(Lower|Upper)Case\\(\\)", "ofPattern\\(\"[^\"]*\"\\)",
        "new DecimalFormat\\(\"[^\"]*\"\\)", "(Number|Decimal)Format\\.get\\w*Instance\\(\\)",
        "DecimalFormatSymbols\\.getInstance\\(\\)"));
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (defaultLocale.matcher(lines.get(i)).find()) {
            found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(found).as("pass Locale.ROOT").isEmpty();
  }

  private Map<String, byte[]> compare(Locale locale, String name) throws IOException {
    Path out = dir.resolve(name);
    String printed = withLocale(locale, () -> execute("compare", PLANS[0], PLANS[1], "--data",
        "sample-data", "--out", out.toString(), "--quiet"));
    assertThat(printed).isEmpty();
    return SameBytes.read(out);
  }

  static String withLocale(Locale locale, java.util.function.Supplier<String> action) {
    Locale saved = Locale.getDefault();
    Locale.setDefault(locale);
    try {
      return action.get();
    } finally {
      Locale.setDefault(saved);
    }
  }

  static String execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }
}
