package io.osprey.media.rtp;

import java.nio.ByteBuffer;

/**
 * Encodes and decodes RTP data packets (RFC 3550 §5.1), one per UDP datagram. Decoding applies the validity checks
 * of RFC 3550 Appendix A.1 that need no per-source state: version 2; CSRC list, header extension (§5.3.1) and
 * padding count all inside the datagram; and a second octet outside 192..223, the range RFC 5761 §4 reserves for
 * RTCP when both share a port (so an RTCP SR or RR is never taken for RTP). A datagram longer than
 * {@link #MAX_PACKET_LENGTH} is refused before any field is read. Errors are {@link RtpDecodeException}s naming the
 * field, the value and the limit.
 */
public final class RtpPacketCodec {

    /** Longest datagram accepted; above any path MTU without jumbo frames, far above a 20 ms G.711 packet. */
    public static final int MAX_PACKET_LENGTH = 8192;

    private static final int RTCP_SECOND_OCTET_MIN = 192;
    private static final int RTCP_SECOND_OCTET_MAX = 223;

    private RtpPacketCodec() {
    }

    /** Decodes a whole datagram. */
    public static RtpPacket decode(byte[] datagram) {
        return decode(ByteBuffer.wrap(datagram));
    }

    /**
     * Decodes the datagram between the buffer's position and limit. On success the position moves to the limit; on
     * failure it is left unchanged.
     *
     * @throws RtpDecodeException when the datagram is not a valid RTP packet
     */
    public static RtpPacket decode(ByteBuffer datagram) {
        int start = datagram.position();
        int length = datagram.remaining();
        if (length > MAX_PACKET_LENGTH) {
            throw new RtpDecodeException(RtpHeaderField.LENGTH,
                    "datagram is " + length + " octets, limit " + MAX_PACKET_LENGTH);
        }
        if (length < RtpPacket.FIXED_HEADER_LENGTH) {
            throw new RtpDecodeException(RtpHeaderField.LENGTH, "datagram is " + length
                    + " octets, shorter than the " + RtpPacket.FIXED_HEADER_LENGTH + "-octet fixed header");
        }
        int octet0 = datagram.get(start) & 0xFF;
        int version = octet0 >>> 6;
        if (version != RtpPacket.VERSION) {
            throw new RtpDecodeException(RtpHeaderField.VERSION, "version is " + version + ", must be 2");
        }
        int octet1 = datagram.get(start + 1) & 0xFF;
        if (octet1 >= RTCP_SECOND_OCTET_MIN && octet1 <= RTCP_SECOND_OCTET_MAX) {
            throw new RtpDecodeException(RtpHeaderField.PAYLOAD_TYPE, "marker with payload type " + (octet1 & 0x7F)
                    + " reads as RTCP packet type " + octet1 + " (RFC 5761 §4 reserves 192..223)");
        }
        int csrcCount = octet0 & 0x0F;
        int offset = RtpPacket.FIXED_HEADER_LENGTH + 4 * csrcCount;
        if (offset > length) {
            throw new RtpDecodeException(RtpHeaderField.CSRC_COUNT, "CC " + csrcCount + " needs " + offset
                    + " header octets, datagram is " + length);
        }
        long[] csrcs = new long[csrcCount];
        for (int i = 0; i < csrcCount; i++) {
            csrcs[i] = Integer.toUnsignedLong(datagram.getInt(start + RtpPacket.FIXED_HEADER_LENGTH + 4 * i));
        }
        RtpHeaderExtension extension = null;
        if ((octet0 & 0x10) != 0) {
            if (offset + 4 > length) {
                throw new RtpDecodeException(RtpHeaderField.EXTENSION_LENGTH, "X is set but only "
                        + (length - offset) + " octets follow the CSRC list, the extension header needs 4");
            }
            int profile = datagram.getShort(start + offset) & 0xFFFF;
            int words = datagram.getShort(start + offset + 2) & 0xFFFF;
            int dataLength = 4 * words;
            if (offset + 4 + dataLength > length) {
                throw new RtpDecodeException(RtpHeaderField.EXTENSION_LENGTH, "extension of " + words
                        + " words needs " + dataLength + " octets, " + (length - offset - 4) + " remain");
            }
            byte[] data = new byte[dataLength];
            datagram.get(start + offset + 4, data);
            extension = new RtpHeaderExtension(profile, data);
            offset += 4 + dataLength;
        }
        int paddingLength = 0;
        if ((octet0 & 0x20) != 0) {
            if (offset == length) {
                throw new RtpDecodeException(RtpHeaderField.PADDING, "P is set but no octet follows the header");
            }
            paddingLength = datagram.get(start + length - 1) & 0xFF;
            if (paddingLength == 0 || paddingLength > length - offset) {
                throw new RtpDecodeException(RtpHeaderField.PADDING, "padding count is " + paddingLength
                        + ", must be 1.." + (length - offset) + " (the octets after the header)");
            }
        }
        byte[] payload = new byte[length - offset - paddingLength];
        datagram.get(start + offset, payload);
        RtpPacket packet = new RtpPacket((octet1 & 0x80) != 0, octet1 & 0x7F, datagram.getShort(start + 2) & 0xFFFF,
                Integer.toUnsignedLong(datagram.getInt(start + 4)), Integer.toUnsignedLong(datagram.getInt(start + 8)),
                csrcs, extension, payload, paddingLength);
        datagram.position(start + length);
        return packet;
    }

    /** The packet's wire form. Padding octets are zero except the last, which holds the count. */
    public static byte[] encode(RtpPacket packet) {
        byte[] out = new byte[packet.encodedLength()];
        encode(packet, ByteBuffer.wrap(out));
        return out;
    }

    /**
     * Writes the packet at the buffer's position and advances it.
     *
     * @throws java.nio.BufferOverflowException when fewer than {@link RtpPacket#encodedLength()} octets remain
     */
    public static void encode(RtpPacket packet, ByteBuffer out) {
        int length = packet.encodedLength();
        if (out.remaining() < length) {
            throw new java.nio.BufferOverflowException();
        }
        RtpHeaderExtension extension = packet.extension().orElse(null);
        int octet0 = RtpPacket.VERSION << 6 | (packet.hasPadding() ? 0x20 : 0) | (extension != null ? 0x10 : 0)
                | packet.csrcCount();
        out.put((byte) octet0);
        out.put((byte) ((packet.marker() ? 0x80 : 0) | packet.payloadType()));
        out.putShort((short) packet.sequenceNumber());
        out.putInt((int) packet.timestamp());
        out.putInt((int) packet.ssrc());
        for (int i = 0; i < packet.csrcCount(); i++) {
            out.putInt((int) packet.csrcAt(i));
        }
        if (extension != null) {
            out.putShort((short) extension.profile());
            out.putShort((short) (extension.dataLength() / 4));
            out.put(extension.data());
        }
        out.put(packet.payload());
        if (packet.hasPadding()) {
            for (int i = 1; i < packet.paddingLength(); i++) {
                out.put((byte) 0);
            }
            out.put((byte) packet.paddingLength());
        }
    }
}
