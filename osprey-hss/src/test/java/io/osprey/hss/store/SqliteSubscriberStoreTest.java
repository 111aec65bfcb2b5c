package io.osprey.hss.store;

class SqliteSubscriberStoreTest extends AbstractSubscriberStoreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.sqlite();
    }
}
