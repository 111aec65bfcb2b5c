package io.osprey.aka;

/** What {@link Resync} concluded from an AUTS (3GPP TS 33.102 §6.3.5). */
public sealed interface ResyncOutcome {

    /**
     * MAC-S verified: the USIM's SQN_MS is known and {@code nextSqn} is the SQN for the HE's next vector.
     *
     * @param sqnMs   the highest SQN the USIM has accepted, recovered from AUTS
     * @param nextSqn the SQN to use for the next vector (store it in place of the old one)
     * @param reset   false when the HE's own next SQN was already fresh and is kept, true when it was
     *                replaced by SEQ_MS + 1 (see {@link SqnScheme#afterResync})
     */
    record Resynchronised(long sqnMs, long nextSqn, boolean reset) implements ResyncOutcome {
        public Resynchronised {
            Sqn.requireValid("SQN_MS", sqnMs);
            Sqn.requireValid("next SQN", nextSqn);
        }
    }

    /**
     * MAC-S did not verify: AUTS was not made with this subscriber's K for this RAND, or it was altered. The
     * stored SQN must stay as it is; TS 33.102 §6.3.5 leaves the HE's answer to operator policy.
     *
     * @param claimedSqnMs the SQN_MS the AUTS would have carried if genuine, for logs only
     */
    record MacMismatch(long claimedSqnMs) implements ResyncOutcome {
    }
}
