package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.codec.SipMessageEncoder;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.Via;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RFC 3261 §18.1.1: a request larger than the UDP limit for a UDP hop goes over TCP to the same address and
 * port, with its top Via rewritten to say TCP and the sender's TCP port; over UDP after all when that connection
 * is refused.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class UdpToTcpSwitchTest {

    private static final int MTU_LIMIT = 400;

    /** UDP on {@code udpPort}, TCP on another free port, so the Via rewrite of the port is visible. */
    private static TransportConfig smallMtu(int udpPort) {
        int tcpPort = LoopbackPorts.freePort();
        while (tcpPort == udpPort) {
            tcpPort = LoopbackPorts.freePort();
        }
        return new TransportConfig("127.0.0.1", udpPort, tcpPort, 0, null, null, MTU_LIMIT, 60);
    }

    @Test
    void largeRequestToAUdpHopTravelsOverTcp() throws Exception {
        try (LoopbackPeer alice = LoopbackPeer.start(UdpToTcpSwitchTest::smallMtu);
             LoopbackPeer bob = LoopbackPeer.start(port -> TransportConfig.udpTcp("127.0.0.1", port))) {
            int aliceUdp = alice.address(TransportProtocol.UDP).getPort();
            byte[] body = "x".repeat(MTU_LIMIT).getBytes(StandardCharsets.US_ASCII);
            SipRequest large = SipText.request("MESSAGE",
                            "SIP/2.0/UDP 127.0.0.1:" + aliceUdp + ";branch=z9hG4bKlarge;rport", "switch-large")
                    .toBuilder().body("text/plain", body).build();
            assertThat(SipMessageEncoder.encodedLength(large)).isGreaterThan(MTU_LIMIT);

            alice.send(large, bob.hop(TransportProtocol.UDP));
            InboundMessage atBob = bob.next();

            assertThat(atBob.source().transport()).isEqualTo(TransportProtocol.TCP);
            Via top = atBob.message().topVia();
            assertThat(top.transport()).isEqualTo("TCP");
            assertThat(top.port()).isEqualTo(alice.address(TransportProtocol.TCP).getPort());
            assertThat(top.branch().value()).isEqualTo("z9hG4bKlarge");
            assertThat(top.hasRport()).isTrue();
            assertThat(atBob.message().bodyBytes()).isEqualTo(body);

            bob.respond(SipResponse.forRequest((SipRequest) atBob.message(), 200, null).toTag("b1").build(),
                    atBob.source());
            InboundMessage atAlice = alice.next();
            assertThat(atAlice.source().transport()).isEqualTo(TransportProtocol.TCP);
            assertThat(((SipResponse) atAlice.message()).statusCode()).isEqualTo(200);
            assertThat(alice.transports.stats().sentCount(TransportProtocol.UDP)).isZero();
            assertThat(alice.failures()).isEmpty();
        }
    }

    @Test
    void largeRequestGoesOverUdpAfterAllWhenNothingListensOnTcp() throws Exception {
        // §18.1.1: a TCP reset on a connection tried only for the size means "retry using UDP"; a UE behind a NAT
        // that keeps only its UDP binding is reached that way.
        try (LoopbackPeer alice = LoopbackPeer.start(UdpToTcpSwitchTest::smallMtu);
             LoopbackPeer bob = LoopbackPeer.start(LoopbackPeer::udpOnly)) {
            int aliceUdp = alice.address(TransportProtocol.UDP).getPort();
            byte[] body = "y".repeat(MTU_LIMIT).getBytes(StandardCharsets.US_ASCII);
            SipRequest large = SipText.request("MESSAGE",
                            "SIP/2.0/UDP 127.0.0.1:" + aliceUdp + ";branch=z9hG4bKudpagain;rport", "switch-back")
                    .toBuilder().body("text/plain", body).build();

            alice.send(large, bob.hop(TransportProtocol.UDP));
            InboundMessage atBob = bob.next();

            assertThat(atBob.source().transport()).isEqualTo(TransportProtocol.UDP);
            assertThat(atBob.message().topVia().transport()).isEqualTo("UDP");
            assertThat(atBob.message().topVia().port()).isEqualTo(aliceUdp);
            assertThat(atBob.message().bodyBytes()).isEqualTo(body);
            assertThat(alice.failures()).isEmpty();
        }
    }

    @Test
    void requestWithinTheLimitStaysOnUdp() throws Exception {
        try (LoopbackPeer alice = LoopbackPeer.start(UdpToTcpSwitchTest::smallMtu);
             LoopbackPeer bob = LoopbackPeer.start(port -> TransportConfig.udpTcp("127.0.0.1", port))) {
            int aliceUdp = alice.address(TransportProtocol.UDP).getPort();
            SipRequest small = SipText.request("OPTIONS", "SIP/2.0/UDP 127.0.0.1:" + aliceUdp + ";branch=z9hG4bKs",
                    "switch-small");
            assertThat(SipMessageEncoder.encodedLength(small)).isLessThanOrEqualTo(MTU_LIMIT);

            alice.send(small, bob.hop(TransportProtocol.UDP));
            InboundMessage atBob = bob.next();

            assertThat(atBob.source().transport()).isEqualTo(TransportProtocol.UDP);
            assertThat(atBob.message().topVia().transport()).isEqualTo("UDP");
            assertThat(atBob.message().topVia().port()).isEqualTo(aliceUdp);
        }
    }
}
