package dev.compsim.io;

import java.util.Arrays;

/**
 * The line of each deal id in the deals file: what a {@code HashMap<String, Integer>} would
 * hold, in arrays (ids and lines by deal), so a million deals cost no entry or boxed line
 * objects. Exports usually list ids in increasing order: while they come that way the ids stay
 * sorted and are found by binary search, with no hashing at all; the first id out of order
 * builds an open-addressing table of deal numbers by id hash, used from then on.
 */
final class DealLines {
  private String[] ids = new String[64];
  private int[] lines = new int[64];
  private int size;
  /** Whether ids[0..size) is strictly increasing and there is no hash table yet. */
  private boolean sorted = true;
  /** Sorted mode: where {@link #indexOf} last found an id. */
  private int finger;
  /** The spread hash of each id (hashed mode): probing and growing never touch the strings. */
  private int[] hashes;
  /** Deal number + 1 by slot; 0 is an empty slot (hashed mode). */
  private int[] table;

  /**
   * Records that deal {@code id} is on {@code line} unless it is already known; returns the
   * earlier line, or 0 when {@code id} is new. Lines are positive.
   */
  int putIfAbsent(String id, int line) {
    if (sorted) {
      if (size == 0 || ids[size - 1].compareTo(id) < 0) {
        append(id, line);
        return 0;
      }
      int at = search(id);
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
    append(id, line);
    hashes[size - 1] = hash;
    table[slot] = size;
    if (size * 2 > table.length) {
      rehash(table.length * 2);
    }
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
    if (sorted) {
      if (size == 0) {
        return -1;
      }
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

  /** Deal number {@code at}'s id, the instance recorded. */
  String id(int at) {
    return ids[at];
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
    if (sorted && other.sorted
        && (size == 0 || other.size == 0 || ids[size - 1].compareTo(other.ids[0]) < 0)) {
      grow(size + other.size);
      System.arraycopy(other.ids, 0, ids, size, other.size);
      for (int i = 0; i < other.size; i++) {
        lines[size + i] = other.lines[i] + linesBefore;
      }
      size += other.size;
      return;
    }
    for (int i = 0; i < other.size; i++) {
      if (putIfAbsent(other.ids[i], other.lines[i] + linesBefore) != 0) {
        throw new IllegalArgumentException("deal " + other.ids[i] + " is in both");
      }
    }
  }

  private void append(String id, int line) {
    grow(size + 1);
    ids[size] = id;
    lines[size] = line;
    size++;
  }

  private void grow(int needed) {
    if (needed > ids.length) {
      int length = Math.max(needed, ids.length * 2);
      ids = Arrays.copyOf(ids, length);
      lines = Arrays.copyOf(lines, length);
      if (hashes != null) {
        hashes = Arrays.copyOf(hashes, length);
      }
    }
  }

  private int search(String id) {
    return search(id, 0, size - 1);
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

  /** Leaves the sorted mode: hashes every id and builds the table. */
  private void hash() {
    sorted = false;
    hashes = new int[ids.length];
    for (int i = 0; i < size; i++) {
      hashes[i] = spread(ids[i].hashCode());
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
