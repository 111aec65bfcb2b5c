package io.osprey.media.rtp;

import java.util.Objects;

/**
 * An RTP datagram that {@link RtpPacketCodec} refuses, naming the {@link RtpHeaderField} at fault; the message
 * gives the value found and the limit. Unchecked, like the other Osprey decode errors: a receiver counts and drops
 * the datagram.
 */
public final class RtpDecodeException extends RuntimeException {

    private final RtpHeaderField field;

    public RtpDecodeException(RtpHeaderField field, String message) {
        super(Objects.requireNonNull(field, "field") + ": " + message);
        this.field = field;
    }

    /** The field that made the packet invalid. */
    public RtpHeaderField field() {
        return field;
    }
}
