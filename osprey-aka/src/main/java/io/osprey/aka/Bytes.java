package io.osprey.aka;

import java.security.MessageDigest;
import java.util.HexFormat;

/** Small octet-string helpers shared by the AKA classes: length checks with named fields, XOR, comparison. */
final class Bytes {

    private static final HexFormat HEX = HexFormat.of();

    private Bytes() {
    }

    /** Returns a copy of {@code value} after checking it is exactly {@code length} octets. */
    static byte[] copyOfLength(String field, byte[] value, int length) {
        requireLength(field, value, length);
        return value.clone();
    }

    /** Throws an {@link IllegalArgumentException} naming {@code field} unless it is exactly {@code length} octets. */
    static void requireLength(String field, byte[] value, int length) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be " + length + " octets, was null");
        }
        if (value.length != length) {
            throw new IllegalArgumentException(
                    field + " must be " + length + " octets, was " + value.length + " octets");
        }
    }

    /** Throws an {@link IllegalArgumentException} naming {@code field} unless its length is within the bounds. */
    static void requireLengthBetween(String field, byte[] value, int min, int max) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must be " + min + " to " + max + " octets, was null");
        }
        if (value.length < min || value.length > max) {
            throw new IllegalArgumentException(
                    field + " must be " + min + " to " + max + " octets, was " + value.length + " octets");
        }
    }

    /** {@code a[aOffset..] XOR b[bOffset..]} over {@code length} octets, as a new array. */
    static byte[] xor(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (a[aOffset + i] ^ b[bOffset + i]);
        }
        return out;
    }

    /** Comparison whose time does not depend on where the first difference is. */
    static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static String hex(byte[] value) {
        return HEX.formatHex(value);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
