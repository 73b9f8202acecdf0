package dev.compsim.io;

import java.util.Arrays;

/**
 * The line of each deal id in the deals file: what a {@code HashMap<String, Integer>} would
 * hold, in arrays (ids, hashes and lines by deal, an open-addressing table of deal numbers by
 * id hash), so a million deals cost no entry or boxed line objects, and far less memory for the
 * whole run.
 */
final class DealLines {
  private String[] ids = new String[64];
  private int[] lines = new int[64];
  /** The spread hash of each id: probing and growing never touch the id strings. */
  private int[] hashes = new int[64];
  private int size;
  /** Deal number + 1 by slot; 0 is an empty slot. */
  private int[] table = new int[128];

  /**
   * Records that deal {@code id} is on {@code line} unless it is already known; returns the
   * earlier line, or 0 when {@code id} is new. Lines are positive.
   */
  int putIfAbsent(String id, int line) {
    int hash = spread(id.hashCode());
    int mask = table.length - 1;
    int slot = hash & mask;
    for (int entry = table[slot]; entry != 0; entry = table[slot]) {
      if (hashes[entry - 1] == hash && ids[entry - 1].equals(id)) {
        return lines[entry - 1];
      }
      slot = (slot + 1) & mask;
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
      lines = Arrays.copyOf(lines, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    ids[size] = id;
    lines[size] = line;
    hashes[size] = hash;
    size++;
    table[slot] = size;
    if (size * 2 > table.length) {
      rehash();
    }
    return 0;
  }

  /** The line of deal {@code id}, or 0 when it is not known. */
  int get(String id) {
    int hash = spread(id.hashCode());
    int mask = table.length - 1;
    int slot = hash & mask;
    for (int entry = table[slot]; entry != 0; entry = table[slot]) {
      if (hashes[entry - 1] == hash && ids[entry - 1].equals(id)) {
        return lines[entry - 1];
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  int size() {
    return size;
  }

  private void rehash() {
    int[] grown = new int[table.length * 2];
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
