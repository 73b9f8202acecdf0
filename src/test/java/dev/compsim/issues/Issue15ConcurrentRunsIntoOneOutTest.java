package dev.compsim.issues;

import static dev.compsim.issues.Compsim.DATA;
import static dev.compsim.issues.Compsim.NEUTRAL;
import static dev.compsim.issues.Compsim.OUTCOMES;
import static dev.compsim.issues.Compsim.TRADITIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.compsim.io.OutputDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 3: two {@code compare} runs into the same {@code --out} mixed their files (one
 * exited 3, ledger.csv held torn rows of both): both wrote to the same fixed temporary names. Now
 * a run locks the directory, writes unique temporary files and replaces all its files in one
 * step; a second run is refused with exit 2.
 */
class Issue15ConcurrentRunsIntoOneOutTest {
  @TempDir
  Path dir;

  private static String[] compare(String candidate, Path out) {
    return new String[] {"compare", TRADITIONAL, candidate, "--data", DATA, "--out",
        out.toString(), "--quiet", "--format", "md", "--format", "csv", "--format", "json"};
  }

  private static Map<String, String> contents(Path out) throws IOException {
    Map<String, String> files = new HashMap<>();
    for (String name : Compsim.names(out)) {
      files.put(name, Files.readString(out.resolve(name)));
    }
    return files;
  }

  @Test
  void aRunIntoADirectoryAnotherRunIsWritingIsRefusedAndLeavesItsFilesAlone() throws IOException {
    Path out = dir.resolve("out");
    assertThat(Compsim.run(compare(OUTCOMES, out)).code()).isZero();
    Map<String, String> before = contents(out);
    // another run (here: the test) holds the lock, as a compsim process would
    try (FileChannel channel = FileChannel.open(out.resolve(".compsim.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      Compsim.Result second = Compsim.run(compare(NEUTRAL, out));
      Compsim.assertRefused(second, out + ": error: another compsim run is writing to this "
          + "directory");
      assertThat(second.err().lines()).hasSize(2);
    }
    Files.delete(out.resolve(".compsim.lock"));
    assertThat(contents(out)).isEqualTo(before);
  }

  @Test
  void twoRunsAtOnceGiveOneRunsFilesAndAClearRefusalForTheOther() throws Exception {
    Path out = dir.resolve("out");
    for (int round = 0; round < 2; round++) {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Compsim.Result>> runs = new ArrayList<>();
      for (String candidate : List.of(OUTCOMES, NEUTRAL)) {
        runs.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Compsim.run(compare(candidate, out));
        }));
      }
      start.countDown();
      int succeeded = 0;
      for (CompletableFuture<Compsim.Result> run : runs) {
        Compsim.Result result = run.get();
        if (result.code() == 0) {
          succeeded++;
        } else {
          Compsim.assertRefused(result, "another compsim run is writing to this directory");
        }
      }
      assertThat(succeeded).isPositive();
      // every file comes from one and the same run: the candidate of summary.md is the only
      // candidate in ledger.csv and report.json
      String summary = Files.readString(out.resolve("summary.md"));
      String candidate = summary.contains("Outcomes first") ? "Outcomes first" : "Comp-neutral";
      String other = candidate.equals("Outcomes first") ? "Comp-neutral" : "Outcomes first";
      assertThat(summary).doesNotContain(other);
      String ledger = Files.readString(out.resolve("ledger.csv"));
      assertThat(ledger).contains("\n" + candidate + ",").doesNotContain(other);
      assertThat(Files.readString(out.resolve("report.json"))).contains(candidate)
          .doesNotContain(other);
      assertThat(Compsim.names(out)).containsExactly("ledger.csv", "report.json",
          "summary.md");
    }
  }

  @Test
  void aCommitThatFailsPartWayPutsBackEveryFileItReplaced() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("a.txt"), "old a");
    try (OutputDir output = OutputDir.open(out, "a.txt", "c.txt", "b.txt")) {
      output.write(out.resolve("a.txt"), "new a");
      output.write(out.resolve("c.txt"), "new c");
      output.write(out.resolve("b.txt"), "new b");
      // b.txt's temporary file goes away: a.txt and c.txt are renamed, then b.txt fails
      for (String name : Compsim.names(out)) {
        if (name.startsWith(".b.txt.") && name.endsWith(".tmp")) {
          Files.delete(out.resolve(name));
        }
      }
      assertThatThrownBy(output::commit).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("b.txt");
    }
    assertThat(Files.readString(out.resolve("a.txt"))).isEqualTo("old a");
    assertThat(Compsim.names(out)).containsExactly("a.txt");
  }
}
