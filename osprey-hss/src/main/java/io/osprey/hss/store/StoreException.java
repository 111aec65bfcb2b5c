package io.osprey.hss.store;

/**
 * A store operation failed for a reason callers map to protocol answers (Cx result codes, HTTP problems).
 * The message names the entity and key, never a secret.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Reason {
        /** The identity, subscription, profile or template does not exist. */
        NOT_FOUND,
        /** A row with the same key exists already. */
        DUPLICATE,
        /** A reference is missing, points across subscriptions, or the row is still referenced. */
        CONSTRAINT,
        /** An AKA operation on a private identity without K and OP/OPc. */
        NO_AKA_KEYS,
        /** The database could not be reached or failed. */
        UNAVAILABLE
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static StoreException notFound(String entity, Object key) {
        return new StoreException(Reason.NOT_FOUND, entity + " " + key + " does not exist");
    }
}
