package dev.compsim.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.compsim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 3: {@code scripts/compsim} ran every command in a fixed 768 MiB heap, so ten
 * million deals (an 870 MB deals.csv) ran out of memory on any machine. The heap now follows the
 * deals file (9x its size, at least 768 MiB) within the machine's memory, and data that cannot
 * fit stops before Java starts with a message that says how much heap it needs and how to give
 * it. The script is run with {@code COMPSIM_DRY_RUN=1}, which prints the Java options it chose
 * and builds and runs nothing, and a made-up {@code /proc/meminfo}. When the heap runs out all
 * the same (a heap set by hand), the message says how large it was and suggests twice that.
 */
class Issue11HeapSizedFromDataTest {
  private static final long MIB = 1024 * 1024;

  @TempDir
  Path dir;

  @BeforeEach
  void tenMillionDeals() throws IOException {
    // the size of ten million generated deals, as a sparse file: nothing is read but its size
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("deals.csv").toFile(), "rw")) {
      file.setLength(870 * MIB);
    }
  }

  private Path meminfo(long totalMib, long availableMib) throws IOException {
    Path file = dir.resolve("meminfo-" + totalMib + "-" + availableMib);
    Files.writeString(file, "MemTotal:       " + totalMib * 1024 + " kB\n"
        + "MemFree:        " + availableMib * 1024 / 2 + " kB\n"
        + "MemAvailable:   " + availableMib * 1024 + " kB\n");
    return file;
  }

  private record Result(int code, String out, String err) {}

  private static Result compsim(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "scripts/compsim"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("COMPSIM_JAVA_OPTS");
    builder.environment().put("COMPSIM_DRY_RUN", "1");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void tenMillionDealsGetTheHeapTheyNeedOnAnEightGigabyteMachine() throws Exception {
    Result result = compsim(Map.of("COMPSIM_MEMINFO", meminfo(8000, 7500).toString()),
        "run", "plan.yaml", "--data", dir.toString());
    assertThat(result.code()).as(result.err()).isZero();
    // 9 x 870 MiB does not fit in 75% of 8000 MiB, so that is the heap: above the 6 x 870 needed
    assertThat(result.out()).contains("-Xms6000m -Xmx6000m").doesNotContain("768m");
  }

  @Test
  void dataThatCannotFitStopsWithHowMuchItNeeds() throws Exception {
    Result result = compsim(Map.of("COMPSIM_MEMINFO", meminfo(4000, 3500).toString()),
        "run", "plan.yaml", "--deals", dir.resolve("deals.csv").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("compsim: " + dir.resolve("deals.csv") + " is 870 MiB; "
        + "reading it needs a Java heap of at least 5220 MiB (7830 MiB to run comfortably), and "
        + "this machine can give 3000 MiB (75% of its 4000 MiB). Free memory or use a larger "
        + "machine, or set the heap yourself and take the risk: COMPSIM_JAVA_OPTS=-Xmx6g "
        + "scripts/compsim ...\n");
  }

  @Test
  void memoryInUseElsewhereLowersTheHeap() throws Exception {
    Result result = compsim(Map.of("COMPSIM_MEMINFO", meminfo(24000, 6256).toString()),
        "run", "plan.yaml", "--data=" + dir);
    assertThat(result.out()).contains("-Xmx6000m");
  }

  @Test
  void aHeapGivenByTheUserWins() throws Exception {
    Result result = compsim(Map.of("COMPSIM_MEMINFO", meminfo(4000, 3500).toString(),
        "COMPSIM_JAVA_OPTS", "-Xmx2g"), "run", "plan.yaml", "--data", dir.toString());
    assertThat(result.code()).isZero();
    assertThat(result.out()).doesNotContain("-Xms").contains("-Xmx2g");
  }

  @Test
  void withoutProcMeminfoTheHeapFollowsTheData() throws Exception {
    Result result = compsim(Map.of("COMPSIM_MEMINFO", dir.resolve("none").toString()),
        "run", "plan.yaml", "--data", dir.toString());
    assertThat(result.out()).contains("-Xms7830m -Xmx7830m");
  }

  @Test
  void runningOutOfHeapSaysHowMuchThereWasAndHowToGiveMore() throws Exception {
    Path data = dir.resolve("data");
    StringWriter ignored = new StringWriter();
    assertThat(Main.execute(new PrintWriter(ignored), new PrintWriter(ignored), "generate",
        "--deals", "100000", "--seed", "1", "--out", data.toString(), "--quiet")).isZero();
    // the test classpath, and a heap far too small for a hundred thousand deals
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m",
        "-cp", System.getProperty("java.class.path"), "dev.compsim.cli.Main", "run",
        "plans/traditional.yaml", "--data", data.toString(), "--quiet");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Path errors = dir.resolve("err.txt");
    builder.redirectError(errors.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    boolean exited = process.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    assertThat(exited).isTrue();
    String err = Files.readString(errors, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(err).isEqualTo(3);
    // (the reading threads may print the JVM's own line about their error before it)
    assertThat(err).containsPattern("(?m)^compsim: out of memory: the data needs a larger Java "
        + "heap than the \\d+ MiB this run has \\(scripts/compsim gives 9x the size of "
        + "deals.csv, within 75% of the machine's memory\\)\\. Run again with more, for example "
        + "COMPSIM_JAVA_OPTS=-Xmx1g scripts/compsim \\.\\.\\.$");
  }

  @Test
  void smallDataKeepsTheHeapThatHoldsAMillionDealsUnderOneGibibyte() throws Exception {
    Files.writeString(dir.resolve("deals.csv"), "deal_id,owner,close_date,amount\n");
    Result result = compsim(Map.of("COMPSIM_MEMINFO", meminfo(24000, 20000).toString()),
        "run", "plan.yaml", "--data", dir.toString());
    assertThat(result.out()).contains("-Xms768m -Xmx768m");
  }

  @Test
  void smallDataAllocatesInAYoungGenerationOf32MibAndTenMillionDealsInTheJvmsOwn()
      throws Exception {
    Path small = smallData();
    Path meminfo = meminfo(24000, 20000);
    Result smallRun = compsim(Map.of("COMPSIM_MEMINFO", meminfo.toString()),
        "compare", "a.yaml", "b.yaml", "--data", small.toString());
    assertThat(smallRun.out()).contains("-Xms768m -Xmx768m -Xmn32m ");
    // 870 MiB of deals: at or above 128 MiB the young generation is left to the JVM
    Result large = compsim(Map.of("COMPSIM_MEMINFO", meminfo.toString()),
        "run", "plan.yaml", "--data", dir.toString());
    assertThat(large.out()).contains("-Xms7830m -Xmx7830m").doesNotContain("-Xmn");
    // a heap given by the user is used as given, its young generation too
    Result given = compsim(Map.of("COMPSIM_MEMINFO", meminfo.toString(),
        "COMPSIM_JAVA_OPTS", "-Xmx2g"), "compare", "a.yaml", "b.yaml", "--data", small.toString());
    assertThat(given.out()).doesNotContain("-Xmn").contains("-Xmx2g");
  }

  @Test
  void theHeapIsInTransparentHugePagesOnlyWhereTheKernelOffersThem() throws Exception {
    Path small = smallData();
    Path meminfo = meminfo(24000, 20000);
    Map<String, Boolean> offered = Map.of(
        "always defer defer+madvise [madvise] never\n", true,
        "[always] madvise never\n", true,
        "always madvise [never]\n", false);
    for (var kernel : offered.entrySet()) {
      Path thp = Files.writeString(dir.resolve("thp"), kernel.getKey());
      Result result = compsim(Map.of("COMPSIM_MEMINFO", meminfo.toString(),
          "COMPSIM_THP", thp.toString()), "run", "plan.yaml", "--data", small.toString());
      assertThat(result.out().contains(" -XX:+UseTransparentHugePages "))
          .as(kernel.getKey()).isEqualTo(kernel.getValue());
    }
    // no such file (not Linux, or a kernel without them): left out, as the JVM would warn
    Result none = compsim(Map.of("COMPSIM_MEMINFO", meminfo.toString(),
        "COMPSIM_THP", dir.resolve("none").toString()), "run", "plan.yaml", "--data",
        small.toString());
    assertThat(none.code()).isZero();
    assertThat(none.out()).startsWith("java ").doesNotContain("HugePages");
  }

  /** A data folder whose deals.csv holds a header alone. */
  private Path smallData() throws IOException {
    Path small = Files.createDirectories(dir.resolve("small"));
    Files.writeString(small.resolve("deals.csv"), "deal_id,owner,close_date,amount\n");
    return small;
  }
}
