package io.osprey.sip.auth;

/** What a {@link NonceManager} says about a nonce presented in credentials. */
public enum NonceStatus {
    /** Issued here, in its lifetime, and (after {@link NonceManager#use}) with a fresh nonce-count. */
    VALID,
    /**
     * Issued here but past its lifetime, or no longer tracked for replay: answer with a new challenge and
     * {@code stale=true} if the response was otherwise right (RFC 7616 §3.3).
     */
    STALE,
    /** Not issued here, or tampered with. */
    INVALID,
    /** A nonce-count not above the highest one already accepted for this nonce (RFC 7616 §3.4). */
    REPLAY
}
