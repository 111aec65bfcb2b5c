package io.osprey.diameter.dictionary;

/**
 * A read-mostly open-addressing table from {@code long} keys to values, filled once at construction time.
 * Lookups do not box the key, which matters on the per-AVP decode path.
 */
final class LongKeyTable<V> {

    private final long[] keys;
    private final Object[] values;
    private final int mask;

    LongKeyTable(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedSize * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
    }

    void put(long key, V value) {
        int i = slot(key);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = slot(key);
        while (values[i] != null) {
            if (keys[i] == key) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & mask;
    }
}
