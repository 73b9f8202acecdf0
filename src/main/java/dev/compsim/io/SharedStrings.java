package dev.compsim.io;

import java.nio.charset.StandardCharsets;

/**
 * Equal strings shared among a file's rows (owners, partners, territories): one instance per
 * value, found from a string or straight from a field's ASCII bytes, so that a value seen before
 * costs no new string. Open addressing over {@link String#hashCode}, which the bytes' hash
 * equals for ASCII text.
 */
final class SharedStrings {
  private String[] table = new String[1 << 10];
  private int size;

  /** The shared instance equal to {@code value} (null stays null). */
  String of(String value) {
    if (value == null) {
      return null;
    }
    int mask = table.length - 1;
    for (int slot = spread(value.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      String found = table[slot];
      if (found == null) {
        return add(slot, value);
      }
      if (found.equals(value)) {
        return found;
      }
    }
  }

  /** The shared instance equal to the ASCII text in {@code bytes[from, to)}. */
  String of(byte[] bytes, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + bytes[i];
    }
    int mask = table.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      String found = table[slot];
      if (found == null) {
        return add(slot, new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
      }
      if (found.length() == to - from && same(found, bytes, from)) {
        return found;
      }
    }
  }

  private static boolean same(String value, byte[] bytes, int from) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) != bytes[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** Ids that differ only at the end hash close together: spread them over the table. */
  private static int spread(int hash) {
    return hash * 0x9E3779B9 >>> 7 ^ hash;
  }

  private String add(int slot, String value) {
    table[slot] = value;
    if (++size * 2 > table.length) {
      String[] old = table;
      table = new String[old.length * 2];
      int mask = table.length - 1;
      for (String kept : old) {
        if (kept != null) {
          int at = spread(kept.hashCode()) & mask;
          while (table[at] != null) {
            at = (at + 1) & mask;
          }
          table[at] = kept;
        }
      }
    }
    return value;
  }
}
