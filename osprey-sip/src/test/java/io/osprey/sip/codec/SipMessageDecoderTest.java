package io.osprey.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipMessageDecoderTest {

    private static final String OPTIONS = """
            OPTIONS sip:bob@biloxi.example.com SIP/2.0\r
            Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bKhjhs8ass877\r
            Max-Forwards: 70\r
            To: <sip:bob@biloxi.example.com>\r
            From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r
            Call-ID: a84b4c76e66710\r
            CSeq: 63104 OPTIONS\r
            """;

    private final ComplianceCounters counters = new ComplianceCounters();
    private final SipMessageDecoder lenient = new SipMessageDecoder(SipLimits.DEFAULTS, CompliancePolicy.LENIENT, counters);
    private final SipMessageDecoder strict =
            new SipMessageDecoder(SipLimits.DEFAULTS, CompliancePolicy.STRICT, new ComplianceCounters());

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static SipParseException failure(SipMessageDecoder decoder, String message) {
        try {
            decoder.decode(bytes(message));
        } catch (SipParseException e) {
            return e;
        }
        throw new AssertionError("decoded without error: " + message);
    }

    @Test
    void decodesFromArrayByteBufAndByteBuffer() {
        byte[] wire = bytes(OPTIONS + "Content-Length: 0\r\n\r\n");

        SipRequest fromArray = (SipRequest) lenient.decode(wire);
        SipMessage fromBuf = lenient.decode(Unpooled.wrappedBuffer(wire));
        SipMessage fromBuffer = lenient.decode(ByteBuffer.wrap(wire));

        assertThat(fromArray.method()).isEqualTo("OPTIONS");
        assertThat(fromArray.cseq().number()).isEqualTo(63104);
        assertThat(fromBuf.startLine()).isEqualTo(fromArray.startLine());
        assertThat(fromBuffer.headerCount()).isEqualTo(fromArray.headerCount());
    }

    @Test
    void theInputArrayIsCopied() {
        byte[] wire = bytes(OPTIONS + "Content-Length: 0\r\n\r\n");
        SipMessage m = lenient.decode(wire);

        wire[wire.length - 30] = 'X';

        assertThat(m.header("Call-ID")).isEqualTo("a84b4c76e66710");
    }

    @Test
    void keepAliveDatagramDecodesToNull() {
        assertThat(lenient.decode(bytes("\r\n\r\n"))).isNull();
    }

    @Test
    void datagramWithoutContentLengthTakesTheRestAsBody() {
        SipMessage m = lenient.decode(bytes(OPTIONS + "\r\nhello"));

        assertThat(m.bodyBytes()).isEqualTo(bytes("hello"));
        assertThat(counters.count(SipCompliance.MISSING_CONTENT_LENGTH)).isEqualTo(1);
        assertThat(failure(strict, OPTIONS + "\r\nhello").field()).isEqualTo("Content-Length");
    }

    @Test
    void contentLengthBoundsTheDatagram() {
        SipMessage m = lenient.decode(bytes(OPTIONS + "Content-Length: 3\r\n\r\nabcdef"));

        assertThat(m.bodyBytes()).isEqualTo(bytes("abc"));
        SipParseException e = failure(lenient, OPTIONS + "Content-Length: 9\r\n\r\nabc");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.field()).isEqualTo("Content-Length");
        assertThat(e.limit()).isEqualTo(3);
    }

    @Test
    void lfLineEndsAreToleratedAndCountedOrRefused() {
        String lf = OPTIONS.replace("\r\n", "\n") + "Subject: folded\n  twice\nContent-Length: 0\n\n";

        SipMessage m = lenient.decode(bytes(lf));

        assertThat(m.header("Subject")).isEqualTo("folded twice");
        assertThat(counters.count(SipCompliance.LF_LINE_ENDS)).isEqualTo(1);
        assertThat(failure(strict, lf).warningText()).contains("LF");
    }

    @Test
    void foldedLinesAreJoinedAndKept() {
        SipMessage m = lenient.decode(bytes(OPTIONS + "Subject: one\r\n two\r\n\tthree\r\nl: 0\r\n\r\n"));

        assertThat(m.header("s")).isEqualTo("one two three");
    }

    @Test
    void bareCarriageReturnIsRefused() {
        SipParseException e = failure(lenient, OPTIONS + "Subject: a\rb\r\nContent-Length: 0\r\n\r\n");

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.reason()).contains("CR");
    }

    @Test
    void continuationBeforeAnyHeaderIsRefused() {
        assertThat(failure(lenient, "OPTIONS sip:a@b SIP/2.0\r\n folded\r\n\r\n").reason()).contains("continuation");
    }

    @Test
    void missingEmptyLineIsRefused() {
        assertThat(failure(lenient, OPTIONS).reason()).contains("empty line");
    }

    @Test
    void headerCountLimit() {
        SipLimits limits = SipLimits.DEFAULTS.withHeaderLimits(7, 8192, 32768);
        SipMessageDecoder decoder = new SipMessageDecoder(limits, CompliancePolicy.LENIENT, new ComplianceCounters());

        assertThat(decoder.decode(bytes(OPTIONS + "l: 0\r\n\r\n")).headerCount()).isEqualTo(7);
        SipParseException e = failure(decoder, OPTIONS + "Subject: x\r\nl: 0\r\n\r\n");
        assertThat(e.statusCode()).isEqualTo(513);
        assertThat(e.limit()).isEqualTo(7);
        assertThat(e.value()).isEqualTo("8");
    }

    @Test
    void headerLineLimitCountsFoldedLines() {
        SipLimits limits = SipLimits.DEFAULTS.withHeaderLimits(100, 64, 32768);
        SipMessageDecoder decoder = new SipMessageDecoder(limits, CompliancePolicy.LENIENT, new ComplianceCounters());
        String twoLines = "Subject: 0123456789012345678901234\r\n 0123456789012345678901234\r\n";

        assertThat(decoder.decode(bytes(OPTIONS + twoLines + "l: 0\r\n\r\n")).header("Subject")).hasSize(51);
        SipParseException e = failure(decoder, OPTIONS + twoLines + " 0123456789\r\nl: 0\r\n\r\n");
        assertThat(e.statusCode()).isEqualTo(513);
        assertThat(e.field()).isEqualTo("Subject");
        assertThat(e.limit()).isEqualTo(64);
    }

    @Test
    void headerBytesLimit() {
        SipLimits limits = SipLimits.DEFAULTS.withHeaderLimits(100, 8192, 300);
        SipMessageDecoder decoder = new SipMessageDecoder(limits, CompliancePolicy.LENIENT, new ComplianceCounters());

        assertThat(decoder.decode(bytes(OPTIONS + "Subject: " + "x".repeat(10) + "\r\nl: 0\r\n\r\n"))).isNotNull();
        SipParseException e = failure(decoder, OPTIONS + "Subject: " + "x".repeat(40) + "\r\nl: 0\r\n\r\n");
        assertThat(e.statusCode()).isEqualTo(513);
        assertThat(e.limit()).isEqualTo(300);
    }

    @Test
    void bodyLimit() {
        SipMessageDecoder decoder = new SipMessageDecoder(SipLimits.DEFAULTS.withMaxBodySize(4),
                CompliancePolicy.LENIENT, new ComplianceCounters());

        assertThat(decoder.decode(bytes(OPTIONS + "l: 4\r\n\r\nabcd")).contentLength()).isEqualTo(4);
        SipParseException e = failure(decoder, OPTIONS + "l: 5\r\n\r\nabcde");
        assertThat(e.statusCode()).isEqualTo(413);
        assertThat(e.field()).isEqualTo("Content-Length");
        assertThat(e.limit()).isEqualTo(4);
        assertThat(failure(decoder, OPTIONS + "\r\nabcde").statusCode()).isEqualTo(413);
    }

    @Test
    void requestUriLengthLimitIs414() {
        SipLimits limits = new SipLimits(8192, 100, 8192, 32768, 65536, 32, 32);
        SipMessageDecoder decoder = new SipMessageDecoder(limits, CompliancePolicy.LENIENT, new ComplianceCounters());

        SipParseException e = failure(decoder, OPTIONS.replace("sip:bob@biloxi.example.com SIP", "sip:" + "b".repeat(40) + "@x SIP") + "l: 0\r\n\r\n");
        assertThat(e.statusCode()).isEqualTo(414);
        assertThat(e.field()).isEqualTo("Request-URI");
        assertThat(e.limit()).isEqualTo(32);
    }

    @Test
    void startLineLimit() {
        SipLimits limits = new SipLimits(64, 100, 8192, 32768, 65536, 4096, 32);
        SipMessageDecoder decoder = new SipMessageDecoder(limits, CompliancePolicy.LENIENT, new ComplianceCounters());

        SipParseException e = failure(decoder, "OPTIONS sip:" + "b".repeat(80) + "@x SIP/2.0\r\nl: 0\r\n\r\n");
        assertThat(e.statusCode()).isEqualTo(414);
        assertThat(e.limit()).isEqualTo(64);
    }

    @Test
    void datagramSizeLimit() {
        SipLimits limits = new SipLimits(64, 100, 128, 128, 128, 64, 8);
        SipMessageDecoder decoder = new SipMessageDecoder(limits, CompliancePolicy.LENIENT, new ComplianceCounters());

        assertThatThrownBy(() -> decoder.decode(new byte[limits.maxMessageSize() + 1]))
                .isInstanceOfSatisfying(SipParseException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(513);
                    assertThat(e.limit()).isEqualTo(limits.maxMessageSize());
                });
    }

    @Test
    void malformedCoreHeaderNamesTheField() {
        SipParseException e = failure(lenient, OPTIONS.replace("CSeq: 63104 OPTIONS", "CSeq: OPTIONS") + "l: 0\r\n\r\n");

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.field()).isEqualTo("CSeq");
        assertThat(e.warningText()).isEqualTo("Bad CSeq: missing sequence number");
    }

    @Test
    void badRequestResponseEchoesTransactionFieldsWithWarning() {
        SipParseException e = failure(lenient, OPTIONS.replace("Max-Forwards: 70", "Max-Forwards: 70000") + "l: 0\r\n\r\n");

        SipResponse answer = e.response("osprey", "z9");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.header("Warning")).isEqualTo("399 osprey \"Bad Max-Forwards: value too large (limit 255)\"");
        assertThat(answer.topVia().branch().value()).isEqualTo("z9hG4bKhjhs8ass877");
        assertThat(answer.callId().value()).isEqualTo("a84b4c76e66710");
        assertThat(answer.cseq().method()).isEqualTo("OPTIONS");
        assertThat(answer.from().tag()).isEqualTo("1928301774");
        assertThat(answer.to().tag()).isEqualTo("z9");
        assertThat(answer.hasHeader("Max-Forwards")).isFalse();
    }

    @Test
    void badResponsesAreMarkedForDropping() {
        SipParseException e = failure(lenient, "SIP/2.0 200 OK\r\nCSeq: x\r\n\r\n");

        assertThat(e.isRequest()).isFalse();
        assertThat(e.response("osprey", "t")).isNull();
    }

    @Test
    void responsesDecode() {
        SipResponse r = (SipResponse) lenient.decode(bytes("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP a.example.com;branch=z9hG4bK1\r\nl: 0\r\n\r\n"));

        assertThat(r.statusCode()).isEqualTo(180);
        assertThat(r.reasonPhrase()).isEqualTo("Ringing");
        assertThat(r.headerLines(SipHeaderName.CONTENT_LENGTH)).isEqualTo(1);
    }

    @Test
    void reasonPhraseMustBeUtf8() {
        byte[] wire = bytes("SIP/2.0 200 OK?\r\nl: 0\r\n\r\n");
        wire[14] = (byte) 0xFF;

        SipParseException e = assertThrowsParse(wire);

        assertThat(e.isRequest()).isFalse();
        assertThat(e.reason()).contains("UTF-8");
        assertThat(((SipResponse) lenient.decode(bytes("SIP/2.0 200 \u00e9t\u00e9\r\nl: 0\r\n\r\n"))).reasonPhrase())
                .isEqualTo("\u00e9t\u00e9");
    }

    private SipParseException assertThrowsParse(byte[] wire) {
        try {
            lenient.decode(wire);
        } catch (SipParseException e) {
            return e;
        }
        throw new AssertionError("decoded without error");
    }

    @Test
    void statusLineWithoutReasonSeparator() {
        String noSp = "SIP/2.0 100\r\nl: 0\r\n\r\n";

        assertThat(((SipResponse) lenient.decode(bytes(noSp))).reasonPhrase()).isEmpty();
        assertThat(counters.count(SipCompliance.MISSING_REASON_PHRASE)).isEqualTo(1);
        assertThat(failure(strict, noSp).isRequest()).isFalse();
    }
}
