package io.osprey.hss.store;

class PostgresRepositoryDataStoreTest extends AbstractRepositoryDataStoreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.postgres();
    }
}
