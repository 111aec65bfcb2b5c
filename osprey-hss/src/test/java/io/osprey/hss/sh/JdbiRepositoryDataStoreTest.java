package io.osprey.hss.sh;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.sh.RepositoryDataStore.UpdateOutcome;
import io.osprey.hss.store.SubscriberStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbiRepositoryDataStoreTest {

    private static final String IMPU = "sip:alice@ims.test";

    @TempDir
    Path directory;
    private SubscriberStore store;
    private RepositoryDataStore repository;

    @BeforeEach
    void open() {
        store = ShFixture.store(directory);
        repository = ShFixture.repository(directory);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createsWithZeroThenAcceptsOnlyTheNextNumber() {
        assertThat(repository.update(IMPU, item(1, "x"))).isEqualTo(UpdateOutcome.OUT_OF_SYNC);
        assertThat(repository.update(IMPU, item(0, "v0"))).isEqualTo(UpdateOutcome.CREATED);
        assertThat(repository.update(IMPU, item(0, "again"))).isEqualTo(UpdateOutcome.OUT_OF_SYNC);
        assertThat(repository.update(IMPU, item(2, "skip"))).isEqualTo(UpdateOutcome.OUT_OF_SYNC);
        assertThat(repository.update(IMPU, item(1, "v1"))).isEqualTo(UpdateOutcome.UPDATED);
        assertThat(repository.update(IMPU, item(1, "replay"))).isEqualTo(UpdateOutcome.OUT_OF_SYNC);

        assertThat(repository.find(IMPU, "svc")).contains(item(1, "v1"));
        assertThat(repository.find("sip:bob@ims.test", "svc")).isEmpty();
    }

    @Test
    void wrapsFrom65535ToOne() {
        repository.update(IMPU, item(0, "v"));
        // 65535 legal updates would be slow; set the stored number directly
        ShFixture.setSequence(directory, IMPU, "svc", 65535);

        assertThat(repository.update(IMPU, item(0, "no"))).isEqualTo(UpdateOutcome.OUT_OF_SYNC);
        assertThat(repository.update(IMPU, item(1, "wrapped"))).isEqualTo(UpdateOutcome.UPDATED);
        assertThat(repository.find(IMPU, "svc")).contains(item(1, "wrapped"));
    }

    @Test
    void deletesWhenServiceDataIsAbsent() {
        repository.update(IMPU, item(0, "v"));
        repository.update(IMPU, new RepositoryData("other", 0, Optional.of("o")));

        assertThat(repository.update(IMPU, new RepositoryData("svc", 5, Optional.empty())))
                .isEqualTo(UpdateOutcome.OUT_OF_SYNC);
        assertThat(repository.update(IMPU, new RepositoryData("svc", 1, Optional.empty())))
                .isEqualTo(UpdateOutcome.DELETED);
        assertThat(repository.findAll(IMPU)).containsExactly(new RepositoryData("other", 0, Optional.of("o")));
    }

    private static RepositoryData item(int sequence, String data) {
        return new RepositoryData("svc", sequence, Optional.of(data));
    }
}
