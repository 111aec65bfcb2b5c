package io.osprey.hss.store;

class PostgresSubscriberStoreTest extends AbstractSubscriberStoreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.postgres();
    }
}
