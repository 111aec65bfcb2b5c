package io.osprey.hss.store;

import static io.osprey.hss.store.StoreFixtures.impi;
import static io.osprey.hss.store.StoreFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.aka.AuthenticationVector;
import io.osprey.aka.Milenage;
import io.osprey.aka.Sqn;
import io.osprey.aka.SqnScheme;
import io.osprey.aka.UsimResult;
import io.osprey.aka.UsimSimulator;
import io.osprey.hss.model.Hex;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQNs a MAR's transaction reserves beyond those it uses, taken from memory by later requests (decision 0020):
 * never an SQN twice, always in increasing order, and never across a change of the SQN or the keys.
 */
class SqliteSqnReservationTest extends AbstractStoreTest {

    private static final Impi ALICE = impi("alice");
    private static final SqnScheme SCHEME = SqnScheme.DEFAULT;
    private static final byte[] K = Hex.decode("k", StoreFixtures.K, 16);
    private static final byte[] OPC = Hex.decode("opc", StoreFixtures.OPC, 16);

    @Override
    StoreBackend openBackend() {
        return StoreBackend.sqlite();
    }

    @BeforeEach
    void addAlice() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        store.authenticationCentre().updateSqn(ALICE, SCHEME.compose(1000, 0));
    }

    private List<AuthenticationVector> marTransaction(int count) {
        return store.inTransaction(() -> store.authenticationCentre().nextVectors(
                store.authenticationCentre().credentialsForUpdate(ALICE).orElseThrow(), count));
    }

    /** What a MAR answered on the event loop gets: vectors if memory has them, empty if it has none. */
    private Optional<List<AuthenticationVector>> fromMemory(int count) {
        return store.fromMemory(() -> store.authenticationCentre().reservedVectors(ALICE, count)).orElseThrow();
    }

    private long storedSqn() {
        return store.authenticationCentre().credentials(ALICE).orElseThrow().sqn();
    }

    private long sqnOf(AuthenticationVector vector) {
        byte[] ak = Milenage.fromOpc(K, OPC).f5(vector.rand());
        byte[] sqn = new byte[Milenage.SQN_LENGTH];
        for (int i = 0; i < sqn.length; i++) {
            sqn[i] = (byte) (vector.autn()[i] ^ ak[i]);
        }
        return Sqn.fromBytes(sqn);
    }

    @Test
    void aMarTransactionStoresTheEndOfItsReservationAndLaterRequestsTakeTheRestInOrder() {
        assertThat(fromMemory(1)).as("nothing reserved before the first transaction").isEmpty();

        List<AuthenticationVector> vectors = new ArrayList<>(marTransaction(1));
        assertThat(storedSqn()).isEqualTo(SCHEME.compose(1001 + SqnReservations.EXTRA_SQNS, 0));
        for (int i = 0; i < SqnReservations.EXTRA_SQNS / 2; i++) {
            vectors.addAll(fromMemory(2).orElseThrow());
        }
        assertThat(fromMemory(1)).as("the reservation is used up").isEmpty();
        vectors.addAll(marTransaction(1));

        assertThat(vectors).extracting(this::sqnOf)
                .as("one transaction, the reservation in memory, then the next transaction: no gap, no repeat")
                .containsExactly(java.util.stream.LongStream.rangeClosed(1000, 1001 + SqnReservations.EXTRA_SQNS)
                        .map(seq -> SCHEME.compose(seq, 0)).boxed().toArray(Long[]::new));
        UsimSimulator usim = UsimSimulator.of(K, OPC, SCHEME, SCHEME.compose(999, 0));
        for (AuthenticationVector vector : vectors) {
            assertThat(usim.authenticate(vector.rand(), vector.autn())).isInstanceOf(UsimResult.Authenticated.class);
        }
    }

    @Test
    void aRolledBackTransactionLeavesNoReservation() {
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.authenticationCentre().nextVectors(store.authenticationCentre().credentialsForUpdate(ALICE)
                    .orElseThrow(), 1);
            throw new IllegalStateException("abandoned");
        })).hasMessage("abandoned");

        assertThat(storedSqn()).isEqualTo(SCHEME.compose(1000, 0));
        assertThat(fromMemory(1)).as("the SQNs it would have reserved are the next transaction's").isEmpty();
        assertThat(store.authenticationCentre().reservedCredentials(ALICE)).isEmpty();
    }

    @Test
    void writingTheSqnOrTheKeysOrResynchronisingDropsTheReservation() {
        marTransaction(1);
        assertThat(store.authenticationCentre().reservedCredentials(ALICE)).isPresent();
        store.authenticationCentre().updateSqn(ALICE, SCHEME.compose(5000, 0));
        assertThat(fromMemory(1)).isEmpty();
        assertThat(marTransaction(1)).extracting(this::sqnOf).containsExactly(SCHEME.compose(5000, 0));

        ImpiCredentials current = store.authenticationCentre().credentials(ALICE).orElseThrow();
        store.authenticationCentre().updateCredentials(current);
        assertThat(fromMemory(1)).as("keys rewritten").isEmpty();

        marTransaction(1);
        byte[] forged = new byte[30];
        assertThat(store.authenticationCentre().resynchronise(ALICE, forged))
                .isInstanceOf(io.osprey.aka.ResyncOutcome.MacMismatch.class);
        assertThat(fromMemory(1)).as("an AUTS, even one that fails, drops what was reserved before it").isEmpty();
    }

    @Test
    void anotherProcessesProvisioningDropsTheReservationOnceTheWatchHasPolled() {
        try (SubscriberStore watched = SubscriberStores.open(backend.config(), IdentityNormalizer.DEFAULT,
                Duration.ofHours(1))) {
            watched.inTransaction(() -> watched.authenticationCentre().nextVectors(
                    watched.authenticationCentre().credentialsForUpdate(ALICE).orElseThrow(), 1));
            assertThat(watched.authenticationCentre().reservedVectors(ALICE, 1)).isPresent();

            store.authenticationCentre().updateSqn(ALICE, SCHEME.compose(9000, 0));
            ((JdbiSubscriberStore) watched).provisioningWatch().poll();

            assertThat(watched.authenticationCentre().reservedVectors(ALICE, 1)).isEmpty();
        }
    }

    @Test
    void concurrentRequestsFromMemoryAndInTransactionsNeverShareAnSqn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Long> sqns = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                boolean transactions = t % 2 == 0;
                tasks.add(() -> {
                    for (int i = 0; i < 60; i++) {
                        List<AuthenticationVector> vectors = transactions ? marTransaction(1)
                                : fromMemory(1).orElseGet(() -> marTransaction(1));
                        vectors.forEach(vector -> sqns.add(sqnOf(vector)));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Long> distinct = new HashSet<>(sqns);
        assertThat(sqns).hasSize(240);
        assertThat(distinct).as("every SQN handed out once").hasSize(240);
        assertThat(storedSqn()).as("the stored SQN is above every SQN used")
                .isGreaterThan(Collections.max(sqns));
    }
}
