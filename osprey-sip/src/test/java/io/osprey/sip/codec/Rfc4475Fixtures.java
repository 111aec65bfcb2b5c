package io.osprey.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import java.util.ArrayList;
import java.util.List;

/** Shared plumbing of the RFC 4475 conformance tests: decoders in both modes, validators, round trips. */
abstract class Rfc4475Fixtures {

    final ComplianceCounters counters = new ComplianceCounters();
    final SipMessageDecoder lenient = new SipMessageDecoder(SipLimits.DEFAULTS, CompliancePolicy.LENIENT, counters);
    final SipMessageDecoder strict =
            new SipMessageDecoder(SipLimits.DEFAULTS, CompliancePolicy.STRICT, new ComplianceCounters());

    static byte[] wire(String name) {
        return SipTestMessages.resource("rfc4475/" + name + ".dat");
    }

    /** Decodes a fixture as a datagram, leniently, and checks that it re-encodes to an equivalent message. */
    SipMessage valid(String name) {
        SipMessage m = lenient.decode(wire(name));
        assertThat(m).isNotNull();
        SipMessage again = lenient.decode(SipMessageEncoder.encode(m));
        SipTestMessages.assertEquivalent(again, m);
        return m;
    }

    SipRequest validRequest(String name) {
        return (SipRequest) valid(name);
    }

    /** The failure decoding a fixture as a datagram with {@code decoder}. */
    static SipParseException rejected(SipMessageDecoder decoder, String name) {
        try {
            SipMessage m = decoder.decode(wire(name));
            throw new AssertionError(name + " decoded: " + m.startLine());
        } catch (SipParseException e) {
            return e;
        }
    }

    /** Everything a stream decoder emits for a fixture. */
    static List<Object> overStream(String name) {
        EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(new SipMessageDecoder()));
        ch.writeInbound(Unpooled.wrappedBuffer(wire(name)));
        List<Object> out = new ArrayList<>();
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            out.add(o);
        }
        return out;
    }

    static SipRequestValidator uas() {
        return SipRequestValidator.builder(SipRequestValidator.Role.UAS).build();
    }

    static SipRequestValidator proxy() {
        return SipRequestValidator.builder(SipRequestValidator.Role.PROXY).build();
    }
}
