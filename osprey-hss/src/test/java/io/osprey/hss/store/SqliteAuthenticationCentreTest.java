package io.osprey.hss.store;

class SqliteAuthenticationCentreTest extends AbstractAuthenticationCentreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.sqlite();
    }

    @Override
    boolean reservesSqns() {
        return true;
    }
}
