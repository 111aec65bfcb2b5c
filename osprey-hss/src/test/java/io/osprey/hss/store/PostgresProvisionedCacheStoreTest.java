package io.osprey.hss.store;

class PostgresProvisionedCacheStoreTest extends AbstractProvisionedCacheStoreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.postgres();
    }
}
