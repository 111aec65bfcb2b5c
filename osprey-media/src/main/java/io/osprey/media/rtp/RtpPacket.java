package io.osprey.media.rtp;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One RTP data packet (RFC 3550 §5.1): marker, payload type, sequence number, timestamp, SSRC, CSRC list, optional
 * header extension (§5.3.1), payload and padding length. The version is always 2. 32-bit fields are held as
 * unsigned values in a {@code long}. Immutable: arrays are copied in and out. Wire form: {@link RtpPacketCodec}.
 */
public final class RtpPacket {

    /** The only RTP version (RFC 3550 §5.1). */
    public static final int VERSION = 2;
    /** Octets of the fixed header, before CSRCs. */
    public static final int FIXED_HEADER_LENGTH = 12;
    /** CC is 4 bits. */
    public static final int MAX_CSRC_COUNT = 15;
    /** Padding length counts the count octet itself, so 1..255 when present. */
    public static final int MAX_PADDING_LENGTH = 255;

    private static final long[] NO_CSRCS = new long[0];

    private final boolean marker;
    private final int payloadType;
    private final int sequenceNumber;
    private final long timestamp;
    private final long ssrc;
    private final long[] csrcs;
    private final RtpHeaderExtension extension;
    private final byte[] payload;
    private final int paddingLength;

    /**
     * @param paddingLength 0 for no padding (P clear), else the number of padding octets including the count
     *                      octet, 1..255
     * @param extension     the header extension, or null for none (X clear)
     * @throws IllegalArgumentException when a field is out of its range
     */
    public RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc, long[] csrcs,
                     RtpHeaderExtension extension, byte[] payload, int paddingLength) {
        requireRange("payload type", payloadType, 0x7F);
        requireRange("sequence number", sequenceNumber, 0xFFFF);
        requireRange("timestamp", timestamp, 0xFFFF_FFFFL);
        requireRange("SSRC", ssrc, 0xFFFF_FFFFL);
        Objects.requireNonNull(csrcs, "csrcs");
        if (csrcs.length > MAX_CSRC_COUNT) {
            throw new IllegalArgumentException("CSRC count " + csrcs.length + " exceeds " + MAX_CSRC_COUNT);
        }
        for (long csrc : csrcs) {
            requireRange("CSRC", csrc, 0xFFFF_FFFFL);
        }
        requireRange("padding length", paddingLength, MAX_PADDING_LENGTH);
        this.marker = marker;
        this.payloadType = payloadType;
        this.sequenceNumber = sequenceNumber;
        this.timestamp = timestamp;
        this.ssrc = ssrc;
        this.csrcs = csrcs.length == 0 ? NO_CSRCS : csrcs.clone();
        this.extension = extension;
        this.payload = Objects.requireNonNull(payload, "payload").clone();
        this.paddingLength = paddingLength;
    }

    /** A plain packet: no CSRCs, extension or padding. */
    public static RtpPacket of(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
                               byte[] payload) {
        return new RtpPacket(marker, payloadType, sequenceNumber, timestamp, ssrc, NO_CSRCS, null, payload, 0);
    }

    private static void requireRange(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is not in 0.." + max);
        }
    }

    /** M: profile-defined; for audio (RFC 3551 §4.1) the first packet of a talkspurt. */
    public boolean marker() {
        return marker;
    }

    /** PT, 0..127. */
    public int payloadType() {
        return payloadType;
    }

    /** 16-bit sequence number. */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /** 32-bit media timestamp, unsigned. */
    public long timestamp() {
        return timestamp;
    }

    /** Synchronisation source, unsigned 32-bit. */
    public long ssrc() {
        return ssrc;
    }

    /** A copy of the contributing sources, 0..15 of them. */
    public long[] csrcs() {
        return csrcs.length == 0 ? NO_CSRCS : csrcs.clone();
    }

    /** CC. */
    public int csrcCount() {
        return csrcs.length;
    }

    long csrcAt(int index) {
        return csrcs[index];
    }

    /** The header extension, when X is set. */
    public Optional<RtpHeaderExtension> extension() {
        return Optional.ofNullable(extension);
    }

    /** A copy of the payload, without padding. */
    public byte[] payload() {
        return payload.clone();
    }

    /** Payload length in octets, without padding. */
    public int payloadLength() {
        return payload.length;
    }

    /** 0 when P is clear, else padding octets including the trailing count octet. */
    public int paddingLength() {
        return paddingLength;
    }

    /** P. */
    public boolean hasPadding() {
        return paddingLength > 0;
    }

    /** Octets on the wire. */
    public int encodedLength() {
        int length = FIXED_HEADER_LENGTH + 4 * csrcs.length + payload.length + paddingLength;
        return extension == null ? length : length + 4 + extension.dataLength();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtpPacket other
                && marker == other.marker
                && payloadType == other.payloadType
                && sequenceNumber == other.sequenceNumber
                && timestamp == other.timestamp
                && ssrc == other.ssrc
                && paddingLength == other.paddingLength
                && Arrays.equals(csrcs, other.csrcs)
                && Objects.equals(extension, other.extension)
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(marker, payloadType, sequenceNumber, timestamp, ssrc, paddingLength, extension);
        h = 31 * h + Arrays.hashCode(csrcs);
        return 31 * h + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp + ", ssrc=0x"
                + Long.toHexString(ssrc) + (marker ? ", M" : "") + (csrcs.length > 0 ? ", cc=" + csrcs.length : "")
                + (extension != null ? ", X" : "") + ", payload=" + payload.length
                + (paddingLength > 0 ? ", padding=" + paddingLength : "") + "]";
    }
}
