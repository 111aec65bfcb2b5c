package io.osprey.hss.store;

/**
 * The HSS subscriber store over one database, split by concern: subscriptions and user profile documents,
 * identities and registration state, service profiles and iFC templates, the AuC (the only part that
 * hands out secrets), and the Sh repository data ASs keep per public identity. Open one with
 * {@link SubscriberStores#open}. Thread-safe; close releases the pool.
 */
public interface SubscriberStore extends AutoCloseable {

    SubscriptionRepository subscriptions();

    IdentityRepository identities();

    ProfileRepository profiles();

    AuthenticationCentre authenticationCentre();

    /** Sh transparent data (TS 29.328 §7.6), in the same database and connection pool. */
    RepositoryDataStore repositoryData();

    /** Closes the connection pool; no exception. */
    @Override
    void close();
}
