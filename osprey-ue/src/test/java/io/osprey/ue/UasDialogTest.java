package io.osprey.ue;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.sdp.SdpParser;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.Uri;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The UE as UAS against a plain UAC (the test registrar's stack): it answers an INVITE with an SDP answer and
 * sends RTP to the offered port; a re-INVITE with a new port moves the RTP there (RFC 3264 §8) and is answered
 * under the same o= line; BYE ends the call. A 2xx that is never ACKed ends the call with BYE.
 */
class UasDialogTest {

    private static String offer(int port, int version) {
        return "v=0\r\no=- 42 " + version + " IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 8 0\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    }

    private static SipRequest request(String method, String target, int cseq, String toTag, String body,
                                      int registrarPort) {
        SipRequest.Builder request = SipRequest.builder(method, Uri.parse(target))
                .add("Via", "SIP/2.0/UDP 127.0.0.1:" + registrarPort + ";branch=z9hG4bK" + method + cseq
                        + System.nanoTime())
                .add("Max-Forwards", "70")
                .add("From", "<sip:carol@ims.test>;tag=c1")
                .add("To", "<sip:bob@ims.test>" + (toTag == null ? "" : ";tag=" + toTag))
                .add("Call-ID", "reinvite-test@127.0.0.1")
                .add("CSeq", cseq + " " + method)
                .add("Contact", "<sip:carol@127.0.0.1:" + registrarPort + ">");
        if (body != null) {
            request.body("application/sdp", body.getBytes(StandardCharsets.US_ASCII));
        }
        return request.build();
    }

    /** Waits for one RTP packet on {@code socket}; returns its payload type. */
    private static int receiveRtp(DatagramSocket socket) throws Exception {
        socket.setSoTimeout(3000);
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return -1;
        }
        return packet.getData()[1] & 0x7f;
    }

    @Test
    void reInviteMovesTheMedia() throws Exception {
        try (TestRegistrar uac = TestRegistrar.start(Loopback.REALM, TransportProtocol.UDP);
             UserEquipment bob = Loopback.start("bob", Loopback.deadAddress(), TransportProtocol.UDP, 880);
             DatagramSocket first = new DatagramSocket(0, Loopback.ADDRESS);
             DatagramSocket second = new DatagramSocket(0, Loopback.ADDRESS)) {
            bob.answerMode(AnswerMode.autoAnswer(Duration.ZERO));
            int port = uac.address().getPort();
            InetSocketAddress bobAddress = bob.localSipAddress();

            SipResponse ok = uac.send(request("INVITE", bob.contactUri(), 1, null, offer(first.getLocalPort(), 1),
                    port), bobAddress).get(5, SECONDS);
            assertThat(ok.statusCode()).isEqualTo(200);
            String toTag = ok.to().tag();
            var answer = SdpParser.lenient().parse(ok.bodyBytes());
            assertThat(answer.media().get(0).formats()).containsExactly("8");
            uac.sendAck(request("ACK", bob.contactUri(), 1, toTag, null, port), bobAddress);
            assertThat(receiveRtp(first)).as("RTP with the answered PCMA").isEqualTo(8);

            SipResponse reOk = uac.send(request("INVITE", bob.contactUri(), 2, toTag,
                    offer(second.getLocalPort(), 2), port), bobAddress).get(5, SECONDS);
            assertThat(reOk.statusCode()).isEqualTo(200);
            var reAnswer = SdpParser.lenient().parse(reOk.bodyBytes());
            assertThat(reAnswer.origin().sessionId()).isEqualTo(answer.origin().sessionId());
            assertThat(reAnswer.origin().sessionVersion()).isEqualTo(answer.origin().sessionVersion());
            uac.sendAck(request("ACK", bob.contactUri(), 2, toTag, null, port), bobAddress);
            assertThat(receiveRtp(second)).as("RTP at the new port").isEqualTo(8);

            SipResponse byeOk = uac.send(request("BYE", bob.contactUri(), 3, toTag, null, port), bobAddress)
                    .get(5, SECONDS);
            assertThat(byeOk.statusCode()).isEqualTo(200);
            Call call = bob.incomingCalls().poll(5, SECONDS);
            call.ended().get(5, SECONDS);
            assertThat(call.rtpStats().packetsSent()).isPositive();

            SipResponse stale = uac.send(request("BYE", bob.contactUri(), 4, toTag, null, port), bobAddress)
                    .get(5, SECONDS);
            assertThat(stale.statusCode()).as("BYE after the end").isEqualTo(481);
        }
    }

    @Test
    void unacknowledged2xxEndsTheCallWithBye() throws Exception {
        try (TestRegistrar uac = TestRegistrar.start(Loopback.REALM, TransportProtocol.UDP);
             UserEquipment bob = UserEquipment.start(Loopback.config("bob", UeCredentials.password("x"),
                     Loopback.deadAddress(), TransportProtocol.UDP).timers(Loopback.FAST).build());
             DatagramSocket media = new DatagramSocket(0, Loopback.ADDRESS)) {
            bob.answerMode(AnswerMode.autoAnswer(Duration.ZERO));
            int port = uac.address().getPort();
            SipResponse ok = uac.send(request("INVITE", bob.contactUri(), 1, null, offer(media.getLocalPort(), 1),
                    port), bob.localSipAddress()).get(5, SECONDS);
            assertThat(ok.statusCode()).isEqualTo(200);
            Call call = bob.incomingCalls().poll(5, SECONDS);
            call.ended().get(10, SECONDS); // 64*T1 = 3.2 s without an ACK (RFC 3261 §13.3.1.4)
            assertThat(Loopback.eventually(Duration.ofSeconds(5), () -> !uac.received("BYE").isEmpty())).isTrue();
            assertThat(uac.received("BYE").get(0).header("To")).contains("tag=c1");
        }
    }
}
