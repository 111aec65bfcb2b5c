package io.osprey.aka;

/**
 * How an AuC splits and advances SQN = SEQ ‖ IND (3GPP TS 33.102 Annex C.1.1–C.1.2): the low {@code indBits}
 * bits are the index IND, the high bits the counter SEQ. Also holds Δ, the largest step SEQ may take ahead of
 * the highest SEQ the USIM has accepted (Annex C.2.1).
 *
 * <p>Defaults follow the values Annex C.3 suggests and common HSS practice (Open5GS, OsmoHLR): 5 IND bits,
 * so a USIM keeps 32 slots, and Δ = 2^28.
 *
 * <p>Resynchronisation (TS 33.102 §6.3.5) is decided by {@link #afterResync}: when the SQN the HE would send
 * next is already fresh for the USIM (its SEQ is above SEQ_MS and at most Δ ahead) the HE keeps it, so SEQ
 * never moves backwards because of an AUTS provoked by an old, out-of-order vector. Otherwise the HE restarts
 * from SEQ_MS + 1 with IND 0. Any IND is then fresh: SEQ_MS in AUTS is the highest SEQ accepted in any slot
 * (Annex C.2), so SEQ_MS + 1 exceeds every SEQ_MS(i), and a step of 1 is within Δ. IND 0 rather than
 * Open5GS's "SQN_MS + 2^IND + 1": {@link #next} never changes IND, so an HE starting at IND 0 keeps all its
 * vectors in one slot, and a resync makes the S-CSCF drop every vector issued before it, so no other IND
 * value has to be kept apart.
 *
 * @param indBits number of IND bits, 0 to {@value #MAX_IND_BITS}
 * @param delta   Δ, the largest accepted SEQ − SEQ_MS, at least 1
 */
public record SqnScheme(int indBits, long delta) {

    /** IND bits suggested by TS 33.102 Annex C.3 and used by most HSS implementations. */
    public static final int DEFAULT_IND_BITS = 5;
    /** Δ suggested by TS 33.102 Annex C.3. */
    public static final long DEFAULT_DELTA = 1L << 28;
    /** Largest IND length accepted: a USIM model keeps 2^indBits slots, so this bounds its memory. */
    public static final int MAX_IND_BITS = 10;
    /** The scheme with the default IND length and Δ. */
    public static final SqnScheme DEFAULT = new SqnScheme(DEFAULT_IND_BITS, DEFAULT_DELTA);

    public SqnScheme {
        if (indBits < 0 || indBits > MAX_IND_BITS) {
            throw new IllegalArgumentException("indBits must be within 0.." + MAX_IND_BITS + ", was " + indBits);
        }
        if (delta < 1 || delta > maxSeq(indBits)) {
            throw new IllegalArgumentException(
                    "delta must be within 1.." + maxSeq(indBits) + " for " + indBits + " IND bits, was " + delta);
        }
    }

    /** Number of IND values, 2^indBits (the size of the USIM's SEQ_MS array). */
    public int slots() {
        return 1 << indBits;
    }

    /** The largest SEQ, 2^(48 − indBits) − 1. */
    public long maxSeq() {
        return maxSeq(indBits);
    }

    /** SEQ, the high 48 − indBits bits of {@code sqn}. */
    public long seq(long sqn) {
        return Sqn.requireValid("SQN", sqn) >>> indBits;
    }

    /** IND, the low indBits bits of {@code sqn}. */
    public int ind(long sqn) {
        return (int) (Sqn.requireValid("SQN", sqn) & (slots() - 1));
    }

    /** SEQ ‖ IND. */
    public long compose(long seq, int ind) {
        if (seq < 0 || seq > maxSeq()) {
            throw new IllegalArgumentException("SEQ must be within 0.." + maxSeq() + ", was " + seq);
        }
        if (ind < 0 || ind >= slots()) {
            throw new IllegalArgumentException("IND must be within 0.." + (slots() - 1) + ", was " + ind);
        }
        return (seq << indBits) | ind;
    }

    /**
     * The SQN after {@code sqn}: SEQ + 1 with the same IND, i.e. {@code sqn + 2^indBits}, wrapping modulo 2^48
     * (Annex C.1.2). After the wrap SEQ restarts at 0, which a USIM refuses until a resync; with 5 IND bits
     * that takes 2^43 vectors.
     */
    public long next(long sqn) {
        Sqn.requireValid("SQN", sqn);
        return (sqn + slots()) & Sqn.MAX;
    }

    /**
     * Whether a USIM whose highest accepted sequence number is {@code sqnMs} accepts {@code sqn} by the rules
     * the HE can check (TS 33.102 §6.3.5 step 2 with Annex C.2.1): SEQ above SEQ_MS and at most Δ ahead.
     */
    public boolean freshAfter(long sqn, long sqnMs) {
        long seq = seq(sqn);
        long seqMs = seq(sqnMs);
        return seq > seqMs && seq - seqMs <= delta;
    }

    /**
     * The SQN the HE uses for its next vector after a verified AUTS carrying {@code sqnMs}: {@code nextSqnHe}
     * when it is already {@linkplain #freshAfter fresh}, else SEQ_MS + 1 with IND 0 (see the class comment).
     */
    public long afterResync(long nextSqnHe, long sqnMs) {
        if (freshAfter(nextSqnHe, sqnMs)) {
            return nextSqnHe;
        }
        return compose((seq(sqnMs) + 1) & maxSeq(), 0);
    }

    private static long maxSeq(int indBits) {
        return Sqn.MAX >>> indBits;
    }
}
