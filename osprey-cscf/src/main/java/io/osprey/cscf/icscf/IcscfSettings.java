package io.osprey.cscf.icscf;

import java.time.Duration;
import java.util.List;

/**
 * How an I-CSCF runs.
 *
 * @param host              the host (or address) it is reached at
 * @param port              its SIP port
 * @param homeDomain        the home network's domain
 * @param scscfs            the S-CSCFs it may assign, in preference order
 * @param visitedNetworkId  Visited-Network-Identifier for REGISTERs without P-Visited-Network-ID
 * @param retryAfter        Retry-After of the 503s sent when the HSS cannot take a request (RFC 3261 §21.5.4)
 */
public record IcscfSettings(String host, int port, String homeDomain, List<ScscfCandidate> scscfs,
                            String visitedNetworkId, Duration retryAfter) {

    /** Retry-After when none is given: as the SIP stack's own overload 503s. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    public IcscfSettings {
        scscfs = List.copyOf(scscfs);
        retryAfter = retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
    }

    /** With the {@link #DEFAULT_RETRY_AFTER}. */
    public IcscfSettings(String host, int port, String homeDomain, List<ScscfCandidate> scscfs,
                         String visitedNetworkId) {
        this(host, port, homeDomain, scscfs, visitedNetworkId, DEFAULT_RETRY_AFTER);
    }
}
