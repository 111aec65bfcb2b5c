package io.osprey.hss.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.model.RepositoryData;
import io.osprey.hss.store.RepositoryDataStore.UpdateOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sh repository data through {@link SubscriberStore#repositoryData()}: TS 29.328 §7.6 sequence number rules. */
abstract class AbstractRepositoryDataStoreTest extends AbstractStoreTest {

    private static final String IMPU = "sip:alice@ims.test";

    private RepositoryDataStore repository() {
        return store.repositoryData();
    }

    @Test
    void createsWithZeroThenAcceptsOnlyTheNextNumber() {
        RepositoryDataStore repository = repository();
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
    void wrapsFrom65535ToOne() throws SQLException {
        RepositoryDataStore repository = repository();
        repository.update(IMPU, item(0, "v"));
        // 65535 legal updates would be slow; set the stored number directly
        try (Connection connection = backend.adminConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE sh_repository_data SET sequence_number = 65535 WHERE impu = ? AND service_indication = ?")) {
            update.setString(1, IMPU);
            update.setString(2, "svc");
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        assertThat(repository.update(IMPU, item(0, "no"))).isEqualTo(UpdateOutcome.OUT_OF_SYNC);
        assertThat(repository.update(IMPU, item(1, "wrapped"))).isEqualTo(UpdateOutcome.UPDATED);
        assertThat(repository.find(IMPU, "svc")).contains(item(1, "wrapped"));
    }

    @Test
    void deletesWhenServiceDataIsAbsent() {
        RepositoryDataStore repository = repository();
        repository.update(IMPU, item(0, "v"));
        repository.update(IMPU, new RepositoryData("other", 0, Optional.of("o")));

        assertThat(repository.update(IMPU, new RepositoryData("svc", 5, Optional.empty())))
                .isEqualTo(UpdateOutcome.OUT_OF_SYNC);
        assertThat(repository.update(IMPU, new RepositoryData("svc", 1, Optional.empty())))
                .isEqualTo(UpdateOutcome.DELETED);
        assertThat(repository.findAll(IMPU)).containsExactly(new RepositoryData("other", 0, Optional.of("o")));
    }

    @Test
    void ofConcurrentCreatorsExactlyOneWins() throws Exception {
        RepositoryDataStore repository = repository();
        int racers = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<UpdateOutcome>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                RepositoryData data = item(0, "racer " + i);
                Callable<UpdateOutcome> racer = () -> {
                    go.await(5, TimeUnit.SECONDS);
                    return repository.update(IMPU, data);
                };
                outcomes.add(pool.submit(racer));
            }
            go.countDown();
            List<UpdateOutcome> results = new ArrayList<>();
            for (Future<UpdateOutcome> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(o -> o == UpdateOutcome.CREATED).hasSize(1);
            assertThat(results).filteredOn(o -> o == UpdateOutcome.OUT_OF_SYNC).hasSize(racers - 1);
        }
        assertThat(repository.find(IMPU, "svc")).hasValueSatisfying(d -> assertThat(d.sequenceNumber()).isZero());
    }

    private static RepositoryData item(int sequence, String data) {
        return new RepositoryData("svc", sequence, Optional.of(data));
    }
}
