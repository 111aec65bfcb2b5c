package io.osprey.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.RawUdpClient;
import io.osprey.sip.transport.SipText;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests failing the proxy checks of RFC 3261 §16.3 are answered on the lane without reaching the transaction
 * user; a bad ACK is dropped, never answered (§17.2.3).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SipStackValidationTest {

    @Test
    void answersInvalidRequestsItselfAndDropsABadAck() throws Exception {
        RecordingUser user = new RecordingUser();
        try (SipStack stack = LoopbackStack.start(1024, 0.9, user); RawUdpClient client = new RawUdpClient()) {
            String via = "SIP/2.0/UDP 127.0.0.1:" + client.port() + ";branch=";

            client.send(SipText.requestText("INVITE", via + "z9hG4bKnocid", "gone", "", "")
                    .replace("Call-ID: gone\n", ""), LoopbackStack.udpAddress(stack));
            SipResponse missingCallId = (SipResponse) client.receive();
            assertThat(missingCallId.statusCode()).isEqualTo(400);
            assertThat(missingCallId.header("Warning")).contains("Missing Call-ID header field");
            assertThat(missingCallId.topVia().branch().value()).isEqualTo("z9hG4bKnocid");

            client.send(SipText.requestText("INVITE", via + "z9hG4bKmf0", "validation-mf0", "", "")
                    .replace("Max-Forwards: 70", "Max-Forwards: 0"), LoopbackStack.udpAddress(stack));
            SipResponse tooManyHops = (SipResponse) client.receive();
            assertThat(tooManyHops.statusCode()).isEqualTo(483);
            assertThat(tooManyHops.callId().value()).isEqualTo("validation-mf0");
            assertThat(tooManyHops.to().tag()).isNotNull();

            client.send(SipText.requestText("ACK", via + "z9hG4bKack", "validation-ack", "b1", "")
                    .replace("Max-Forwards: 70", "Max-Forwards: 0"), LoopbackStack.udpAddress(stack));
            client.send(SipText.requestText("OPTIONS", via + "z9hG4bKok", "validation-ok", "", ""),
                    LoopbackStack.udpAddress(stack));

            // one lane: had the ACK been answered, that answer would come before the marker's 200
            SipResponse marker = (SipResponse) client.receive();
            assertThat(marker.callId().value()).isEqualTo("validation-ok");
            assertThat(marker.statusCode()).isEqualTo(200);
            assertThat(user.seen).containsExactly("request OPTIONS validation-ok");
            assertThat(stack.transports().stats().rejectedCount()).isEqualTo(3);
        }
    }

    @Test
    void theAckForARejectionSentWithoutATransactionIsAbsorbedNotPassedOn() throws Exception {
        RecordingUser user = new RecordingUser();
        try (SipStack stack = LoopbackStack.start(1024, 0.9, user); RawUdpClient client = new RawUdpClient()) {
            String via = "SIP/2.0/UDP 127.0.0.1:" + client.port() + ";branch=z9hG4bKrej";
            String invite = SipText.requestText("INVITE", via, "validation-rejected", "", "")
                    .replace("Max-Forwards: 70", "Max-Forwards: 0");
            client.send(invite, LoopbackStack.udpAddress(stack));
            SipResponse tooManyHops = (SipResponse) client.receive();
            assertThat(tooManyHops.statusCode()).isEqualTo(483);
            client.send(invite, LoopbackStack.udpAddress(stack));
            assertThat(((SipResponse) client.receive()).to().tag()).as("same tag for a retransmission")
                    .isEqualTo(tooManyHops.to().tag());

            // RFC 3261 §17.1.1.3: the ACK repeats Call-ID, From tag, CSeq number and branch, with the response's To
            client.send(SipText.requestText("ACK", via, "validation-rejected", tooManyHops.to().tag(), ""),
                    LoopbackStack.udpAddress(stack));
            // an ACK for someone else's response (a 2xx of a UAS further on) still reaches the user
            client.send(SipText.requestText("ACK", via, "validation-rejected", "uas-tag", ""),
                    LoopbackStack.udpAddress(stack));

            client.send(SipText.requestText("OPTIONS", via + "ok", "validation-ok", "", ""),
                    LoopbackStack.udpAddress(stack));
            assertThat(((SipResponse) client.receive()).callId().value()).isEqualTo("validation-ok");

            // one lane, in order: by the marker's 200 both ACKs were handled
            assertThat(user.seen).containsExactly("ack validation-rejected", "request OPTIONS validation-ok");
            assertThat(stack.absorbedAcks()).isEqualTo(1);
        }
    }
}
