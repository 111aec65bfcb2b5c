package io.osprey.media.rtp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The RTP header extension (RFC 3550 §5.3.1): a 16-bit profile-defined value and a body of whole 32-bit words.
 * The codec does not interpret it (RFC 8285 element parsing is the business of whoever negotiated it); it keeps
 * it so that a decoded packet encodes back unchanged. Immutable: the body is copied in and out.
 */
public final class RtpHeaderExtension {

    /** Longest body: the 16-bit length counts 32-bit words. */
    public static final int MAX_DATA_LENGTH = 0xFFFF * 4;

    private final int profile;
    private final byte[] data;

    /**
     * @param profile the 16-bit "defined by profile" field
     * @param data    the body; its length must be a multiple of 4 and at most {@link #MAX_DATA_LENGTH}
     */
    public RtpHeaderExtension(int profile, byte[] data) {
        if (profile < 0 || profile > 0xFFFF) {
            throw new IllegalArgumentException("extension profile " + profile + " is not in 0..65535");
        }
        if (data.length % 4 != 0 || data.length > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("extension body is " + data.length
                    + " octets; it must be whole 32-bit words, at most " + MAX_DATA_LENGTH + " octets");
        }
        this.profile = profile;
        this.data = data.clone();
    }

    /** The 16-bit profile-defined value (e.g. 0xBEDE for RFC 8285 one-byte elements). */
    public int profile() {
        return profile;
    }

    /** A copy of the body. */
    public byte[] data() {
        return data.clone();
    }

    /** Body length in octets, a multiple of 4. */
    public int dataLength() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpHeaderExtension other && profile == other.profile && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * profile + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RtpHeaderExtension[profile=0x" + Integer.toHexString(profile) + ", data="
                + HexFormat.of().formatHex(data) + "]";
    }
}
