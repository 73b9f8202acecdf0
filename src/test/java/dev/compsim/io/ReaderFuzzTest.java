package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The readers either succeed or throw an InputException listing diagnostics: never another
 * exception, never a hang. In the normal build Jazzer replays the seed corpus under
 * {@code src/test/resources/dev/compsim/io/ReaderFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it
 * fuzzes for {@code maxDuration}.
 */
class ReaderFuzzTest {
  private static final Path DIR = temp();
  private static final PlanReader PLANS = new PlanReader();

  private static Path temp() {
    try {
      Path dir = Files.createTempDirectory("compsim-fuzz");
      dir.toFile().deleteOnExit();
      Files.writeString(dir.resolve("reps.csv"), "rep_id,quota,ote\nR1,100,10\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code bytes} as a deals file; returns normally or with an InputException only. */
  static void readDeals(byte[] bytes) throws IOException {
    Path deals = DIR.resolve("deals.csv");
    Files.write(deals, bytes);
    try {
      new DataReader().read(DataFiles.inDirectory(DIR));
    } catch (InputException e) {
      assertThat(e.diagnostics()).isNotEmpty();
    }
  }

  /**
   * Reads {@code bytes} as a plan file; returns whether it was read, or fails on anything but an
   * InputException listing diagnostics.
   */
  static boolean readPlan(byte[] bytes) throws IOException {
    Path plan = DIR.resolve("plan.yaml");
    Files.write(plan, bytes);
    try {
      PLANS.read(plan);
      return true;
    } catch (InputException e) {
      assertThat(e.diagnostics()).isNotEmpty();
      return false;
    }
  }

  @FuzzTest(maxDuration = "10s")
  void dealsReader(byte[] bytes) throws IOException {
    readDeals(bytes);
  }

  @FuzzTest(maxDuration = "10s")
  void planReader(byte[] bytes) throws IOException {
    readPlan(bytes);
  }
}
