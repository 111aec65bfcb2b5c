package io.osprey.aka;

/** The verdict of the USIM's sequence number check of 3GPP TS 33.102 Annex C.2 on a received SQN. */
public enum SqnFreshness {
    /** SEQ exceeds SEQ_MS(IND) and is at most Δ ahead of SEQ_MS: accepted (C.2.2 successful case). */
    FRESH,
    /** SEQ is not above SEQ_MS(IND), the highest SEQ accepted in that IND slot: a replay or reordering (C.2.2). */
    NOT_ABOVE_SLOT,
    /** SEQ − SEQ_MS exceeds Δ, a jump large enough to wrap the counter early (C.2.1). */
    BEYOND_DELTA
}
