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
    if (sorted) {
      if (size == 0 || ids[size - 1].compareTo(id) < 0) {
        append(id, 0, line);
        return 0;
      }
      int at = search(id, 0, size - 1);
      if (at >= 0) {
        return lines[at];
      }
      hash(); // out of order: from here on, a hash table
    }
    int hash = spread(id.hashCode());
    int mask = table.length - 1;
    int slot = hash & mask;
    for (int entry = table[slot]; entry != 0; entry = table[slot]) {
      if (hashes[entry - 1] == hash && ids[entry - 1].equals(id)) {
        return lines[entry - 1];
      }
      slot = (slot + 1) & mask;
    }
    append(id, 0, line);
    enter(hash, slot);
    return 0;
  }

  /** {@link #putIfAbsent(String, int)} of the id numbered {@code number} under {@link #pattern}. */
  int putIfAbsent(long number, int line) {
    if (sorted) {
      if (size == 0 || numbers[size - 1] < number) {
        append(null, number, line);
        return 0;
      }
      int at = search(number, 0, size - 1);
      if (at >= 0) {
        return lines[at];
      }
      hash();
    }
    int hash = spread(Long.hashCode(number));
    int mask = table.length - 1;
    int slot = hash & mask;
    for (int entry = table[slot]; entry != 0; entry = table[slot]) {
      if (numbers[entry - 1] == number) {
        return lines[entry - 1];
      }
      slot = (slot + 1) & mask;
    }
    append(null, number, line);
    enter(hash, slot);
    return 0;
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
    if (size == 0) {
      return -1;
    }
    if (sorted) {
      int at = finger;
      int c = ids[at].compareTo(id);
      if (c == 0) {
        return at;
      }
      int low = 0;
      int high = at - 1;
      if (c < 0) { // ahead of the last one: gallop forward, then search what the gallop spans
        low = at + 1;
        high = low;
        for (int step = 1; high < size && ids[high].compareTo(id) < 0; high = at + step) {
          low = high + 1;
          step <<= 1;
        }
        high = Math.min(high, size - 1);
      }
      int found = search(id, low, high);
      if (found >= 0) {
        finger = found;
      }
      return found;
    }
    int hash = spread(id.hashCode());
    int mask = table.length - 1;
    int slot = hash & mask;
    for (int entry = table[slot]; entry != 0; entry = table[slot]) {
      if (hashes[entry - 1] == hash && ids[entry - 1].equals(id)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** {@link #indexOf(String)} of the id numbered {@code number} under {@link #pattern}. */
  int indexOf(long number) {
    if (size == 0) {
      return -1;
    }
    if (sorted) {
      int at = finger;
      if (numbers[at] == number) {
        return at;
      }
      int low = 0;
      int high = at - 1;
      if (numbers[at] < number) { // gallop forward, as above
        low = at + 1;
        high = low;
        for (int step = 1; high < size && numbers[high] < number; high = at + step) {
          low = high + 1;
          step <<= 1;
        }
        high = Math.min(high, size - 1);
      }
      int found = search(number, low, high);
      if (found >= 0) {
        finger = found;
      }
      return found;
    }
    int mask = table.length - 1;
    int slot = spread(Long.hashCode(number)) & mask;
    for (int entry = table[slot]; entry != 0; entry = table[slot]) {
      if (numbers[entry - 1] == number) {
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
    if (pattern != null) {
      if (sorted && other.sorted && (numbers[size - 1] < other.numbers[0]
          || other.numbers[other.size - 1] < numbers[0])) {
        return false;
      }
      for (int i = 0; i < other.size; i++) {
        if (indexOf(other.numbers[i]) >= 0) {
          return true;
        }
      }
      return false;
    }
    if (sorted && other.sorted && (ids[size - 1].compareTo(other.ids[0]) < 0
        || other.ids[other.size - 1].compareTo(ids[0]) < 0)) {
      return false;
    }
    for (int i = 0; i < other.size; i++) {
      if (get(other.ids[i]) != 0) {
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
    boolean before = size == 0 || (pattern != null ? numbers[size - 1] < other.numbers[0]
        : ids[size - 1].compareTo(other.ids[0]) < 0);
    if (sorted && other.sorted && before) {
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
      int earlier = pattern != null ? putIfAbsent(other.numbers[i], other.lines[i] + linesBefore)
          : putIfAbsent(other.ids[i], other.lines[i] + linesBefore);
      if (earlier != 0) {
        throw new IllegalArgumentException("deal " + other.id(i) + " is in both");
      }
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

  private void append(String id, long number, int line) {
    grow(size + 1);
    if (pattern != null) {
      numbers[size] = number;
    } else {
      ids[size] = id;
    }
    lines[size] = line;
    size++;
  }

  /** Puts the entry just appended into the hash table at {@code slot}, found free. */
  private void enter(int hash, int slot) {
    hashes[size - 1] = hash;
    table[slot] = size;
    if (size * 2 > table.length) {
      rehash(table.length * 2);
    }
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

  /** The index of {@code id} among ids[low..high] (sorted mode), or -1. */
  private int search(String id, int low, int high) {
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = ids[mid].compareTo(id);
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

  /** The index of {@code number} among numbers[low..high] (sorted mode), or -1. */
  private int search(long number, int low, int high) {
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (numbers[mid] < number) {
        low = mid + 1;
      } else if (numbers[mid] > number) {
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
