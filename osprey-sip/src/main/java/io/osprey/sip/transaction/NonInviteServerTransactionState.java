package io.osprey.sip.transaction;

/** States of the non-INVITE server transaction, RFC 3261 §17.2.2 (Figure 8). */
public enum NonInviteServerTransactionState {
    /** Request received, nothing sent yet; retransmissions are absorbed silently. */
    TRYING,
    /** A provisional response was sent; request retransmissions get it again. */
    PROCEEDING,
    /** A final response was sent; timer J answers retransmissions with it. */
    COMPLETED,
    TERMINATED
}
