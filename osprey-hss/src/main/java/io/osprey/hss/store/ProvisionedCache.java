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
 * the same identity in its two UARs, its MAR and its SAR within milliseconds, and again at every re-registration;
 * without this each of them went to the database. Registration state, SQNs and credentials are never cached here:
 * they change with every registration.
 *
 * <p>Consistency. Every provisioning write made through this store moves the generation on once its transaction
 * has committed (see {@link Transactions#provision}); an entry counts only while its generation is current. A
 * reader takes the generation before it reads the database, so a value read before a commit carries an older
 * generation than the one the commit leaves, and is never served after it. Writes made by other processes on the
 * same database (another HSS on PostgreSQL, {@code osprey subscriber --db} on the SQLite file) are seen by the
 * {@link ProvisioningWatch}, which moves the generation on within a second of their commit; while it cannot
 * confirm (its polls fail), entries are not served ({@link #confirmedUntil}). The cache holds at most
 * {@code maxEntries}; when full it drops stale and expired entries, and a quarter of the rest if that frees too
 * little ({@link Eviction}).
 */
final class ProvisionedCache {

    /**
     * Default time to live: as long as a UE's usual re-registration period (RFC 3261's default interval is 3600 s,
     * renewed before it ends), so a re-registration finds its identity in memory. Other processes' changes do not wait
     * for it: the {@link ProvisioningWatch} drops entries within a second of them (decision 0019).
     */
    static final Duration DEFAULT_TTL = Duration.ofHours(1);
    static final int DEFAULT_MAX_ENTRIES = 50_000;

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    /** Whether a {@link ProvisioningWatch} confirms entries; then none is served past {@link #confirmedUntil}. */
    private volatile boolean watched;
    private volatile long confirmedUntil;

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
        long now = nanoClock.getAsLong();
        if (watched && now - confirmedUntil >= 0) {
            return loader.get(); // the watch has not confirmed lately: another process may have provisioned
        }
        long current = generation.get();
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

    /**
     * The {@link ProvisioningWatch} has seen every other process's provisioning committed before it last polled:
     * entries may be served until {@code until} (on this cache's clock) unless it confirms again.
     */
    void confirmedUntil(long until) {
        confirmedUntil = until;
        watched = true;
    }

    /** This cache's clock, in nanoseconds. */
    long now() {
        return nanoClock.getAsLong();
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
            Eviction.dropQuarter(entries);
        }
    }

    private record Entry(long generation, long expiresAt, Object value) {
    }
}
