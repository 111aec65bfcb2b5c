package io.osprey.media.rtp;

/** The parts of an RTP packet (RFC 3550 §5.1, §5.3.1) that {@link RtpPacketCodec} can reject, named in errors. */
public enum RtpHeaderField {
    /** The datagram as a whole: shorter than the fixed header or longer than the limit. */
    LENGTH,
    /** V, the two high bits of octet 0; must be 2. */
    VERSION,
    /** CC, the CSRC count, and the CSRC list it announces. */
    CSRC_COUNT,
    /** The header extension (§5.3.1): its 4-octet header and its length in 32-bit words. */
    EXTENSION_LENGTH,
    /** P, and the padding count in the last octet. */
    PADDING,
    /** PT; values that collide with RTCP packet types when multiplexed are refused. */
    PAYLOAD_TYPE
}
