package io.osprey.hss.store;

class SqliteProfileStoreTest extends AbstractProfileStoreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.sqlite();
    }
}
