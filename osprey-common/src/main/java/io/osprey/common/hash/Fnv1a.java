package io.osprey.common.hash;

/**
 * 64-bit FNV-1a (Fowler/Noll/Vo, draft-eastlake-fnv) over a sequence of fields, for fingerprints that must be cheap
 * and allocation-free on the hot path (loop detection, stateless To tags); not for anything an attacker must not be
 * able to forge. Each field ends with a separator byte, so that field boundaries count: ("ab", "c") and ("a", "bc")
 * hash differently. Characters are folded in whole (one step per UTF-16 unit), which is enough for a fingerprint.
 */
public final class Fnv1a {

    /** The FNV-1a 64-bit offset basis: the hash of no fields. */
    public static final long START = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final int SEPARATOR = 0x1f;

    private Fnv1a() {
    }

    /** {@code hash} with the field {@code value} folded in; null is an empty field. */
    public static long mix(long hash, CharSequence value) {
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                hash ^= value.charAt(i);
                hash *= PRIME;
            }
        }
        return endField(hash);
    }

    /** {@code hash} with the decimal digits of {@code number} (non-negative) folded in as one field, no string made. */
    public static long mixDigits(long hash, long number) {
        long divisor = 1;
        while (number / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            hash ^= '0' + (number / divisor) % 10;
            hash *= PRIME;
        }
        return endField(hash);
    }

    private static long endField(long hash) {
        hash ^= SEPARATOR;
        return hash * PRIME;
    }
}
