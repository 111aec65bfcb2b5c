package io.osprey.hss.store;

import static io.osprey.hss.store.StoreFixtures.impi;
import static io.osprey.hss.store.StoreFixtures.sip;
import static io.osprey.hss.store.StoreFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.ServiceProfileRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store's cache of provisioned data ({@link ProvisionedCache}) seen through the repositories: writes made
 * through the store show at once, also inside and after a transaction; writes another process makes on the same
 * database show only once the cached value has lived out its time (or at once with the cache off).
 */
abstract class AbstractProvisionedCacheStoreTest extends AbstractStoreTest {

    private static final Impu ALICE = sip("alice");

    private static PublicIdentityRecord barred(PublicIdentityRecord identity, boolean barred) {
        return new PublicIdentityRecord(identity.impu(), identity.subscriptionId(), identity.serviceProfile(),
                identity.identityType(), barred, identity.implicitSet(), identity.aliasGroup(),
                identity.displayName(), identity.privateIdentities());
    }

    private boolean barredSeenBy(SubscriberStore reader) {
        return reader.identities().findPublicIdentity(ALICE).orElseThrow().barred();
    }

    @Test
    void writesThroughTheStoreShowAtOnceAfterReadsWereCached() {
        assertThat(store.identities().findPublicIdentity(ALICE)).isEmpty();
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        assertThat(store.identities().findPublicIdentity(ALICE)).isPresent();
        assertThat(store.identities().isAssociated(impi("alice"), ALICE)).isTrue();

        store.identities().updatePublicIdentity(barred(store.identities().publicIdentity(ALICE).orElseThrow(), true));
        assertThat(barredSeenBy(store)).isTrue();

        assertThat(store.subscriptions().userProfile(impi("alice"), ALICE).orElseThrow().serviceProfiles().getFirst()
                .filterCriteria()).isEmpty();
        store.profiles().saveServiceProfile(new ServiceProfileRecord(StoreFixtures.PROFILE, Optional.empty(),
                List.of(StoreFixtures.originatingInvite(0, "sip:as.example.org")), List.of(), List.of()));
        ImsSubscription profile = store.subscriptions().userProfile(impi("alice"), ALICE).orElseThrow();
        assertThat(profile.serviceProfiles().getFirst().filterCriteria()).hasSize(1);

        store.subscriptions().deleteSubscription("alice");
        assertThat(store.identities().findPublicIdentity(ALICE)).isEmpty();
        assertThat(store.subscriptions().userProfile(impi("alice"), ALICE)).isEmpty();
    }

    @Test
    void aTransactionSeesItsOwnWritesAndOthersSeeThemOnceItCommits() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        assertThat(barredSeenBy(store)).isFalse();

        store.inTransaction(() -> {
            store.identities().updatePublicIdentity(barred(store.identities().publicIdentity(ALICE).orElseThrow(),
                    true));
            assertThat(barredSeenBy(store)).isTrue();
            return null;
        });

        assertThat(barredSeenBy(store)).isTrue();
    }

    @Test
    void anotherProcessesWriteShowsOnlyOnceTheCachedValueExpires() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        assertThat(barredSeenBy(store)).isFalse();

        try (SubscriberStore other = SubscriberStores.open(backend.config());
             SubscriberStore uncached = SubscriberStores.open(backend.config().withCacheTtl(Duration.ZERO))) {
            assertThat(barredSeenBy(uncached)).isFalse();
            other.identities().updatePublicIdentity(barred(other.identities().publicIdentity(ALICE).orElseThrow(),
                    true));

            assertThat(barredSeenBy(uncached)).as("a store without the cache reads the database").isTrue();
            assertThat(barredSeenBy(store)).as("within the default 5 s the cached record stands").isFalse();
            assertThat(store.identities().publicIdentity(ALICE).orElseThrow().barred())
                    .as("the exact look-up the provisioning API uses is never cached").isTrue();
        }
    }
}
