package io.osprey.hss.store;

import io.osprey.aka.AuthenticationVector;
import io.osprey.aka.SqnScheme;
import io.osprey.aka.VectorGenerator;
import io.osprey.hss.model.AkaKeys;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SQNs a private identity's MAR took from the database beyond those it used, held in memory with the credentials
 * they were read with, so that the next MARs of that identity need no database transaction (decision 0020).
 *
 * <p>The stored SQN is always above every SQN a vector has used: a reservation is installed only after the
 * transaction that stored its limit has committed, and hands out SQNs below that limit, each once, in increasing
 * order. SQNs a reservation never hands out (it is dropped, the process stops) are skipped, which TS 33.102
 * Annex C allows: the USIM accepts any SEQ above the highest it has seen, up to Δ ahead.
 *
 * <p>Kept only where one process owns the database (SQLite, as {@link RegistrationCache}). Dropped for an identity
 * when its SQN or credentials are written or it resynchronises, and for all on any provisioning change, this
 * process's or another's ({@link ProvisioningWatch}). A drop between a reservation's transaction and its
 * installation wins: installation checks that no drop happened since the reservation was read ({@link #epoch}).
 */
final class SqnReservations {

    /** SQNs reserved beyond those a MAR uses: one database transaction per this many re-authentications. */
    static final int EXTRA_SQNS = 32;

    private final int maxEntries;
    private final SqnScheme scheme;
    private final SecureRandom random;
    private final ConcurrentHashMap<Impi, Reservation> reservations;
    /** Moves on at every drop; a reservation read before a drop is not installed after it. */
    private final AtomicLong epoch = new AtomicLong();

    private SqnReservations(int maxEntries, SqnScheme scheme, SecureRandom random) {
        this.maxEntries = maxEntries;
        this.scheme = scheme;
        this.random = random;
        this.reservations = maxEntries > 0 ? new ConcurrentHashMap<>() : null;
    }

    static SqnReservations of(int maxEntries, SqnScheme scheme, SecureRandom random) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("SQN reservations maxEntries must be positive, was " + maxEntries);
        }
        return new SqnReservations(maxEntries, scheme, random);
    }

    static SqnReservations disabled() {
        return new SqnReservations(0, SqnScheme.DEFAULT, null);
    }

    boolean enabled() {
        return reservations != null;
    }

    /** Read inside the reserving transaction, under the write lock; pass it to {@link #install}. */
    long epoch() {
        return epoch.get();
    }

    /**
     * {@code credentials}' identity may use SQNs from {@code next} up to, not including, {@code limit}, which its
     * committed transaction stored. Ignored if anything was dropped since {@code epochBefore}.
     */
    void install(ImpiCredentials credentials, long next, long limit, long epochBefore) {
        if (reservations == null || next >= limit) {
            return;
        }
        AkaKeys keys = credentials.aka().orElseThrow();
        Reservation reservation = new Reservation(credentials,
                new VectorGenerator(keys.milenage(), keys.amf(), random), next, limit);
        if (reservations.size() >= maxEntries) {
            // not a drop: what is evicted is still right, so no epoch moves and this one is installed
            Eviction.dropQuarter(reservations, Reservation::end);
        }
        Reservation replaced = reservations.put(credentials.impi(), reservation);
        if (replaced != null) {
            replaced.end();
        }
        if (epoch.get() != epochBefore) {
            // a drop ran meanwhile and may have missed this reservation; it must not outlive that drop
            reservations.remove(credentials.impi(), reservation);
            reservation.end();
        }
    }

    /** The credentials {@code impi}'s reservation was made with, if it holds one. */
    Optional<ImpiCredentials> credentials(Impi impi) {
        if (reservations == null) {
            return Optional.empty();
        }
        Reservation reservation = reservations.get(impi);
        return reservation == null ? Optional.empty() : Optional.of(reservation.credentials);
    }

    /** {@code count} vectors from {@code impi}'s reservation; empty if it holds none or too few SQNs. */
    Optional<List<AuthenticationVector>> take(Impi impi, int count) {
        if (reservations == null) {
            return Optional.empty();
        }
        Reservation reservation = reservations.get(impi);
        return reservation == null ? Optional.empty() : reservation.take(count, scheme);
    }

    /** {@code impi}'s SQN or credentials are about to change, or have. */
    void drop(Impi impi) {
        if (reservations != null) {
            epoch.incrementAndGet();
            Reservation dropped = reservations.remove(impi);
            if (dropped != null) {
                dropped.end();
            }
        }
    }

    /** Provisioned data changed: any identity's credentials may have. */
    void dropAll() {
        if (reservations != null) {
            epoch.incrementAndGet();
            reservations.values().forEach(Reservation::end);
            reservations.clear();
        }
    }

    int size() {
        return reservations == null ? 0 : reservations.size();
    }

    /** One identity's reserved SQNs; its generator is not thread-safe, so vectors are made under its lock. */
    private static final class Reservation {
        final ImpiCredentials credentials;
        private final VectorGenerator generator;
        private final long limit;
        private long next;
        private boolean ended;

        Reservation(ImpiCredentials credentials, VectorGenerator generator, long next, long limit) {
            this.credentials = credentials;
            this.generator = generator;
            this.next = next;
            this.limit = limit;
        }

        synchronized Optional<List<AuthenticationVector>> take(int count, SqnScheme scheme) {
            long after = next;
            for (int i = 0; i < count; i++) {
                after = scheme.next(after);
            }
            if (ended || after > limit) {
                return Optional.empty();
            }
            List<AuthenticationVector> vectors = new ArrayList<>(count);
            for (long sqn = next; vectors.size() < count; sqn = scheme.next(sqn)) {
                vectors.add(generator.generate(sqn));
            }
            next = after;
            return Optional.of(vectors);
        }

        synchronized void end() {
            ended = true;
        }
    }
}
