package io.osprey.hss.store;

import static io.osprey.hss.store.StoreFixtures.impi;
import static io.osprey.hss.store.StoreFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.aka.AuthenticationVector;
import io.osprey.aka.Milenage;
import io.osprey.aka.ResyncOutcome;
import io.osprey.aka.Sqn;
import io.osprey.aka.SqnScheme;
import io.osprey.aka.UsimResult;
import io.osprey.aka.UsimSimulator;
import io.osprey.hss.model.AkaKeys;
import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.Hex;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Vectors, SQN reservation under concurrency and AUTS resynchronisation; run on every backend. */
abstract class AbstractAuthenticationCentreTest extends AbstractStoreTest {

    private static final Impi ALICE = impi("alice");
    private static final SqnScheme SCHEME = SqnScheme.DEFAULT;
    private static final byte[] K = Hex.decode("k", StoreFixtures.K, 16);
    private static final byte[] OPC = Hex.decode("opc", StoreFixtures.OPC, 16);

    /** Whether the backend keeps SQN reservations in memory: SQLite, which one process owns (decision 0020). */
    abstract boolean reservesSqns();

    @BeforeEach
    void addAlice() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
    }

    @Test
    void vectorsCarryConsecutiveSqnsAndAdvanceTheStoredSqn() {
        store.authenticationCentre().updateSqn(ALICE, SCHEME.compose(1000, 0));

        List<AuthenticationVector> vectors = store.authenticationCentre().nextVectors(ALICE, 3);

        assertThat(vectors).extracting(this::sqnOf).containsExactly(
                SCHEME.compose(1000, 0), SCHEME.compose(1001, 0), SCHEME.compose(1002, 0));
        assertThat(store.authenticationCentre().credentials(ALICE).orElseThrow().sqn())
                .isEqualTo(SCHEME.compose(1003, 0));
        assertThat(vectors).extracting(v -> Hex.encode(Arrays.copyOfRange(v.autn(), 6, 8))).containsOnly("8000");
        assertThat(vectors.stream().map(v -> Hex.encode(v.rand())).distinct()).hasSize(3);
        // The TS 35.208 set 1 keys, run by the USIM model, accept the vectors in order.
        UsimSimulator usim = UsimSimulator.of(K, OPC, SCHEME, SCHEME.compose(999, 0));
        for (AuthenticationVector vector : vectors) {
            UsimResult result = usim.authenticate(vector.rand(), vector.autn());
            assertThat(result).isInstanceOfSatisfying(UsimResult.Authenticated.class,
                    ok -> assertThat(ok.res()).isEqualTo(vector.xres()));
        }
    }

    @Test
    void vectorsFromCredentialsLockedInTheSameTransactionAdvanceTheStoredSqn() {
        store.authenticationCentre().updateSqn(ALICE, SCHEME.compose(2000, 0));

        List<AuthenticationVector> vectors = store.inTransaction(() -> store.authenticationCentre().nextVectors(
                store.authenticationCentre().credentialsForUpdate(ALICE).orElseThrow(), 2));

        assertThat(vectors).extracting(this::sqnOf).containsExactly(SCHEME.compose(2000, 0), SCHEME.compose(2001, 0));
        // where one process owns the database (SQLite) the MAR's transaction keeps SQNs for later (decision 0020)
        long stored = SCHEME.compose(2002 + (reservesSqns() ? SqnReservations.EXTRA_SQNS : 0), 0);
        assertThat(store.authenticationCentre().credentials(ALICE).orElseThrow().sqn()).isEqualTo(stored);
        assertThat(store.authenticationCentre().reservedCredentials(ALICE).isPresent()).isEqualTo(reservesSqns());
        ImpiCredentials read = store.authenticationCentre().credentials(ALICE).orElseThrow();
        assertThatThrownBy(() -> store.authenticationCentre().nextVectors(read, 1))
                .as("outside a transaction the SQN read may be stale").isInstanceOf(IllegalStateException.class);
        assertThat(store.authenticationCentre().credentials(ALICE).orElseThrow().sqn()).isEqualTo(stored);
    }

    @Test
    void refusesUnknownIdentitiesIdentitiesWithoutKeysAndBadCounts() {
        assertThatThrownBy(() -> store.authenticationCentre().nextVector(impi("nobody")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        store.identities().createPrivateIdentity("alice", StoreFixtures.digestCredentials(impi("alice.pc"), "pw"));
        assertThatThrownBy(() -> store.authenticationCentre().nextVector(impi("alice.pc")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NO_AKA_KEYS));
        assertThatThrownBy(() -> store.authenticationCentre().nextVectors(ALICE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.authenticationCentre().nextVectors(ALICE, AuthenticationCentre.MAX_VECTORS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesOpcWhenOnlyOpIsStored() {
        Impi bob = impi("bob");
        store.identities().createPrivateIdentity("alice", new ImpiCredentials(bob, Set.of(AuthScheme.AKA_V1_MD5),
                Optional.of(AkaKeys.fromHex(StoreFixtures.K, StoreFixtures.OP, null, "8000")), Optional.empty(),
                SCHEME.compose(1, 0)));

        AuthenticationVector vector = store.authenticationCentre().nextVector(bob);

        UsimSimulator usim = UsimSimulator.of(K, OPC, SCHEME, 0);
        assertThat(usim.authenticate(vector.rand(), vector.autn())).isInstanceOf(UsimResult.Authenticated.class);
    }

    @Test
    void replacesCredentialsButKeepsTheSqn() {
        store.authenticationCentre().updateSqn(ALICE, 4096);
        ImpiCredentials replaced = new ImpiCredentials(ALICE, Set.of(AuthScheme.DIGEST_MD5, AuthScheme.AKA_V1_MD5),
                Optional.of(AkaKeys.fromHex("00112233445566778899aabbccddeeff", null, StoreFixtures.OPC, "9000")),
                Optional.of(new DigestSecret.Password("new")), 0);

        store.authenticationCentre().updateCredentials(replaced);

        assertThat(store.authenticationCentre().credentials(ALICE)).contains(replaced.withSqn(4096));
        assertThatThrownBy(() -> store.authenticationCentre().updateCredentials(
                StoreFixtures.digestCredentials(impi("nobody"), "x")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
    }

    @Test
    void sixtyFourConcurrentRequestsGetSixtyFourDistinctSqns() throws Exception {
        int threads = 64;
        List<Callable<Long>> requests = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            requests.add(() -> {
                start.await();
                return sqnOf(store.authenticationCentre().nextVector(ALICE));
            });
        }
        List<Long> sqns = runAll(requests, start);

        assertThat(new HashSet<>(sqns)).hasSize(threads);
        assertThat(store.authenticationCentre().credentials(ALICE).orElseThrow().sqn())
                .isEqualTo(SCHEME.compose(threads, 0));
        assertThat(sqns).allSatisfy(sqn -> assertThat(SCHEME.seq(sqn)).isBetween(0L, (long) threads - 1));
    }

    @Test
    void resynchronisesFromAutsAndTheUsimAcceptsTheNextVector() {
        UsimSimulator usim = UsimSimulator.of(K, OPC, SCHEME, SCHEME.compose(5000, 3));
        AuthenticationVector stale = store.authenticationCentre().nextVector(ALICE);
        UsimResult.SynchronisationFailure failure =
                (UsimResult.SynchronisationFailure) usim.authenticate(stale.rand(), stale.autn());

        ResyncOutcome outcome = store.authenticationCentre().resynchronise(ALICE, randAndAuts(stale, failure));

        assertThat(outcome).isInstanceOfSatisfying(ResyncOutcome.Resynchronised.class, r -> {
            assertThat(r.sqnMs()).isEqualTo(SCHEME.compose(5000, 3));
            assertThat(r.reset()).isTrue();
        });
        assertThat(store.authenticationCentre().credentials(ALICE).orElseThrow().sqn())
                .isEqualTo(SCHEME.compose(5001, 0));
        AuthenticationVector fresh = store.authenticationCentre().nextVector(ALICE);
        assertThat(usim.authenticate(fresh.rand(), fresh.autn())).isInstanceOf(UsimResult.Authenticated.class);
    }

    @Test
    void aForgedAutsLeavesTheSqnAlone() {
        UsimSimulator usim = UsimSimulator.of(K, OPC, SCHEME, SCHEME.compose(5000, 0));
        AuthenticationVector stale = store.authenticationCentre().nextVector(ALICE);
        UsimResult.SynchronisationFailure failure =
                (UsimResult.SynchronisationFailure) usim.authenticate(stale.rand(), stale.autn());
        byte[] forged = randAndAuts(stale, failure);
        forged[forged.length - 1] ^= 0x01;
        long before = store.authenticationCentre().credentials(ALICE).orElseThrow().sqn();

        assertThat(store.authenticationCentre().resynchronise(ALICE, forged))
                .isInstanceOf(ResyncOutcome.MacMismatch.class);
        assertThat(store.authenticationCentre().credentials(ALICE).orElseThrow().sqn()).isEqualTo(before);
        assertThatThrownBy(() -> store.authenticationCentre().resynchronise(ALICE, new byte[29]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resyncDuringConcurrentVectorRequestsKeepsSqnsUniqueAndFresh() throws Exception {
        long sqnMs = SCHEME.compose(100_000, 0);
        UsimSimulator usim = UsimSimulator.of(K, OPC, SCHEME, sqnMs);
        AuthenticationVector stale = store.authenticationCentre().nextVector(ALICE);
        byte[] resync = randAndAuts(stale,
                (UsimResult.SynchronisationFailure) usim.authenticate(stale.rand(), stale.autn()));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Long>> requests = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            requests.add(() -> {
                start.await();
                return sqnOf(store.authenticationCentre().nextVector(ALICE));
            });
        }
        requests.add(16, () -> {
            start.await();
            store.authenticationCentre().resynchronise(ALICE, resync);
            return -1L;
        });

        List<Long> sqns = new ArrayList<>(runAll(requests, start));
        sqns.remove(-1L);

        assertThat(new HashSet<>(sqns)).hasSize(32).doesNotContain(sqnOf(stale));
        long afterResync = sqns.stream().filter(sqn -> SCHEME.seq(sqn) > SCHEME.seq(sqnMs)).count();
        long beforeResync = sqns.size() - afterResync;
        long stored = store.authenticationCentre().credentials(ALICE).orElseThrow().sqn();
        // Vectors issued after the resync continue from SEQ_MS + 1; those issued before it from 1.
        assertThat(stored).isEqualTo(SCHEME.compose(SCHEME.seq(sqnMs) + 1 + afterResync, 0));
        assertThat(sqns).filteredOn(sqn -> SCHEME.seq(sqn) <= SCHEME.seq(sqnMs))
                .allSatisfy(sqn -> assertThat(SCHEME.seq(sqn)).isBetween(1L, beforeResync));
        AuthenticationVector next = store.authenticationCentre().nextVector(ALICE);
        assertThat(usim.authenticate(next.rand(), next.autn())).isInstanceOf(UsimResult.Authenticated.class);
    }

    /** The SQN in AUTN, recovered as a USIM does: AUTN[0..5] XOR f5(RAND). */
    private long sqnOf(AuthenticationVector vector) {
        byte[] ak = Milenage.fromOpc(K, OPC).f5(vector.rand());
        byte[] sqn = new byte[6];
        for (int i = 0; i < 6; i++) {
            sqn[i] = (byte) (vector.autn()[i] ^ ak[i]);
        }
        return Sqn.fromBytes(sqn);
    }

    private static byte[] randAndAuts(AuthenticationVector vector, UsimResult.SynchronisationFailure failure) {
        byte[] out = new byte[30];
        System.arraycopy(vector.rand(), 0, out, 0, 16);
        System.arraycopy(failure.auts().octets(), 0, out, 16, 14);
        return out;
    }

    private static List<Long> runAll(List<Callable<Long>> tasks, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (Callable<Long> task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Long> results = new ArrayList<>();
            for (Future<Long> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
