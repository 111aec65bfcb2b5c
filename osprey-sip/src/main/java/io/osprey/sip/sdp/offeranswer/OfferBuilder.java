package io.osprey.sip.sdp.offeranswer;

import io.osprey.sip.sdp.Attribute;
import io.osprey.sip.sdp.Connection;
import io.osprey.sip.sdp.Fmtp;
import io.osprey.sip.sdp.MediaDescription;
import io.osprey.sip.sdp.SessionDescription;
import io.osprey.sip.sdp.StaticPayloadTypes;

/**
 * Builds an initial SDP offer (RFC 3264 §5) from local capabilities: one m= line per {@link MediaCapability} with
 * its first protocol, its codecs in preference order under their RFC 3551 static payload type when they have one
 * and otherwise dynamic types from 96 up (§5.1), an rtpmap for every format, fmtp where given, and the wanted
 * direction.
 */
public final class OfferBuilder {

    private static final int FIRST_DYNAMIC_PAYLOAD_TYPE = 96;

    private OfferBuilder() {
    }

    public static SessionDescription offer(LocalCapabilities local) {
        String sessionAddress = local.media().isEmpty() ? local.origin().address() : local.media().get(0).address();
        SessionDescription.Builder offer = SessionDescription.builder(local.origin())
                .connection(Connection.of(sessionAddress));
        for (MediaCapability capability : local.media()) {
            offer.media(media(capability, sessionAddress));
        }
        return offer.build();
    }

    private static MediaDescription media(MediaCapability capability, String sessionAddress) {
        MediaDescription.Builder media = MediaDescription.builder(capability.mediaType(), capability.port(),
                capability.protocols().get(0));
        if (!capability.address().equals(sessionAddress)) {
            media.connection(Connection.of(capability.address()));
        }
        int nextDynamic = FIRST_DYNAMIC_PAYLOAD_TYPE;
        for (CodecCapability codec : capability.codecs()) {
            int payloadType = StaticPayloadTypes.find(codec.encodingName(), codec.clockRate(), codec.channels());
            if (payloadType < 0) {
                if (nextDynamic > 127) {
                    throw new IllegalArgumentException("more than 32 dynamic payload types in one "
                            + capability.mediaType() + " offer");
                }
                payloadType = nextDynamic++;
            }
            String format = Integer.toString(payloadType);
            media.format(format);
            media.attribute(codec.toRtpMap(payloadType).toAttribute());
            if (codec.fmtp() != null) {
                media.attribute(new Fmtp(format, codec.fmtp()).toAttribute());
            }
        }
        if (capability.ptime() > 0) {
            media.attribute(Attribute.of("ptime", Integer.toString(capability.ptime())));
        }
        if (capability.rtcpMux()) {
            media.attribute(Attribute.property("rtcp-mux"));
        }
        media.attribute(capability.direction().toAttribute());
        capability.extraAttributes().forEach(media::attribute);
        return media.build();
    }
}
