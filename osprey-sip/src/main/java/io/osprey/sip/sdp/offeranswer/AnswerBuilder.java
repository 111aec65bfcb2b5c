package io.osprey.sip.sdp.offeranswer;

import io.osprey.sip.sdp.Attribute;
import io.osprey.sip.sdp.Connection;
import io.osprey.sip.sdp.Direction;
import io.osprey.sip.sdp.Fmtp;
import io.osprey.sip.sdp.MediaDescription;
import io.osprey.sip.sdp.RtpMap;
import io.osprey.sip.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an SDP answer to an offer (RFC 3264 §6). The answer has the offer's {@code t=} line and exactly as many
 * m= lines in the same order (§6). A stream is rejected with port 0 and the offered formats (§6) when the offer
 * already disabled it, when no local capability takes its media type and protocol, or when no codec is common.
 * Accepted streams keep the offerer's payload type numbers and fmtp (§6.1), add RFC 4733 telephone-event when
 * both sides support it at the clock rate of a chosen codec, and answer the direction per §6.1
 * ({@code sendonly} becomes {@code recvonly}, ...), treating an RFC 2543 {@code c=0.0.0.0} hold as an offerer that
 * does not receive (§8.4).
 */
public final class AnswerBuilder {

    private AnswerBuilder() {
    }

    public static SessionDescription answer(SessionDescription offer, LocalCapabilities local) {
        List<MediaDescription> answered = new ArrayList<>(offer.media().size());
        String sessionAddress = null;
        for (MediaDescription offered : offer.media()) {
            MediaCapability capability = offered.isRejected() ? null
                    : local.capabilityFor(offered.media(), offered.proto());
            List<String> formats = capability == null ? List.of()
                    : chooseFormats(offered, capability, local.codecSelection());
            if (formats.isEmpty()) {
                answered.add(rejected(offered));
                continue;
            }
            if (sessionAddress == null) {
                sessionAddress = capability.address();
            }
            answered.add(accepted(offer, offered, capability, formats, sessionAddress));
        }
        SessionDescription.Builder answer = SessionDescription.builder(local.origin())
                .connection(Connection.of(sessionAddress != null ? sessionAddress : local.origin().address()));
        offer.timings().forEach(answer::timing);
        answered.forEach(answer::media);
        return answer.build();
    }

    /** The offered formats to answer with, in the offerer's order; empty when no codec is common. */
    static List<String> chooseFormats(MediaDescription offered, MediaCapability capability, CodecSelection selection) {
        List<String> chosen = new ArrayList<>();
        List<Integer> chosenRates = new ArrayList<>();
        for (String format : offered.formats()) {
            RtpMap map = offered.rtpMap(format);
            if (map == null || isTelephoneEvent(map) || !supports(capability, map)) {
                continue;
            }
            chosen.add(format);
            chosenRates.add(map.clockRate());
            if (selection == CodecSelection.FIRST_COMMON) {
                break;
            }
        }
        if (chosen.isEmpty()) {
            return chosen;
        }
        for (String format : offered.formats()) {
            RtpMap map = offered.rtpMap(format);
            if (map != null && isTelephoneEvent(map) && supports(capability, map)
                    && chosenRates.contains(map.clockRate())) {
                chosen.add(format);
            }
        }
        return chosen;
    }

    private static boolean isTelephoneEvent(RtpMap map) {
        return map.encodingName().equalsIgnoreCase(CodecCapability.TELEPHONE_EVENT);
    }

    private static boolean supports(MediaCapability capability, RtpMap offered) {
        for (CodecCapability codec : capability.codecs()) {
            if (codec.matches(offered)) {
                return true;
            }
        }
        return false;
    }

    private static MediaDescription rejected(MediaDescription offered) {
        MediaDescription.Builder rejected = MediaDescription.builder(offered.media(), 0, offered.proto());
        offered.formats().forEach(rejected::format);
        return rejected.build();
    }

    private static MediaDescription accepted(SessionDescription offer, MediaDescription offered,
                                             MediaCapability capability, List<String> formats, String sessionAddress) {
        MediaDescription.Builder media = MediaDescription.builder(offered.media(), capability.port(), offered.proto());
        formats.forEach(media::format);
        if (!capability.address().equals(sessionAddress)) {
            media.connection(Connection.of(capability.address()));
        }
        for (String format : formats) {
            media.attribute(offered.rtpMap(format).toAttribute());
            Fmtp fmtp = offered.fmtp(format);
            if (fmtp != null) {
                media.attribute(fmtp.toAttribute());
            }
        }
        if (capability.ptime() > 0) {
            media.attribute(Attribute.of("ptime", Integer.toString(capability.ptime())));
        }
        if (capability.rtcpMux() && offered.isRtcpMux()) {
            media.attribute(Attribute.property("rtcp-mux"));
        }
        if (offered.mid() != null) {
            media.attribute(Attribute.of("mid", offered.mid()));
        }
        Direction direction = OfferAnswer.answerDirection(OfferAnswer.offeredDirection(offer, offered),
                capability.direction());
        media.attribute(direction.toAttribute());
        capability.extraAttributes().forEach(media::attribute);
        return media.build();
    }
}
