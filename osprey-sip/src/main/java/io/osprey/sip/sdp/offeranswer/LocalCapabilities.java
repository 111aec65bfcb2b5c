package io.osprey.sip.sdp.offeranswer;

import io.osprey.sip.sdp.Origin;
import java.util.List;

/**
 * Everything an endpoint needs to write its side of an offer/answer exchange (RFC 3264): its {@code o=} line
 * (the caller owns the session id and version, see {@link OfferAnswer#nextVersion}), one
 * {@link MediaCapability} per media type in preference order, and how many common codecs to answer with.
 */
public record LocalCapabilities(Origin origin, List<MediaCapability> media, CodecSelection codecSelection) {

    public LocalCapabilities {
        if (origin == null || codecSelection == null) {
            throw new IllegalArgumentException("origin and codec selection are required");
        }
        media = List.copyOf(media);
    }

    /** The first capability that accepts an offered media type and protocol, or null. */
    public MediaCapability capabilityFor(String offeredMedia, String offeredProto) {
        for (MediaCapability capability : media) {
            if (capability.accepts(offeredMedia, offeredProto)) {
                return capability;
            }
        }
        return null;
    }
}
