package io.osprey.hss.store;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Room in a full in-memory map of the store: a quarter of its entries go, every fourth in the map's iteration
 * order, which follows key hashes and so has nothing to do with how recently an entry was used. Starting again
 * empty instead made every user miss at once, and above the bound it did so over and over: with entries that live
 * an hour (decision 0019), nothing else frees room.
 */
final class Eviction {

    /** One in this many entries goes when a map is full. */
    static final int ONE_IN = 4;

    private Eviction() {
    }

    /** Removes about a quarter of {@code map}'s entries. */
    static void dropQuarter(ConcurrentHashMap<?, ?> map) {
        dropQuarter(map, removed -> { });
    }

    /** Removes about a quarter of {@code map}'s entries, passing each removed value to {@code removed}. */
    static <K, V> void dropQuarter(ConcurrentHashMap<K, V> map, Consumer<? super V> removed) {
        int i = 0;
        for (Iterator<V> it = map.values().iterator(); it.hasNext(); ) {
            V value = it.next();
            if (i++ % ONE_IN == 0) {
                it.remove();
                removed.accept(value);
            }
        }
    }
}
