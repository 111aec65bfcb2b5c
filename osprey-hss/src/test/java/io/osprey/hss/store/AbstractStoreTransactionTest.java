package io.osprey.hss.store;

import static io.osprey.hss.store.StoreFixtures.impi;
import static io.osprey.hss.store.StoreFixtures.sip;
import static io.osprey.hss.store.StoreFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.provisioning.CredentialsChange;
import io.osprey.hss.provisioning.ProvisioningException;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.provisioning.PublicIdentityChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SubscriberStore#inTransaction}: work across repositories commits together or not at all, and the
 * provisioning PATCH built on it (credentials plus public identity changes) is atomic; run on every backend.
 */
abstract class AbstractStoreTransactionTest extends AbstractStoreTest {

    private static final Impi ALICE = impi("alice");
    private static final Impu TEL = new Impu("tel:+15550001");

    @BeforeEach
    void addAlice() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
    }

    private PublicIdentityRecord barred(Impu impu) {
        PublicIdentityRecord current = store.identities().publicIdentity(impu).orElseThrow();
        return new PublicIdentityRecord(current.impu(), current.subscriptionId(), current.serviceProfile(),
                current.identityType(), true, current.implicitSet(), current.aliasGroup(), current.displayName(),
                current.privateIdentities());
    }

    private void assertAliceUnchanged() {
        ImpiCredentials credentials = store.authenticationCentre().credentials(ALICE).orElseThrow();
        assertThat(credentials.digest()).isEmpty();
        assertThat(credentials.aka()).isPresent();
        assertThat(credentials.sqn()).isZero();
        assertThat(store.identities().publicIdentity(sip("alice")).orElseThrow().barred()).isFalse();
        assertThat(store.identities().publicIdentity(TEL).orElseThrow().barred()).isFalse();
        assertThat(store.identities().privateIdentity(impi("alice-tablet"))).isEmpty();
    }

    @Test
    void commitsEveryWriteOfTheWorkTogether() {
        String result = store.inTransaction(() -> {
            store.authenticationCentre().updateCredentials(StoreFixtures.digestCredentials(ALICE, "new-secret"));
            store.authenticationCentre().updateSqn(ALICE, 64);
            store.identities().updatePublicIdentity(barred(sip("alice")));
            store.identities().createPrivateIdentity("alice",
                    StoreFixtures.digestCredentials(impi("alice-tablet"), "tablet"));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        ImpiCredentials credentials = store.authenticationCentre().credentials(ALICE).orElseThrow();
        assertThat(credentials.digest()).isPresent();
        assertThat(credentials.sqn()).isEqualTo(64);
        assertThat(store.identities().publicIdentity(sip("alice")).orElseThrow().barred()).isTrue();
        assertThat(store.identities().privateIdentity(impi("alice-tablet"))).isPresent();
    }

    @Test
    void aRefusalHalfwayUndoesTheWritesBeforeItAndPropagatesUnchanged() {
        IllegalStateException refusal = new IllegalStateException("refused after two writes");
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.authenticationCentre().updateCredentials(StoreFixtures.digestCredentials(ALICE, "new-secret"));
            store.identities().updatePublicIdentity(barred(sip("alice")));
            throw refusal;
        })).isSameAs(refusal);

        assertAliceUnchanged();
    }

    @Test
    void aStoreErrorHalfwayUndoesTheWritesBeforeIt() {
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.authenticationCentre().updateSqn(ALICE, 96);
            store.identities().updatePublicIdentity(barred(TEL));
            store.identities().createPublicIdentity(PublicIdentityRecord.of(sip("alice"), "alice",
                    StoreFixtures.PROFILE, Set.of(ALICE)));
            return null;
        })).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.DUPLICATE));

        assertAliceUnchanged();
    }

    @Test
    void readsInsideSeeTheTransactionsWritesAndOtherThreadsDoNotUntilCommit() throws Exception {
        store.inTransaction(() -> {
            store.identities().updatePublicIdentity(barred(sip("alice")));
            assertThat(store.identities().publicIdentity(sip("alice")).orElseThrow().barred()).isTrue();
            boolean seenOutside = CompletableFuture.supplyAsync(
                            () -> store.identities().publicIdentity(sip("alice")).orElseThrow().barred())
                    .orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(seenOutside).as("uncommitted write visible to another connection").isFalse();
            return null;
        });

        assertThat(store.identities().publicIdentity(sip("alice")).orElseThrow().barred()).isTrue();
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.inTransaction(() -> {
                store.identities().updatePublicIdentity(barred(sip("alice")));
                return null;
            });
            throw new IllegalStateException("outer refuses");
        })).hasMessage("outer refuses");

        assertAliceUnchanged();
    }

    @Test
    void afterARolledBackTransactionTheThreadCommitsOnItsOwnAgain() {
        assertThatThrownBy(() -> store.inTransaction(() -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        store.identities().updatePublicIdentity(barred(TEL));
        boolean seenOutside = CompletableFuture.supplyAsync(
                        () -> store.identities().publicIdentity(TEL).orElseThrow().barred())
                .orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(seenOutside).as("write outside a transaction committed at once").isTrue();
    }

    @Test
    void aSubscriberPatchWhoseSecondPartFailsLeavesTheFirstUnapplied() {
        ProvisioningService service = new ProvisioningService(store, StoreFixtures.DOMAIN);
        CredentialsChange credentials = new CredentialsChange(null, null, null, null, 32L, "new-password");
        Map<String, PublicIdentityChange> identities = new LinkedHashMap<>();
        identities.put(sip("alice").uri(), PublicIdentityChange.barring(true));
        identities.put(TEL.uri(), new PublicIdentityChange(true, "no-such-profile", null, null, null));

        assertThatThrownBy(() -> service.updateSubscriber(ALICE.value(), credentials, identities))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisioningException.Kind.INVALID);
                    assertThat(e.field()).contains("publicIdentities[1].profile");
                });
        assertAliceUnchanged();

        identities.put(TEL.uri(), PublicIdentityChange.barring(true));
        service.updateSubscriber(ALICE.value(), credentials, identities);
        ImpiCredentials updated = store.authenticationCentre().credentials(ALICE).orElseThrow();
        assertThat(updated.digest()).isPresent();
        assertThat(updated.sqn()).isEqualTo(32);
        assertThat(store.identities().publicIdentity(TEL).map(PublicIdentityRecord::barred))
                .isEqualTo(Optional.of(true));
    }
}
