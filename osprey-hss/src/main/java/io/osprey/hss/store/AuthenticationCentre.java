package io.osprey.hss.store;

import io.osprey.aka.AuthenticationVector;
import io.osprey.aka.ResyncOutcome;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import java.util.List;
import java.util.Optional;

/**
 * The AuC path (TS 33.102 §6.3, TS 29.228 §6.3 Multimedia-Auth): secrets, authentication vectors with
 * atomically reserved SQNs, and AUTS resynchronisation. The only interface that hands out secrets.
 */
public interface AuthenticationCentre {

    /** Most vectors one request may reserve. */
    int MAX_VECTORS = 32;

    /** Schemes, secrets and next SQN of a private identity. */
    Optional<ImpiCredentials> credentials(Impi impi);

    /**
     * As {@link #credentials}, with the row locked until the enclosing {@link SubscriberStore#inTransaction} ends
     * (FOR UPDATE on PostgreSQL; on SQLite the transaction holds the write lock), for
     * {@link #nextVectors(ImpiCredentials, int)} in the same transaction.
     */
    Optional<ImpiCredentials> credentialsForUpdate(Impi impi);

    /** Replaces schemes and secrets of an existing private identity; keeps its SQN. */
    void updateCredentials(ImpiCredentials credentials);

    /** Sets the SQN of the next vector (provisioning, tests). */
    void updateSqn(Impi impi, long sqn);

    /** One vector; see {@link #nextVectors}. */
    AuthenticationVector nextVector(Impi impi);

    /**
     * Reserves {@code count} consecutive SQNs in one transaction (stored SQN = SQN of the next vector, advanced
     * with the store's {@link io.osprey.aka.SqnScheme}) and returns a vector for each, oldest first. Concurrent
     * callers never receive the same SQN.
     *
     * @throws StoreException NOT_FOUND for an unknown IMPI, NO_AKA_KEYS when it has no K
     */
    List<AuthenticationVector> nextVectors(Impi impi, int count);

    /**
     * The credentials of {@code impi} as held with its SQN reservation in memory (decision 0020), without a database
     * access; empty where none is held (always on PostgreSQL). Their SQN is not the stored one.
     */
    Optional<ImpiCredentials> reservedCredentials(Impi impi);

    /**
     * {@code count} vectors with SQNs from the reservation {@link #nextVectors(ImpiCredentials, int)} left in
     * memory, without a database access; empty when none is held or it has too few SQNs left. Never an SQN that
     * any other call has returned or will return.
     */
    Optional<List<AuthenticationVector>> reservedVectors(Impi impi, int count);

    /**
     * As {@link #nextVectors(Impi, int)} from credentials {@link #credentialsForUpdate} read in the enclosing
     * transaction: their keys and SQN, without reading them again.
     *
     * @throws StoreException NO_AKA_KEYS when they hold no K; NOT_FOUND when the identity is gone
     */
    List<AuthenticationVector> nextVectors(ImpiCredentials locked, int count);

    /**
     * Applies an AUTS from a Cx MAR (SIP-Authorization = RAND ‖ AUTS, 30 octets) atomically: on a verified
     * MAC-S stores the outcome's next SQN; on a MAC-S failure changes nothing.
     */
    ResyncOutcome resynchronise(Impi impi, byte[] sipAuthorization);
}
