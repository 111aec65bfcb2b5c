package io.osprey.diameter.peer;

import java.time.Duration;

/**
 * Delays between connection attempts to a peer: Tc (RFC 6733 §2.1: "the recommended value is 30 seconds")
 * for the first retry, doubled after each failed attempt up to a bound, and back to Tc once a connection
 * opened. A peer that disconnected with BUSY starts at the bound.
 */
public final class ReconnectBackoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public ReconnectBackoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("reconnect interval Tc must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("maximum reconnect interval " + max + " is below Tc " + initial);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay before the next attempt; each call doubles the following one, up to the bound. */
    public Duration next() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    /** A connection opened: the next failure retries after Tc again. */
    public void reset() {
        next = initial;
    }

    /** The peer asked to be left alone for a while (Disconnect-Cause BUSY). */
    public void backOffFully() {
        next = max;
    }
}
