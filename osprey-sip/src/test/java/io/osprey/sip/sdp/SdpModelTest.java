package io.osprey.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SdpModelTest {

    @Test
    void builderWritesFieldsInRfcOrderWithCrlf() {
        SessionDescription sdp = SessionDescription.builder(Origin.of("osprey", "42", "7", "2001:db8::1"))
                .attribute(Attribute.of("group", "BUNDLE a"))
                .connection(Connection.of("2001:db8::1"))
                .bandwidth(new Bandwidth("AS", 80))
                .media(MediaDescription.builder("audio", 5004, "RTP/AVP").format("0")
                        .attribute(new RtpMap(0, "PCMU", 8000, 0).toAttribute())
                        .attribute(Direction.RECVONLY.toAttribute())
                        .build())
                .build();

        assertThat(sdp.toString()).isEqualTo("v=0\r\n"
                + "o=osprey 42 7 IN IP6 2001:db8::1\r\n"
                + "s=-\r\n"
                + "c=IN IP6 2001:db8::1\r\n"
                + "b=AS:80\r\n"
                + "t=0 0\r\n"
                + "a=group:BUNDLE a\r\n"
                + "m=audio 5004 RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=recvonly\r\n");
        assertThat(SdpParser.strict().parse(sdp.toString())).isEqualTo(sdp);
    }

    @Test
    void toBuilderCopiesEverything() {
        SessionDescription sdp = SdpParser.strict().parse(SdpFixtures.load("all-fields.sdp"));
        assertThat(sdp.toBuilder().build()).isEqualTo(sdp);
        for (MediaDescription media : sdp.media()) {
            assertThat(media.toBuilder().build()).isEqualTo(media);
        }
    }

    @Test
    void originNextVersionHandlesValuesBeyond64Bits() {
        Origin origin = Origin.of("-", "1", "18446744073709551615", "192.0.2.1");
        assertThat(origin.nextVersion().sessionVersion()).isEqualTo("18446744073709551616");
        assertThat(origin.addrType()).isEqualTo("IP4");
        assertThat(Origin.of("-", "1", "9", "::1").nextVersion().sessionVersion()).isEqualTo("10");
    }

    @Test
    void rtpMapParsesAndFormats() {
        assertThat(RtpMap.parse("97 AMR-WB/16000/1")).isEqualTo(new RtpMap(97, "AMR-WB", 16000, 1));
        assertThat(RtpMap.parse("0 PCMU/8000").channelCount()).isEqualTo(1);
        assertThat(RtpMap.parse("0 PCMU/8000").toAttribute().text()).isEqualTo("rtpmap:0 PCMU/8000");
        assertThat(new RtpMap(111, "opus", 48000, 2).toAttribute().text()).isEqualTo("rtpmap:111 opus/48000/2");
        assertThat(RtpMap.parse("96 telephone-event/8000").sameEncoding("TELEPHONE-EVENT", 8000, 1)).isTrue();
        for (String bad : List.of("96", "128 X/8000", "96 X", "96 X/0", "96 X/8000/0", "x X/8000", "96 /8000")) {
            assertThat(RtpMap.tryParse(bad)).as(bad).isNull();
        }
    }

    @Test
    void fmtpParameters() {
        Fmtp fmtp = Fmtp.parse("97 mode-set=0,2,5,7; octet-align=1;max-red=0 ; flag");
        assertThat(fmtp.format()).isEqualTo("97");
        assertThat(fmtp.parameterMap()).containsExactly(Map.entry("mode-set", "0,2,5,7"),
                Map.entry("octet-align", "1"), Map.entry("max-red", "0"), Map.entry("flag", ""));
        assertThat(Fmtp.parse("101 0-15").parameterMap()).containsExactly(Map.entry("0-15", ""));
        assertThat(Fmtp.tryParse("101")).isNull();
        assertThat(Fmtp.tryParse("101 ")).isNull();
    }

    @Test
    void preconditionsParseAndFormat() {
        Precondition des = Precondition.parse("des", "qos mandatory e2e sendrecv");
        assertThat(des).isEqualTo(Precondition.desired("qos", Precondition.Strength.MANDATORY,
                Precondition.StatusType.E2E, Precondition.Direction.SENDRECV));
        assertThat(des.toAttribute()).isEqualTo(Attribute.of("des", "qos mandatory e2e sendrecv"));
        assertThat(Precondition.confirm("qos", Precondition.StatusType.REMOTE, Precondition.Direction.RECV)
                .toAttribute().text()).isEqualTo("conf:qos remote recv");
        assertThatThrownBy(() -> Precondition.parse("curr", "qos mandatory local none"))
                .hasMessageContaining("3 space-separated fields");
        assertThatThrownBy(() -> Precondition.parse("des", "qos sometimes local none"))
                .hasMessageContaining("strength-tag");
        assertThat(Precondition.tryParse(Attribute.of("ptime", "20"))).isNull();
    }

    @Test
    void rtcpAttribute() {
        assertThat(Rtcp.parse("53020")).isEqualTo(new Rtcp(53020, null));
        assertThat(Rtcp.parse("53020 IN IP4 126.16.64.4").toAttribute().text())
                .isEqualTo("rtcp:53020 IN IP4 126.16.64.4");
        assertThat(Rtcp.tryParse("53020 IN IP4")).isNull();
        assertThat(Rtcp.tryParse("65536")).isNull();
    }

    @Test
    void directionHelpers() {
        assertThat(Direction.SENDONLY.reverse()).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.RECVONLY.reverse()).isEqualTo(Direction.SENDONLY);
        assertThat(Direction.SENDRECV.reverse()).isEqualTo(Direction.SENDRECV);
        assertThat(Direction.INACTIVE.reverse()).isEqualTo(Direction.INACTIVE);
        assertThat(Direction.SENDRECV.intersect(Direction.RECVONLY)).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.SENDONLY.intersect(Direction.RECVONLY)).isEqualTo(Direction.INACTIVE);
        assertThat(Direction.fromAttributeName("rtcp-mux")).isNull();
    }

    @Test
    void staticPayloadTypes() {
        assertThat(StaticPayloadTypes.lookup(8)).isEqualTo(new RtpMap(8, "PCMA", 8000, 0));
        assertThat(StaticPayloadTypes.lookup(9).clockRate()).isEqualTo(8000);
        assertThat(StaticPayloadTypes.lookup(96)).isNull();
        assertThat(StaticPayloadTypes.find("pcmu", 8000, 1)).isZero();
        assertThat(StaticPayloadTypes.find("AMR", 8000, 1)).isEqualTo(-1);
        MediaDescription media = MediaDescription.builder("audio", 1, "RTP/AVP").format("18").build();
        assertThat(media.rtpMap("18").encodingName()).isEqualTo("G729");
    }

    @Test
    void modelRejectsImpossibleValues() {
        assertThatThrownBy(() -> Origin.of("a b", "1", "1", "192.0.2.1")).hasMessageContaining("username");
        assertThatThrownBy(() -> new Timing("1", "x", List.of())).hasMessageContaining("stop-time");
        assertThatThrownBy(() -> MediaDescription.builder("audio", 1, "RTP/AVP").build())
                .hasMessageContaining("at least one format");
        assertThatThrownBy(() -> Attribute.of("x", "a\r\nb")).hasMessageContaining("CR");
        assertThatThrownBy(() -> new SdpLine('a', "x")).hasMessageContaining("does not define");
    }
}
