package io.osprey.hss.store;

import io.osprey.aka.AuthenticationVector;
import io.osprey.aka.Resync;
import io.osprey.aka.ResyncOutcome;
import io.osprey.aka.Sqn;
import io.osprey.aka.SqnScheme;
import io.osprey.aka.VectorGenerator;
import io.osprey.hss.model.AkaKeys;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link AuthenticationCentre} on JDBI. A vector request locks the private identity row (FOR UPDATE on
 * PostgreSQL; BEGIN IMMEDIATE plus the store's write lock on SQLite), reads K/OPc and the SQN, stores the SQN
 * after the reserved range, and commits; MILENAGE then runs outside the transaction. Where {@link SqnReservations}
 * are kept (SQLite), the range stored goes {@link SqnReservations#EXTRA_SQNS} further, and the SQNs beyond those
 * used serve the identity's next requests from memory once the transaction has committed (decision 0020).
 */
final class JdbiAuthenticationCentre implements AuthenticationCentre {

    private final Transactions transactions;
    private final PrivateIdentityRows rows;
    private final Dialect dialect;
    private final SqnScheme scheme;
    private final SqnReservations reservations;
    private final SecureRandom random;

    JdbiAuthenticationCentre(Transactions transactions, PrivateIdentityRows rows, Dialect dialect, SqnScheme scheme,
                             SqnReservations reservations, SecureRandom random) {
        this.transactions = transactions;
        this.rows = rows;
        this.dialect = dialect;
        this.scheme = scheme;
        this.reservations = reservations;
        this.random = random;
    }

    @Override
    public Optional<ImpiCredentials> credentials(Impi impi) {
        return transactions.read("read credentials of " + impi, h -> rows.credentials(h, impi, ""));
    }

    @Override
    public Optional<ImpiCredentials> credentialsForUpdate(Impi impi) {
        return transactions.read("read credentials of " + impi, h -> rows.credentials(h, impi, dialect.forUpdate()));
    }

    @Override
    public void updateCredentials(ImpiCredentials credentials) {
        // a provisioning write: other processes' caches and this one's SQN reservations drop what they hold
        transactions.provision("update credentials of " + credentials.impi(), h -> {
            if (rows.updateCredentials(h, credentials) == 0) {
                throw StoreException.notFound("private identity", credentials.impi());
            }
            return null;
        });
    }

    @Override
    public void updateSqn(Impi impi, long sqn) {
        Sqn.requireValid("sqn", sqn);
        transactions.provision("update SQN of " + impi, h -> {
            if (PrivateIdentityRows.updateSqn(h, impi, sqn) == 0) {
                throw StoreException.notFound("private identity", impi);
            }
            return null;
        });
    }

    @Override
    public AuthenticationVector nextVector(Impi impi) {
        return nextVectors(impi, 1).getFirst();
    }

    @Override
    public List<AuthenticationVector> nextVectors(Impi impi, int count) {
        requireCount(count);
        Reservation reservation = transactions.write("reserve " + count + " SQNs for " + impi,
                h -> reserve(h, lockAkaCredentials(h, impi), count, false));
        return vectors(reservation, count);
    }

    @Override
    public Optional<ImpiCredentials> reservedCredentials(Impi impi) {
        return reservations.credentials(impi);
    }

    @Override
    public Optional<List<AuthenticationVector>> reservedVectors(Impi impi, int count) {
        requireCount(count);
        return reservations.take(impi, count);
    }

    @Override
    public List<AuthenticationVector> nextVectors(ImpiCredentials locked, int count) {
        requireCount(count);
        requireAka(locked);
        if (!transactions.inBoundTransaction()) {
            // outside the transaction that locked the row, its SQN may be stale: two MARs would share SQNs
            throw new IllegalStateException("nextVectors(ImpiCredentials, int) outside the transaction that read them");
        }
        Reservation reservation = transactions.write("reserve " + count + " SQNs for " + locked.impi(),
                h -> reserve(h, locked, count, reservations.enabled()));
        return vectors(reservation, count);
    }

    private static void requireCount(int count) {
        if (count < 1 || count > MAX_VECTORS) {
            throw new IllegalArgumentException("count must be 1 to " + MAX_VECTORS + ", was " + count);
        }
    }

    /**
     * Stores the SQN after {@code count} vectors from the locked row's, and {@link SqnReservations#EXTRA_SQNS}
     * more if {@code keepRest} (handed to the reservations once the transaction commits), and returns the first.
     * Only a MAR's transaction ({@link #nextVectors(ImpiCredentials, int)}) keeps the rest.
     */
    private Reservation reserve(Handle handle, ImpiCredentials locked, int count, boolean keepRest) {
        long first = locked.sqn();
        long next = advance(first, count);
        long limit = keepRest ? advance(next, SqnReservations.EXTRA_SQNS) : next;
        if (PrivateIdentityRows.updateSqn(handle, locked.impi(), limit) == 0) {
            throw StoreException.notFound("private identity", locked.impi());
        }
        if (limit != next) {
            long epoch = reservations.epoch(); // read under the write lock: see SqnReservations
            transactions.afterCommit(() -> reservations.install(locked, next, limit, epoch));
        }
        return new Reservation(locked.aka().orElseThrow(), first);
    }

    private long advance(long sqn, int steps) {
        long advanced = sqn;
        for (int i = 0; i < steps; i++) {
            advanced = scheme.next(advanced);
        }
        return advanced;
    }

    private List<AuthenticationVector> vectors(Reservation reservation, int count) {
        VectorGenerator generator = new VectorGenerator(reservation.keys.milenage(), reservation.keys.amf(), random);
        List<AuthenticationVector> vectors = new ArrayList<>(count);
        long sqn = reservation.firstSqn;
        for (int i = 0; i < count; i++) {
            vectors.add(generator.generate(sqn));
            sqn = scheme.next(sqn);
        }
        return vectors;
    }

    @Override
    public ResyncOutcome resynchronise(Impi impi, byte[] sipAuthorization) {
        if (sipAuthorization == null || sipAuthorization.length != Resync.SIP_AUTHORIZATION_LENGTH) {
            throw new IllegalArgumentException("SIP-Authorization must be RAND and AUTS, "
                    + Resync.SIP_AUTHORIZATION_LENGTH + " octets, was "
                    + (sipAuthorization == null ? "null" : sipAuthorization.length + " octets"));
        }
        return transactions.write("resynchronise " + impi, h -> {
            ImpiCredentials locked = lockAkaCredentials(h, impi);
            // under the write lock, after every earlier transaction: no reservation from before the AUTS survives
            reservations.drop(impi);
            ResyncOutcome outcome = new Resync(locked.aka().orElseThrow().milenage(), scheme)
                    .resynchronise(sipAuthorization, locked.sqn());
            if (outcome instanceof ResyncOutcome.Resynchronised resynchronised && resynchronised.reset()) {
                PrivateIdentityRows.updateSqn(h, impi, resynchronised.nextSqn());
            }
            return outcome;
        });
    }

    /** Locks the row of {@code impi} until commit and returns its credentials, which must hold AKA keys. */
    private ImpiCredentials lockAkaCredentials(Handle handle, Impi impi) {
        ImpiCredentials credentials = rows.credentials(handle, impi, dialect.forUpdate())
                .orElseThrow(() -> StoreException.notFound("private identity", impi));
        requireAka(credentials);
        return credentials;
    }

    private static void requireAka(ImpiCredentials credentials) {
        if (credentials.aka().isEmpty()) {
            throw new StoreException(StoreException.Reason.NO_AKA_KEYS, "private identity " + credentials.impi()
                    + " has no AKA keys");
        }
    }

    private record Reservation(AkaKeys keys, long firstSqn) {
    }
}
