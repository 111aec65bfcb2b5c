package io.osprey.hss.store;

import static io.osprey.hss.store.StoreFixtures.sip;
import static io.osprey.hss.store.StoreFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RegistrationState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registration state read through the repositories, which on SQLite comes from the {@link RegistrationCache}
 * (decision 0016): every write of it made through the store shows at once, inside and after a transaction, and
 * provisioning that moves an identity shows too. On PostgreSQL, where several HSS processes may share the
 * database, nothing is cached and another process's write shows at once. Work run by
 * {@link SubscriberStore#fromMemory} stops at its first database access.
 */
abstract class AbstractRegistrationCacheStoreTest extends AbstractStoreTest {

    private static final Impu ALICE = sip("alice");
    private static final Impu ALICE_TEL = new Impu("tel:+15550001");
    private static final String S1 = "sip:scscf1.example.org:6060";
    private static final String S2 = "sip:scscf2.example.org:6060";

    /** Whether this backend keeps registration state in memory. */
    abstract boolean cachesRegistrations();

    @BeforeEach
    void createAlice() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
    }

    private PublicIdentityRecord alice() {
        return store.identities().findPublicIdentity(ALICE).orElseThrow();
    }

    private static Optional<String> pending(SubscriberStore reader) {
        return reader.identities().registration(ALICE).orElseThrow().pendingScscf();
    }

    @Test
    void everyKindOfRegistrationWriteShowsAtOnceAfterReadsWereCached() {
        assertThat(store.identities().registration(ALICE).orElseThrow().state())
                .isEqualTo(RegistrationState.NOT_REGISTERED);

        store.identities().recordAuthenticationPending(alice(), S1, false);
        assertThat(pending(store)).contains(S1);

        store.identities().endAuthentication(alice());
        assertThat(pending(store)).isEmpty();

        store.identities().changeImplicitSetRegistration(alice(), RegistrationState.REGISTERED, Optional.of(S1));
        assertThat(store.identities().implicitSetRegistrations(alice())).extracting(ImpuRegistration::scscfName)
                .containsOnly(Optional.of(S1));

        store.identities().updateImplicitSetRegistration(ALICE_TEL, RegistrationState.UNREGISTERED, Optional.of(S2));
        assertThat(store.identities().registration(ALICE)).contains(
                new ImpuRegistration(ALICE, RegistrationState.UNREGISTERED, Optional.of(S2)));

        store.identities().updateRegistration(new ImpuRegistration(ALICE, RegistrationState.NOT_REGISTERED,
                Optional.empty()));
        assertThat(store.identities().registration(ALICE).orElseThrow().state())
                .isEqualTo(RegistrationState.NOT_REGISTERED);
        assertThat(store.identities().registration(ALICE_TEL).orElseThrow().scscfName()).contains(S2);
    }

    @Test
    void aTransactionSeesItsOwnRegistrationWritesAndOthersSeeThemOnceItCommits() {
        assertThat(store.identities().implicitSetRegistrations(alice())).hasSize(2);

        store.inTransaction(() -> {
            store.identities().changeImplicitSetRegistration(alice(), RegistrationState.REGISTERED, Optional.of(S1));
            assertThat(store.identities().registration(ALICE).orElseThrow().state())
                    .isEqualTo(RegistrationState.REGISTERED);
            return null;
        });

        assertThat(store.identities().implicitSetRegistrations(alice()))
                .allSatisfy(member -> assertThat(member.servingScscf()).contains(S1));
    }

    @Test
    void aRolledBackRegistrationWriteLeavesTheStateAsItWas() {
        store.identities().registration(ALICE);

        try {
            store.inTransaction(() -> {
                store.identities().changeImplicitSetRegistration(alice(), RegistrationState.REGISTERED,
                        Optional.of(S1));
                throw new IllegalStateException("the SAR failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(store.identities().registration(ALICE).orElseThrow().state())
                .isEqualTo(RegistrationState.NOT_REGISTERED);
    }

    @Test
    void provisioningThatRemovesAnIdentityShowsAtOnce() {
        store.identities().changeImplicitSetRegistration(alice(), RegistrationState.REGISTERED, Optional.of(S1));
        assertThat(store.identities().registration(ALICE_TEL)).isPresent();

        store.identities().deletePublicIdentity(ALICE_TEL);

        assertThat(store.identities().registration(ALICE_TEL)).isEmpty();
        assertThat(store.identities().implicitSetRegistrations(alice())).extracting(ImpuRegistration::impu)
                .containsExactly(ALICE);
    }

    @Test
    void workNeedingOnlyMemoryRunsAndWorkNeedingTheDatabaseStopsBeforeItWrites() {
        PublicIdentityRecord alice = alice();
        store.identities().registration(ALICE);

        Optional<RegistrationState> read = store.fromMemory(
                () -> store.identities().registration(ALICE).orElseThrow().state());
        Optional<String> write = store.fromMemory(() -> {
            store.identities().changeImplicitSetRegistration(alice, RegistrationState.REGISTERED, Optional.of(S1));
            return "written";
        });

        assertThat(read).isEqualTo(cachesRegistrations() ? Optional.of(RegistrationState.NOT_REGISTERED)
                : Optional.empty());
        assertThat(write).isEmpty();
        assertThat(store.identities().registration(ALICE).orElseThrow().state())
                .isEqualTo(RegistrationState.NOT_REGISTERED);
        assertThat(store.fromMemory(() -> store.inTransaction(() -> "a transaction"))).isEmpty();
    }

    @Test
    void aRegistrationWriteThatChangesNothingKeepsTheSetInMemory() {
        store.identities().changeImplicitSetRegistration(alice(), RegistrationState.REGISTERED, Optional.of(S1));
        store.identities().registration(ALICE);

        // what a re-registration's SAR would store: the set is REGISTERED at S1 already
        assertThat(store.identities().changeImplicitSetRegistration(alice(), RegistrationState.REGISTERED,
                Optional.of(S1))).isEmpty();
        assertThat(store.identities().updateImplicitSetRegistration(ALICE_TEL, RegistrationState.REGISTERED,
                Optional.of(S1))).hasSize(2);

        Optional<RegistrationState> fromMemory = store.fromMemory(
                () -> store.identities().registration(ALICE).orElseThrow().state());
        assertThat(fromMemory).isEqualTo(cachesRegistrations() ? Optional.of(RegistrationState.REGISTERED)
                : Optional.empty());
    }

    @Test
    void aTransactionThatStoredASetsWholeStateLeavesItInMemoryOnceCommitted() {
        store.inTransaction(() -> store.identities().changeImplicitSetRegistration(alice(),
                RegistrationState.REGISTERED, Optional.of(S1)));

        List<ImpuRegistration> stored = List.of(
                new ImpuRegistration(ALICE, RegistrationState.REGISTERED, Optional.of(S1)),
                new ImpuRegistration(ALICE_TEL, RegistrationState.REGISTERED, Optional.of(S1)));
        PublicIdentityRecord alice = alice();
        Optional<List<ImpuRegistration>> fromMemory = store.fromMemory(
                () -> store.identities().implicitSetRegistrations(alice));
        if (cachesRegistrations()) {
            assertThat(fromMemory.orElseThrow()).containsExactlyInAnyOrderElementsOf(stored);
        } else {
            assertThat(fromMemory).isEmpty();
        }
        assertThat(store.identities().implicitSetRegistrations(alice)).containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void aWriteWhoseStateIsNotKnownAfterOneThatIsDropsTheSetOnCommit() {
        store.inTransaction(() -> {
            store.identities().changeImplicitSetRegistration(alice(), RegistrationState.REGISTERED, Optional.of(S1));
            store.identities().updateRegistration(new ImpuRegistration(ALICE_TEL, RegistrationState.UNREGISTERED,
                    Optional.of(S2)));
            return null;
        });

        PublicIdentityRecord alice = alice();
        assertThat(store.fromMemory(() -> store.identities().implicitSetRegistrations(alice))).isEmpty();
        assertThat(store.identities().registration(ALICE_TEL)).contains(
                new ImpuRegistration(ALICE_TEL, RegistrationState.UNREGISTERED, Optional.of(S2)));
        assertThat(store.identities().registration(ALICE)).contains(
                new ImpuRegistration(ALICE, RegistrationState.REGISTERED, Optional.of(S1)));
    }

    @Test
    void anotherProcessesRegistrationWriteShowsAtOnceOnlyWhereNothingIsCached() {
        assertThat(store.identities().registration(ALICE).orElseThrow().state())
                .isEqualTo(RegistrationState.NOT_REGISTERED);

        try (SubscriberStore other = SubscriberStores.open(backend.config())) {
            other.identities().changeImplicitSetRegistration(alice(), RegistrationState.REGISTERED, Optional.of(S1));
        }

        assertThat(store.identities().registration(ALICE).orElseThrow().state()).isEqualTo(cachesRegistrations()
                ? RegistrationState.NOT_REGISTERED : RegistrationState.REGISTERED);
    }
}
