package io.osprey.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each {@link SdpLimits} limit: accepted exactly at the limit, refused one past it, with the limit named. */
class SdpLimitsTest {

    private static final String HEADER = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";
    private static final int HEADER_LINES = 5;

    private static SdpParser parser(int maxBytes, int maxLineLength, int maxLines, int maxMedia, int maxAttributes) {
        return new SdpParser(new SdpLimits(maxBytes, maxLineLength, maxLines, maxMedia, maxAttributes),
                SdpParseMode.STRICT);
    }

    private static void assertLimit(Runnable parse, String limit, int line) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(SdpParseException.class, e -> {
            assertThat(e.field()).isEqualTo(limit);
            assertThat(e.lineNumber()).isEqualTo(line);
            assertThat(e.getMessage()).contains("exceeds limit");
        });
    }

    @Test
    void totalSize() {
        byte[] sdp = HEADER.getBytes(StandardCharsets.US_ASCII);
        assertThat(parser(sdp.length, 100, 100, 10, 10).parse(sdp).sessionName()).isEqualTo("-");
        assertLimit(() -> parser(sdp.length - 1, 100, 100, 10, 10).parse(sdp), "maxBytes", 0);
        assertLimit(() -> parser(HEADER.length() - 1, 100, 100, 10, 10).parse(HEADER), "maxBytes", 0);
    }

    @Test
    void lineLength() {
        String name = "x".repeat(40);
        String sdp = HEADER.replace("s=-", "s=" + name);
        assertThat(parser(1000, 42, 100, 10, 10).parse(sdp).sessionName()).isEqualTo(name);
        assertLimit(() -> parser(1000, 41, 100, 10, 10).parse(sdp), "maxLineLength", 3);
    }

    @Test
    void lineCount() {
        String sdp = HEADER + "a=one\r\na=two\r\n";
        assertThat(parser(1000, 100, HEADER_LINES + 2, 10, 10).parse(sdp).attributes()).hasSize(2);
        assertLimit(() -> parser(1000, 100, HEADER_LINES + 1, 10, 10).parse(sdp), "maxLines", HEADER_LINES + 2);
    }

    @Test
    void emptyLinesCountTowardsTheLineLimit() {
        String sdp = HEADER + "\r\n\r\n";
        SdpParser lenient = new SdpParser(new SdpLimits(1000, 100, HEADER_LINES + 1, 10, 10), SdpParseMode.LENIENT);
        assertLimit(() -> lenient.parse(sdp), "maxLines", HEADER_LINES + 2);
    }

    @Test
    void mediaCount() {
        String sdp = HEADER + "m=audio 1000 RTP/AVP 0\r\nm=audio 1002 RTP/AVP 0\r\nm=video 1004 RTP/AVP 31\r\n";
        assertThat(parser(1000, 100, 100, 3, 10).parse(sdp).media()).hasSize(3);
        assertLimit(() -> parser(1000, 100, 100, 2, 10).parse(sdp), "maxMediaDescriptions", HEADER_LINES + 3);
    }

    @Test
    void attributeCountSpansSessionAndMedia() {
        String sdp = HEADER + "a=one\r\nm=audio 1000 RTP/AVP 0\r\na=two\r\na=three\r\n";
        assertThat(parser(1000, 100, 100, 10, 3).parse(sdp).media().get(0).attributes()).hasSize(2);
        assertLimit(() -> parser(1000, 100, 100, 10, 2).parse(sdp), "maxAttributes", HEADER_LINES + 4);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new SdpLimits(0, 1, 1, 1, 1)).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> new SdpLimits(1, 1, 1, 1, 0)).hasMessageContaining("maxAttributes");
    }
}
