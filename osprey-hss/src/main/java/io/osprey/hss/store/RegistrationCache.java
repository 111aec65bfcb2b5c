package io.osprey.hss.store;

import io.osprey.hss.model.ImpuRegistration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * The registration state of implicit registration sets (state, S-CSCF name and pending authentication of each
 * member), kept by an HSS that is the only writer of it: the SQLite store, which one HSS process opens (decision
 * 0016). A registration reads its set four times within milliseconds (two UARs, the SAR's check, LIRs of its
 * calls) and changes it once, at most; a re-registration changes nothing.
 *
 * <p>Consistency. There is no time to live: every write of registration state made through this store drops the
 * set it wrote once its transaction has committed ({@link Transactions#registrationWritten}), or, inside a
 * transaction that knows the set's whole new state, replaces it with that state under the write lock
 * ({@link #written}); every provisioning write drops everything. A reader notes the set's stripe version and the
 * epoch before it reads the database, and stores what it read only if neither moved meanwhile. A writer moves the
 * version before it drops or replaces the entry. So a value read before a commit never outlives the drop that
 * follows the commit. A set written since the reader started is simply not stored; the next reader tries again.
 */
final class RegistrationCache {

    private static final int STRIPES = 256;

    private final boolean enabled;
    private final int maxEntries;
    private final ConcurrentHashMap<PublicIdentityRows.SetKey, List<ImpuRegistration>> sets =
            new ConcurrentHashMap<>();
    private final AtomicLongArray versions = new AtomicLongArray(STRIPES);
    private final AtomicLong epoch = new AtomicLong();

    private RegistrationCache(boolean enabled, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        this.enabled = enabled;
        this.maxEntries = maxEntries;
    }

    /** A cache holding at most {@code maxEntries} sets; when full, a quarter of them go ({@link Eviction}). */
    static RegistrationCache of(int maxEntries) {
        return new RegistrationCache(true, maxEntries);
    }

    /** A cache that keeps nothing: for stores other processes may write registration state to. */
    static RegistrationCache disabled() {
        return new RegistrationCache(false, 1);
    }

    boolean enabled() {
        return enabled;
    }

    /** The cached registrations of {@code set}, else what {@code loader} reads, stored unless the set moved. */
    List<ImpuRegistration> get(PublicIdentityRows.SetKey set, Supplier<List<ImpuRegistration>> loader) {
        if (!enabled) {
            return loader.get();
        }
        List<ImpuRegistration> cached = sets.get(set);
        if (cached != null) {
            return cached;
        }
        int stripe = stripe(set);
        long epochBefore = epoch.get();
        long versionBefore = versions.get(stripe);
        List<ImpuRegistration> loaded = List.copyOf(loader.get());
        makeRoom();
        // checked under the entry's lock: a drop either sees this value and removes it, or has already moved the
        // version and the value is not stored
        sets.compute(set, (key, present) ->
                epoch.get() == epochBefore && versions.get(stripe) == versionBefore ? loaded : present);
        return loaded;
    }

    /** Registration state of {@code set} changed and committed. */
    void drop(PublicIdentityRows.SetKey set) {
        if (enabled) {
            versions.incrementAndGet(stripe(set));
            sets.remove(set);
        }
    }

    /**
     * Registration state of {@code set} changed and committed, to {@code now} (null: not known, as {@link #drop}).
     * Called under the store's write lock, so writers' states arrive in commit order; the version still moves, so
     * that a reader who read before the commit does not store over it.
     */
    void written(PublicIdentityRows.SetKey set, List<ImpuRegistration> now) {
        if (now == null) {
            drop(set);
            return;
        }
        if (enabled) {
            versions.incrementAndGet(stripe(set));
            makeRoom();
            sets.put(set, List.copyOf(now));
        }
    }

    private void makeRoom() {
        if (sets.size() >= maxEntries) {
            Eviction.dropQuarter(sets);
        }
    }

    /** Provisioned data changed and committed: identities may have moved between sets, or gone. */
    void dropAll() {
        if (enabled) {
            epoch.incrementAndGet();
            sets.clear();
        }
    }

    int size() {
        return sets.size();
    }

    private static int stripe(PublicIdentityRows.SetKey set) {
        int hash = set.hashCode();
        return (hash ^ (hash >>> 16)) & (STRIPES - 1);
    }
}
