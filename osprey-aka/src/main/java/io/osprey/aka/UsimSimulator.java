package io.osprey.aka;

import java.util.Arrays;

/**
 * A software USIM for the UE simulator and tests (3GPP TS 33.102 §6.3.3 with the array scheme of Annex C.2):
 * it recovers SQN = AUTN[0..5] ⊕ f5(RAND), verifies MAC-A with the AMF carried in AUTN, checks SQN freshness,
 * and answers RES/CK/IK, a synchronisation failure with AUTS, or a MAC failure.
 *
 * <p>The MAC is verified before freshness, as §6.3.3 orders: an unauthentic AUTN never changes state and never
 * yields an AUTS. AUTS reports SQN_MS, the highest SQN accepted so far, concealed with f5* of the same RAND and
 * protected by MAC-S = f1*(SQN_MS, AMF = 0000).
 *
 * <p>Mutable (the accepted-SQN record advances on success) and not thread-safe: one instance per simulated UE.
 */
public final class UsimSimulator {

    private final Milenage milenage;
    private UsimSqnArray sqnState;

    public UsimSimulator(Milenage milenage, UsimSqnArray initialState) {
        if (milenage == null || initialState == null) {
            throw new IllegalArgumentException("milenage and initialState must not be null");
        }
        this.milenage = milenage;
        this.sqnState = initialState;
    }

    /** A USIM with K and OPc whose highest accepted SQN is {@code sqnMs} (0 for a new card). */
    public static UsimSimulator of(byte[] k, byte[] opc, SqnScheme scheme, long sqnMs) {
        return new UsimSimulator(Milenage.fromOpc(k, opc), UsimSqnArray.startingAt(scheme, sqnMs));
    }

    /** The accepted-SQN record as it stands now. */
    public UsimSqnArray sqnState() {
        return sqnState;
    }

    /** Runs AUTHENTICATE on the RAND and AUTN of a parsed digest nonce. */
    public UsimResult authenticate(AkaNonce nonce) {
        return authenticate(nonce.rand(), nonce.autn());
    }

    /** Runs AUTHENTICATE on RAND (16 octets) and AUTN (16 octets). */
    public UsimResult authenticate(byte[] rand, byte[] autn) {
        Bytes.requireLength("AUTN", autn, AuthenticationVector.AUTN_LENGTH);
        Milenage.ChallengeOutputs out = milenage.f2345(rand);
        byte[] sqnOctets = Bytes.xor(autn, 0, out.ak(), 0, Milenage.SQN_LENGTH);
        byte[] amf = Arrays.copyOfRange(autn, Milenage.SQN_LENGTH, Milenage.SQN_LENGTH + Milenage.AMF_LENGTH);
        byte[] macA = Arrays.copyOfRange(autn, Milenage.SQN_LENGTH + Milenage.AMF_LENGTH,
                AuthenticationVector.AUTN_LENGTH);
        if (!Bytes.constantTimeEquals(milenage.f1(rand, sqnOctets, amf), macA)) {
            return new UsimResult.MacFailure();
        }
        long sqn = Sqn.fromBytes(sqnOctets);
        SqnFreshness freshness = sqnState.check(sqn);
        if (freshness != SqnFreshness.FRESH) {
            return new UsimResult.SynchronisationFailure(
                    Resync.buildAuts(milenage, rand, sqnState.sqnMs()), freshness);
        }
        sqnState = sqnState.accept(sqn);
        return new UsimResult.Authenticated(out.res(), out.ck(), out.ik());
    }
}
