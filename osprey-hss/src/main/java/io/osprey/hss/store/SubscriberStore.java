package io.osprey.hss.store;

/**
 * The HSS subscriber store over one database, split by concern: subscriptions and user profile documents,
 * identities and registration state, service profiles and iFC templates, and the AuC (the only part that
 * hands out secrets). Open one with {@link SubscriberStores#open}. Thread-safe; close releases the pool.
 */
public interface SubscriberStore extends AutoCloseable {

    SubscriptionRepository subscriptions();

    IdentityRepository identities();

    ProfileRepository profiles();

    AuthenticationCentre authenticationCentre();

    /** Closes the connection pool; no exception. */
    @Override
    void close();
}
