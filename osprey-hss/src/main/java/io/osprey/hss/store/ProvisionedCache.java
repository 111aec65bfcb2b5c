package io.osprey.hss.store;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Provisioned data the Cx handlers read on every request (public identity records, a subscription's S-CSCF
 * capabilities, assembled user profiles), kept in memory for at most {@code ttl}. One IMS registration asks for
 * the same identity in its two UARs, its MAR and its SAR within milliseconds; without this each of them went to
 * the database. Registration state, SQNs and credentials are never cached: they change with every registration.
 *
 * <p>Consistency. Every provisioning write made through this store moves the generation on once its transaction
 * has committed (see {@link Transactions#provision}); an entry counts only while its generation is current. A
 * reader takes the generation before it reads the database, so a value read before a commit carries an older
 * generation than the one the commit leaves, and is never served after it. Writes this process does not see
 * (another HSS process on the same PostgreSQL database, or a tool writing the SQLite file) show after at most
 * {@code ttl}. The cache holds at most {@code maxEntries}; when full it drops stale and expired entries, and
 * everything if that frees too little.
 */
final class ProvisionedCache {

    /** Default time to live: short enough for changes made by other processes, long enough for a registration. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    static final int DEFAULT_MAX_ENTRIES = 50_000;

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();

    ProvisionedCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("cache ttl must not be negative, was " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("cache maxEntries must be positive, was " + maxEntries);
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /** A cache that keeps nothing. */
    static ProvisionedCache disabled() {
        return new ProvisionedCache(Duration.ZERO, 1, System::nanoTime);
    }

    /** The value cached under {@code key} if current, else what {@code loader} reads (cached for next time). */
    @SuppressWarnings("unchecked")
    <V> V get(Object key, Supplier<V> loader) {
        if (ttlNanos == 0) {
            return loader.get();
        }
        long current = generation.get();
        long now = nanoClock.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation == current && now - entry.expiresAt < 0) {
            return (V) entry.value;
        }
        V value = loader.get();
        if (entries.size() >= maxEntries) {
            makeRoom(now);
        }
        entries.put(key, new Entry(current, now + ttlNanos, value));
        return value;
    }

    /** Provisioned data changed and committed: nothing cached before now may be served. */
    void changed() {
        generation.incrementAndGet();
    }

    int size() {
        return entries.size();
    }

    private void makeRoom(long now) {
        long current = generation.get();
        for (Iterator<Map.Entry<Object, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Entry entry = it.next().getValue();
            if (entry.generation != current || now - entry.expiresAt >= 0) {
                it.remove();
            }
        }
        if (entries.size() >= maxEntries * 9L / 10) {
            entries.clear();
        }
    }

    private record Entry(long generation, long expiresAt, Object value) {
    }
}
