package io.osprey.hss.store;

import io.osprey.aka.SqnScheme;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** {@link SubscriberStore} on JDBI over a pooled data source; built by {@link SubscriberStores}. */
final class JdbiSubscriberStore implements SubscriberStore {

    private final AutoCloseable pool;
    /** Null when nothing is cached. */
    private final ProvisioningWatch watch;
    private final Transactions transactions;
    private final SubscriptionRepository subscriptions;
    private final IdentityRepository identities;
    private final ProfileRepository profiles;
    private final AuthenticationCentre authenticationCentre;
    private final RepositoryDataStore repositoryData;

    JdbiSubscriberStore(Jdbi jdbi, AutoCloseable pool, Dialect dialect, SecretCodec codec, SqnScheme scheme,
                        IdentityNormalizer normalizer, InMemoryState memory, ProvisioningWatch watch) {
        this.pool = pool;
        this.watch = watch;
        transactions = new Transactions(jdbi, dialect, memory);
        PrivateIdentityRows privateRows = new PrivateIdentityRows(codec);
        ProfileRows profileRows = new ProfileRows();
        WildcardLookup lookup = new WildcardLookup();
        identities = new JdbiIdentityRepository(transactions, privateRows, lookup, normalizer);
        subscriptions = new JdbiSubscriptionRepository(transactions, privateRows, profileRows, identities, normalizer);
        profiles = new JdbiProfileRepository(transactions, profileRows);
        authenticationCentre = new JdbiAuthenticationCentre(transactions, privateRows, dialect, scheme,
                memory.reservations(), memory.random());
        repositoryData = new JdbiRepositoryDataStore(transactions);
    }

    @Override
    public SubscriptionRepository subscriptions() {
        return subscriptions;
    }

    @Override
    public IdentityRepository identities() {
        return identities;
    }

    @Override
    public ProfileRepository profiles() {
        return profiles;
    }

    @Override
    public AuthenticationCentre authenticationCentre() {
        return authenticationCentre;
    }

    @Override
    public RepositoryDataStore repositoryData() {
        return repositoryData;
    }

    @Override
    public <R> R inTransaction(Supplier<R> work) {
        return transactions.inTransaction(work);
    }

    @Override
    public <R> Optional<R> fromMemory(Supplier<R> work) {
        return transactions.fromMemory(work);
    }

    /** The watch over other processes' provisioning, for tests that poll it themselves; null if nothing is cached. */
    ProvisioningWatch provisioningWatch() {
        return watch;
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
        try {
            pool.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the subscriber store pool failed", e);
        }
    }
}
