package io.osprey.sip.sdp.offeranswer;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.sdp.Attribute;
import io.osprey.sip.sdp.Connection;
import io.osprey.sip.sdp.Direction;
import io.osprey.sip.sdp.MediaDescription;
import io.osprey.sip.sdp.Origin;
import io.osprey.sip.sdp.SdpFixtures;
import io.osprey.sip.sdp.SdpParser;
import io.osprey.sip.sdp.SessionDescription;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerBuilderTest {

    private static final Origin ORIGIN = Origin.of("osprey", "3000", "3000", "192.0.2.50");
    private static final SdpParser STRICT = SdpParser.strict();

    private static LocalCapabilities local(CodecSelection selection, MediaCapability... media) {
        return new LocalCapabilities(ORIGIN, List.of(media), selection);
    }

    private static MediaCapability audio(CodecCapability... codecs) {
        return MediaCapability.audio("192.0.2.50", 40000, List.of(codecs));
    }

    private static SessionDescription offer(String media) {
        return STRICT.parse("v=0\r\no=alice 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" + media);
    }

    @Test
    void volteOfferGetsOneAmrWbCodecAndMatchingTelephoneEvent() {
        SessionDescription offer = STRICT.parse(SdpFixtures.load("volte-amrwb-offer.sdp"));
        LocalCapabilities caps = local(CodecSelection.FIRST_COMMON,
                audio(CodecCapability.of("AMR-WB", 16000), CodecCapability.of("AMR", 8000),
                        CodecCapability.telephoneEvent(16000), CodecCapability.telephoneEvent(8000)).withPtime(20));

        SessionDescription answer = AnswerBuilder.answer(offer, caps);

        assertThat(answer.origin()).isEqualTo(ORIGIN);
        assertThat(answer.timings()).isEqualTo(offer.timings());
        assertThat(answer.connection()).isEqualTo(Connection.of("192.0.2.50"));
        MediaDescription audio = answer.media().get(0);
        assertThat(audio.port()).isEqualTo(40000);
        assertThat(audio.proto()).isEqualTo("RTP/AVP");
        // offerer's numbering and order: AMR-WB bandwidth-efficient (116) first, telephone-event/16000 (111)
        assertThat(audio.formats()).containsExactly("116", "111");
        assertThat(audio.attributes()).containsExactly(
                Attribute.of("rtpmap", "116 AMR-WB/16000/1"),
                Attribute.of("fmtp", "116 mode-change-capability=2;max-red=0"),
                Attribute.of("rtpmap", "111 telephone-event/16000"),
                Attribute.of("fmtp", "111 0-15"),
                Attribute.of("ptime", "20"),
                Attribute.property("sendrecv"));
        assertThat(STRICT.parse(answer.toString())).isEqualTo(answer);
    }

    @Test
    void allCommonCodecsKeepOfferOrder() {
        SessionDescription offer = STRICT.parse(SdpFixtures.load("volte-amrwb-offer.sdp"));
        LocalCapabilities caps = local(CodecSelection.ALL_COMMON,
                audio(CodecCapability.of("AMR", 8000), CodecCapability.of("AMR-WB", 16000),
                        CodecCapability.telephoneEvent(8000)));

        MediaDescription audio = AnswerBuilder.answer(offer, caps).media().get(0);

        // AMR-WB x2 and AMR x2 in offer order; only the 8 kHz telephone-event is supported locally
        assertThat(audio.formats()).containsExactly("116", "107", "118", "96", "110");
    }

    @Test
    void telephoneEventNeedsBothSidesAndTheChosenClockRate() {
        String media = "m=audio 4000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
        assertThat(AnswerBuilder.answer(offer(media), local(CodecSelection.FIRST_COMMON,
                audio(CodecCapability.of("PCMU", 8000)))).media().get(0).formats()).containsExactly("0");
        assertThat(AnswerBuilder.answer(offer(media), local(CodecSelection.FIRST_COMMON,
                audio(CodecCapability.of("PCMU", 8000), CodecCapability.telephoneEvent(8000))))
                .media().get(0).formats()).containsExactly("0", "101");
        String wideband = "m=audio 4000 RTP/AVP 0 100\r\na=rtpmap:100 telephone-event/16000\r\n";
        assertThat(AnswerBuilder.answer(offer(wideband), local(CodecSelection.FIRST_COMMON,
                audio(CodecCapability.of("PCMU", 8000), CodecCapability.telephoneEvent(16000))))
                .media().get(0).formats()).containsExactly("0");
    }

    @Test
    void payloadTypesKeepTheOfferersNumbers() {
        // 120 for AMR-WB, and PCMA under a dynamic number: the answer must use 120 and 99, not its own numbers
        String media = "m=audio 4000 RTP/AVP 120 99\r\na=rtpmap:120 AMR-WB/16000\r\na=rtpmap:99 pcma/8000\r\n";
        MediaDescription answered = AnswerBuilder.answer(offer(media), local(CodecSelection.ALL_COMMON,
                audio(CodecCapability.of("PCMA", 8000), CodecCapability.of("AMR-WB", 16000)))).media().get(0);

        assertThat(answered.formats()).containsExactly("120", "99");
        assertThat(answered.rtpMap("99").encodingName()).isEqualTo("pcma");
    }

    @Test
    void unsupportedStreamsAreRejectedInPlace() {
        String media = "m=video 5000 RTP/AVP 31\r\na=rtpmap:31 H261/90000\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n"
                + "m=audio 0 RTP/AVP 8\r\n"
                + "m=audio 4002 RTP/AVP 18\r\n"
                + "m=audio 4004 RTP/SAVP 0\r\n";
        SessionDescription offer = offer(media);

        SessionDescription answer = AnswerBuilder.answer(offer, local(CodecSelection.FIRST_COMMON,
                audio(CodecCapability.of("PCMU", 8000), CodecCapability.of("PCMA", 8000))));

        assertThat(answer.media()).hasSameSizeAs(offer.media());
        assertThat(answer.media()).extracting(MediaDescription::media)
                .containsExactly("video", "audio", "audio", "audio", "audio");
        // video: no capability; third: disabled in the offer; fourth: G.729 only; fifth: RTP/SAVP not accepted
        assertThat(answer.media()).extracting(MediaDescription::port).containsExactly(0, 40000, 0, 0, 0);
        MediaDescription video = answer.media().get(0);
        assertThat(video.formats()).containsExactly("31");
        assertThat(video.attributes()).isEmpty();
        assertThat(answer.media().get(2).formats()).containsExactly("8");
        assertThat(STRICT.parse(answer.toString())).isEqualTo(answer);
    }

    @ParameterizedTest(name = "offer {0}, local {1} -> answer {2}")
    @CsvSource({
        // RFC 3264 §6.1: sendonly -> recvonly/inactive, recvonly -> sendonly/inactive,
        // sendrecv -> any, inactive -> inactive; here narrowed by the local preference
        "sendrecv, SENDRECV, sendrecv",
        "sendrecv, SENDONLY, sendonly",
        "sendrecv, RECVONLY, recvonly",
        "sendrecv, INACTIVE, inactive",
        "sendonly, SENDRECV, recvonly",
        "sendonly, SENDONLY, inactive",
        "sendonly, RECVONLY, recvonly",
        "recvonly, SENDRECV, sendonly",
        "recvonly, RECVONLY, inactive",
        "recvonly, SENDONLY, sendonly",
        "inactive, SENDRECV, inactive",
    })
    void directionFollowsRfc3264Table(String offered, Direction local, String expected) {
        SessionDescription offer = offer("m=audio 4000 RTP/AVP 0\r\na=" + offered + "\r\n");

        MediaDescription answered = AnswerBuilder.answer(offer, local(CodecSelection.FIRST_COMMON,
                audio(CodecCapability.of("PCMU", 8000)).withDirection(local))).media().get(0);

        assertThat(answered.attributes()).contains(Attribute.property(expected));
        assertThat(answered.direction().attributeName()).isEqualTo(expected);
    }

    @Test
    void sessionLevelDirectionAppliesWhenMediaHasNone() {
        SessionDescription offer = STRICT.parse("v=0\r\no=a 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\n"
                + "t=0 0\r\na=sendonly\r\nm=audio 4000 RTP/AVP 0\r\n");
        assertThat(AnswerBuilder.answer(offer, local(CodecSelection.FIRST_COMMON,
                audio(CodecCapability.of("PCMU", 8000)))).media().get(0).direction()).isEqualTo(Direction.RECVONLY);
    }

    @Test
    void rfc2543HoldAddressIsAnsweredAsSendonlyOffer() {
        SessionDescription offer = STRICT.parse("v=0\r\no=a 1 2 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 0.0.0.0\r\n"
                + "t=0 0\r\nm=audio 4000 RTP/AVP 0\r\n");
        assertThat(AnswerBuilder.answer(offer, local(CodecSelection.FIRST_COMMON,
                audio(CodecCapability.of("PCMU", 8000)))).media().get(0).direction()).isEqualTo(Direction.RECVONLY);
    }

    @Test
    void rtcpMuxAndMidAreEchoedWhenBothSupportThem() {
        String media = "m=audio 4000 RTP/AVP 0\r\na=rtcp-mux\r\na=mid:1\r\n";
        MediaDescription plain = AnswerBuilder.answer(offer(media), local(CodecSelection.FIRST_COMMON,
                audio(CodecCapability.of("PCMU", 8000)))).media().get(0);
        assertThat(plain.isRtcpMux()).isFalse();
        assertThat(plain.mid()).isEqualTo("1");
        MediaDescription muxed = AnswerBuilder.answer(offer(media), local(CodecSelection.FIRST_COMMON,
                audio(CodecCapability.of("PCMU", 8000)).withRtcpMux(true))).media().get(0);
        assertThat(muxed.isRtcpMux()).isTrue();
    }

    @Test
    void mediaOnAnotherAddressGetsItsOwnConnection() {
        MediaCapability video = new MediaCapability("video", "192.0.2.60", 50000, List.of("RTP/AVP"),
                List.of(CodecCapability.of("H264", 90000)), Direction.SENDRECV, 0, false, List.of());
        SessionDescription offer = offer("m=audio 4000 RTP/AVP 0\r\nm=video 5000 RTP/AVP 96\r\n"
                + "a=rtpmap:96 H264/90000\r\n");

        SessionDescription answer = AnswerBuilder.answer(offer, local(CodecSelection.FIRST_COMMON,
                audio(CodecCapability.of("PCMU", 8000)), video));

        assertThat(answer.connection().address()).isEqualTo("192.0.2.50");
        assertThat(answer.media().get(0).connections()).isEmpty();
        assertThat(answer.media().get(1).connections()).containsExactly(Connection.of("192.0.2.60"));
    }
}
