package io.osprey.hss.store;

/** The few places where SQLite and PostgreSQL need different handling; the SQL schema itself is shared. */
enum Dialect {
    /**
     * Embedded SQLite: one writer at a time. Transactions start with BEGIN IMMEDIATE (taking the write lock up
     * front, so a read-then-write transaction never fails on lock upgrade), and writers in this JVM also queue
     * on a fair lock instead of spinning in SQLite's busy handler.
     */
    SQLITE("", true),
    /** PostgreSQL: rows read for update are locked with SELECT … FOR UPDATE. */
    POSTGRESQL(" FOR UPDATE", false);

    private final String forUpdate;
    private final boolean serializesWrites;

    Dialect(String forUpdate, boolean serializesWrites) {
        this.forUpdate = forUpdate;
        this.serializesWrites = serializesWrites;
    }

    /** The suffix that locks the selected rows until commit (empty where the transaction already holds the lock). */
    String forUpdate() {
        return forUpdate;
    }

    /** Whether writers in this process must take the store's write lock. */
    boolean serializesWrites() {
        return serializesWrites;
    }
}
