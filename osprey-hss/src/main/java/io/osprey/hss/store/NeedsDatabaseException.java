package io.osprey.hss.store;

/**
 * Thrown at the first database access of work run by {@link SubscriberStore#fromMemory}, which then answers empty.
 * Code that catches runtime exceptions on that path must let this one through. It carries no stack trace: it is
 * a signal, thrown once for every request the HSS cannot answer from memory.
 */
public final class NeedsDatabaseException extends RuntimeException {

    static final NeedsDatabaseException INSTANCE = new NeedsDatabaseException();

    private NeedsDatabaseException() {
        super("needs the database", null, false, false);
    }
}
