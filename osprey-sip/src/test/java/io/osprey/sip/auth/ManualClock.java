package io.osprey.sip.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A wall clock that only moves when a test says so. */
final class ManualClock implements InstantSource {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }
}
