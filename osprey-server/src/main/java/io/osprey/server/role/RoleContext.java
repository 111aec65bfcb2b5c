package io.osprey.server.role;

import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import io.osprey.server.config.OspreyConfig;
import io.osprey.sip.stack.QueueDelay;

/**
 * What the roles of one process share: the configuration, one subscriber store (opened on first use), so the
 * HSS and the admin API in an all-in-one process write through one connection pool and one SQLite writer lock,
 * and the SIP stacks' overload signal.
 */
public final class RoleContext implements AutoCloseable {

    private final OspreyConfig config;
    private final QueueDelay.Shared queueDelay;
    private SubscriberStore store;

    public RoleContext(OspreyConfig config) {
        this.config = config;
        this.queueDelay = QueueDelay.shared(config.overload().maxQueueDelay());
    }

    public OspreyConfig config() {
        return config;
    }

    /**
     * The queueing-delay overload signal of this process's SIP stacks: they share the CPU, so the P-CSCF refuses
     * new requests when any of them falls behind (decision 0014).
     */
    public QueueDelay.Shared queueDelay() {
        return queueDelay;
    }

    /** The process's subscriber store, opened (and migrated) on first call. */
    public synchronized SubscriberStore store() {
        if (store == null) {
            store = SubscriberStores.open(config.store().toStoreConfig());
        }
        return store;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
