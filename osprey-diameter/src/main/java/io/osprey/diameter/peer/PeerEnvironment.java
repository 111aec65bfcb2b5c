package io.osprey.diameter.peer;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What every peer of a node shares: the base message builder, timers, the bound on waiting requests per peer,
 * the random source for watchdog jitter and Hop-by-Hop seeds (thread-safe when peers run on several threads),
 * and the node behind them.
 */
public record PeerEnvironment(BaseMessages messages, PeerTimers timers, int maxPendingRequests, RandomGenerator random,
                              PeerContext context) {

    public PeerEnvironment {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(context, "context");
        if (maxPendingRequests < 1) {
            throw new IllegalArgumentException("maxPendingRequests must be at least 1, was " + maxPendingRequests);
        }
    }
}
