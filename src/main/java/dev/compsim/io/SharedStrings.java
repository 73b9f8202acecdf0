package dev.compsim.io;

import dev.compsim.model.ValueCodes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Equal strings shared among a file's rows (owners, partners, territories): one instance per
 * value, each with its code in {@link #codes()}, found from a string or straight from a field's
 * ASCII bytes, so that a value seen before costs no new string and no second look-up (the deals'
 * columns keep the codes). Open addressing over {@link String#hashCode}, which the bytes' hash
 * equals for ASCII text.
 */
final class SharedStrings {
  private final ValueCodes codes;
  private String[] table = new String[1 << 10];
  /** The bytes of each string found from bytes, beside it: compared without a call per char. */
  private byte[][] bytesOf = new byte[1 << 10][];
  private int[] codeOf = new int[1 << 10];
  private int size;

  SharedStrings() {
    this(new ValueCodes());
  }

  /** Strings numbered by {@code codes} (which may number other values too). */
  SharedStrings(ValueCodes codes) {
    this.codes = codes;
  }

  ValueCodes codes() {
    return codes;
  }

  /** The shared instance equal to {@code value} (null stays null). */
  String of(String value) {
    return text(code(value));
  }

  /** The shared instance equal to the ASCII text in {@code bytes[from, to)}. */
  String of(byte[] bytes, int from, int to) {
    return text(code(bytes, from, to));
  }

  /** The string of {@code code}; null for 0. */
  String text(int code) {
    return (String) codes.value(code);
  }

  /** The code of {@code value}; 0 for null. */
  int code(String value) {
    if (value == null) {
      return 0;
    }
    int mask = table.length - 1;
    for (int slot = spread(value.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      String found = table[slot];
      if (found == null) {
        return add(slot, value, null);
      }
      if (found.equals(value)) {
        return codeOf[slot];
      }
    }
  }

  /** The code of the ASCII text in {@code bytes[from, to)}. */
  int code(byte[] bytes, int from, int to) {
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
      if (key != null) {
        if (same(key, bytes, from, to)) {
          return codeOf[slot];
        }
      } else if (found.length() == to - from && same(found, bytes, from)) {
        // a string added as a string (a rep id from reps.csv), met now as bytes: its bytes are
        // kept for the next time (an activities file names each rep a hundred times)
        bytesOf[slot] = Arrays.copyOfRange(bytes, from, to);
        return codeOf[slot];
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

  private int add(int slot, String value, byte[] key) {
    int code = codes.code(value);
    table[slot] = (String) codes.value(code); // an equal string numbered before stays the one
    bytesOf[slot] = key;
    codeOf[slot] = code;
    if (++size * 2 > table.length) {
      String[] old = table;
      byte[][] oldBytes = bytesOf;
      int[] oldCodes = codeOf;
      table = new String[old.length * 2];
      bytesOf = new byte[old.length * 2][];
      codeOf = new int[old.length * 2];
      int mask = table.length - 1;
      for (int k = 0; k < old.length; k++) {
        if (old[k] != null) {
          int at = spread(old[k].hashCode()) & mask;
          while (table[at] != null) {
            at = (at + 1) & mask;
          }
          table[at] = old[k];
          bytesOf[at] = oldBytes[k];
          codeOf[at] = oldCodes[k];
        }
      }
    }
    return code;
  }
}
