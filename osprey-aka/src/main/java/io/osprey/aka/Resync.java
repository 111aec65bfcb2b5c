package io.osprey.aka;

import java.util.Arrays;

/**
 * The HE/AuC side of re-synchronisation (3GPP TS 33.102 §6.3.5, Annex C): from the RAND of the refused
 * challenge and the USIM's AUTS, recover SQN_MS = AUTS[0..5] ⊕ f5*(RAND), verify
 * MAC-S = f1*(K, OPc, RAND, SQN_MS, AMF = 0000), and decide the SQN of the next vector.
 *
 * <p>AK* comes from f5* of the <em>same</em> RAND the USIM refused, and MAC-S uses the dummy AMF of all zeros
 * so that the AMF never has to be sent in clear (§6.3.3). TS 33.102 lets the HE skip the MAC-S check when
 * its own next SQN is already acceptable; this class always checks, so a forged AUTS is reported as such.
 *
 * <p>Pure: it returns an outcome and mutates nothing; storing {@link ResyncOutcome.Resynchronised#nextSqn()}
 * is the caller's job. Not thread-safe, like the {@link Milenage} it wraps.
 */
public final class Resync {

    /** Octets in the Cx SIP-Authorization of a resynchronisation MAR: RAND ‖ AUTS. */
    public static final int SIP_AUTHORIZATION_LENGTH = Milenage.BLOCK + Auts.LENGTH;

    private static final byte[] RESYNC_AMF = new byte[Milenage.AMF_LENGTH];

    private final Milenage milenage;
    private final SqnScheme scheme;

    public Resync(Milenage milenage, SqnScheme scheme) {
        if (milenage == null || scheme == null) {
            throw new IllegalArgumentException("milenage and scheme must not be null");
        }
        this.milenage = milenage;
        this.scheme = scheme;
    }

    /**
     * Resynchronises from the 30-octet SIP-Authorization of a Cx MAR (RAND ‖ AUTS, TS 29.229).
     *
     * @param nextSqnHe the SQN the HE would use for its next vector
     */
    public ResyncOutcome resynchronise(byte[] sipAuthorization, long nextSqnHe) {
        Bytes.requireLength("SIP-Authorization (RAND and AUTS)", sipAuthorization, SIP_AUTHORIZATION_LENGTH);
        return resynchronise(
                Arrays.copyOfRange(sipAuthorization, 0, Milenage.BLOCK),
                Auts.of(Arrays.copyOfRange(sipAuthorization, Milenage.BLOCK, SIP_AUTHORIZATION_LENGTH)),
                nextSqnHe);
    }

    /**
     * Resynchronises from RAND and AUTS.
     *
     * @param rand      the RAND of the challenge the USIM refused
     * @param auts      the USIM's AUTS
     * @param nextSqnHe the SQN the HE would use for its next vector
     */
    public ResyncOutcome resynchronise(byte[] rand, Auts auts, long nextSqnHe) {
        Sqn.requireValid("next SQN_HE", nextSqnHe);
        if (auts == null) {
            throw new IllegalArgumentException("AUTS must not be null");
        }
        byte[] akStar = milenage.f5Star(rand);
        byte[] sqnMsOctets = Bytes.xor(auts.concealedSqnMs(), 0, akStar, 0, Milenage.SQN_LENGTH);
        long sqnMs = Sqn.fromBytes(sqnMsOctets);
        byte[] expectedMacS = milenage.f1Star(rand, sqnMsOctets, RESYNC_AMF);
        if (!Bytes.constantTimeEquals(expectedMacS, auts.macS())) {
            return new ResyncOutcome.MacMismatch(sqnMs);
        }
        long nextSqn = scheme.afterResync(nextSqnHe, sqnMs);
        return new ResyncOutcome.Resynchronised(sqnMs, nextSqn, nextSqn != nextSqnHe);
    }

    /**
     * The AUTS a USIM would send for {@code sqnMs} after refusing {@code rand} (§6.3.3). Used by the USIM model
     * and by tests; an HSS never needs it.
     */
    static Auts buildAuts(Milenage milenage, byte[] rand, long sqnMs) {
        byte[] sqnMsOctets = Sqn.toBytes(sqnMs);
        byte[] concealed = Bytes.xor(sqnMsOctets, 0, milenage.f5Star(rand), 0, Milenage.SQN_LENGTH);
        return Auts.of(concealed, milenage.f1Star(rand, sqnMsOctets, RESYNC_AMF));
    }
}
