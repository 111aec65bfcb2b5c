package io.osprey.cscf.scscf;

import java.time.Duration;

/**
 * How an S-CSCF runs.
 *
 * @param serverName        its SIP URI as the HSS stores it (Server-Name, TS 29.228 §6.3.5), e.g.
 *                          {@code sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060}
 * @param host              the host (or address) it puts in Service-Route and Record-Route
 * @param port              its SIP port
 * @param homeDomain        the home network's domain: the digest realm and the domain of its users
 * @param icscfUri          where terminating requests for home users go (the I-CSCF, which asks the HSS with LIR);
 *                          null sends them straight to this S-CSCF's own terminating logic
 * @param defaultExpires    registration time when the UE asks none (TS 24.229 §5.4.1.2.2: the S-CSCF decides)
 * @param minExpires        shorter requested times are refused with 423 (RFC 3261 §10.3 step 7)
 * @param maxExpires        longer requested times are shortened to this
 * @param challengeLifetime how long a 401's nonce may be answered
 * @param retryAfter        Retry-After of the 503s sent when the HSS cannot take a request (RFC 3261 §21.5.4)
 * @param noAnswerTimeout   how long a call to a registered user may ring before the caller gets 480 (no answer)
 */
public record ScscfSettings(String serverName, String host, int port, String homeDomain, String icscfUri,
                            Duration defaultExpires, Duration minExpires, Duration maxExpires,
                            Duration challengeLifetime, Duration retryAfter, Duration noAnswerTimeout) {

    /** Retry-After when none is given: as the SIP stack's own overload 503s. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    /** No-answer time when none is given. */
    public static final Duration DEFAULT_NO_ANSWER_TIMEOUT = Duration.ofSeconds(60);

    public ScscfSettings {
        retryAfter = retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
        noAnswerTimeout = noAnswerTimeout == null ? DEFAULT_NO_ANSWER_TIMEOUT : noAnswerTimeout;
    }

    /** With the {@link #DEFAULT_RETRY_AFTER} and the {@link #DEFAULT_NO_ANSWER_TIMEOUT}. */
    public ScscfSettings(String serverName, String host, int port, String homeDomain, String icscfUri,
                         Duration defaultExpires, Duration minExpires, Duration maxExpires,
                         Duration challengeLifetime) {
        this(serverName, host, port, homeDomain, icscfUri, defaultExpires, minExpires, maxExpires, challengeLifetime,
                DEFAULT_RETRY_AFTER, DEFAULT_NO_ANSWER_TIMEOUT);
    }

    /** The Service-Route value (RFC 3608) that brings a UE's originating requests back here. */
    public String serviceRoute() {
        return "<sip:orig@" + host + ":" + port + ";lr>";
    }

    /** The Route value an AS copies so the request returns to this S-CSCF (TS 24.229 §5.4.3.2 step 4). */
    public String returnRoute(String sessionCase, String token) {
        return "<sip:" + sessionCase + "@" + host + ":" + port + ";lr;odi=" + token + ">";
    }
}
