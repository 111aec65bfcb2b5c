package io.osprey.server.role;

import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import io.osprey.server.config.OspreyConfig;

/**
 * What the roles of one process share: the configuration and one subscriber store (opened on first use), so the
 * HSS and the admin API in an all-in-one process write through one connection pool and one SQLite writer lock.
 */
public final class RoleContext implements AutoCloseable {

    private final OspreyConfig config;
    private SubscriberStore store;

    public RoleContext(OspreyConfig config) {
        this.config = config;
    }

    public OspreyConfig config() {
        return config;
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
