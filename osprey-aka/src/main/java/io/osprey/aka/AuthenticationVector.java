package io.osprey.aka;

import java.util.Arrays;

/**
 * A UMTS/IMS authentication vector (3GPP TS 33.102 §6.3.2): RAND, XRES, CK, IK and
 * AUTN = (SQN ⊕ AK) ‖ AMF ‖ MAC-A. In a Cx SIP-Auth-Data-Item (TS 29.229) RAND ‖ AUTN travels as SIP-Authenticate,
 * XRES as SIP-Authorization, CK and IK as Confidentiality-Key and Integrity-Key.
 *
 * <p>Immutable: octets are copied in and out. {@link #toString()} shows RAND and AUTN only, never XRES or keys.
 *
 * @param rand 16 octets
 * @param xres 4 to 16 octets (8 from MILENAGE)
 * @param ck   16 octets
 * @param ik   16 octets
 * @param autn 16 octets
 */
public record AuthenticationVector(byte[] rand, byte[] xres, byte[] ck, byte[] ik, byte[] autn) {

    /** Octets in AUTN. */
    public static final int AUTN_LENGTH = 16;
    /** Smallest and largest RES/XRES in octets (TS 33.102 §6.3.2: 32 to 128 bits). */
    public static final int MIN_RES_LENGTH = 4;
    public static final int MAX_RES_LENGTH = 16;

    public AuthenticationVector {
        rand = Bytes.copyOfLength("RAND", rand, Milenage.BLOCK);
        Bytes.requireLengthBetween("XRES", xres, MIN_RES_LENGTH, MAX_RES_LENGTH);
        xres = xres.clone();
        ck = Bytes.copyOfLength("CK", ck, Milenage.BLOCK);
        ik = Bytes.copyOfLength("IK", ik, Milenage.BLOCK);
        autn = Bytes.copyOfLength("AUTN", autn, AUTN_LENGTH);
    }

    @Override
    public byte[] rand() {
        return rand.clone();
    }

    @Override
    public byte[] xres() {
        return xres.clone();
    }

    @Override
    public byte[] ck() {
        return ck.clone();
    }

    @Override
    public byte[] ik() {
        return ik.clone();
    }

    @Override
    public byte[] autn() {
        return autn.clone();
    }

    /** RAND ‖ AUTN, the 32 octets of the Cx SIP-Authenticate AVP and of an AKA digest nonce. */
    public byte[] sipAuthenticate() {
        return Bytes.concat(rand, autn);
    }

    /** The digest nonce for this vector, without server data (RFC 3310 §3.2). */
    public AkaNonce nonce() {
        return new AkaNonce(rand, autn, new byte[0]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthenticationVector that
                && Arrays.equals(rand, that.rand) && Arrays.equals(xres, that.xres)
                && Arrays.equals(ck, that.ck) && Arrays.equals(ik, that.ik) && Arrays.equals(autn, that.autn);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rand) + Arrays.hashCode(autn);
    }

    @Override
    public String toString() {
        return "AuthenticationVector[rand=" + Bytes.hex(rand) + ", autn=" + Bytes.hex(autn) + "]";
    }
}
