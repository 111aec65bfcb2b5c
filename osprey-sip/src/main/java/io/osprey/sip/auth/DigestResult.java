package io.osprey.sip.auth;

/** Outcome of {@link DigestVerifier#verify}; every outcome but {@link #OK} means "challenge again". */
public enum DigestResult {
    /** The response is right and the nonce fresh. */
    OK,
    /** The response is right but the nonce expired or is no longer tracked: re-challenge with {@code stale=true}. */
    STALE,
    /** The response does not match: wrong password, or tampered parameters. */
    BAD_RESPONSE,
    /** The nonce was not issued here or was tampered with. */
    BAD_NONCE,
    /** The nonce-count was already used for this nonce (or a qop-less nonce was used twice). */
    REPLAY,
    /** The realm differs from the one this verifier protects. */
    BAD_REALM,
    /** Not the Digest scheme (RFC 4475 §3.3.7: ignore the header and challenge). */
    UNSUPPORTED_SCHEME,
    /** An algorithm this verifier does not accept. */
    UNSUPPORTED_ALGORITHM,
    /** A qop this verifier did not offer, or none when one was offered. */
    UNSUPPORTED_QOP,
    /** A required parameter is absent; {@link DigestVerification#parameter()} names it. */
    MISSING_PARAM,
    /** A parameter has an impossible value (such as an nc that is not 8 hex digits); it is named. */
    MALFORMED_PARAM
}
