package io.osprey.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.osprey.sip.message.SipMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SipStreamDecoderTest {

    private static final String REQUEST = "OPTIONS sip:bob@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP pc33.example.com;branch=z9hG4bK-1\r\nMax-Forwards: 70\r\n"
            + "To: <sip:bob@example.com>\r\nFrom: <sip:alice@example.com>;tag=1\r\nCall-ID: s1\r\n"
            + "CSeq: 1 OPTIONS\r\nContent-Length: 4\r\n\r\nbody";

    private static EmbeddedChannel channel(boolean clientSide) {
        return new EmbeddedChannel(new SipStreamDecoder(new SipMessageDecoder(), clientSide));
    }

    private static List<Object> feed(EmbeddedChannel ch, byte[]... chunks) {
        for (byte[] chunk : chunks) {
            ch.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        List<Object> out = new ArrayList<>();
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            out.add(o);
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Fixtures that are valid on a stream (they carry an exact Content-Length). */
    @ParameterizedTest
    @ValueSource(strings = {
        "rfc4475/wsinv.dat", "rfc4475/intmeth.dat", "rfc4475/esc01.dat", "rfc4475/escnull.dat", "rfc4475/esc02.dat",
        "rfc4475/lwsdisp.dat", "rfc4475/longreq.dat", "rfc4475/semiuri.dat", "rfc4475/transports.dat",
        "rfc4475/mpart01.dat", "rfc4475/unreason.dat", "rfc4475/noreason.dat", "rfc4475/badbranch.dat",
        "rfc4475/unkscm.dat", "rfc4475/novelsc.dat", "rfc4475/unksm2.dat", "rfc4475/bext01.dat",
        "rfc4475/invut.dat", "rfc4475/regaut01.dat", "rfc4475/bcast.dat", "rfc4475/zeromf.dat",
        "rfc4475/cparam01.dat", "rfc4475/cparam02.dat", "rfc4475/regescrt.dat", "rfc4475/sdp01.dat",
        "ims/invite.sip", "ims/register.sip"})
    void framesEveryMessageSplitAtEveryByteBoundary(String fixture) {
        byte[] wire = SipTestMessages.resource(fixture);
        List<Object> whole = feed(channel(false), wire);
        assertThat(whole).isNotEmpty().allMatch(o -> o instanceof SipMessage);

        for (int split = 1; split < wire.length; split++) {
            byte[] head = java.util.Arrays.copyOfRange(wire, 0, split);
            byte[] tail = java.util.Arrays.copyOfRange(wire, split, wire.length);

            List<Object> parts = feed(channel(false), head, tail);

            assertThat(parts).as("split at %d", split).hasSameSizeAs(whole);
            for (int i = 0; i < parts.size(); i++) {
                SipTestMessages.assertEquivalent((SipMessage) parts.get(i), (SipMessage) whole.get(i));
            }
        }
    }

    @Test
    void byteByByteFeedingOfBackToBackMessages() {
        byte[] wire = bytes(REQUEST + "\r\n\r\n" + REQUEST.replace("Call-ID: s1", "Call-ID: s2"));
        EmbeddedChannel ch = channel(false);
        List<Object> out = new ArrayList<>();

        for (byte b : wire) {
            out.addAll(feed(ch, new byte[] {b}));
        }

        assertThat(out).hasSize(3);
        assertThat(((SipMessage) out.get(0)).callId().value()).isEqualTo("s1");
        assertThat(out.get(1)).isEqualTo(SipKeepAlive.PING);
        assertThat(((SipMessage) out.get(2)).callId().value()).isEqualTo("s2");
        assertThat(((SipMessage) out.get(2)).bodyBytes()).isEqualTo(bytes("body"));
    }

    @Test
    void doubleCrlfIsAPingAndLoneCrlfIsSkipped() {
        EmbeddedChannel ch = channel(false);

        assertThat(feed(ch, bytes("\r\n\r\n"))).containsExactly(SipKeepAlive.PING);
        assertThat(feed(ch, bytes("\r\n"))).isEmpty();
        assertThat(feed(ch, bytes(REQUEST))).hasSize(1).allMatch(o -> o instanceof SipMessage);
    }

    @Test
    void clientSideSeesPongs() {
        assertThat(feed(channel(true), bytes("\r\n\r\n"))).containsExactly(SipKeepAlive.PONG, SipKeepAlive.PONG);
    }

    @Test
    void contentLengthLargerThanReceivedWaits() {
        // RFC 4475 §3.1.2.2 over TCP: nothing to do but wait for more data.
        EmbeddedChannel ch = channel(false);

        assertThat(feed(ch, SipTestMessages.resource("rfc4475/clerr.dat"))).isEmpty();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void badlyFramedInputIsFatal() {
        EmbeddedChannel ch = channel(false);

        List<Object> out = feed(ch, SipTestMessages.resource("rfc4475/ncl.dat"));

        assertThat(out).hasSize(1);
        SipDecodeError error = (SipDecodeError) out.get(0);
        assertThat(error.fatal()).isTrue();
        assertThat(error.error().statusCode()).isEqualTo(400);
        assertThat(error.error().field()).isEqualTo("Content-Length");
        assertThat(error.error().response("osprey", "t1").header("Warning")).contains("negative value");
        assertThat(feed(ch, bytes(REQUEST))).as("input after a framing error is discarded").isEmpty();
    }

    @Test
    void missingOrRepeatedContentLengthIsFatal() {
        List<Object> missing = feed(channel(false), bytes(REQUEST.replace("Content-Length: 4\r\n", "")));
        List<Object> repeated = feed(channel(false), SipTestMessages.resource("rfc4475/mcl01.dat"));

        assertThat(((SipDecodeError) missing.get(0)).fatal()).isTrue();
        assertThat(((SipDecodeError) missing.get(0)).error().reason()).contains("missing");
        assertThat(((SipDecodeError) repeated.get(0)).fatal()).isTrue();
        assertThat(((SipDecodeError) repeated.get(0)).error().reason()).contains("more than one");
    }

    @Test
    void malformedButFramedMessageIsNotFatal() {
        EmbeddedChannel ch = channel(false);
        String badVia = REQUEST.replace("Via: SIP/2.0/TCP pc33.example.com;branch=z9hG4bK-1", "Via: SIP/2.0/TCP ;;");

        List<Object> out = feed(ch, bytes(badVia + REQUEST));

        assertThat(out).hasSize(2);
        assertThat(((SipDecodeError) out.get(0)).fatal()).isFalse();
        assertThat(((SipDecodeError) out.get(0)).error().field()).isEqualTo("Via");
        assertThat(out.get(1)).isInstanceOf(SipMessage.class);
    }

    @Test
    void oversizeHeadIsFatal() {
        SipLimits limits = new SipLimits(64, 100, 128, 128, 128, 64, 8);
        EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(
                new SipMessageDecoder(limits, CompliancePolicy.LENIENT, new ComplianceCounters())));

        List<Object> out = feed(ch, bytes("OPTIONS sip:a@b SIP/2.0\r\nSubject: " + "x".repeat(300)));

        SipDecodeError error = (SipDecodeError) out.get(0);
        assertThat(error.fatal()).isTrue();
        assertThat(error.error().statusCode()).isEqualTo(513);
        assertThat(error.error().limit()).isEqualTo(64 + 2 + 128 + 2);
    }

    @Test
    void oversizeBodyIsFatal() {
        SipMessageDecoder small = new SipMessageDecoder(SipLimits.DEFAULTS.withMaxBodySize(3),
                CompliancePolicy.LENIENT, new ComplianceCounters());

        List<Object> out = feed(new EmbeddedChannel(new SipStreamDecoder(small)), bytes(REQUEST));

        SipDecodeError error = (SipDecodeError) out.get(0);
        assertThat(error.fatal()).isTrue();
        assertThat(error.error().statusCode()).isEqualTo(413);
        assertThat(error.error().limit()).isEqualTo(3);
    }
}
