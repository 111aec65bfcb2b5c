package io.osprey.aka;

import java.security.GeneralSecurityException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MILENAGE authentication functions f1, f1*, f2, f3, f4, f5 and f5* of 3GPP TS 35.206 §4.1, built on
 * AES-128 as the kernel function E_K (TS 35.206 §4.1 and Annex; test data in TS 35.207/35.208).
 *
 * <p>One object holds one subscriber's key K (inside an initialised AES cipher) and OPc. It reuses that
 * cipher and a scratch block for every call, so it is <strong>not thread-safe</strong>: create one per
 * subscriber computation (it is cheap) or confine it to one thread or lane; never share it across threads.
 *
 * <p>All inputs are big-endian octet strings of the exact lengths of TS 35.206 §2.1: K, OP, OPc and RAND 16,
 * SQN 6, AMF 2 octets. A wrong length is refused with an {@link IllegalArgumentException} naming the field.
 */
public final class Milenage {

    /** Octets in K, OP, OPc, RAND, CK, IK and in every AES block. */
    public static final int BLOCK = 16;
    /** Octets in SQN, AK and AK*. */
    public static final int SQN_LENGTH = 6;
    /** Octets in AMF. */
    public static final int AMF_LENGTH = 2;
    /** Octets in MAC-A, MAC-S and the MILENAGE RES. */
    public static final int MAC_LENGTH = 8;

    private final Cipher aes;
    private final byte[] opc;
    private final byte[] block = new byte[BLOCK];

    private Milenage(Cipher aes, byte[] opc) {
        this.aes = aes;
        this.opc = opc;
    }

    /** A MILENAGE instance for subscriber key {@code k} and the derived operator value {@code opc}. */
    public static Milenage fromOpc(byte[] k, byte[] opc) {
        Bytes.requireLength("K", k, BLOCK);
        return new Milenage(cipherFor(k), Bytes.copyOfLength("OPc", opc, BLOCK));
    }

    /** A MILENAGE instance from K and the operator's OP; derives OPc = OP ⊕ E_K(OP) (TS 35.206 §4.1). */
    public static Milenage fromOp(byte[] k, byte[] op) {
        Bytes.requireLength("K", k, BLOCK);
        Bytes.requireLength("OP", op, BLOCK);
        Cipher aes = cipherFor(k);
        byte[] encrypted = new byte[BLOCK];
        encrypt(aes, op, encrypted);
        return new Milenage(aes, Bytes.xor(op, 0, encrypted, 0, BLOCK));
    }

    /** OPc = OP ⊕ E_K(OP), the value an HSS stores instead of OP. */
    public static byte[] deriveOpc(byte[] k, byte[] op) {
        return fromOp(k, op).opc();
    }

    /** This instance's OPc (a copy). */
    public byte[] opc() {
        return opc.clone();
    }

    /** f1: the network authentication code MAC-A (8 octets). */
    public byte[] f1(byte[] rand, byte[] sqn, byte[] amf) {
        return Bytes.xor(out1(temp(rand), sqn, amf), 0, opc, 0, MAC_LENGTH);
    }

    /** f1*: the resynchronisation authentication code MAC-S (8 octets). */
    public byte[] f1Star(byte[] rand, byte[] sqn, byte[] amf) {
        return Bytes.xor(out1(temp(rand), sqn, amf), MAC_LENGTH, opc, MAC_LENGTH, MAC_LENGTH);
    }

    /** f2: the response RES (8 octets). */
    public byte[] f2(byte[] rand) {
        return Bytes.xor(out(temp(rand), 0, 1), MAC_LENGTH, opc, MAC_LENGTH, MAC_LENGTH);
    }

    /** f3: the cipher key CK (16 octets). */
    public byte[] f3(byte[] rand) {
        return Bytes.xor(out(temp(rand), 4, 2), 0, opc, 0, BLOCK);
    }

    /** f4: the integrity key IK (16 octets). */
    public byte[] f4(byte[] rand) {
        return Bytes.xor(out(temp(rand), 8, 4), 0, opc, 0, BLOCK);
    }

    /** f5: the anonymity key AK (6 octets). */
    public byte[] f5(byte[] rand) {
        return Bytes.xor(out(temp(rand), 0, 1), 0, opc, 0, SQN_LENGTH);
    }

    /** f5*: the anonymity key AK* used to conceal SQN_MS in AUTS (6 octets). */
    public byte[] f5Star(byte[] rand) {
        return Bytes.xor(out(temp(rand), 12, 8), 0, opc, 0, SQN_LENGTH);
    }

    /** f2, f3, f4 and f5 of one RAND, computing TEMP once. */
    ChallengeOutputs f2345(byte[] rand) {
        byte[] temp = temp(rand);
        byte[] out2 = out(temp, 0, 1);
        return new ChallengeOutputs(
                Bytes.xor(out2, MAC_LENGTH, opc, MAC_LENGTH, MAC_LENGTH),
                Bytes.xor(out(temp, 4, 2), 0, opc, 0, BLOCK),
                Bytes.xor(out(temp, 8, 4), 0, opc, 0, BLOCK),
                Bytes.xor(out2, 0, opc, 0, SQN_LENGTH));
    }

    /** RES, CK, IK and AK of one RAND. Package-private: the arrays are handed over, not copied. */
    record ChallengeOutputs(byte[] res, byte[] ck, byte[] ik, byte[] ak) {
    }

    /** TEMP = E_K(RAND ⊕ OPc). */
    private byte[] temp(byte[] rand) {
        Bytes.requireLength("RAND", rand, BLOCK);
        for (int i = 0; i < BLOCK; i++) {
            block[i] = (byte) (rand[i] ^ opc[i]);
        }
        byte[] temp = new byte[BLOCK];
        encrypt(aes, block, temp);
        return temp;
    }

    /**
     * E_K(TEMP ⊕ rot(IN1 ⊕ OPc, r1) ⊕ c1) with IN1 = SQN ‖ AMF ‖ SQN ‖ AMF, r1 = 64 bits, c1 = 0; the caller
     * XORs OPc onto the half it needs. IN1 repeats every 8 octets, so rotating it by 8 leaves it unchanged.
     */
    private byte[] out1(byte[] temp, byte[] sqn, byte[] amf) {
        Bytes.requireLength("SQN", sqn, SQN_LENGTH);
        Bytes.requireLength("AMF", amf, AMF_LENGTH);
        for (int i = 0; i < BLOCK; i++) {
            int half = i & 7;
            byte in1 = half < SQN_LENGTH ? sqn[half] : amf[half - SQN_LENGTH];
            block[i] = (byte) (temp[i] ^ in1 ^ opc[(i + 8) & 15]);
        }
        byte[] out = new byte[BLOCK];
        encrypt(aes, block, out);
        return out;
    }

    /**
     * E_K(rot(TEMP ⊕ OPc, r) ⊕ c) for OUT2..OUT5, with r given in octets (a cyclic left rotation) and c the
     * value of the last octet of the constant; the caller XORs OPc onto the part it needs.
     */
    private byte[] out(byte[] temp, int rotateOctets, int constant) {
        for (int i = 0; i < BLOCK; i++) {
            int from = (i + rotateOctets) & 15;
            block[i] = (byte) (temp[from] ^ opc[from]);
        }
        block[BLOCK - 1] ^= (byte) constant;
        byte[] out = new byte[BLOCK];
        encrypt(aes, block, out);
        return out;
    }

    private static Cipher cipherFor(byte[] k) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"));
            return aes;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 (AES/ECB/NoPadding) is not available in this JDK", e);
        }
    }

    private static void encrypt(Cipher aes, byte[] in, byte[] out) {
        try {
            aes.doFinal(in, 0, BLOCK, out, 0);
        } catch (ShortBufferException | IllegalBlockSizeException | BadPaddingException e) {
            throw new IllegalStateException("AES block encryption failed", e);
        }
    }
}
