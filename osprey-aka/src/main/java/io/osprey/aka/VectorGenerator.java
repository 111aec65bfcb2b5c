package io.osprey.aka;

import java.security.SecureRandom;

/**
 * Generates authentication vectors in the HE/AuC (3GPP TS 33.102 §6.3.2, Figure 8): a fresh RAND from a
 * {@link SecureRandom}, then XRES = f2, CK = f3, IK = f4, AK = f5 and AUTN = (SQN ⊕ AK) ‖ AMF ‖ f1(SQN, AMF).
 *
 * <p>Choosing the SQN and storing the next one is the caller's job ({@link SqnScheme#next}); this class mutates
 * nothing. Like the {@link Milenage} it wraps, an instance is not thread-safe.
 */
public final class VectorGenerator {

    private final Milenage milenage;
    private final byte[] amf;
    private final SecureRandom random;

    /**
     * @param milenage the subscriber's MILENAGE instance (K and OPc)
     * @param amf      the 2-octet authentication management field placed in every AUTN
     * @param random   source of RAND; tests may pass a deterministic subclass
     */
    public VectorGenerator(Milenage milenage, byte[] amf, SecureRandom random) {
        if (milenage == null || random == null) {
            throw new IllegalArgumentException("milenage and random must not be null");
        }
        this.milenage = milenage;
        this.amf = Bytes.copyOfLength("AMF", amf, Milenage.AMF_LENGTH);
        this.random = random;
    }

    /** A vector for {@code sqn} with a new random RAND. */
    public AuthenticationVector generate(long sqn) {
        byte[] rand = new byte[Milenage.BLOCK];
        random.nextBytes(rand);
        return generate(sqn, rand);
    }

    /** A vector for {@code sqn} and the given RAND (for test vectors and replays of recorded challenges). */
    public AuthenticationVector generate(long sqn, byte[] rand) {
        byte[] sqnOctets = Sqn.toBytes(Sqn.requireValid("SQN", sqn));
        Milenage.ChallengeOutputs out = milenage.f2345(rand);
        byte[] macA = milenage.f1(rand, sqnOctets, amf);
        byte[] autn = new byte[AuthenticationVector.AUTN_LENGTH];
        for (int i = 0; i < Milenage.SQN_LENGTH; i++) {
            autn[i] = (byte) (sqnOctets[i] ^ out.ak()[i]);
        }
        System.arraycopy(amf, 0, autn, Milenage.SQN_LENGTH, Milenage.AMF_LENGTH);
        System.arraycopy(macA, 0, autn, Milenage.SQN_LENGTH + Milenage.AMF_LENGTH, Milenage.MAC_LENGTH);
        return new AuthenticationVector(rand, out.res(), out.ck(), out.ik(), autn);
    }
}
