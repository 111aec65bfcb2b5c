package io.osprey.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.codec.SipMessageEncoder;
import io.osprey.sip.message.CSeq;
import io.osprey.sip.message.CallId;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.Via;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SIP codec throughput on one core: decode plus encode of a 1 KB IMS INVITE (two Vias, Route, Record-Route,
 * P-Asserted-Identity, P-Charging-Vector, Contact with +sip.instance, Supported, Allow, SDP) and of an IMS
 * REGISTER, and the work of a proxy hop: decode, read Call-ID, CSeq, top Via and Max-Forwards, push a Via,
 * decrement Max-Forwards, encode. Target: 300,000 INVITE decode+encode per second.
 *
 * <p>Run: {@code java -jar osprey-bench/target/benchmarks.jar SipCodec}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SipCodecBenchmark {

    private final SipMessageDecoder decoder = new SipMessageDecoder();
    private final ByteBuf out = Unpooled.buffer(4096);
    private byte[] invite;
    private byte[] register;
    private SipMessage decodedInvite;
    private long branchCounter;

    @Setup
    public void load() {
        invite = resource("/sip/ims-invite.sip");
        register = resource("/sip/ims-register.sip");
        decodedInvite = decoder.decode(invite);
    }

    private static byte[] resource(String path) {
        try (InputStream in = SipCodecBenchmark.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int encode(SipMessage message) {
        out.clear();
        SipMessageEncoder.encode(message, out);
        return out.writerIndex();
    }

    @Benchmark
    public int inviteDecodeEncode() {
        return encode(decoder.decode(invite));
    }

    @Benchmark
    public int registerDecodeEncode() {
        return encode(decoder.decode(register));
    }

    @Benchmark
    public SipMessage inviteDecode() {
        return decoder.decode(invite);
    }

    @Benchmark
    public int inviteEncode() {
        return encode(decodedInvite);
    }

    @Benchmark
    public byte[] inviteEncodeToArray() {
        return SipMessageEncoder.encode(decodedInvite);
    }

    @Benchmark
    public int proxyForwardInvite(Blackhole bh) {
        SipRequest request = (SipRequest) decoder.decode(invite);
        CallId callId = request.callId();
        CSeq cseq = request.cseq();
        Via top = request.topVia();
        int maxForwards = request.maxForwards();
        bh.consume(callId);
        bh.consume(cseq);
        SipRequest forwarded = request.toBuilder()
                .addFirst("Via", "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK" + top.branch().value().hashCode()
                        + "." + branchCounter++)
                .set("Max-Forwards", Integer.toString(maxForwards - 1))
                .build();
        return encode(forwarded);
    }
}
