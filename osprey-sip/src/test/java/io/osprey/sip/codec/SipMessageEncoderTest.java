package io.osprey.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.Via;
import io.osprey.sip.uri.SipUri;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SipMessageEncoderTest {

    private final SipMessageDecoder decoder = new SipMessageDecoder();

    /** Valid fixtures with a Content-Length that frames them exactly; they must come back byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {
        "rfc4475/wsinv.dat", "rfc4475/intmeth.dat", "rfc4475/esc01.dat", "rfc4475/escnull.dat", "rfc4475/esc02.dat",
        "rfc4475/lwsdisp.dat", "rfc4475/longreq.dat", "rfc4475/semiuri.dat", "rfc4475/transports.dat",
        "rfc4475/mpart01.dat", "rfc4475/unreason.dat", "rfc4475/noreason.dat", "rfc4475/badbranch.dat",
        "rfc4475/unkscm.dat", "rfc4475/novelsc.dat", "rfc4475/unksm2.dat", "rfc4475/bext01.dat",
        "rfc4475/invut.dat", "rfc4475/regaut01.dat", "rfc4475/bcast.dat", "rfc4475/zeromf.dat",
        "rfc4475/cparam01.dat", "rfc4475/cparam02.dat", "rfc4475/regescrt.dat", "rfc4475/sdp01.dat",
        "ims/invite.sip", "ims/register.sip"})
    void unchangedMessagesAreWrittenByteForByte(String fixture) {
        byte[] wire = SipTestMessages.resource(fixture);
        SipMessage m = decoder.decode(wire);
        int framed = wire.length - trailing(wire, m);

        byte[] encoded = SipMessageEncoder.encode(m);

        assertThat(new String(encoded, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(wire, 0, framed, StandardCharsets.ISO_8859_1));
        assertThat(SipMessageEncoder.encodedLength(m)).isEqualTo(encoded.length);
    }

    /** Octets after the Content-Length body (some fixtures end with an extra CRLF). */
    private static int trailing(byte[] wire, SipMessage m) {
        byte[] body = m.bodyBytes();
        for (int end = wire.length; end >= body.length; end--) {
            if (Arrays.equals(wire, end - body.length, end, body, 0, body.length)) {
                return wire.length - end;
            }
        }
        throw new AssertionError("body not found");
    }

    @Test
    void proxyChangesLeaveOtherLinesUntouched() {
        byte[] wire = SipTestMessages.resource("rfc4475/wsinv.dat");
        SipRequest in = (SipRequest) decoder.decode(wire);

        SipRequest out = in.toBuilder()
                .addFirst("Via", Via.of("UDP", "proxy.example.com", 5060, "z9hG4bK-p1").toString())
                .set("Max-Forwards", Integer.toString(in.maxForwards() - 1))
                .build();
        String encoded = new String(SipMessageEncoder.encode(out), StandardCharsets.ISO_8859_1);
        String original = new String(wire, StandardCharsets.ISO_8859_1);

        assertThat(encoded).contains("Max-Forwards: 67\r\n");
        assertThat(encoded).doesNotContain("MaX-fOrWaRdS");
        assertThat(encoded).contains("Via: SIP/2.0/UDP proxy.example.com:5060;branch=z9hG4bK-p1\r\nVia  : SIP  /   2.0\r\n /UDP\r\n");
        assertThat(encoded).contains("from   : \"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com>\r\n  ;\r\n  tag = 98asjd8\r\n");
        assertThat(encoded).contains("v:  SIP  / 2.0  / TCP     spindle.example.com   ;\r\n  branch  =   z9hG4bK9ikj8  ,\r\n");
        assertThat(encoded.length()).isEqualTo(original.length() + "Via: SIP/2.0/UDP proxy.example.com:5060;branch=z9hG4bK-p1\r\n".length()
                - "MaX-fOrWaRdS: 0068".length() + "Max-Forwards: 67".length());
        SipTestMessages.assertEquivalent(decoder.decode(encoded.getBytes(StandardCharsets.ISO_8859_1)), out);
    }

    @Test
    void contentLengthIsRecomputed() {
        SipRequest in = (SipRequest) decoder.decode(SipTestMessages.resource("ims/invite.sip"));

        SipRequest noBody = in.toBuilder().body(null, null).build();
        String encoded = new String(SipMessageEncoder.encode(noBody), StandardCharsets.US_ASCII);

        assertThat(encoded).contains("\r\nContent-Length: 0\r\n\r\n");
        assertThat(encoded).endsWith("\r\n\r\n");
        assertThat(encoded).doesNotContain("Content-Type");
    }

    @Test
    void contentLengthIsAddedWhenMissing() {
        SipRequest built = SipRequest.builder("MESSAGE", SipUri.parse("sip:bob@example.com"))
                .add("Call-ID", "m1")
                .body("text/plain", "hi".getBytes(StandardCharsets.US_ASCII))
                .build();

        assertThat(new String(SipMessageEncoder.encode(built), StandardCharsets.US_ASCII)).isEqualTo(
                "MESSAGE sip:bob@example.com SIP/2.0\r\nCall-ID: m1\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 2\r\n\r\nhi");
    }

    @Test
    void encodesIntoAByteBuf() {
        SipResponse ok = SipResponse.builder(200, null).add("CSeq", "1 OPTIONS").build();
        ByteBuf out = Unpooled.buffer();

        SipMessageEncoder.encode(ok, out);

        assertThat(out.toString(StandardCharsets.US_ASCII))
                .isEqualTo("SIP/2.0 200 OK\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void nonAsciiReasonPhraseRoundTrips() {
        byte[] wire = SipTestMessages.resource("rfc4475/unreason.dat");
        SipResponse r = (SipResponse) decoder.decode(wire);

        SipResponse again = (SipResponse) decoder.decode(SipMessageEncoder.encode(r));

        assertThat(again.reasonPhrase()).isEqualTo(r.reasonPhrase());
        assertThat(r.reasonPhrase()).startsWith("= 2**3 * 5**2 \u043d\u043e ");
    }
}
