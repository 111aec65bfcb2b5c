package io.osprey.diameter.peer;

import java.time.Duration;
import java.util.Objects;

/**
 * The timers of a peer connection.
 *
 * @param watchdogInterval Tw of RFC 3539 §3.4.1 (default 30 s)
 * @param watchdogJitter   the random spread added to each Tw (default ± 2 s)
 * @param reconnect        Tc of RFC 6733 §2.1, the first delay before reconnecting (default 30 s)
 * @param maxReconnect     the bound of the exponential reconnect backoff (default 5 min)
 * @param handshake        how long the waiting states of RFC 6733 §5.6 (connect, CER/CEA, election, DPR/DPA)
 *                         last before their Timeout event, and how long an accepted connection may stay without
 *                         a CER (default 10 s)
 */
public record PeerTimers(Duration watchdogInterval, Duration watchdogJitter, Duration reconnect, Duration maxReconnect,
                         Duration handshake) {

    public static final PeerTimers DEFAULT = new PeerTimers(Duration.ofSeconds(30), Duration.ofSeconds(2),
            Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(10));

    public PeerTimers {
        positive("watchdogInterval", watchdogInterval);
        Objects.requireNonNull(watchdogJitter, "watchdogJitter");
        if (watchdogJitter.isNegative() || watchdogJitter.compareTo(watchdogInterval) >= 0) {
            throw new IllegalArgumentException("watchdogJitter must be 0 or more and below watchdogInterval "
                    + watchdogInterval + ", was " + watchdogJitter);
        }
        positive("reconnect", reconnect);
        positive("maxReconnect", maxReconnect);
        if (maxReconnect.compareTo(reconnect) < 0) {
            throw new IllegalArgumentException("maxReconnect " + maxReconnect + " must not be below reconnect "
                    + reconnect);
        }
        positive("handshake", handshake);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
