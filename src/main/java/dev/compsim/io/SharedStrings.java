package dev.compsim.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Equal strings shared among a file's rows (owners, partners, territories): one instance per
 * value, found from a string or straight from a field's ASCII bytes, so that a value seen before
 * costs no new string. Open addressing over {@link String#hashCode}, which the bytes' hash
 * equals for ASCII text.
 */
final class SharedStrings {
  private String[] table = new String[1 << 10];
  /** The bytes of each string found from bytes, beside it: compared without a call per char. */
  private byte[][] bytesOf = new byte[1 << 10][];
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
        return add(slot, value, null);
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
        byte[] key = Arrays.copyOfRange(bytes, from, to);
        return add(slot, new String(key, StandardCharsets.ISO_8859_1), key);
      }
      byte[] key = bytesOf[slot];
      if (key != null ? same(key, bytes, from, to)
          : found.length() == to - from && same(found, bytes, from)) {
        return found;
      }
    }
  }

  private static boolean same(byte[] key, byte[] bytes, int from, int to) {
    if (key.length != to - from) {
      return false;
    }
    for (int i = 0; i < key.length; i++) {
      if (key[i] != bytes[from + i]) {
        return false;
      }
    }
    return true;
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

  private String add(int slot, String value, byte[] key) {
    table[slot] = value;
    bytesOf[slot] = key;
    if (++size * 2 > table.length) {
      String[] old = table;
      byte[][] oldBytes = bytesOf;
      table = new String[old.length * 2];
      bytesOf = new byte[old.length * 2][];
      int mask = table.length - 1;
      for (int k = 0; k < old.length; k++) {
        if (old[k] != null) {
          int at = spread(old[k].hashCode()) & mask;
          while (table[at] != null) {
            at = (at + 1) & mask;
          }
          table[at] = old[k];
          bytesOf[at] = oldBytes[k];
        }
      }
    }
    return value;
  }
}
