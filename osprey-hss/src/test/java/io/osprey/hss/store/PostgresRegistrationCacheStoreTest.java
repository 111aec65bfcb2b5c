package io.osprey.hss.store;

class PostgresRegistrationCacheStoreTest extends AbstractRegistrationCacheStoreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.postgres();
    }

    @Override
    boolean cachesRegistrations() {
        return false;
    }
}
