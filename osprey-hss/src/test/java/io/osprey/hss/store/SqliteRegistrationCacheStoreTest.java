package io.osprey.hss.store;

class SqliteRegistrationCacheStoreTest extends AbstractRegistrationCacheStoreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.sqlite();
    }

    @Override
    boolean cachesRegistrations() {
        return true;
    }
}
