package io.osprey.sip.transaction;

/**
 * States of the INVITE server transaction, RFC 3261 §17.2.1 (Figure 7) as updated by RFC 6026 §7.1 (Figure 7),
 * which adds Accepted: after a 2xx the transaction absorbs retransmitted INVITEs for timer L instead of ending.
 */
public enum InviteServerTransactionState {
    /** Request received, 100 Trying sent; the TU may send provisional responses. */
    PROCEEDING,
    /** A 300–699 was sent; timer G retransmits it (unreliable) until the ACK, timer H bounds the wait. */
    COMPLETED,
    /** The ACK arrived; timer I absorbs further ACKs. */
    CONFIRMED,
    /** A 2xx was sent (RFC 6026); timer L absorbs INVITE retransmissions, the TU retransmits the 2xx. */
    ACCEPTED,
    TERMINATED
}
