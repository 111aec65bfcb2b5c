package io.osprey.diameter.message;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issues End-to-End Identifiers as RFC 6733 §3 suggests: the first one has the low 12 bits of the start-up
 * time (seconds) in its high 12 bits and a random low 20 bits, and each next one adds 1, so ids stay
 * locally unique well beyond the required 4 minutes, across restarts. Thread-safe.
 */
public final class EndToEndIdGenerator {

    private final AtomicInteger next;

    public EndToEndIdGenerator(Instant startUp, int random) {
        next = new AtomicInteger((int) ((startUp.getEpochSecond() & 0xFFF) << 20) | (random & 0xF_FFFF));
    }

    public EndToEndId next() {
        return new EndToEndId(next.getAndIncrement());
    }
}
