package dev.compsim.engine;

/**
 * Keys of two longs numbered 0, 1, 2... in the order first met: open addressing, so a deal
 * whose shape is known costs a probe and no object. The deal table numbers its shapes with it,
 * the data's checks the deals' combinations of codes they have looked at.
 */
final class ShapeIndex {
  private long[] first;
  private long[] second;
  private int[] number; // 1 + the key's number; 0 for an empty slot
  private int size;

  ShapeIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
    first = new long[capacity];
    second = new long[capacity];
    number = new int[capacity];
  }

  /** The number of the key ({@code a}, {@code b}); a new key gets the next, {@link #size}. */
  int indexOf(long a, long b) {
    int mask = number.length - 1;
    long h = (a * 0x9E3779B97F4A7C15L + b) * 0xBF58476D1CE4E5B9L;
    for (int slot = (int) (h >>> 33) & mask; ; slot = (slot + 1) & mask) {
      int found = number[slot];
      if (found == 0) {
        first[slot] = a;
        second[slot] = b;
        number[slot] = ++size;
        if (size * 2 > number.length) {
          grow();
        }
        return size - 1;
      }
      if (first[slot] == a && second[slot] == b) {
        return found - 1;
      }
    }
  }

  /** Numbers the key when it is new; whether it was. */
  boolean add(long a, long b) {
    int before = size;
    indexOf(a, b);
    return size > before;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldFirst = first;
    long[] oldSecond = second;
    int[] oldNumber = number;
    first = new long[oldNumber.length * 2];
    second = new long[oldNumber.length * 2];
    number = new int[oldNumber.length * 2];
    int mask = number.length - 1;
    for (int k = 0; k < oldNumber.length; k++) {
      if (oldNumber[k] != 0) {
        long h = (oldFirst[k] * 0x9E3779B97F4A7C15L + oldSecond[k]) * 0xBF58476D1CE4E5B9L;
        int slot = (int) (h >>> 33) & mask;
        while (number[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        first[slot] = oldFirst[k];
        second[slot] = oldSecond[k];
        number[slot] = oldNumber[k];
      }
    }
  }
}
