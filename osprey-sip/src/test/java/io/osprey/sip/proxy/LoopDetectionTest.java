package io.osprey.sip.proxy;

import static io.osprey.sip.proxy.ProxyHarness.HOP_A;
import static io.osprey.sip.proxy.ProxyHarness.invite;
import static io.osprey.sip.proxy.ProxyHarness.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.transport.InboundMessage;
import io.osprey.sip.transport.Source;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.UriParser;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 3261 §16.3 step 4 loop detection against the fingerprint in our Via branch (§16.6 step 8). */
class LoopDetectionTest {

    private static final Source FROM_A = new Source(TransportProtocol.UDP, HOP_A.address(),
            new InetSocketAddress(ProxyHarness.PROXY_IP, 5060));

    private final ProxyHarness h = new ProxyHarness();

    /** What A sends back to us after receiving {@code forwarded}: its own Via on top, Max-Forwards one less. */
    private static SipRequest returnedByA(SipRequest forwarded, String requestUri) {
        return forwarded.toBuilder()
                .requestUri(UriParser.parse(requestUri))
                .addFirst("Via", "SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bK-a-back")
                .set("Max-Forwards", Integer.toString(forwarded.maxForwards() - 1))
                .build();
    }

    private void receiveFromA(SipRequest request) {
        h.layer.receive(new InboundMessage(request, FROM_A, h.clock.nanoTime()));
    }

    @Test
    void requestCarryingOurViaWithAnUnchangedFingerprintIsRejectedWith482() {
        h.forwardInParallel(target("sip:bob@example.com", HOP_A));
        h.fromAlice(invite());
        SipRequest forwarded = h.only("INVITE", HOP_A).request();

        receiveFromA(returnedByA(forwarded, "sip:bob@example.com"));

        assertThat(h.sent("INVITE")).as("not forwarded a second time").hasSize(1);
        assertThat(h.responses).extracting(s -> s.response().statusCode()).containsExactly(100, 100, 482);
        assertThat(h.lastUpstream("INVITE").topVia().host()).isEqualTo("192.0.2.20");
        assertThat(h.lastUpstream("INVITE").headers("Warning")).hasSize(1);
        assertThat(h.proxy.stats().loopsDetected()).isEqualTo(1);
    }

    @Test
    void spiralWithAChangedRequestUriIsForwarded() {
        h.forwardInParallel(target("sip:bob@example.com", HOP_A));
        h.fromAlice(invite());
        SipRequest forwarded = h.only("INVITE", HOP_A).request();

        receiveFromA(returnedByA(forwarded, "sip:bob@192.0.2.40:5070"));

        assertThat(h.sent("INVITE", HOP_A)).hasSize(2);
        SipRequest spiralled = h.sent("INVITE", HOP_A).get(1).request();
        assertThat(spiralled.vias()).hasSize(4);
        assertThat(spiralled.topVia().branch()).isNotEqualTo(forwarded.topVia().branch());
        assertThat(h.upstreamCodes("INVITE")).doesNotContain(482);
        assertThat(h.proxy.stats().loopsDetected()).isZero();
    }

    @Test
    void viaOfAnotherHostWithAFingerprintLikeOursIsNoLoop() {
        h.forwardInParallel(target("sip:bob@example.com", HOP_A));
        h.fromAlice(invite());
        SipRequest forwarded = h.only("INVITE", HOP_A).request();
        String ourBranch = forwarded.topVia().branch().value();
        SipRequest foreign = forwarded.toBuilder()
                .removeFirst("Via")
                .addFirst("Via", "SIP/2.0/UDP 192.0.2.99:5060;branch=" + ourBranch)
                .addFirst("Via", "SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bK-a-2")
                .build();

        receiveFromA(foreign);

        assertThat(h.upstreamCodes("INVITE")).doesNotContain(482);
        assertThat(h.sent("INVITE", HOP_A)).hasSize(2);
    }
}
