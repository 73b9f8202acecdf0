package dev.compsim.io;

import dev.compsim.model.IdPattern;
import java.util.Arrays;
import java.util.Objects;

/**
 * The line of each deal id in the deals file: what a {@code HashMap<String, Integer>} would
 * hold, in arrays (ids and lines by deal), so a million deals cost no entry or boxed line
 * objects. While the ids have one {@link IdPattern} (most exports: D-0000001, D-0000002, ...)
 * they are kept as numbers, without a string each; the first id without it turns them all into
 * text. Exports usually list ids in increasing order: while they come that way the ids stay
 * sorted and are found by binary search, with no hashing at all; the first id out of order
 * builds an open-addressing table of deal numbers by id hash, used from then on.
 */
final class DealLines {
  /** While every id has this pattern: the ids as numbers in {@link #numbers}; else null. */
  private IdPattern pattern;
  private long[] numbers;
  /** The ids as text, once one came without the pattern of the others. */
  private String[] ids;
  private int[] lines = new int[64];
  private int size;
  /** Whether the ids are strictly increasing and there is no hash table yet. */
  private boolean sorted = true;
  /** Sorted mode: where {@link #indexOf} last found an id. */
  private int finger;
  /** The spread hash of each id (hashed mode): probing and growing never touch the ids. */
  private int[] hashes;
  /** Deal number + 1 by slot; 0 is an empty slot (hashed mode). */
  private int[] table;

  /** The pattern every id so far has, kept as numbers; null before the first or as text. */
  IdPattern pattern() {
    return pattern;
  }

  /**
   * Records that deal {@code id} is on {@code line} unless it is already known; returns the
   * earlier line, or 0 when {@code id} is new. Lines are positive.
   */
  int putIfAbsent(String id, int line) {
    if (size == 0 && pattern == null && ids == null) {
      pattern = IdPattern.of(id);
      if (pattern != null) {
        numbers = new long[64];
      } else {
        ids = new String[64];
      }
    }
    if (pattern != null) {
      long number = pattern.number(id);
      if (number >= 0) {
        return putIfAbsent(number, line);
      }
      toText();
    }
    probeText = id;
    return putProbe(line);
  }

  /** {@link #putIfAbsent(String, int)} of the id numbered {@code number} under {@link #pattern}. */
  int putIfAbsent(long number, int line) {
    probeNumber = number;
    return putProbe(line);
  }

  /** The line of deal {@code id}, or 0 when it is not known. */
  int get(String id) {
    int at = indexOf(id);
    return at >= 0 ? lines[at] : 0;
  }

  /**
   * The number of deal {@code id} (its place in the order the ids came), or -1 when it is not
   * known. Not for several threads at once: in sorted mode it remembers where the last id was
   * found and gallops forward from there (payments usually come in the deals' order), searching
   * the ids before it otherwise.
   */
  int indexOf(String id) {
    if (pattern != null) {
      long number = pattern.number(id);
      return number < 0 ? -1 : indexOf(number);
    }
    probeText = id;
    return findProbe();
  }

  /** {@link #indexOf(String)} of the id numbered {@code number} under {@link #pattern}. */
  int indexOf(long number) {
    probeNumber = number;
    return findProbe();
  }

  /**
   * The id being looked up or added: its number while the ids are numbers, else its text. One
   * search and one table serve both (not for several threads at once).
   */
  private long probeNumber;
  private String probeText;

  /** Entry {@code at} against the probe, as {@link String#compareTo} orders the ids. */
  private int compareAt(int at) {
    return pattern != null ? Long.compare(numbers[at], probeNumber)
        : ids[at].compareTo(probeText);
  }

  /** The probe's spread hash, as {@link #hash} hashes the entries. */
  private int probeHash() {
    return spread(pattern != null ? Long.hashCode(probeNumber) : probeText.hashCode());
  }

  private boolean matchesAt(int at, int hash) {
    return pattern != null ? numbers[at] == probeNumber
        : hashes[at] == hash && ids[at].equals(probeText);
  }

  /** Adds the probe on {@code line} unless known: 0, or the earlier line. */
  private int putProbe(int line) {
    if (sorted) {
      if (size == 0 || compareAt(size - 1) < 0) {
        append(line);
        return 0;
      }
      int at = search(0, size - 1);
      if (at >= 0) {
        return lines[at];
      }
      hash(); // out of order: from here on, a hash table
    }
    int hash = probeHash();
    int mask = table.length - 1;
    int slot = hash & mask;
    for (int entry = table[slot]; entry != 0; entry = table[slot]) {
      if (matchesAt(entry - 1, hash)) {
        return lines[entry - 1];
      }
      slot = (slot + 1) & mask;
    }
    append(line);
    hashes[size - 1] = hash;
    table[slot] = size;
    if (size * 2 > table.length) {
      rehash(table.length * 2);
    }
    return 0;
  }

  /** The probe's number (place), or -1. */
  private int findProbe() {
    if (size == 0) {
      return -1;
    }
    if (sorted) {
      int at = finger;
      int c = compareAt(at);
      if (c == 0) {
        return at;
      }
      int low = 0;
      int high = at - 1;
      if (c < 0) { // ahead of the last one: gallop forward, then search what the gallop spans
        low = at + 1;
        high = low;
        for (int step = 1; high < size && compareAt(high) < 0; high = at + step) {
          low = high + 1;
          step <<= 1;
        }
        high = Math.min(high, size - 1);
      }
      int found = search(low, high);
      if (found >= 0) {
        finger = found;
      }
      return found;
    }
    int hash = probeHash();
    int mask = table.length - 1;
    int slot = hash & mask;
    for (int entry = table[slot]; entry != 0; entry = table[slot]) {
      if (matchesAt(entry - 1, hash)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Deal number {@code at}'s id: the instance recorded, or a new string for a number. */
  String id(int at) {
    return pattern != null ? pattern.text(numbers[at]) : ids[at];
  }

  /** Whether the ids came in strictly increasing order, every one. */
  boolean ascending() {
    return sorted;
  }

  int size() {
    return size;
  }

  /** Whether some id of {@code other} is known here too. */
  boolean sharesAny(DealLines other) {
    if (size == 0 || other.size == 0) {
      return false;
    }
    sameKeys(other);
    if (sorted && other.sorted) {
      probe(other, 0);
      boolean allBefore = compareAt(size - 1) < 0; // this one's last before the other's first
      probe(other, other.size - 1);
      boolean allAfter = compareAt(0) > 0; // this one's first after the other's last
      if (allBefore || allAfter) {
        return false;
      }
    }
    for (int i = 0; i < other.size; i++) {
      probe(other, i);
      if (findProbe() >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds every entry of {@code other}, in its order, as {@link #putIfAbsent} would; the two
   * must share no id ({@link #sharesAny}). Sorted after sorted stays sorted, by a copy.
   */
  void addAll(DealLines other) {
    addAll(other, 0);
  }

  /** As above, with {@code other}'s lines counted after {@code linesBefore} more lines. */
  void addAll(DealLines other, int linesBefore) {
    if (other.size == 0) {
      return;
    }
    sameKeys(other);
    boolean after = size == 0; // every id of the other after every one here
    if (!after) {
      probe(other, 0);
      after = compareAt(size - 1) < 0;
    }
    if (sorted && other.sorted && after) {
      grow(size + other.size);
      if (pattern != null) {
        System.arraycopy(other.numbers, 0, numbers, size, other.size);
      } else {
        System.arraycopy(other.ids, 0, ids, size, other.size);
      }
      for (int i = 0; i < other.size; i++) {
        lines[size + i] = other.lines[i] + linesBefore;
      }
      size += other.size;
      return;
    }
    for (int i = 0; i < other.size; i++) {
      probe(other, i);
      if (putProbe(other.lines[i] + linesBefore) != 0) {
        throw new IllegalArgumentException("deal " + other.id(i) + " is in both");
      }
    }
  }

  /** Makes entry {@code i} of {@code other} (keeping its ids as this does) the probe. */
  private void probe(DealLines other, int i) {
    if (pattern != null) {
      probeNumber = other.numbers[i];
    } else {
      probeText = other.ids[i];
    }
  }

  /** Makes this and {@code other} keep their ids alike: by one pattern, or both as text. */
  private void sameKeys(DealLines other) {
    if (size == 0) {
      pattern = other.pattern;
      numbers = pattern != null ? new long[Math.max(64, other.size)] : null;
      ids = pattern != null ? null : new String[Math.max(64, other.size)];
    } else if (!Objects.equals(pattern, other.pattern)) {
      toText();
      other.toText();
    }
  }

  /** Appends the probe on {@code line}. */
  private void append(int line) {
    grow(size + 1);
    if (pattern != null) {
      numbers[size] = probeNumber;
    } else {
      ids[size] = probeText;
    }
    lines[size] = line;
    size++;
  }

  private void grow(int needed) {
    if (needed > lines.length) {
      int length = Math.max(needed, lines.length * 2);
      lines = Arrays.copyOf(lines, length);
      if (hashes != null) {
        hashes = Arrays.copyOf(hashes, length);
      }
    }
    if (numbers != null && needed > numbers.length) {
      numbers = Arrays.copyOf(numbers, lines.length);
    }
    if (ids != null && needed > ids.length) {
      ids = Arrays.copyOf(ids, lines.length);
    }
  }

  /** The index of the probe among entries low..high (sorted mode), or -1. */
  private int search(int low, int high) {
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = compareAt(mid);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Keeps every id as text from now on, those so far too (hashed again as text). */
  private void toText() {
    if (ids != null) {
      return;
    }
    ids = new String[lines.length];
    for (int i = 0; i < size; i++) {
      ids[i] = pattern.text(numbers[i]);
    }
    pattern = null;
    numbers = null;
    if (!sorted) {
      hash();
    }
  }

  /** Leaves the sorted mode (or hashes the ids again): hashes every id and builds the table. */
  private void hash() {
    sorted = false;
    hashes = new int[lines.length];
    for (int i = 0; i < size; i++) {
      hashes[i] = spread(pattern != null ? Long.hashCode(numbers[i]) : ids[i].hashCode());
    }
    int capacity = 128;
    while (capacity < size * 2 + 2) {
      capacity *= 2;
    }
    rehash(capacity);
  }

  private void rehash(int capacity) {
    int[] grown = new int[capacity];
    int mask = grown.length - 1;
    for (int i = 0; i < size; i++) {
      int slot = hashes[i] & mask;
      while (grown[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      grown[slot] = i + 1;
    }
    table = grown;
  }

  /** Mixes the high bits in: ids like D0000001 differ mostly in their last characters. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
