package dev.compsim.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The deal-line index answers as the {@code HashMap<String, Integer>} it replaces. */
class DealLinesTest {
  @Test
  void answersAsAHashMap() {
    Random random = new Random(11);
    DealLines lines = new DealLines();
    Map<String, Integer> plain = new HashMap<>();
    for (int i = 0; i < 300_000; i++) {
      // ids that repeat, ids that differ only at the end, and ids with equal hash codes
      String id = switch (random.nextInt(4)) {
        case 0 -> "D" + random.nextInt(200_000);
        case 1 -> String.format("OPP-%07d", random.nextInt(100_000));
        case 2 -> random.nextBoolean() ? "Aa" + random.nextInt(50) : "BB" + random.nextInt(50);
        default -> Long.toString(random.nextLong(), 36);
      };
      int line = i + 2;
      Integer earlier = plain.putIfAbsent(id, line);
      assertThat(lines.putIfAbsent(id, line)).as(id).isEqualTo(earlier == null ? 0 : earlier);
    }
    assertThat(lines.size()).isEqualTo(plain.size());
    plain.forEach((id, line) -> assertThat(lines.get(id)).isEqualTo(line));
    assertThat(lines.get("nowhere")).isZero();
    assertThat(lines.get("")).isZero();
  }

  /**
   * Ids in increasing order stay sorted (binary search, no hashing) until the first one out of
   * order; from there on the hash table answers. Either way the answers are a HashMap's.
   */
  @Test
  void increasingIdsThenDisorderAnswerAsAHashMap() {
    Random random = new Random(12);
    for (int round = 0; round < 20; round++) {
      DealLines lines = new DealLines();
      Map<String, Integer> plain = new HashMap<>();
      int sortedFor = random.nextInt(3000);
      int next = 0;
      for (int i = 0; i < 4000; i++) {
        String id;
        if (i < sortedFor) {
          next += random.nextInt(3); // repeats the last id now and then
          id = String.format("D%07d", next);
        } else {
          id = "D" + random.nextInt(10_000);
        }
        Integer earlier = plain.putIfAbsent(id, i + 2);
        assertThat(lines.putIfAbsent(id, i + 2)).as(id).isEqualTo(earlier == null ? 0 : earlier);
        if (i % 97 == 0) {
          String probe = "D" + random.nextInt(10_000);
          assertThat(lines.get(probe)).isEqualTo(plain.getOrDefault(probe, 0));
        }
      }
      assertThat(lines.size()).isEqualTo(plain.size());
      plain.forEach((id, line) -> assertThat(lines.get(id)).isEqualTo(line));
    }
  }

  /**
   * Looked up as payments come (mostly forward through the deals, a few ids again, some skipped,
   * now and then back or unknown), the sorted index finds what a HashMap does, number and line,
   * wherever its last find left it.
   */
  @Test
  void lookUpsInAnyOrderFindTheNumberAndLineOfEachId() {
    Random random = new Random(13);
    for (int round = 0; round < 30; round++) {
      DealLines lines = new DealLines();
      Map<String, Integer> number = new HashMap<>();
      int n = random.nextInt(5000);
      int next = 0;
      for (int i = 0; i < n; i++) {
        next += 1 + random.nextInt(3);
        String id = String.format("D%07d", next);
        number.put(id, i);
        assertThat(lines.putIfAbsent(id, i + 2)).isZero();
      }
      assertThat(lines.ascending()).isTrue();
      int at = 0;
      for (int probe = 0; probe < 3 * n + 20; probe++) {
        int move = random.nextInt(20);
        at = move < 14 ? at + random.nextInt(3) // forward, the same one again, or just after
            : move < 17 ? at + random.nextInt(400) // a jump forward
            : move < 19 ? random.nextInt(next + 2) // anywhere
            : -1; // not an id at all
        if (at > next + 1) {
          at = random.nextInt(next + 2);
        }
        String id = at < 0 ? "X" + random.nextInt(9) : String.format("D%07d", at);
        Integer expected = number.get(id);
        assertThat(lines.indexOf(id)).as(id).isEqualTo(expected == null ? -1 : expected);
        assertThat(lines.get(id)).as(id).isEqualTo(expected == null ? 0 : expected + 2);
        if (expected != null) {
          assertThat(lines.id(expected)).isEqualTo(lines.id(lines.indexOf(id))).isEqualTo(id);
        }
        at = Math.max(at, 0);
      }
    }
  }

  /**
   * Ids of one pattern are kept as numbers, sorted and then hashed once one comes out of order;
   * the first id of another shape turns them all into text, in either mode. The answers, ids
   * included, stay a HashMap's throughout.
   */
  @Test
  void idsAsNumbersThenAsTextAnswerAsAHashMap() {
    Random random = new Random(14);
    for (int round = 0; round < 40; round++) {
      DealLines lines = new DealLines();
      Map<String, Integer> plain = new HashMap<>();
      java.util.List<String> order = new java.util.ArrayList<>();
      java.util.Set<dev.compsim.model.IdPattern> patterns = new java.util.HashSet<>();
      int sortedFor = random.nextInt(500);
      int textFrom = random.nextInt(3000);
      for (int i = 0; i < 3000; i++) {
        String id = i >= textFrom && random.nextInt(5) == 0 ? "X" + random.nextInt(300)
            : String.format("OPP-%06d", i < sortedFor ? 2 * i : random.nextInt(4000));
        Integer earlier = plain.putIfAbsent(id, i + 2);
        if (earlier == null) {
          order.add(id);
        }
        assertThat(lines.putIfAbsent(id, i + 2)).as(id).isEqualTo(earlier == null ? 0 : earlier);
        patterns.add(dev.compsim.model.IdPattern.of(id));
        assertThat(lines.pattern()).isEqualTo(patterns.size() == 1 ? patterns.iterator().next()
            : null);
      }
      assertThat(lines.size()).isEqualTo(plain.size());
      for (int k = 0; k < order.size(); k++) {
        assertThat(lines.id(k)).isEqualTo(order.get(k));
        assertThat(lines.indexOf(order.get(k))).isEqualTo(k);
      }
      assertThat(lines.get("OPP-99999")).isZero(); // another width: not the pattern's
      assertThat(lines.get("OPP-999999")).isEqualTo(plain.getOrDefault("OPP-999999", 0));
    }
  }

  /** Parts whose ids have different patterns (or one as text) join as text, nothing lost. */
  @Test
  void partsOfDifferentPatternsJoinAsText() {
    String[][] parts = {
        {"D-0001", "D-0002", "D-0003"}, {"D-00004", "D-00005"}, {"E-0009", "D-0007"}, {}};
    for (String[] a : parts) {
      for (String[] b : parts) {
        DealLines first = new DealLines();
        DealLines second = new DealLines();
        DealLines whole = new DealLines();
        int line = 2;
        for (String id : a) {
          first.putIfAbsent(id, line);
          whole.putIfAbsent(id, line++);
        }
        for (String id : b) {
          second.putIfAbsent(id, line);
          whole.putIfAbsent(id, line++);
        }
        boolean shared = first.sharesAny(second);
        assertThat(shared).isEqualTo(a == b && a.length > 0);
        if (shared) {
          continue;
        }
        first.addAll(second);
        assertThat(first.size()).isEqualTo(whole.size());
        assertThat(first.ascending()).isEqualTo(whole.ascending());
        for (int k = 0; k < whole.size(); k++) {
          assertThat(first.id(k)).isEqualTo(whole.id(k));
          assertThat(first.get(whole.id(k))).isEqualTo(whole.get(whole.id(k)));
        }
      }
    }
  }

  /** Joining two parts of a split read: the same index as one built row by row. */
  @Test
  void addAllOfPartsSharingNoIdEqualsOneIndex() {
    Random random = new Random(13);
    for (int round = 0; round < 50; round++) {
      DealLines first = new DealLines();
      DealLines second = new DealLines();
      DealLines whole = new DealLines();
      int n = 1 + random.nextInt(500);
      boolean shuffled = random.nextBoolean();
      for (int i = 0; i < n; i++) {
        String id = shuffled ? "Q" + (i * 7919 % 1009) + "-" + i : String.format("D%05d", i);
        (i < n / 2 ? first : second).putIfAbsent(id, i + 2);
        whole.putIfAbsent(id, i + 2);
      }
      assertThat(first.sharesAny(second)).isFalse();
      first.addAll(second);
      assertThat(first.size()).isEqualTo(whole.size());
      for (int i = 0; i < n; i++) {
        String id = shuffled ? "Q" + (i * 7919 % 1009) + "-" + i : String.format("D%05d", i);
        assertThat(first.get(id)).isEqualTo(whole.get(id)).isEqualTo(i + 2);
      }
      DealLines again = new DealLines();
      again.putIfAbsent(shuffled ? "Q0-0" : "D00000", 1);
      assertThat(again.sharesAny(whole)).isTrue();
    }
  }
}
