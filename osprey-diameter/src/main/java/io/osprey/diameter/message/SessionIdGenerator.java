package io.osprey.diameter.message;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes Session-Id values in the RFC 6733 §8.8 form {@code <DiameterIdentity>;<high 32 bits>;<low 32 bits>
 * [;<optional value>]}: the two decimal halves of a 64-bit counter whose high half starts at the NTP seconds
 * of start-up and low half at zero, so ids stay unique across restarts. Thread-safe.
 */
public final class SessionIdGenerator {

    private final String prefix;
    private final AtomicLong counter;

    /** @param startHigh32 initial high half, normally the NTP seconds of start-up */
    public SessionIdGenerator(String diameterIdentity, long startHigh32) {
        if (!AvpData.isValidDiameterIdentity(diameterIdentity)) {
            throw new IllegalArgumentException("Session-Id host must be a non-empty ASCII FQDN, was '"
                    + diameterIdentity + "'");
        }
        if (startHigh32 < 0 || startHigh32 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Session-Id high half must be 0.." + 0xFFFF_FFFFL + ", was " + startHigh32);
        }
        this.prefix = diameterIdentity + ";";
        this.counter = new AtomicLong(startHigh32 << 32);
    }

    /** A generator whose high half is the NTP seconds of {@code now}. */
    public static SessionIdGenerator startingAt(String diameterIdentity, Instant now) {
        return new SessionIdGenerator(diameterIdentity, AvpData.instantToNtpSeconds(now) & 0xFFFF_FFFFL);
    }

    public String next() {
        long value = counter.getAndIncrement();
        return prefix + (value >>> 32) + ";" + (value & 0xFFFF_FFFFL);
    }

    /** {@link #next()} with an implementation-specific suffix. */
    public String next(String optional) {
        if (optional.isEmpty()) {
            throw new IllegalArgumentException("Session-Id optional part must not be empty");
        }
        return next() + ";" + optional;
    }
}
