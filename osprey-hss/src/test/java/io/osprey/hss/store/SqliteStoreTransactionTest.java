package io.osprey.hss.store;

class SqliteStoreTransactionTest extends AbstractStoreTransactionTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.sqlite();
    }
}
