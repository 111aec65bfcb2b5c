package io.osprey.hss.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees provisioning done by other processes on the same database (another HSS on PostgreSQL, {@code osprey
 * subscriber --db} on the SQLite file of a running core) and drops what this process keeps in memory when it
 * happens (decision 0019).
 *
 * <p>Every provisioning write made through a store adds one to the single row of {@code provisioning_generation},
 * as the last statement of its transaction ({@link #bump}), so the count moves exactly when provisioned data
 * commits. This watch reads it every {@code interval}; when it differs from the value read before, everything the
 * store keeps in memory of provisioned data is dropped ({@link InMemoryState#provisioningChanged}). A value cached
 * before another process's commit is therefore served for at most one interval after it.
 *
 * <p>The first value is read when the watch starts, before the store serves anything. A poll that fails (the
 * database briefly unreachable) is logged once per run of failures; while polls fail, the cache serves nothing
 * older than the last successful one by more than {@link #STALE_AFTER_MISSED_POLLS} intervals.
 */
final class ProvisioningWatch implements AutoCloseable {

    /** How often the count is read: the longest another process's provisioning stays unseen. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    static final int STALE_AFTER_MISSED_POLLS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningWatch.class);
    private static final String READ = "SELECT value FROM provisioning_generation WHERE id = 1";
    private static final String BUMP = "UPDATE provisioning_generation SET value = value + 1 WHERE id = 1";

    private final Jdbi jdbi;
    private final ProvisionedCache cache;
    private final Runnable provisioningChanged;
    private final long intervalNanos;
    private ScheduledExecutorService timer;
    /** Only the timer thread (or a test calling {@link #poll}) touches these after {@link #start}. */
    private long seen;
    private boolean failing;

    /** {@code provisioningChanged} drops what is kept in memory ({@link InMemoryState#provisioningChanged}). */
    ProvisioningWatch(Jdbi jdbi, ProvisionedCache cache, Runnable provisioningChanged, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("provisioning watch interval must be positive, was " + interval);
        }
        this.jdbi = jdbi;
        this.cache = cache;
        this.provisioningChanged = provisioningChanged;
        this.intervalNanos = interval.toNanos();
    }

    /** Provisioned data was written on {@code handle}: the last statement of its transaction counts it. */
    static void bump(Handle handle) {
        if (handle.execute(BUMP) != 1) {
            throw new StoreException(StoreException.Reason.UNAVAILABLE,
                    "the provisioning_generation row is missing; the store's schema is damaged");
        }
    }

    /** Reads the current count, then polls every interval on a daemon thread. */
    void start() {
        long started = cache.now();
        seen = read();
        cache.confirmedUntil(started + STALE_AFTER_MISSED_POLLS * intervalNanos);
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("hss-provisioning-watch").factory());
        timer.scheduleWithFixedDelay(this::poll, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }

    /** One poll; drops everything cached if another process provisioned since the last. */
    void poll() {
        long started = cache.now();
        long current;
        try {
            current = read();
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Cannot read the provisioning generation, provisioned data in memory expires until it"
                        + " can: {}", e.getMessage());
                failing = true;
            }
            return;
        }
        if (failing) {
            LOG.info("Provisioning generation readable again");
            failing = false;
        }
        if (current != seen) {
            provisioningChanged.run();
            seen = current;
        }
        // entries cached until now were confirmed as of the read, which began at started
        cache.confirmedUntil(started + STALE_AFTER_MISSED_POLLS * intervalNanos);
    }

    private long read() {
        return jdbi.withHandle(h -> h.createQuery(READ).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
