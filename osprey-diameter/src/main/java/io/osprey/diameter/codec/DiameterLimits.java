package io.osprey.diameter.codec;

import io.osprey.diameter.message.DiameterMessage;

/**
 * Hard limits the decoder enforces before trusting a peer's lengths: the Message Length (checked before any
 * allocation), the total number of AVPs including nested ones, and how many Grouped levels may nest.
 */
public record DiameterLimits(int maxMessageLength, int maxAvpCount, int maxGroupedDepth) {

    /** 64 KiB messages, 1024 AVPs, 8 Grouped levels: far above what Cx, Sh, Rx, Ro and Rf produce. */
    public static final DiameterLimits DEFAULT = new DiameterLimits(64 * 1024, 1024, 8);

    public DiameterLimits {
        if (maxMessageLength < DiameterMessage.HEADER_LENGTH || maxMessageLength > DiameterMessage.MAX_LENGTH) {
            throw new IllegalArgumentException("maxMessageLength must be " + DiameterMessage.HEADER_LENGTH + ".."
                    + DiameterMessage.MAX_LENGTH + ", was " + maxMessageLength);
        }
        if (maxAvpCount < 1) {
            throw new IllegalArgumentException("maxAvpCount must be at least 1, was " + maxAvpCount);
        }
        if (maxGroupedDepth < 0) {
            throw new IllegalArgumentException("maxGroupedDepth must not be negative, was " + maxGroupedDepth);
        }
    }
}
