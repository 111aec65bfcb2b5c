package io.osprey.sip.sdp.offeranswer;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.sdp.Attribute;
import io.osprey.sip.sdp.Direction;
import io.osprey.sip.sdp.MediaDescription;
import io.osprey.sip.sdp.Origin;
import io.osprey.sip.sdp.SdpParser;
import io.osprey.sip.sdp.SessionDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferAnswerTest {

    private static final SdpParser STRICT = SdpParser.strict();
    private static final Origin ORIGIN = Origin.of("osprey", "2890844526", "2890844526", "192.0.2.50");

    private static LocalCapabilities caps(MediaCapability... media) {
        return new LocalCapabilities(ORIGIN, List.of(media), CodecSelection.ALL_COMMON);
    }

    @Test
    void initialOfferUsesStaticTypesWhereTheyExistAndDynamicOtherwise() {
        SessionDescription offer = OfferBuilder.offer(caps(MediaCapability.audio("192.0.2.50", 40000, List.of(
                CodecCapability.of("AMR-WB", 16000).withFmtp("mode-change-capability=2"),
                CodecCapability.of("PCMU", 8000),
                CodecCapability.of("PCMA", 8000),
                CodecCapability.telephoneEvent(16000))).withPtime(20)));

        assertThat(offer.toString()).isEqualTo("v=0\r\n"
                + "o=osprey 2890844526 2890844526 IN IP4 192.0.2.50\r\n"
                + "s=-\r\n"
                + "c=IN IP4 192.0.2.50\r\n"
                + "t=0 0\r\n"
                + "m=audio 40000 RTP/AVP 96 0 8 97\r\n"
                + "a=rtpmap:96 AMR-WB/16000\r\n"
                + "a=fmtp:96 mode-change-capability=2\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:97 telephone-event/16000\r\n"
                + "a=fmtp:97 0-15\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n");
        assertThat(STRICT.parse(offer.toString())).isEqualTo(offer);
    }

    @Test
    void offerAnsweredByTheSameCapabilitiesAcceptsEverything() {
        LocalCapabilities local = caps(MediaCapability.audio("192.0.2.50", 40000,
                List.of(CodecCapability.of("PCMU", 8000), CodecCapability.telephoneEvent(8000))));
        SessionDescription answer = AnswerBuilder.answer(OfferBuilder.offer(local), local);
        assertThat(answer.media().get(0).formats()).containsExactly("0", "96");
        assertThat(answer.media().get(0).direction()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void nextVersionKeepsAnUnchangedDescriptionAndIncrementsAChangedOne() {
        SessionDescription first = OfferBuilder.offer(caps(MediaCapability.audio("192.0.2.50", 40000,
                List.of(CodecCapability.of("PCMU", 8000)))));

        SessionDescription rebuilt = OfferBuilder.offer(new LocalCapabilities(ORIGIN.withSessionVersion("999"),
                List.of(MediaCapability.audio("192.0.2.50", 40000, List.of(CodecCapability.of("PCMU", 8000)))),
                CodecSelection.ALL_COMMON));
        assertThat(OfferAnswer.nextVersion(first, rebuilt)).isSameAs(first);

        SessionDescription moved = OfferBuilder.offer(caps(MediaCapability.audio("192.0.2.50", 40002,
                List.of(CodecCapability.of("PCMU", 8000)))));
        SessionDescription second = OfferAnswer.nextVersion(first, moved);
        assertThat(second.origin().sessionVersion()).isEqualTo("2890844527");
        assertThat(second.origin().sessionId()).isEqualTo(first.origin().sessionId());
        assertThat(second.media().get(0).port()).isEqualTo(40002);
    }

    @Test
    void holdDetection() {
        String head = "v=0\r\no=a 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n";
        assertThat(OfferAnswer.isHold(STRICT.parse(head + "m=audio 4000 RTP/AVP 0\r\n"))).isFalse();
        assertThat(OfferAnswer.isHold(STRICT.parse(head + "m=audio 4000 RTP/AVP 0\r\na=sendonly\r\n"))).isTrue();
        assertThat(OfferAnswer.isHold(STRICT.parse(head + "m=audio 4000 RTP/AVP 0\r\na=inactive\r\n"))).isTrue();
        assertThat(OfferAnswer.isHold(STRICT.parse(head + "m=audio 4000 RTP/AVP 0\r\na=recvonly\r\n"))).isFalse();
        assertThat(OfferAnswer.isHold(STRICT.parse(head + "a=sendonly\r\nm=audio 4000 RTP/AVP 0\r\n"))).isTrue();
        assertThat(OfferAnswer.isHold(STRICT.parse(head.replace("c=IN IP4 192.0.2.10", "c=IN IP4 0.0.0.0")
                + "m=audio 4000 RTP/AVP 0\r\n"))).isTrue();
        assertThat(OfferAnswer.isHold(STRICT.parse(head + "m=audio 4000 RTP/AVP 0\r\nc=IN IP6 ::\r\n"))).isTrue();
        // one active stream not held: the session is not on hold; rejected streams do not count
        SessionDescription mixed = STRICT.parse(head + "m=audio 4000 RTP/AVP 0\r\na=sendonly\r\n"
                + "m=video 5000 RTP/AVP 31\r\nm=video 0 RTP/AVP 31\r\n");
        assertThat(OfferAnswer.isHold(mixed)).isFalse();
        assertThat(OfferAnswer.isHold(mixed, mixed.media().get(0))).isTrue();
        assertThat(OfferAnswer.isHold(STRICT.parse(head + "m=audio 0 RTP/AVP 0\r\n"))).isFalse();
    }

    @Test
    void holdReofferDropsReceiveAndIncrementsVersion() {
        SessionDescription current = STRICT.parse("v=0\r\no=a 1 5 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\n"
                + "t=0 0\r\na=sendrecv\r\nm=audio 4000 RTP/AVP 0\r\na=ptime:20\r\n"
                + "m=audio 4002 RTP/AVP 0\r\na=recvonly\r\nm=video 0 RTP/AVP 31\r\n");

        SessionDescription held = OfferAnswer.hold(current);

        assertThat(held.origin().sessionVersion()).isEqualTo("6");
        assertThat(held.attributes()).isEmpty();
        List<MediaDescription> media = held.media();
        assertThat(media.get(0).attributes()).containsExactly(Attribute.of("ptime", "20"), Attribute.property("sendonly"));
        assertThat(media.get(1).direction()).isEqualTo(Direction.INACTIVE);
        assertThat(media.get(2)).isEqualTo(current.media().get(2));
        assertThat(OfferAnswer.isHold(held)).isTrue();
        assertThat(OfferAnswer.hold(held)).isSameAs(held);
    }
}
