package io.osprey.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.osprey.sip.message.SipMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes the stream decoder. Properties: the channel never sees an exception; splitting the input at any point
 * yields the same messages, keep-alives and errors as feeding it whole; every decoded message re-encodes into
 * a frame that decodes to an equivalent message. Seeds are run as a regression test; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class SipStreamDecoderFuzzTest {

    private static final SipLimits SMALL = new SipLimits(512, 40, 1024, 4096, 4096, 512, 16);

    @FuzzTest(maxDuration = "60s")
    void decodeStream(byte[] data) {
        List<Object> whole = run(data);
        int split = data.length == 0 ? 0 : (data[0] & 0xFF) % data.length;
        List<Object> parts = run(Arrays.copyOfRange(data, 0, split), Arrays.copyOfRange(data, split, data.length));

        assertThat(describe(parts)).isEqualTo(describe(whole));
        for (Object o : whole) {
            if (o instanceof SipMessage m) {
                List<Object> again = run(SipTestMessages.roomForReEncoding(SMALL), SipMessageEncoder.encode(m));
                assertThat(again).hasSize(1);
                SipTestMessages.assertEquivalent((SipMessage) again.get(0), m);
            }
        }
    }

    private static List<Object> run(byte[]... chunks) {
        return run(SMALL, chunks);
    }

    private static List<Object> run(SipLimits limits, byte[]... chunks) {
        EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(
                new SipMessageDecoder(limits, CompliancePolicy.LENIENT, new ComplianceCounters())));
        for (byte[] chunk : chunks) {
            ch.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        ch.checkException();
        List<Object> out = new ArrayList<>();
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            out.add(o);
        }
        ch.finishAndReleaseAll();
        return out;
    }

    private static List<String> describe(List<Object> outputs) {
        List<String> out = new ArrayList<>();
        for (Object o : outputs) {
            if (o instanceof SipMessage m) {
                out.add(m.startLine() + SipTestMessages.fieldsWithoutContentLength(m) + Arrays.toString(m.bodyBytes()));
            } else if (o instanceof SipDecodeError e) {
                out.add(e.fatal() + " " + e.error().getMessage());
            } else {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }
}
