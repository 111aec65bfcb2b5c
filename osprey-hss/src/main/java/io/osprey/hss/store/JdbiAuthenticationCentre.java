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
 * after the reserved range, and commits; MILENAGE then runs outside the transaction.
 */
final class JdbiAuthenticationCentre implements AuthenticationCentre {

    private final Transactions transactions;
    private final PrivateIdentityRows rows;
    private final Dialect dialect;
    private final SqnScheme scheme;
    private final SecureRandom random = new SecureRandom();

    JdbiAuthenticationCentre(Transactions transactions, PrivateIdentityRows rows, Dialect dialect, SqnScheme scheme) {
        this.transactions = transactions;
        this.rows = rows;
        this.dialect = dialect;
        this.scheme = scheme;
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
        transactions.write("update credentials of " + credentials.impi(), h -> {
            if (rows.updateCredentials(h, credentials) == 0) {
                throw StoreException.notFound("private identity", credentials.impi());
            }
            return null;
        });
    }

    @Override
    public void updateSqn(Impi impi, long sqn) {
        Sqn.requireValid("sqn", sqn);
        transactions.write("update SQN of " + impi, h -> {
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
                h -> reserve(h, lockAkaCredentials(h, impi), count));
        return vectors(reservation, count);
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
                h -> reserve(h, locked, count));
        return vectors(reservation, count);
    }

    private static void requireCount(int count) {
        if (count < 1 || count > MAX_VECTORS) {
            throw new IllegalArgumentException("count must be 1 to " + MAX_VECTORS + ", was " + count);
        }
    }

    /** Stores the SQN after {@code count} vectors from the locked row's and returns the first. */
    private Reservation reserve(Handle handle, ImpiCredentials locked, int count) {
        long first = locked.sqn();
        long next = first;
        for (int i = 0; i < count; i++) {
            next = scheme.next(next);
        }
        if (PrivateIdentityRows.updateSqn(handle, locked.impi(), next) == 0) {
            throw StoreException.notFound("private identity", locked.impi());
        }
        return new Reservation(locked.aka().orElseThrow(), first);
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
