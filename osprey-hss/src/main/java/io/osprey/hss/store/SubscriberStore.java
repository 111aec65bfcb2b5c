package io.osprey.hss.store;

import java.util.Optional;
import java.util.function.Supplier;

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

    /**
     * Runs {@code work} as one database transaction: every call it makes on this store's repositories, on this
     * thread, joins it and sees the transaction's own writes. Everything commits when {@code work} returns and
     * nothing does when it throws; the exception then propagates unchanged (so a refusal thrown halfway undoes
     * the changes made before it). A nested call joins the outer transaction. Let store errors raised inside
     * propagate: after one, PostgreSQL refuses the rest of the transaction. On SQLite the transaction holds the
     * write lock from its start.
     */
    <R> R inTransaction(Supplier<R> work);

    /**
     * Runs {@code work} on the calling thread if it needs nothing but what this store holds in memory (decisions
     * 0012 and 0016): empty as soon as it would reach the database. Such work must make no change before its
     * first read, so that running it again elsewhere is safe. Lets the HSS answer a Cx request on its Diameter
     * event loop instead of handing it to a virtual thread (decision 0017).
     */
    <R> Optional<R> fromMemory(Supplier<R> work);

    /** Closes the connection pool; no exception. */
    @Override
    void close();
}
