package io.osprey.sip.proxy;

import static io.osprey.sip.proxy.ProxyHarness.HOP_A;
import static io.osprey.sip.proxy.ProxyHarness.invite;
import static io.osprey.sip.proxy.ProxyHarness.parse;
import static io.osprey.sip.proxy.ProxyHarness.request;
import static io.osprey.sip.proxy.ProxyHarness.target;
import static io.osprey.sip.proxy.ProxyHarness.udp;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.TransportProtocol;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the proxy forwards outside transactions: the ACK for a 2xx (RFC 3261 §13.2.2.4, §17.2.1: its own
 * end-to-end request) and 2xx responses that arrive after their client transaction ended (§16.7, §18.1.2).
 */
class StatelessForwardingTest {

    /** Alice's ACK for Bob's 200, sent along the route set (our Record-Route) to Bob's contact. */
    private static final String ACK = """
            ACK sip:bob@192.0.2.20:5060 SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-ack
            Max-Forwards: 70
            Route: <sip:192.0.2.1:5060;lr>
            From: "Alice" <sip:alice@example.com>;tag=a1
            To: <sip:bob@example.com>;tag=b1
            Call-ID: call-1@192.0.2.10
            CSeq: 1 ACK
            Content-Length: 0

            """;

    /** A 200 from downstream whose top Via is one of ours, for a transaction we no longer have. */
    private static final String STRAY_OK = """
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-long-gone
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1;received=192.0.2.10
            From: "Alice" <sip:alice@example.com>;tag=a1
            To: <sip:bob@example.com>;tag=b1
            Call-ID: call-1@192.0.2.10
            CSeq: 1 INVITE
            Content-Length: 0

            """;

    private final ProxyHarness h = new ProxyHarness();

    @Test
    void ackFor2xxIsForwardedWithMaxForwardsDecrementedAndANewVia() {
        h.forwardInParallel(target("sip:bob@192.0.2.20:5060", null));

        h.fromAlice(request(ACK));

        SipRequest forwarded = h.only("ACK", HOP_A).request();
        assertThat(forwarded.requestUri()).hasToString("sip:bob@192.0.2.20:5060");
        assertThat(forwarded.headers("Max-Forwards")).containsExactly("69");
        assertThat(forwarded.vias()).hasSize(2);
        assertThat(forwarded.topVia().host()).isEqualTo("192.0.2.1");
        assertThat(forwarded.topVia().branch().value()).startsWith("z9hG4bK").isNotEqualTo("z9hG4bK-alice-ack");
        assertThat(forwarded.vias().get(1)).hasToString("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-ack");
        assertThat(forwarded.hasHeader("Route")).as("our own Route is consumed").isFalse();
        assertThat(h.proxy.stats().statelessAcks()).isEqualTo(1);
    }

    @Test
    void ackFor2xxStartsNoTransactionAndIsNeverRetransmitted() {
        h.forwardInParallel(target("sip:bob@192.0.2.20:5060", null));

        h.fromAlice(request(ACK));
        h.advance(Duration.ofSeconds(40));

        assertThat(h.layer.size()).isZero();
        assertThat(h.requests).hasSize(1);
        assertThat(h.responses).isEmpty();
    }

    @Test
    void ackFor2xxFollowsTheRemainingRouteSet() {
        h.decide(new RoutingDecision.Respond(404, "Not Found", "the resolver must not be asked"));

        h.fromAlice(request(ACK.replace("Route: <sip:192.0.2.1:5060;lr>",
                "Route: <sip:192.0.2.1:5060;lr>, <sip:192.0.2.30;lr>")));

        SipRequest forwarded = h.only("ACK", udp("192.0.2.30")).request();
        assertThat(forwarded.headers("Route")).containsExactly("<sip:192.0.2.30;lr>");
        assertThat(forwarded.requestUri()).hasToString("sip:bob@192.0.2.20:5060");
        assertThat(h.resolverCalls).isEmpty();
    }

    @Test
    void ackWithMaxForwardsZeroIsDropped() {
        h.forwardInParallel(target("sip:bob@192.0.2.20:5060", null));

        h.fromAlice(request(ACK.replace("Max-Forwards: 70", "Max-Forwards: 0")));

        assertThat(h.requests).isEmpty();
    }

    @Test
    void strayOkWithOurViaOnTopIsForwardedToTheNextVia() {
        h.fromDownstream((SipResponse) parse(STRAY_OK), HOP_A);

        assertThat(h.responses).hasSize(1);
        SipResponse upstream = h.responses.get(0).response();
        assertThat(upstream.statusCode()).isEqualTo(200);
        assertThat(upstream.headers("Via"))
                .containsExactly("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1;received=192.0.2.10");
        assertThat(h.responses.get(0).source().transport()).isEqualTo(TransportProtocol.UDP);
        assertThat(h.proxy.stats().strayResponsesForwarded()).isEqualTo(1);
    }

    @Test
    void retransmitted2xxAfterTheTransactionEndedIsStillForwardedUpstream() {
        h.forwardInParallel(target("sip:bob@192.0.2.20", HOP_A));
        h.fromAlice(invite());
        SipResponse ok = h.answer(h.only("INVITE", HOP_A), 200, "OK", "b1");
        h.advance(Duration.ofSeconds(33)); // timer M ends the client transaction
        assertThat(h.layer.size()).isZero();

        h.fromDownstream(ok, HOP_A);

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 200, 200);
        assertThat(h.lastUpstream("INVITE").headers("Via"))
                .containsExactly("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1");
        assertThat(h.proxy.stats().strayResponsesForwarded()).isEqualTo(1);
    }

    @Test
    void strayResponseWhoseTopViaIsNotOursIsDropped() {
        h.fromDownstream((SipResponse) parse(STRAY_OK.replace("192.0.2.1:5060;branch=z9hG4bK-long-gone",
                "192.0.2.99:5060;branch=z9hG4bK-someone-else")), HOP_A);

        assertThat(h.responses).isEmpty();
        assertThat(h.proxy.stats().strayResponsesForwarded()).isZero();
    }

    @Test
    void strayResponseWithNoViaBelowOursIsDropped() {
        h.fromDownstream((SipResponse) parse(STRAY_OK.replace(
                "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1;received=192.0.2.10\n", "")), HOP_A);

        assertThat(h.responses).isEmpty();
    }
}
