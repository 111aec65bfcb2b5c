package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.codec.SipKeepAlive;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIP over TCP on loopback (RFC 3261 §18): responses go back on the connection the request came on (§18.2.2),
 * connections are reused, CRLF keep-alives are answered (RFC 5626 §4.4.1), and lost framing closes the connection
 * (§18.3).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TcpTransportTest {

    /** A sent-by nobody listens on: a response reaches the client only over the request's connection. */
    private static final String UNREACHABLE_VIA = "SIP/2.0/TCP 192.0.2.7:9;branch=";

    private LoopbackPeer bob;

    @BeforeEach
    void startBob() throws InterruptedException {
        bob = LoopbackPeer.start(LoopbackPeer::tcpOnly);
    }

    @AfterEach
    void stopBob() {
        bob.close();
    }

    @Test
    void responseGoesBackOnTheRequestsConnectionWhichTheNextRequestReuses() throws Exception {
        try (LoopbackPeer alice = LoopbackPeer.start(LoopbackPeer::tcpOnly)) {
            alice.send(SipText.request("OPTIONS", UNREACHABLE_VIA + "z9hG4bKtcp1", "tcp-1"),
                    bob.hop(TransportProtocol.TCP));
            InboundMessage atBob = bob.next();

            assertThat(atBob.source().transport()).isEqualTo(TransportProtocol.TCP);
            assertThat(atBob.source().remote().getPort())
                    .as("Alice connects from an ephemeral port, not her listener")
                    .isNotEqualTo(alice.address(TransportProtocol.TCP).getPort());
            assertThat(atBob.message().topVia().received()).isEqualTo("127.0.0.1");

            bob.respond(SipResponse.forRequest((SipRequest) atBob.message(), 200, null).toTag("b1").build(),
                    atBob.source());
            InboundMessage atAlice = alice.next();

            assertThat(((SipResponse) atAlice.message()).statusCode()).isEqualTo(200);
            assertThat(atAlice.source().transport()).isEqualTo(TransportProtocol.TCP);
            assertThat(atAlice.source().local()).as("the response came over Alice's own connection")
                    .isEqualTo(atBob.source().remote());

            alice.send(SipText.request("OPTIONS", UNREACHABLE_VIA + "z9hG4bKtcp2", "tcp-2"),
                    bob.hop(TransportProtocol.TCP));
            InboundMessage second = bob.next();

            assertThat(second.message().callId().value()).isEqualTo("tcp-2");
            assertThat(second.source().remote()).as("second request reuses the connection")
                    .isEqualTo(atBob.source().remote());
            assertThat(bob.transports.stats().receivedCount(TransportProtocol.TCP)).isEqualTo(2);
            assertThat(alice.failures()).isEmpty();
            assertThat(bob.failures()).isEmpty();
        }
    }

    @Test
    void answersADoubleCrlfPingWithACrlfPong() throws Exception {
        try (RawTcpClient client = new RawTcpClient(bob.address(TransportProtocol.TCP))) {
            client.write(SipKeepAlive.PING_BYTES);

            assertThat(client.read(2)).isEqualTo(SipKeepAlive.PONG_BYTES);

            client.write(SipText.requestText("OPTIONS", UNREACHABLE_VIA + "z9hG4bKping", "tcp-after-ping", "", ""));
            InboundMessage delivered = bob.next();
            assertThat(delivered.message().callId().value()).isEqualTo("tcp-after-ping");
            assertThat(delivered.source().remote()).isEqualTo(client.localAddress());
        }
    }

    @Test
    void answersARequestWithoutContentLengthWith400ThenCloses() throws Exception {
        try (RawTcpClient client = new RawTcpClient(bob.address(TransportProtocol.TCP))) {
            client.write(SipText.requestText("OPTIONS", UNREACHABLE_VIA + "z9hG4bKnocl", "tcp-no-length", "", "")
                    .replace("Content-Length: 0\n", ""));

            String answer = client.readUntilClosed();

            assertThat(answer).startsWith("SIP/2.0 400 ");
            assertThat(answer).contains("\r\nWarning: 399 127.0.0.1 \"Bad Content-Length: missing on a stream");
            assertThat(answer).contains("\r\nCall-ID: tcp-no-length\r\n");
            assertThat(bob.transports.stats().malformedCount()).isEqualTo(1);
        }
    }

    @Test
    void closesWithoutAnswerWhenAResponseLosesFraming() throws Exception {
        try (RawTcpClient client = new RawTcpClient(bob.address(TransportProtocol.TCP))) {
            client.write("SIP/2.0 200 OK\nVia: " + UNREACHABLE_VIA + "z9hG4bKresp\n"
                    + "Call-ID: tcp-bad-response\nCSeq: 1 OPTIONS\nContent-Length: 1\nContent-Length: 2\n\nab");

            assertThat(client.readUntilClosed()).isEmpty();
            assertThat(bob.transports.stats().malformedCount()).isEqualTo(1);
        }
    }

    @Test
    void keepsTheConnectionAfterAFramedButMalformedRequest() throws Exception {
        try (RawTcpClient client = new RawTcpClient(bob.address(TransportProtocol.TCP))) {
            client.write(SipText.requestText("OPTIONS", UNREACHABLE_VIA + "z9hG4bKbad", "tcp-bad-cseq", "", "")
                    .replace("CSeq: 1 OPTIONS", "CSeq: x OPTIONS"));

            String answer = client.readMessage();
            assertThat(answer).startsWith("SIP/2.0 400 ").contains("\r\nCall-ID: tcp-bad-cseq\r\n");

            assertConnectionStillDelivers(client, "tcp-after-bad-cseq");
        }
    }

    @Test
    void keepsTheConnectionAfterAFramedRequestTooBrokenToAnswer() throws Exception {
        try (RawTcpClient client = new RawTcpClient(bob.address(TransportProtocol.TCP))) {
            client.write("garbage\nContent-Length: 0\n\n");
            // separate the next request from this one, which would otherwise share its read
            LoopbackPeer.await("garbage counted as malformed", () -> bob.transports.stats().malformedCount() == 1);

            assertConnectionStillDelivers(client, "tcp-after-garbage");
        }
    }

    private void assertConnectionStillDelivers(RawTcpClient client, String callId) throws Exception {
        client.write(SipText.requestText("OPTIONS", UNREACHABLE_VIA + "z9hG4bKnext", callId, "", ""));
        InboundMessage delivered = bob.next();
        assertThat(delivered.message().callId().value()).isEqualTo(callId);
        assertThat(delivered.source().remote()).isEqualTo(client.localAddress());
    }

    @Test
    void aViaAliasLetsRequestsInTheReverseDirectionReuseTheConnection() throws Exception {
        try (LoopbackPeer alice = LoopbackPeer.start(LoopbackPeer::tcpOnly)) {
            int aliceListener = alice.address(TransportProtocol.TCP).getPort();
            alice.send(SipText.request("OPTIONS", "SIP/2.0/TCP 127.0.0.1:" + aliceListener + ";alias;branch=z9hG4bKal1",
                    "alias-1"), bob.hop(TransportProtocol.TCP));
            InboundMessage atBob = bob.next();

            // RFC 5923 §5: Bob's request to Alice's listener address goes over the connection Alice opened.
            bob.send(SipText.request("OPTIONS", "SIP/2.0/TCP 127.0.0.1:" + bob.address(TransportProtocol.TCP).getPort()
                    + ";branch=z9hG4bKal2", "alias-2"), alice.hop(TransportProtocol.TCP));
            InboundMessage atAlice = alice.next();

            assertThat(atAlice.source().remote()).as("arrived from Bob's listener side of Alice's connection")
                    .isEqualTo(atBob.source().local());
            assertThat(atAlice.source().local()).isEqualTo(atBob.source().remote());
        }
    }

    @Test
    void withoutAnAliasTheReverseDirectionOpensItsOwnConnection() throws Exception {
        try (LoopbackPeer alice = LoopbackPeer.start(LoopbackPeer::tcpOnly)) {
            int aliceListener = alice.address(TransportProtocol.TCP).getPort();
            alice.send(SipText.request("OPTIONS", "SIP/2.0/TCP 127.0.0.1:" + aliceListener + ";branch=z9hG4bKna1",
                    "noalias-1"), bob.hop(TransportProtocol.TCP));
            InboundMessage atBob = bob.next();

            bob.send(SipText.request("OPTIONS", "SIP/2.0/TCP 127.0.0.1:" + bob.address(TransportProtocol.TCP).getPort()
                    + ";branch=z9hG4bKna2", "noalias-2"), alice.hop(TransportProtocol.TCP));
            InboundMessage atAlice = alice.next();

            assertThat(atAlice.source().local()).isNotEqualTo(atBob.source().remote());
            assertThat(atAlice.source().local().getPort()).isEqualTo(aliceListener);
        }
    }
}
