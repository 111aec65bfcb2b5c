package io.osprey.hss.store;

import static io.osprey.hss.store.StoreFixtures.impi;
import static io.osprey.hss.store.StoreFixtures.sip;
import static io.osprey.hss.store.StoreFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.ServiceProfileRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store's cache of provisioned data ({@link ProvisionedCache}) seen through the repositories: writes made
 * through the store show at once, also inside and after a transaction; writes another process makes on the same
 * database show once the store's {@link ProvisioningWatch} has polled (or at once with the cache off).
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
    void anotherProcessesWriteShowsOnceTheWatchHasPolled() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));

        // a watch that polls only when told, so the test decides when it has run
        try (SubscriberStore watched = SubscriberStores.open(backend.config(), IdentityNormalizer.DEFAULT,
                Duration.ofHours(1));
             SubscriberStore uncached = SubscriberStores.open(backend.config().withCacheTtl(Duration.ZERO))) {
            assertThat(barredSeenBy(watched)).isFalse();
            store.identities().updatePublicIdentity(barred(store.identities().publicIdentity(ALICE).orElseThrow(),
                    true));

            assertThat(barredSeenBy(uncached)).as("a store without the cache reads the database").isTrue();
            assertThat(barredSeenBy(watched)).as("until its watch polls, the cached record stands").isFalse();
            assertThat(watched.identities().publicIdentity(ALICE).orElseThrow().barred())
                    .as("the exact look-up the provisioning API uses is never cached").isTrue();

            ((JdbiSubscriberStore) watched).provisioningWatch().poll();
            assertThat(barredSeenBy(watched)).as("the poll saw the other store's provisioning").isTrue();
        }
    }

    @Test
    void anotherProcessesWriteShowsWithinAboutASecondWithTheDefaultWatch() throws InterruptedException {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        assertThat(barredSeenBy(store)).isFalse();

        try (SubscriberStore other = SubscriberStores.open(backend.config())) {
            other.identities().updatePublicIdentity(barred(other.identities().publicIdentity(ALICE).orElseThrow(),
                    true));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!barredSeenBy(store) && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
        }
        assertThat(barredSeenBy(store)).as("seen once the default watch (every %s) polled",
                ProvisioningWatch.DEFAULT_INTERVAL).isTrue();
    }

    @Test
    void eachProvisioningTransactionCountsItselfOnceAndARolledBackOneNotAtAll() throws SQLException {
        long before = provisioningGeneration();
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        assertThat(provisioningGeneration()).isEqualTo(before + 1);

        store.inTransaction(() -> {
            PublicIdentityRecord alice = store.identities().publicIdentity(ALICE).orElseThrow();
            store.identities().updatePublicIdentity(barred(alice, true));
            store.identities().updatePublicIdentity(barred(alice, false));
            return null;
        });
        assertThat(provisioningGeneration()).as("two writes, one transaction").isEqualTo(before + 2);

        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.identities().updatePublicIdentity(barred(store.identities().publicIdentity(ALICE).orElseThrow(),
                    true));
            throw new IllegalStateException("abandoned");
        })).hasMessage("abandoned");
        assertThat(provisioningGeneration()).isEqualTo(before + 2);
        assertThat(barredSeenBy(store)).isFalse();
    }

    private long provisioningGeneration() throws SQLException {
        try (Connection connection = backend.adminConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT value FROM provisioning_generation WHERE id = 1")) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }
}
