package io.osprey.hss.store;

import io.osprey.hss.model.InvalidValueException;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Runs store work on a JDBI handle: reads on a plain handle, writes in a transaction (behind the SQLite write
 * lock where the dialect needs it), and translates driver errors into {@link StoreException} reasons.
 */
final class Transactions {

    private final Jdbi jdbi;
    private final ReentrantLock writeLock;

    Transactions(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.writeLock = dialect.serializesWrites() ? new ReentrantLock(true) : null;
    }

    /** Runs {@code work} on a handle without a transaction; {@code what} describes it for error messages. */
    <R> R read(String what, HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (RuntimeException e) {
            throw translate(what, e);
        }
    }

    /** Runs {@code work} in one transaction; everything it wrote is rolled back if it throws. */
    <R> R write(String what, HandleCallback<R, RuntimeException> work) {
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

    static RuntimeException translate(String what, RuntimeException e) {
        if (e instanceof StoreException || e instanceof InvalidValueException) {
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
