package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.Via;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIP over UDP between real sockets on loopback (RFC 3261 §18): one message per datagram, received/rport stamped
 * on arrival, responses sent by the Via (RFC 3581), bad requests answered and bad responses dropped.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class UdpTransportTest {

    private LoopbackPeer bob;

    @BeforeEach
    void startBob() throws InterruptedException {
        bob = LoopbackPeer.start(LoopbackPeer::udpOnly);
    }

    @AfterEach
    void stopBob() {
        bob.close();
    }

    @Test
    void requestAndResponseCrossWithReceivedAndRportStampedByTheReceiver() throws Exception {
        try (LoopbackPeer alice = LoopbackPeer.start(LoopbackPeer::udpOnly)) {
            // a sent-by nobody listens on: the response reaches Alice only through received/rport
            SipRequest options = SipText.request("OPTIONS", "SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKudp1;rport",
                    "udp-round-trip");

            alice.send(options, bob.hop(TransportProtocol.UDP));
            InboundMessage atBob = bob.next();

            Via top = atBob.message().topVia();
            assertThat(top.received()).isEqualTo("127.0.0.1");
            assertThat(top.rport()).isEqualTo(alice.address(TransportProtocol.UDP).getPort());
            assertThat(atBob.source()).isEqualTo(new Source(TransportProtocol.UDP,
                    alice.address(TransportProtocol.UDP), bob.address(TransportProtocol.UDP)));

            SipRequest received = (SipRequest) atBob.message();
            bob.respond(SipResponse.forRequest(received, 200, null).toTag("b1").build(), atBob.source());
            InboundMessage atAlice = alice.next();

            SipResponse response = (SipResponse) atAlice.message();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.callId()).isEqualTo(options.callId());
            assertThat(response.topVia().branch().value()).isEqualTo("z9hG4bKudp1");
            assertThat(atAlice.source().remote()).isEqualTo(bob.address(TransportProtocol.UDP));
            assertThat(alice.transports.stats().sentCount(TransportProtocol.UDP)).isEqualTo(1);
            assertThat(bob.transports.stats().receivedCount(TransportProtocol.UDP)).isEqualTo(1);
            assertThat(alice.failures()).isEmpty();
            assertThat(bob.failures()).isEmpty();
        }
    }

    @Test
    void aResponseGoesToTheViaMaddrAndSentByPortInsteadOfReceivedAndRport() throws Exception {
        try (LoopbackPeer alice = LoopbackPeer.start(LoopbackPeer::udpOnly); RawUdpClient carol = new RawUdpClient()) {
            // RFC 3261 §18.2.2: Alice asks for the response at maddr 127.0.0.1 and the sent-by port, where Carol is
            SipRequest options = SipText.request("OPTIONS",
                    "SIP/2.0/UDP 192.0.2.7:" + carol.port() + ";branch=z9hG4bKmaddr;maddr=127.0.0.1;rport",
                    "udp-maddr");

            alice.send(options, bob.hop(TransportProtocol.UDP));
            InboundMessage atBob = bob.next();
            assertThat(atBob.message().topVia().rport()).as("stamped, but maddr wins")
                    .isEqualTo(alice.address(TransportProtocol.UDP).getPort());
            bob.respond(SipResponse.forRequest((SipRequest) atBob.message(), 200, null).toTag("b1").build(),
                    atBob.source());

            SipResponse atCarol = (SipResponse) carol.receive();
            assertThat(atCarol.statusCode()).isEqualTo(200);
            assertThat(atCarol.callId()).isEqualTo(options.callId());
            assertThat(bob.failures()).isEmpty();
        }
    }

    @Test
    void aKeptResponseIsResentByteForByteToTheSameDestination() throws Exception {
        try (RawUdpClient alice = new RawUdpClient()) {
            String options = SipText.requestText("OPTIONS",
                    "SIP/2.0/UDP 127.0.0.1:" + alice.port() + ";branch=z9hG4bKkept", "udp-kept", "", "");
            alice.send(SipText.wire(options), bob.address(TransportProtocol.UDP));
            InboundMessage atBob = bob.next();
            SipResponse ok = SipResponse.forRequest((SipRequest) atBob.message(), 200, null).toTag("b1").build();

            MessageSender.KeptResponse kept = bob.transports.sendAndKeepResponse(ok, atBob.source(), bob.failures()::add);
            String first = alice.receiveText();
            kept.resend(bob.failures()::add);
            String again = alice.receiveText();

            assertThat(again).isEqualTo(first);
            SipResponse decoded = (SipResponse) new SipMessageDecoder().decode(first.getBytes(StandardCharsets.UTF_8));
            assertThat(decoded.callId().value()).isEqualTo("udp-kept");
            assertThat(bob.transports.stats().sentCount(TransportProtocol.UDP)).isEqualTo(2);
            assertThat(bob.failures()).isEmpty();
        }
    }

    @Test
    void deliversARequestWhoseViaMatchesItsSourceUnchanged() throws Exception {
        try (LoopbackPeer alice = LoopbackPeer.start(LoopbackPeer::udpOnly)) {
            String via = "SIP/2.0/UDP 127.0.0.1:" + alice.address(TransportProtocol.UDP).getPort()
                    + ";branch=z9hG4bKudp2";

            alice.send(SipText.request("OPTIONS", via, "udp-unchanged"), bob.hop(TransportProtocol.UDP));

            Via top = bob.next().message().topVia();
            assertThat(top.toString()).isEqualTo(via);
            assertThat(top.received()).isNull();
        }
    }

    @Test
    void answersAMalformedRequestWith400AndAWarning() throws Exception {
        try (RawUdpClient client = new RawUdpClient()) {
            client.send(SipText.requestText("OPTIONS", via(client, "z9hG4bKbad"), "udp-bad-cseq", "", "")
                    .replace("CSeq: 1 OPTIONS", "CSeq: x OPTIONS"), bobUdp());

            // the answer echoes the bad CSeq as received (RFC 3261 §8.2.6.2), so it is read as text
            String answer = client.receiveText();

            assertThat(answer).startsWith("SIP/2.0 400 ");
            assertThat(answer).contains("\r\nWarning: 399 127.0.0.1 \"Bad CSeq: missing sequence number\"\r\n");
            assertThat(answer).contains("\r\nCall-ID: udp-bad-cseq\r\n", "\r\nCSeq: x OPTIONS\r\n");
            assertThat(answer).contains("\r\nVia: " + via(client, "z9hG4bKbad") + "\r\n");
            assertThat(answer).as("a final response carries a To tag (RFC 3261 §8.2.6.2)").containsPattern(
                    "\r\nTo: [^\r]*;tag=[0-9a-f]+\r\n");
            assertThat(bob.transports.stats().malformedCount()).isEqualTo(1);
            assertNextDeliveredIsTheMarker(client);
        }
    }

    @Test
    void dropsAMalformedResponseSilently() throws Exception {
        try (RawUdpClient client = new RawUdpClient()) {
            String head = "SIP/2.0 200 OK\n" + "Via: " + via(client, "z9hG4bKresp") + "\n"
                    + "From: <sip:alice@example.com>;tag=a1\nTo: <sip:bob@example.com>;tag=b1\n"
                    + "Call-ID: udp-bad-response\n";
            client.send(head + "CSeq: abc\nContent-Length: 0\n\n", bobUdp());
            // RFC 4475 §3.1.2.2: a Content-Length beyond the datagram is an error
            client.send(head + "CSeq: 1 OPTIONS\nContent-Length: 500\n\nshort", bobUdp());

            assertNextDeliveredIsTheMarker(client);
            assertThat(bob.transports.stats().malformedCount()).isEqualTo(2);
        }
    }

    @Test
    void ignoresBlankKeepAliveDatagrams() throws Exception {
        try (RawUdpClient client = new RawUdpClient()) {
            client.send("\n\n", bobUdp());
            client.send(new byte[] {'\r', '\n'}, bobUdp());

            assertNextDeliveredIsTheMarker(client);
            assertThat(bob.transports.stats().malformedCount()).isZero();
        }
    }

    @Test
    void dropsARequestTooBrokenToAnswer() throws Exception {
        try (RawUdpClient client = new RawUdpClient()) {
            client.send("garbage\n\n", bobUdp());

            assertNextDeliveredIsTheMarker(client);
            assertThat(bob.transports.stats().malformedCount()).isEqualTo(1);
        }
    }

    private InetSocketAddress bobUdp() {
        return bob.address(TransportProtocol.UDP);
    }

    private static String via(RawUdpClient client, String branch) {
        return "SIP/2.0/UDP 127.0.0.1:" + client.port() + ";branch=" + branch;
    }

    /**
     * Sends a valid OPTIONS after whatever the test sent, and checks it is the next message Bob delivers and that
     * Bob's answer to it is the first datagram the client gets: anything Bob sent or delivered for the earlier
     * datagrams (one socket, one event loop, in order) would have come first.
     */
    private void assertNextDeliveredIsTheMarker(RawUdpClient client) throws Exception {
        client.send(SipText.requestText("OPTIONS", via(client, "z9hG4bKmarker"), "udp-marker", "", ""), bobUdp());

        InboundMessage delivered = bob.next();
        assertThat(delivered.message().callId().value()).isEqualTo("udp-marker");
        bob.respond(SipResponse.forRequest((SipRequest) delivered.message(), 200, null).toTag("m").build(),
                delivered.source());
        SipMessage first = client.receive();
        assertThat(first.callId().value()).isEqualTo("udp-marker");
        assertThat(((SipResponse) first).statusCode()).isEqualTo(200);
    }
}
