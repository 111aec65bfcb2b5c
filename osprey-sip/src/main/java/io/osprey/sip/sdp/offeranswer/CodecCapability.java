package io.osprey.sip.sdp.offeranswer;

import io.osprey.sip.sdp.RtpMap;

/**
 * One RTP payload format a local endpoint can handle: encoding name, clock rate and channel count as in
 * {@code a=rtpmap} (RFC 8866 §6.6). {@code fmtp} is what an offer puts in {@code a=fmtp} for it (null for none);
 * an answer copies the offerer's fmtp instead.
 */
public record CodecCapability(String encodingName, int clockRate, int channels, String fmtp) {

    /** The RFC 4733 encoding name. */
    public static final String TELEPHONE_EVENT = "telephone-event";

    public CodecCapability {
        if (encodingName == null || encodingName.isEmpty()) {
            throw new IllegalArgumentException("codec encoding name is required");
        }
        if (clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("codec " + encodingName + " needs a positive clock rate and channel"
                    + " count, was " + clockRate + "/" + channels);
        }
    }

    /** A mono codec without format parameters. */
    public static CodecCapability of(String encodingName, int clockRate) {
        return new CodecCapability(encodingName, clockRate, 1, null);
    }

    /** RFC 4733 DTMF events 0-15 at {@code clockRate}. */
    public static CodecCapability telephoneEvent(int clockRate) {
        return new CodecCapability(TELEPHONE_EVENT, clockRate, 1, "0-15");
    }

    public CodecCapability withFmtp(String parameters) {
        return new CodecCapability(encodingName, clockRate, channels, parameters);
    }

    public boolean isTelephoneEvent() {
        return encodingName.equalsIgnoreCase(TELEPHONE_EVENT);
    }

    /** Whether an offered payload format is this codec (RFC 8866 §6.6: names compare case-insensitively). */
    public boolean matches(RtpMap offered) {
        return offered.sameEncoding(encodingName, clockRate, channels);
    }

    /** The rtpmap for this codec under {@code payloadType}; channels are written only when not 1. */
    public RtpMap toRtpMap(int payloadType) {
        return new RtpMap(payloadType, encodingName, clockRate, channels == 1 ? 0 : channels);
    }
}
