package io.osprey.diameter.message;

import java.time.Instant;

/**
 * Byte-level helpers for AVP data formats (RFC 6733 §4.2, §4.3.1): big-endian reads, UTF-8 and
 * DiameterIdentity checks, and the NTP-seconds conversion of the Time format with its 2036 rollover.
 */
public final class AvpData {

    /** Seconds from 1900-01-01T00:00Z (NTP epoch) to 1970-01-01T00:00Z. */
    public static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;
    /** Earliest Time value: NTP era 0 with the top bit set, 1968-01-20T03:14:08Z. */
    public static final Instant TIME_MIN = Instant.ofEpochSecond(0x8000_0000L - NTP_TO_UNIX_SECONDS);
    /** Latest Time value: NTP era 1 without the top bit, 2104-02-26T09:42:23Z. */
    public static final Instant TIME_MAX = Instant.ofEpochSecond(0x1_7FFF_FFFFL - NTP_TO_UNIX_SECONDS);

    private AvpData() {
    }

    public static int readInt(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 24 | (b[offset + 1] & 0xFF) << 16 | (b[offset + 2] & 0xFF) << 8 | (b[offset + 3] & 0xFF);
    }

    public static long readLong(byte[] b, int offset) {
        return (readInt(b, offset) & 0xFFFF_FFFFL) << 32 | (readInt(b, offset + 4) & 0xFFFF_FFFFL);
    }

    /** Unsigned 24-bit big-endian value. */
    public static int readUnsignedMedium(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 16 | (b[offset + 1] & 0xFF) << 8 | (b[offset + 2] & 0xFF);
    }

    static void writeInt(byte[] b, int offset, int value) {
        b[offset] = (byte) (value >>> 24);
        b[offset + 1] = (byte) (value >>> 16);
        b[offset + 2] = (byte) (value >>> 8);
        b[offset + 3] = (byte) value;
    }

    static void writeLong(byte[] b, int offset, long value) {
        writeInt(b, offset, (int) (value >>> 32));
        writeInt(b, offset + 4, (int) value);
    }

    /**
     * Converts a Time AVP value to an instant. RFC 6733 §4.3.1 requires the SNTP extension (RFC 4330 §3):
     * values with the top bit clear are in NTP era 1 (from 2036-02-07T06:28:16Z), the others in era 0.
     */
    public static Instant ntpSecondsToInstant(long ntpSeconds) {
        long seconds = ntpSeconds & 0xFFFF_FFFFL;
        long sinceNtpEpoch = (seconds & 0x8000_0000L) != 0 ? seconds : seconds + 0x1_0000_0000L;
        return Instant.ofEpochSecond(sinceNtpEpoch - NTP_TO_UNIX_SECONDS);
    }

    /** The 32-bit NTP seconds of {@code instant} (fractions dropped); inverse of {@link #ntpSecondsToInstant}. */
    public static int instantToNtpSeconds(Instant instant) {
        if (instant.isBefore(TIME_MIN) || instant.getEpochSecond() > TIME_MAX.getEpochSecond()) {
            throw new IllegalArgumentException("Time value " + instant + " is outside the representable range "
                    + TIME_MIN + ".." + TIME_MAX);
        }
        return (int) (instant.getEpochSecond() + NTP_TO_UNIX_SECONDS);
    }

    /**
     * Whether {@code length} bytes at {@code offset} are well-formed UTF-8 (RFC 3629: shortest form, no
     * surrogates, at most U+10FFFF).
     */
    public static boolean isValidUtf8(byte[] b, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int lead = b[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int trailing;
            int min;
            if (lead >= 0xC2 && lead <= 0xDF) {
                trailing = 1;
                min = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                trailing = 2;
                min = 0x800;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                trailing = 3;
                min = 0x1_0000;
            } else {
                return false;
            }
            if (i + trailing >= end) {
                return false;
            }
            int codePoint = lead & (0x3F >> trailing);
            for (int k = 1; k <= trailing; k++) {
                int next = b[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = codePoint << 6 | (next & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10_FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return false;
            }
            i += trailing + 1;
        }
        return true;
    }

    /**
     * Whether the bytes form a plausible DiameterIdentity (RFC 6733 §4.3.1): a non-empty FQDN or realm in
     * ASCII form, so printable ASCII without spaces.
     */
    public static boolean isValidDiameterIdentity(byte[] b, int offset, int length) {
        if (length == 0) {
            return false;
        }
        for (int i = offset; i < offset + length; i++) {
            if (b[i] < 0x21 || b[i] > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isValidDiameterIdentity(byte[], int, int)} for a string. */
    public static boolean isValidDiameterIdentity(String identity) {
        if (identity.isEmpty()) {
            return false;
        }
        for (int i = 0; i < identity.length(); i++) {
            char c = identity.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
