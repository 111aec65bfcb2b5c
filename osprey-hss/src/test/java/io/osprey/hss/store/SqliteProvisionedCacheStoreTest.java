package io.osprey.hss.store;

class SqliteProvisionedCacheStoreTest extends AbstractProvisionedCacheStoreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.sqlite();
    }
}
