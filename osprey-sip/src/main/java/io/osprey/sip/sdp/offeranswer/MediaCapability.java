package io.osprey.sip.sdp.offeranswer;

import io.osprey.sip.sdp.Attribute;
import io.osprey.sip.sdp.Direction;
import java.util.List;

/**
 * What a local endpoint can do for one media type: where it receives (address and port), which transport
 * protocols and codecs it accepts in preference order, the direction it wants, and optional {@code a=ptime},
 * {@code a=rtcp-mux} support (RFC 5761) and extra attributes written as given (for example RFC 3312
 * precondition lines worked out by the caller).
 */
public record MediaCapability(String mediaType, String address, int port, List<String> protocols,
                              List<CodecCapability> codecs, Direction direction, int ptime, boolean rtcpMux,
                              List<Attribute> extraAttributes) {

    public MediaCapability {
        if (mediaType == null || mediaType.isEmpty() || address == null || address.isEmpty()) {
            throw new IllegalArgumentException("media type and address are required");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("local " + mediaType + " port must be 1-65535, was " + port);
        }
        protocols = List.copyOf(protocols);
        codecs = List.copyOf(codecs);
        if (protocols.isEmpty() || codecs.isEmpty()) {
            throw new IllegalArgumentException(mediaType + " capability needs at least one protocol and one codec");
        }
        if (direction == null) {
            throw new IllegalArgumentException(mediaType + " capability needs a direction");
        }
        if (ptime < 0) {
            throw new IllegalArgumentException("ptime must not be negative, was " + ptime);
        }
        extraAttributes = List.copyOf(extraAttributes);
    }

    /** Audio over {@code RTP/AVP} (and {@code RTP/AVPF}, which IMS phones also offer), sendrecv. */
    public static MediaCapability audio(String address, int port, List<CodecCapability> codecs) {
        return new MediaCapability("audio", address, port, List.of("RTP/AVP", "RTP/AVPF"), codecs,
                Direction.SENDRECV, 0, false, List.of());
    }

    public MediaCapability withDirection(Direction newDirection) {
        return new MediaCapability(mediaType, address, port, protocols, codecs, newDirection, ptime, rtcpMux,
                extraAttributes);
    }

    public MediaCapability withPtime(int newPtime) {
        return new MediaCapability(mediaType, address, port, protocols, codecs, direction, newPtime, rtcpMux,
                extraAttributes);
    }

    public MediaCapability withRtcpMux(boolean supported) {
        return new MediaCapability(mediaType, address, port, protocols, codecs, direction, ptime, supported,
                extraAttributes);
    }

    public MediaCapability withProtocols(List<String> newProtocols) {
        return new MediaCapability(mediaType, address, port, newProtocols, codecs, direction, ptime, rtcpMux,
                extraAttributes);
    }

    public MediaCapability withExtraAttributes(List<Attribute> attributes) {
        return new MediaCapability(mediaType, address, port, protocols, codecs, direction, ptime, rtcpMux,
                attributes);
    }

    /** Whether an offered m= line with this media type and protocol can use this capability. */
    public boolean accepts(String offeredMedia, String offeredProto) {
        return mediaType.equals(offeredMedia) && protocols.contains(offeredProto);
    }
}
