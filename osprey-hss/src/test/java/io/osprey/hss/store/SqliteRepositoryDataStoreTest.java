package io.osprey.hss.store;

class SqliteRepositoryDataStoreTest extends AbstractRepositoryDataStoreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.sqlite();
    }
}
