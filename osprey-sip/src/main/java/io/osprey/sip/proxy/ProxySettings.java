package io.osprey.sip.proxy;

import java.time.Duration;

/**
 * Proxy behaviour switches.
 *
 * @param recordRoute insert Record-Route on dialog-creating requests so in-dialog requests come back (§16.6 step 4)
 * @param timerC      how long an INVITE branch may stay without a response after its last provisional before it is
 *                    cancelled (§16.8: more than 3 minutes)
 */
public record ProxySettings(boolean recordRoute, Duration timerC) {

    /** RFC 3261 §16.8: timer C MUST be set to more than 3 minutes. */
    public static final Duration DEFAULT_TIMER_C = Duration.ofSeconds(181);

    public ProxySettings(boolean recordRoute) {
        this(recordRoute, DEFAULT_TIMER_C);
    }
}
