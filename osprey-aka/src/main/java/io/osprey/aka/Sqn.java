package io.osprey.aka;

/**
 * The 48-bit sequence number SQN of 3GPP TS 33.102 §6.3.2 and Annex C, carried as an unsigned value in a
 * {@code long} and as 6 big-endian octets in AUTN and AUTS. How SQN splits into SEQ ‖ IND is the business of
 * {@link SqnScheme}; this class only converts and checks the range.
 */
public final class Sqn {

    /** Bits in an SQN. */
    public static final int BITS = 48;
    /** The largest SQN, 2^48 − 1. */
    public static final long MAX = (1L << BITS) - 1;

    private Sqn() {
    }

    /** Throws an {@link IllegalArgumentException} naming {@code field} unless {@code sqn} is in 0..2^48−1. */
    public static long requireValid(String field, long sqn) {
        if (sqn < 0 || sqn > MAX) {
            throw new IllegalArgumentException(field + " must be within 0.." + MAX + " (48 bits), was " + sqn);
        }
        return sqn;
    }

    /** The 6 big-endian octets of {@code sqn}. */
    public static byte[] toBytes(long sqn) {
        requireValid("SQN", sqn);
        byte[] out = new byte[Milenage.SQN_LENGTH];
        for (int i = Milenage.SQN_LENGTH - 1; i >= 0; i--) {
            out[i] = (byte) sqn;
            sqn >>>= 8;
        }
        return out;
    }

    /** The value of 6 big-endian octets. */
    public static long fromBytes(byte[] octets) {
        Bytes.requireLength("SQN", octets, Milenage.SQN_LENGTH);
        return fromBytes(octets, 0);
    }

    /** The value of the 6 big-endian octets at {@code offset}. */
    static long fromBytes(byte[] octets, int offset) {
        long value = 0;
        for (int i = 0; i < Milenage.SQN_LENGTH; i++) {
            value = (value << 8) | (octets[offset + i] & 0xFF);
        }
        return value;
    }

    /** Twelve lower-case hex digits, as SQNs are written in test data and logs. */
    public static String toHex(long sqn) {
        return Bytes.hex(toBytes(sqn));
    }
}
