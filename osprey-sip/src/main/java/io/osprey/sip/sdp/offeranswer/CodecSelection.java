package io.osprey.sip.sdp.offeranswer;

/** How many of the codecs both sides support an answer lists (RFC 3264 §6.1 allows any non-empty subset). */
public enum CodecSelection {
    /** Every common codec, in the offerer's order. */
    ALL_COMMON,
    /**
     * Only the offerer's most preferred common codec, plus a matching telephone-event: the usual IMS answer
     * (one speech codec configuration per stream).
     */
    FIRST_COMMON
}
