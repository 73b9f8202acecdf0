package dev.compsim.model;

import java.util.Arrays;

/**
 * Values numbered in the order they are first met, equal values alike, from 1; 0 stands for
 * null. {@link DealColumns} keeps its text, discount and assist columns as these codes: an
 * {@code int} column the collector need not visit deal by deal, as it must an array of
 * references (a million deals read: the first young collection 72 against 41 ms).
 *
 * <p>Open addressing over the values' own hash, the table holding codes: a value costs a slot
 * and no entry or boxed number, so data whose every deal names a new territory and product (two
 * million values) is numbered without a map of them.
 */
public final class ValueCodes {
  private Object[] values = new Object[64];
  /** By code: the value's hash, spread; compared before the value, and rehashed from. */
  private int[] hashes = new int[64];
  private int size = 1;
  /** By slot: the code of the value there, 0 for an empty slot. */
  private int[] table = new int[128];

  /** The code of {@code value}, numbering it when it is new; 0 for null. */
  public int code(Object value) {
    if (value == null) {
      return 0;
    }
    int hash = spread(value.hashCode());
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int code = table[slot];
      if (code == 0) {
        return add(slot, value, hash);
      }
      if (hashes[code] == hash && values[code].equals(value)) {
        return code;
      }
    }
  }

  /** The value numbered {@code code}: the first instance met of it; null for 0. */
  public Object value(int code) {
    return values[code];
  }

  /** One more than the highest code given. */
  public int size() {
    return size;
  }

  /** The values by code, 0 (null) first. */
  Object[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** Values that differ only at the end hash close together: spread them over the table. */
  private static int spread(int hash) {
    return hash * 0x9E3779B9 >>> 7 ^ hash;
  }

  private int add(int slot, Object value, int hash) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    values[size] = value;
    hashes[size] = hash;
    table[slot] = size;
    if (size * 2 > table.length) {
      int[] grown = new int[table.length * 2];
      int mask = grown.length - 1;
      for (int code = 1; code <= size; code++) {
        int at = hashes[code] & mask;
        while (grown[at] != 0) {
          at = (at + 1) & mask;
        }
        grown[at] = code;
      }
      table = grown;
    }
    return size++;
  }
}
