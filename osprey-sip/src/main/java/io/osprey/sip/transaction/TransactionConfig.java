package io.osprey.sip.transaction;

import java.time.Duration;

/**
 * The base timer values of RFC 3261 §17 (Table 4) from which every transaction timer derives.
 *
 * <pre>
 *   T1  500 ms  RTT estimate            A, E, G start at T1 and double (E and G capped at T2)
 *   T2    4 s   max retransmit interval  B, F, H, J, L, M = 64*T1 (RFC 6026 adds L and M)
 *   T4    5 s   max message lifetime     I, K = T4 on unreliable transports, 0 on reliable ones
 *   D   &gt;32 s  wait for INVITE response retransmits on unreliable transports, 0 on reliable
 * </pre>
 */
public record TransactionConfig(Duration t1, Duration t2, Duration t4) {

    public static final TransactionConfig DEFAULTS =
            new TransactionConfig(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));

    /** Timer D: at least 32 s for unreliable transports (RFC 3261 §17.1.1.2). */
    static final Duration TIMER_D_UNRELIABLE = Duration.ofSeconds(32);

    public TransactionConfig {
        if (t1.isZero() || t1.isNegative() || t2.compareTo(t1) < 0 || t4.isNegative()) {
            throw new IllegalArgumentException("need 0 < T1 <= T2 and T4 >= 0, got T1=" + t1 + " T2=" + t2 + " T4=" + t4);
        }
    }

    /** 64*T1: timers B, F, H, J, L and M. */
    public Duration timeout() {
        return t1.multipliedBy(64);
    }

    /** The next retransmit interval after {@code current}, doubling and capped at T2 (timers E and G). */
    Duration doubledCapped(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(t2) > 0 ? t2 : doubled;
    }
}
