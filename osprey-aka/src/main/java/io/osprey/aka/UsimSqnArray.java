package io.osprey.aka;

import java.util.Arrays;

/**
 * The USIM's record of accepted sequence numbers in the array scheme of 3GPP TS 33.102 Annex C.2: one
 * SEQ_MS(i) per IND value i, plus SQN_MS, the highest SQN accepted so far (the value a synchronisation
 * failure reports in AUTS).
 *
 * <p>Immutable: {@link #accept} returns a new array. A received SQN = SEQ ‖ IND is fresh when SEQ exceeds
 * SEQ_MS(IND) (C.2.2) and SEQ − SEQ_MS ≤ Δ, where SEQ_MS is the SEQ of SQN_MS (C.2.1). The optional age
 * limit L of Annex C.2 is not modelled.
 */
public final class UsimSqnArray {

    private final SqnScheme scheme;
    private final long[] seqBySlot;
    private final long sqnMs;

    private UsimSqnArray(SqnScheme scheme, long[] seqBySlot, long sqnMs) {
        this.scheme = scheme;
        this.seqBySlot = seqBySlot;
        this.sqnMs = sqnMs;
    }

    /** A new USIM that has accepted nothing: every SEQ_MS(i) and SQN_MS are 0. */
    public static UsimSqnArray fresh(SqnScheme scheme) {
        return new UsimSqnArray(scheme, new long[scheme.slots()], 0);
    }

    /** A USIM whose highest accepted SQN is {@code sqnMs}, with every slot at that SEQ (nothing older is fresh). */
    public static UsimSqnArray startingAt(SqnScheme scheme, long sqnMs) {
        long[] slots = new long[scheme.slots()];
        Arrays.fill(slots, scheme.seq(sqnMs));
        return new UsimSqnArray(scheme, slots, sqnMs);
    }

    public SqnScheme scheme() {
        return scheme;
    }

    /** SQN_MS, the highest sequence number accepted so far. */
    public long sqnMs() {
        return sqnMs;
    }

    /** SEQ_MS(i), the highest SEQ accepted with IND = {@code ind}. */
    public long seqMs(int ind) {
        if (ind < 0 || ind >= seqBySlot.length) {
            throw new IllegalArgumentException("IND must be within 0.." + (seqBySlot.length - 1) + ", was " + ind);
        }
        return seqBySlot[ind];
    }

    /** Whether {@code sqn} would be accepted now, and if not, which rule refuses it. */
    public SqnFreshness check(long sqn) {
        long seq = scheme.seq(sqn);
        if (seq - scheme.seq(sqnMs) > scheme.delta()) {
            return SqnFreshness.BEYOND_DELTA;
        }
        if (seq <= seqBySlot[scheme.ind(sqn)]) {
            return SqnFreshness.NOT_ABOVE_SLOT;
        }
        return SqnFreshness.FRESH;
    }

    /**
     * The array after accepting {@code sqn}: SEQ_MS(IND) becomes its SEQ and SQN_MS rises to it if higher.
     *
     * @throws IllegalStateException when {@link #check} does not find {@code sqn} fresh
     */
    public UsimSqnArray accept(long sqn) {
        SqnFreshness freshness = check(sqn);
        if (freshness != SqnFreshness.FRESH) {
            throw new IllegalStateException("SQN " + Sqn.toHex(sqn) + " is not fresh: " + freshness);
        }
        long[] slots = seqBySlot.clone();
        long seq = scheme.seq(sqn);
        slots[scheme.ind(sqn)] = seq;
        return new UsimSqnArray(scheme, slots, seq > scheme.seq(sqnMs) ? sqn : sqnMs);
    }

    @Override
    public String toString() {
        return "UsimSqnArray[sqnMs=" + Sqn.toHex(sqnMs) + ", indBits=" + scheme.indBits()
                + ", delta=" + scheme.delta() + "]";
    }
}
