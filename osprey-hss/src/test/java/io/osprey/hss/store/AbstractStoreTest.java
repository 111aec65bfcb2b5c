package io.osprey.hss.store;

import io.osprey.hss.model.ServiceProfileRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * Opens one store per test class on a {@link StoreBackend}, empties it before each test. When the backend is
 * unavailable every test of the class is reported as skipped with the backend's message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractStoreTest {

    StoreBackend backend;
    SubscriberStore store;
    private String unavailable;

    abstract StoreBackend openBackend();

    @BeforeAll
    void openStore() {
        try {
            backend = openBackend();
        } catch (TestAbortedException e) {
            unavailable = e.getMessage();
            return;
        }
        store = backend.store();
    }

    @AfterAll
    void closeStore() {
        if (backend != null) {
            backend.close();
        }
    }

    @BeforeEach
    void emptyStore() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        backend.wipe();
        store.profiles().saveServiceProfile(ServiceProfileRecord.empty(StoreFixtures.PROFILE));
    }
}
