package io.osprey.sip.transaction;

/**
 * States of the INVITE client transaction, RFC 3261 §17.1.1.2 (Figure 5) as updated by RFC 6026 §8.4 (Figure 5),
 * which adds Accepted so that 2xx retransmissions and forked 2xx responses reach the TU instead of being stray.
 */
public enum InviteClientTransactionState {
    /** INVITE sent; timer A retransmits on unreliable transports, timer B bounds the wait. */
    CALLING,
    /** A provisional response arrived; no more retransmissions. */
    PROCEEDING,
    /** A 300–699 arrived and was ACKed; timer D absorbs retransmitted final responses. */
    COMPLETED,
    /** A 2xx arrived (RFC 6026); timer M keeps the transaction to pass on further 2xx responses. */
    ACCEPTED,
    TERMINATED
}
