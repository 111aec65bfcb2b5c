package io.osprey.sip.transaction;

/** States of the non-INVITE client transaction, RFC 3261 §17.1.2.2 (Figure 6). */
public enum NonInviteClientTransactionState {
    /** Request sent; timer E retransmits (unreliable), timer F bounds the wait. */
    TRYING,
    /** A provisional response arrived; timer E continues at T2. */
    PROCEEDING,
    /** A final response arrived; timer K absorbs retransmitted responses. */
    COMPLETED,
    TERMINATED
}
