package io.osprey.hss.store;

class PostgresAuthenticationCentreTest extends AbstractAuthenticationCentreTest {

    @Override
    StoreBackend openBackend() {
        return StoreBackend.postgres();
    }

    @Override
    boolean reservesSqns() {
        return false;
    }
}
