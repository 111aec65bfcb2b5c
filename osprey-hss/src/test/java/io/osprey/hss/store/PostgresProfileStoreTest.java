package io.osprey.hss.store;

class PostgresProfileStoreTest extends AbstractProfileStoreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.postgres();
    }
}
