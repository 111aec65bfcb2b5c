package io.osprey.hss.store;

import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.InvalidValueException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Runs store work on a JDBI handle: reads on a plain handle, writes in a transaction (behind the SQLite write
 * lock where the dialect needs it), and translates driver errors into {@link StoreException} reasons. Inside
 * {@link #inTransaction} every read and write of the same thread runs on that transaction's handle instead.
 * Reads of provisioned data may come from the {@link ProvisionedCache}, which every provisioning write
 * ({@link #provision}) invalidates once it has committed; reads of registration state from the
 * {@link RegistrationCache}, from which every write of it drops its set once committed ({@link #registrationWritten}).
 */
final class Transactions {

    private final Jdbi jdbi;
    private final ReentrantLock writeLock;
    private final ProvisionedCache cache;
    private final RegistrationCache registrations;
    /** Also drops, on provisioning, what else is held in memory ({@link InMemoryState#provisioningChanged}). */
    private final InMemoryState memory;
    /** The {@link #inTransaction} this thread is in, if any. */
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();
    /** Set while this thread runs {@link #fromMemory} work, which must not reach the database. */
    private final ThreadLocal<Boolean> memoryOnly = new ThreadLocal<>();

    Transactions(Jdbi jdbi, Dialect dialect, InMemoryState memory) {
        this.jdbi = jdbi;
        this.writeLock = dialect.serializesWrites() ? new ReentrantLock(true) : null;
        this.cache = memory.cache();
        this.registrations = memory.registrations();
        this.memory = memory;
    }

    /** {@code work}'s result if it needed no database access; empty, having stopped it there, if it did. */
    <R> Optional<R> fromMemory(Supplier<R> work) {
        if (bound.get() != null || memoryOnly.get() != null) {
            return Optional.of(work.get());
        }
        memoryOnly.set(Boolean.TRUE);
        try {
            return Optional.of(work.get());
        } catch (NeedsDatabaseException stopped) {
            return Optional.empty();
        } finally {
            memoryOnly.remove();
        }
    }

    private void requireDatabaseAllowed() {
        if (memoryOnly.get() != null) {
            throw NeedsDatabaseException.INSTANCE;
        }
    }

    /** Whether this thread is in an {@link #inTransaction}. */
    boolean inBoundTransaction() {
        return bound.get() != null;
    }

    /** Runs {@code work} on a handle without a transaction; {@code what} describes it for error messages. */
    <R> R read(String what, HandleCallback<R, RuntimeException> work) {
        requireDatabaseAllowed();
        Bound joined = bound.get();
        try {
            return joined != null ? work.withHandle(joined.handle) : jdbi.withHandle(work);
        } catch (RuntimeException e) {
            throw translate(what, e);
        }
    }

    /**
     * A read of provisioned data, answered from the cache under {@code key} when it holds a current value. Inside
     * {@link #inTransaction} the cache is bypassed: the transaction must see its own writes.
     */
    <R> R cachedRead(Object key, String what, HandleCallback<R, RuntimeException> work) {
        return cached(key, () -> read(what, work));
    }

    /** As {@link #cachedRead}, for a value {@code loader} builds from several reads. */
    <R> R cached(Object key, Supplier<R> loader) {
        return bound.get() != null ? loader.get() : cache.get(key, loader);
    }

    /**
     * The registrations of the implicit set {@code set}, from the {@link RegistrationCache} when it holds them.
     * Inside {@link #inTransaction} the cache is bypassed: the transaction must see its own writes.
     */
    List<ImpuRegistration> cachedRegistrations(PublicIdentityRows.SetKey set, String what,
                                               HandleCallback<List<ImpuRegistration>, RuntimeException> work) {
        return bound.get() != null ? read(what, work) : registrations.get(set, () -> read(what, work));
    }

    /** Whether registration state may be read from memory (see {@link RegistrationCache}). */
    boolean cachesRegistrations() {
        return registrations.enabled();
    }

    /**
     * Registration state of {@code set} was written by a {@link #write} that has returned: its cached registrations
     * are dropped now, or when the {@link #inTransaction} this thread is in ends.
     */
    void registrationWritten(PublicIdentityRows.SetKey set) {
        registrationWritten(set, null);
    }

    /**
     * As {@link #registrationWritten(PublicIdentityRows.SetKey)}, by a write that knows {@code now}, the whole set's
     * state as it stored it (null: not known). Inside an {@link #inTransaction}, the last write of the set decides:
     * its state is kept in memory once the transaction commits, while the write lock still orders it after every
     * earlier commit, so the next read need not go to the database (a re-registration's first UAR after the SAR).
     * Outside one, the set is dropped.
     */
    void registrationWritten(PublicIdentityRows.SetKey set, List<ImpuRegistration> now) {
        Bound joined = bound.get();
        if (joined != null) {
            joined.registrationWritten(set, now);
        } else {
            registrations.drop(set);
        }
    }

    /**
     * A {@link #write} of provisioned data: cached reads are invalidated once it has committed, and the transaction
     * counts itself in {@code provisioning_generation} for other processes' {@link ProvisioningWatch}. The count is
     * its last statement (inside {@link #inTransaction}, the outer transaction's), so that every transaction takes
     * that row's lock after all others and two provisioning transactions cannot deadlock on it.
     */
    <R> R provision(String what, HandleCallback<R, RuntimeException> work) {
        Bound joined = bound.get();
        if (joined != null) {
            joined.provisioned = true; // the outer transaction counts itself and invalidates again after its commit
        }
        try {
            return write(what, joined != null ? work : handle -> {
                R result = work.withHandle(handle);
                ProvisioningWatch.bump(handle);
                return result;
            });
        } finally {
            memory.provisioningChanged();
        }
    }

    /**
     * Runs {@code action} once the {@link #inTransaction} this thread is in has committed (not if it rolls back);
     * outside one, now: the caller's {@link #write} has committed when it returned.
     */
    void afterCommit(Runnable action) {
        Bound joined = bound.get();
        if (joined != null) {
            joined.afterCommit(action);
        } else {
            action.run();
        }
    }

    /** Runs {@code work} in one transaction; everything it wrote is rolled back if it throws. */
    <R> R write(String what, HandleCallback<R, RuntimeException> work) {
        requireDatabaseAllowed();
        Bound joined = bound.get();
        if (joined != null) {
            try {
                return work.withHandle(joined.handle);
            } catch (RuntimeException e) {
                throw translate(what, e);
            }
        }
        if (writeLock != null) {
            writeLock.lock();
        }
        try {
            return jdbi.inTransaction(work);
        } catch (RuntimeException e) {
            throw translate(what, e);
        } finally {
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }

    /**
     * Runs {@code work} in one transaction that every read and write it makes on this thread joins: it commits
     * when {@code work} returns and rolls back when it throws, and the exception then propagates unchanged.
     * Nested calls join the outer transaction. Beginning or committing failures are {@link StoreException}s.
     */
    <R> R inTransaction(Supplier<R> work) {
        if (bound.get() != null) {
            return work.get();
        }
        requireDatabaseAllowed();
        if (writeLock != null) {
            writeLock.lock();
        }
        Bound context = new Bound();
        try {
            R committed = jdbi.inTransaction(handle -> {
                context.handle = handle;
                bound.set(context);
                try {
                    R result = work.get();
                    if (context.provisioned) {
                        ProvisioningWatch.bump(handle);
                    }
                    return result;
                } finally {
                    bound.remove();
                }
            });
            context.committed(registrations);
            return committed;
        } catch (JdbiException e) {
            throw translate("transaction", e);
        } finally {
            if (writeLock != null) {
                writeLock.unlock();
            }
            if (context.provisioned) {
                memory.provisioningChanged();
            }
            if (context.registrationSets != null) {
                context.registrationSets.keySet().forEach(registrations::drop); // not committed: rolled back or failed
            }
        }
    }

    /**
     * The handle of a thread's {@link #inTransaction}, whether provisioned data was written in it, the sets
     * whose registration state it wrote and what is to run once it has committed.
     */
    private static final class Bound {
        Handle handle;
        boolean provisioned;
        /**
         * Each set whose registration state was written, with its state after the last write of it (null: not
         * known). Null until a write of registration state: most transactions (a MAR's) make none.
         */
        Map<PublicIdentityRows.SetKey, List<ImpuRegistration>> registrationSets;
        /** Null until {@link #afterCommit}. */
        List<Runnable> afterCommit;

        void afterCommit(Runnable action) {
            if (afterCommit == null) {
                afterCommit = new ArrayList<>(1);
            }
            afterCommit.add(action);
        }

        /** Runs on commit, under the write lock: sets written are kept as last written, or dropped. */
        void committed(RegistrationCache registrations) {
            if (registrationSets != null) {
                registrationSets.forEach(registrations::written);
                registrationSets = null;
            }
            if (afterCommit != null) {
                afterCommit.forEach(Runnable::run);
            }
        }

        void registrationWritten(PublicIdentityRows.SetKey set, List<ImpuRegistration> now) {
            if (registrationSets == null) {
                registrationSets = new HashMap<>(2);
            }
            registrationSets.put(set, now);
        }
    }

    static RuntimeException translate(String what, RuntimeException e) {
        if (e instanceof StoreException || e instanceof InvalidValueException || e instanceof NeedsDatabaseException) {
            return e;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return new StoreException(reasonOf(sql), what + " failed: " + sql.getMessage(), e);
            }
        }
        return new StoreException(StoreException.Reason.UNAVAILABLE, what + " failed: " + e.getMessage(), e);
    }

    private static StoreException.Reason reasonOf(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            return switch (code) {
                case SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE -> StoreException.Reason.DUPLICATE;
                case SQLITE_CONSTRAINT_FOREIGNKEY, SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_NOTNULL ->
                        StoreException.Reason.CONSTRAINT;
                default -> StoreException.Reason.UNAVAILABLE;
            };
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "23505" -> StoreException.Reason.DUPLICATE;
            case "23503", "23502", "23514" -> StoreException.Reason.CONSTRAINT;
            default -> StoreException.Reason.UNAVAILABLE;
        };
    }
}
