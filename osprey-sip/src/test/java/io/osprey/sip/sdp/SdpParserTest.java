package io.osprey.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdpParserTest {

    private static final SdpParser STRICT = SdpParser.strict();
    private static final SdpParser LENIENT = SdpParser.lenient();

    @Test
    void volteOfferWithPreconditionsOverIpv6() {
        SessionDescription sdp = STRICT.parse(SdpFixtures.load("volte-amrwb-offer.sdp").getBytes(StandardCharsets.UTF_8));

        assertThat(sdp.origin()).isEqualTo(new Origin("-", "1544598736", "1544598736", "IN", "IP6",
                "2001:db8:a0b:12f0::1"));
        assertThat(sdp.connection()).isEqualTo(new Connection("IN", "IP6", "2001:db8:a0b:12f0::1"));
        assertThat(sdp.bandwidths()).containsExactly(new Bandwidth("AS", 49));
        assertThat(sdp.media()).hasSize(1);
        MediaDescription audio = sdp.media().get(0);
        assertThat(audio.media()).isEqualTo("audio");
        assertThat(audio.port()).isEqualTo(49152);
        assertThat(audio.proto()).isEqualTo("RTP/AVP");
        assertThat(audio.formats()).containsExactly("116", "107", "118", "96", "111", "110");
        assertThat(audio.bandwidths()).extracting(Bandwidth::type).containsExactly("AS", "RS", "RR");
        assertThat(audio.rtpMap("116")).isEqualTo(new RtpMap(116, "AMR-WB", 16000, 1));
        assertThat(audio.rtpMap("111")).isEqualTo(new RtpMap(111, "telephone-event", 16000, 0));
        assertThat(audio.fmtp("107").parameter("octet-align")).isEqualTo("1");
        assertThat(audio.fmtp("116").parameter("octet-align")).isNull();
        assertThat(audio.fmtp("116").parameter("MODE-CHANGE-CAPABILITY")).isEqualTo("2");
        assertThat(audio.ptime()).hasValue(20);
        assertThat(sdp.direction(audio)).isEqualTo(Direction.SENDRECV);
        assertThat(audio.preconditions()).containsExactly(
                Precondition.current("qos", Precondition.StatusType.LOCAL, Precondition.Direction.NONE),
                Precondition.current("qos", Precondition.StatusType.REMOTE, Precondition.Direction.NONE),
                Precondition.desired("qos", Precondition.Strength.MANDATORY, Precondition.StatusType.LOCAL,
                        Precondition.Direction.SENDRECV),
                Precondition.desired("qos", Precondition.Strength.OPTIONAL, Precondition.StatusType.REMOTE,
                        Precondition.Direction.SENDRECV));
    }

    @ParameterizedTest
    @ValueSource(strings = {"volte-amrwb-offer.sdp", "g711-offer.sdp", "rfc8866-example.sdp", "all-fields.sdp"})
    void wellFormedDescriptionsRoundTripByteExact(String fixture) {
        String text = SdpFixtures.load(fixture);
        SdpParseResult result = STRICT.parseWithReport(text.getBytes(StandardCharsets.UTF_8));

        assertThat(result.isClean()).isTrue();
        assertThat(result.description().toString()).isEqualTo(text);
        assertThat(result.description().toBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(STRICT.parse(result.description().toString())).isEqualTo(result.description());
    }

    @Test
    void rfc8866ExampleFields() {
        SessionDescription sdp = STRICT.parse(SdpFixtures.load("rfc8866-example.sdp"));

        assertThat(sdp.sessionName()).isEqualTo("Call to John Smith");
        assertThat(sdp.information()).isEqualTo("SDP Offer #1");
        assertThat(sdp.uri()).isEqualTo("http://www.jdoe.example.com/home.html");
        assertThat(sdp.emails()).containsExactly("Jane Doe <jane@jdoe.example.com>");
        assertThat(sdp.phones()).containsExactly("+1 617 555-6011");
        assertThat(sdp.media()).extracting(MediaDescription::port).containsExactly(49170, 49180, 51372);
        MediaDescription video = sdp.media().get(2);
        assertThat(sdp.connection(video)).isEqualTo(new Connection("IN", "IP6", "2001:db8::2"));
        assertThat(sdp.connection(sdp.media().get(0)).address()).isEqualTo("198.51.100.1");
        assertThat(video.rtpMap("99").encodingName()).isEqualTo("h263-1998");
        assertThat(sdp.media().get(0).rtpMap("0")).isEqualTo(new RtpMap(0, "PCMU", 8000, 0));
    }

    @Test
    void allFieldsAreModelled() {
        SessionDescription sdp = STRICT.parse(SdpFixtures.load("all-fields.sdp"));

        assertThat(sdp.sessionName()).isEqualTo(" ");
        assertThat(sdp.timings()).containsExactly(
                new Timing("2873397496", "2873404696", List.of("604800 3600 0 90000")), Timing.PERMANENT);
        assertThat(sdp.zoneAdjustments()).isEqualTo("2882844526 -1h 2898848070 0");
        assertThat(sdp.key()).isEqualTo("prompt");
        assertThat(sdp.direction()).isEqualTo(Direction.RECVONLY);
        MediaDescription audio = sdp.media().get(0);
        assertThat(audio.portCount()).isEqualTo(2);
        assertThat(audio.information()).isEqualTo("main audio");
        assertThat(audio.connections()).hasSize(2);
        assertThat(audio.rtpMap("97")).isEqualTo(new RtpMap(97, "opus", 48000, 2));
        assertThat(audio.rtcp()).isEqualTo(new Rtcp(50003, new Connection("IN", "IP6", "2001:db8::11")));
        assertThat(audio.isRtcpMux()).isTrue();
        assertThat(audio.mid()).isEqualTo("audio1");
        assertThat(audio.attribute("x-unknown-attribute").value()).isEqualTo("kept as is");
        // media-level direction wins over the session-level recvonly
        assertThat(sdp.direction(audio)).isEqualTo(Direction.SENDONLY);
        MediaDescription video = sdp.media().get(1);
        assertThat(video.isRejected()).isTrue();
        assertThat(sdp.direction(video)).isEqualTo(Direction.RECVONLY);
    }

    @Test
    void lfLineEndsAreAcceptedCountedAndWrittenAsCrlf() {
        String crlf = SdpFixtures.load("g711-offer.sdp");
        SdpParseResult result = STRICT.parseWithReport(crlf.replace("\r\n", "\n"));

        assertThat(result.count(SdpCompliance.LF_LINE_END)).isEqualTo(12);
        assertThat(result.description()).isEqualTo(STRICT.parse(crlf));
        assertThat(result.description().toString()).isEqualTo(crlf);
    }

    @Test
    void missingFinalLineEndIsAccepted() {
        String crlf = SdpFixtures.load("g711-offer.sdp");
        SdpParseResult result = STRICT.parseWithReport(crlf.substring(0, crlf.length() - 2));

        assertThat(result.count(SdpCompliance.MISSING_FINAL_LINE_END)).isEqualTo(1);
        assertThat(result.description().toString()).isEqualTo(crlf);
    }

    @Test
    void outOfOrderLineIsAnErrorWhenStrictAndCountedWhenLenient() {
        String sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nc=IN IP4 192.0.2.1\r\n"
                + "m=audio 4000 RTP/AVP 0\r\na=sendrecv\r\nb=AS:64\r\n";

        assertThatThrownBy(() -> STRICT.parse(sdp)).isInstanceOfSatisfying(SdpParseException.class, e -> {
            assertThat(e.lineNumber()).isEqualTo(5);
            assertThat(e.field()).isEqualTo("c");
            assertThat(e.getMessage()).contains("line 5").contains("out of RFC 8866 §5 order");
        });
        SdpParseResult lenient = LENIENT.parseWithReport(sdp);
        assertThat(lenient.count(SdpCompliance.OUT_OF_ORDER_LINE)).isEqualTo(2);
        assertThat(lenient.description().connection().address()).isEqualTo("192.0.2.1");
        assertThat(lenient.description().media().get(0).bandwidths()).containsExactly(new Bandwidth("AS", 64));
        // written back in RFC order, which the strict parser accepts
        assertThat(STRICT.parse(lenient.description().toString())).isEqualTo(lenient.description());
    }

    @Test
    void unknownLineTypeIsRejectedWhenStrictAndKeptWhenLenient() {
        String sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nx=session extra\r\n"
                + "m=audio 4000 RTP/AVP 0\r\ny=media extra\r\na=sendrecv\r\n";

        assertThatThrownBy(() -> STRICT.parse(sdp)).isInstanceOfSatisfying(SdpParseException.class, e -> {
            assertThat(e.lineNumber()).isEqualTo(6);
            assertThat(e.field()).isEqualTo("x");
        });
        SdpParseResult lenient = LENIENT.parseWithReport(sdp);
        assertThat(lenient.count(SdpCompliance.UNKNOWN_LINE_TYPE)).isEqualTo(2);
        assertThat(lenient.description().extensionLines()).containsExactly(new SdpLine('x', "session extra"));
        assertThat(lenient.description().media().get(0).extensionLines()).containsExactly(new SdpLine('y', "media extra"));
        String written = lenient.description().toString();
        assertThat(written).contains("t=0 0\r\nx=session extra\r\nm=audio").endsWith("a=sendrecv\r\ny=media extra\r\n");
        assertThat(LENIENT.parse(written)).isEqualTo(lenient.description());
    }

    @Test
    void emptyLinesAndExtraSpacesAreLenientOnly() {
        String sdp = "v=0\r\no=-  1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0 \r\n\r\n";

        assertThatThrownBy(() -> STRICT.parse(sdp)).isInstanceOfSatisfying(SdpParseException.class,
                e -> assertThat(e.lineNumber()).isEqualTo(2));
        SdpParseResult lenient = LENIENT.parseWithReport(sdp);
        assertThat(lenient.count(SdpCompliance.EXTRA_WHITESPACE)).isEqualTo(2);
        assertThat(lenient.count(SdpCompliance.EMPTY_LINE)).isEqualTo(1);
        assertThat(lenient.description().origin().sessionId()).isEqualTo("1");
        assertThat(lenient.description().media().get(0).formats()).containsExactly("0");
    }

    @Test
    void malformedWellKnownAttributeIsLenientOnly() {
        String sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 96\r\na=rtpmap:96 AMR-WB\r\na=sendrecv:yes\r\n";

        assertThatThrownBy(() -> STRICT.parse(sdp)).isInstanceOfSatisfying(SdpParseException.class, e -> {
            assertThat(e.lineNumber()).isEqualTo(7);
            assertThat(e.field()).isEqualTo("rtpmap");
            assertThat(e.value()).isEqualTo("rtpmap:96 AMR-WB");
        });
        SdpParseResult lenient = LENIENT.parseWithReport(sdp);
        assertThat(lenient.count(SdpCompliance.MALFORMED_ATTRIBUTE)).isEqualTo(2);
        MediaDescription audio = lenient.description().media().get(0);
        assertThat(audio.rtpMap("96")).isNull();
        assertThat(audio.direction()).isNull();
        assertThat(audio.attributes()).containsExactly(Attribute.of("rtpmap", "96 AMR-WB"), Attribute.of("sendrecv", "yes"));
    }

    @Test
    void missingConnectionIsStrictError() {
        String sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"
                + "m=audio 4002 RTP/AVP 0\r\nc=IN IP4 192.0.2.1\r\n";

        assertThatThrownBy(() -> STRICT.parse(sdp)).isInstanceOfSatisfying(SdpParseException.class, e -> {
            assertThat(e.lineNumber()).isEqualTo(5);
            assertThat(e.field()).isEqualTo("c");
        });
        assertThat(LENIENT.parseWithReport(sdp).count(SdpCompliance.MISSING_CONNECTION)).isEqualTo(1);
    }

    @Test
    void emptySessionNameIsLenientOnly() {
        // RFC 3264 §10 examples write "s=" with nothing after it
        String sdp = "v=0\r\no=alice 2890844526 2890844526 IN IP4 host.anywhere.com\r\ns=\r\n"
                + "c=IN IP4 host.anywhere.com\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

        assertThatThrownBy(() -> STRICT.parse(sdp)).isInstanceOfSatisfying(SdpParseException.class,
                e -> assertThat(e.lineNumber()).isEqualTo(3));
        SdpParseResult lenient = LENIENT.parseWithReport(sdp);
        assertThat(lenient.count(SdpCompliance.EMPTY_SESSION_NAME)).isEqualTo(1);
        assertThat(lenient.description().toString()).isEqualTo(sdp);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // description | expected line | expected field | text (\n separated)
        "first line not v|1|o|o=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0",
        "version 1|1|v|v=1\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0",
        "origin with five fields|2|o|v=0\no=- 1 IN IP4 192.0.2.1\ns=-\nt=0 0",
        "origin id not digits|2|o|v=0\no=- x1 1 IN IP4 192.0.2.1\ns=-\nt=0 0",
        "second s|4|s|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\ns=again\nt=0 0",
        "second v|3|v|v=0\no=- 1 1 IN IP4 192.0.2.1\nv=0\ns=-\nt=0 0",
        "r without t|4|r|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nr=7d 1h 0 25h\nt=0 0",
        "t not digits|4|t|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=now 0",
        "session-only line in media|6|u|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 1 RTP/AVP 0\nu=http://x",
        "port too large|5|m|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 70000 RTP/AVP 0",
        "m without format|5|m|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 4000 RTP/AVP",
        "zero port count|5|m|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 4000/0 RTP/AVP 0",
        "media before t|4|t|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nm=audio 4000 RTP/AVP 0",
        "missing t|3|t|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-",
        "missing s|3|s|v=0\no=- 1 1 IN IP4 192.0.2.1\nt=0 0",
        "bandwidth not a number|4|b|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nb=AS:lots\nt=0 0",
        "attribute name not a token|5|a|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\na=bad name:1",
        "line without equals|4|line|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt 0 0",
        "upper-case type|4|line|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nT=0 0",
        "space before equals|3|line|v=0\no=- 1 1 IN IP4 192.0.2.1\ns =-\nt=0 0",
        "second media information|8|i|v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 1 RTP/AVP 0\ni=a\ni=b",
    })
    void errorsNameLineAndField(String testCase) {
        String[] parts = testCase.split("\\|", 4);
        String sdp = parts[3].replace("\n", "\r\n") + "\r\n";

        for (SdpParser parser : List.of(STRICT, LENIENT)) {
            assertThatThrownBy(() -> parser.parse(sdp)).as(parts[0] + " (" + parser.mode() + ")")
                    .isInstanceOfSatisfying(SdpParseException.class, e -> {
                        assertThat(e.lineNumber()).isEqualTo(Integer.parseInt(parts[1]));
                        assertThat(e.field()).isEqualTo(parts[2]);
                        assertThat(e.getMessage()).startsWith("line " + parts[1] + ": field '" + parts[2] + "'");
                    });
        }
    }

    @Test
    void emptyInputIsRejected() {
        assertThatThrownBy(() -> STRICT.parse("")).isInstanceOfSatisfying(SdpParseException.class,
                e -> assertThat(e.field()).isEqualTo("v"));
    }

    @Test
    void nulAndBareCarriageReturnAreRejectedInBothModes() {
        String nul = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=a\0b\r\nt=0 0\r\n";
        String bareCr = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=a\rb\r\nt=0 0\r\n";
        for (SdpParser parser : List.of(STRICT, LENIENT)) {
            assertThatThrownBy(() -> parser.parse(nul)).isInstanceOfSatisfying(SdpParseException.class,
                    e -> assertThat(e.lineNumber()).isEqualTo(3));
            assertThatThrownBy(() -> parser.parse(bareCr)).isInstanceOfSatisfying(SdpParseException.class,
                    e -> assertThat(e.lineNumber()).isEqualTo(3));
        }
    }

    @Test
    void utf8TextIsDecodedAndMalformedUtf8IsReportedWithItsLine() {
        byte[] good = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=Café ☕\r\nt=0 0\r\n".getBytes(StandardCharsets.UTF_8);
        SessionDescription sdp = STRICT.parse(good);
        assertThat(sdp.sessionName()).isEqualTo("Café ☕");
        assertThat(sdp.toBytes()).isEqualTo(good);

        byte[] bad = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=Caf?\r\nt=0 0\r\n".getBytes(StandardCharsets.US_ASCII);
        bad[new String(bad, StandardCharsets.US_ASCII).indexOf('?')] = (byte) 0xC3;
        assertThatThrownBy(() -> STRICT.parse(bad)).isInstanceOfSatisfying(SdpParseException.class, e -> {
            assertThat(e.lineNumber()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("charset");
            assertThat(e.value()).isEqualTo("0xc3");
        });
    }
}
