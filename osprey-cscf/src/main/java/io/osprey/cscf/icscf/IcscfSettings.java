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
 * @param scscfResponseTimeout how long an S-CSCF may leave a request without any response before the next S-CSCF
 *                          is tried (TS 24.229 §5.3.1.3), when there is one
 */
public record IcscfSettings(String host, int port, String homeDomain, List<ScscfCandidate> scscfs,
                            String visitedNetworkId, Duration retryAfter, Duration scscfResponseTimeout) {

    /** Retry-After when none is given: as the SIP stack's own overload 503s. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    /** Well inside the P-CSCF's timer F (64*T1, 32 s by default), so the REGISTER can still reach another one. */
    public static final Duration DEFAULT_SCSCF_RESPONSE_TIMEOUT = Duration.ofSeconds(4);

    public IcscfSettings {
        scscfs = List.copyOf(scscfs);
        retryAfter = retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
        scscfResponseTimeout = scscfResponseTimeout == null ? DEFAULT_SCSCF_RESPONSE_TIMEOUT : scscfResponseTimeout;
    }

    /** With the {@link #DEFAULT_RETRY_AFTER} and {@link #DEFAULT_SCSCF_RESPONSE_TIMEOUT}. */
    public IcscfSettings(String host, int port, String homeDomain, List<ScscfCandidate> scscfs,
                         String visitedNetworkId) {
        this(host, port, homeDomain, scscfs, visitedNetworkId, DEFAULT_RETRY_AFTER, DEFAULT_SCSCF_RESPONSE_TIMEOUT);
    }
}
