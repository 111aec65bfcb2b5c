package io.osprey.hss.store;

class PostgresStoreTransactionTest extends AbstractStoreTransactionTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.postgres();
    }
}
