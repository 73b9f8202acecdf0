package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 9: report.xlsx differed by time zone, because {@code ZipEntry.setTime(long)}
 * turns the fixed instant into MS-DOS local time through the default zone (Tokyo got 09:00).
 * Every output file must be the same bytes under any time zone and locale.
 */
class Issue15XlsxTimeZoneTest {
  private static final String[] ZONES = {"UTC", "Asia/Tokyo", "Pacific/Kiritimati",
      "America/St_Johns", "Pacific/Pago_Pago"};
  private static final Locale[] LOCALES = {Locale.ROOT, new Locale("ar", "SA"),
      new Locale("tr", "TR"), Locale.GERMANY};

  @TempDir
  Path dir;

  @Test
  void everyOutputIsTheSameBytesUnderEveryZoneAndLocale() throws IOException {
    Map<String, byte[]> expected = compare("UTC", Locale.ROOT);
    for (int i = 0; i < ZONES.length; i++) {
      // every zone, each with another locale: a diagonal through the combinations
      String zone = ZONES[i];
      Locale locale = LOCALES[i % LOCALES.length];
      SameBytes.assertSame(expected, compare(zone, locale), "under " + zone + " " + locale);
    }
  }

  private Map<String, byte[]> compare(String zone, Locale locale) throws IOException {
    Path out = dir.resolve(zone.replace('/', '_') + "-" + locale);
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    try {
      Issue15LocaleDigitsTest.withLocale(locale, () -> Issue15LocaleDigitsTest.execute("compare",
          "plans/traditional.yaml", "plans/outcomes-first.yaml", "--data", "sample-data", "--out",
          out.toString(), "--quiet"));
    } finally {
      TimeZone.setDefault(saved);
    }
    return SameBytes.read(out);
  }
}
