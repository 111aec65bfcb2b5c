package io.osprey.ue;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.media.rtp.RtpStats;
import io.osprey.sip.transport.TransportProtocol;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two UEs call each other directly on loopback: the caller's P-CSCF address is the callee's SIP address, and the
 * INVITE's target is the callee's Contact. No CSCF is involved.
 */
class UeCallTest {

    private UserEquipment bob;
    private UserEquipment alice;

    private void startPair(TransportProtocol transport) throws Exception {
        bob = Loopback.start("bob", Loopback.deadAddress(), transport, 880);
        alice = Loopback.start("alice", bob.localSipAddress(), transport, 440);
    }

    @AfterEach
    void stop() {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"UDP", "TCP"})
    void answeredCallCarriesRtpBothWaysAndEndsWithBye(TransportProtocol transport) throws Exception {
        startPair(transport);
        bob.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(100)));

        Call call = alice.call(bob.contactUri()).get(10, SECONDS);
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.isEstablished()).isTrue();
        assertThat(call.postDialDelay()).isNotNull();
        assertThat(call.setupTime()).isGreaterThanOrEqualTo(call.postDialDelay())
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
        Call incoming = bob.incomingCalls().poll(5, SECONDS);
        assertThat(incoming).isNotNull();
        assertThat(incoming.isIncoming()).isTrue();
        assertThat(incoming.remoteUri()).isEqualTo("sip:alice@" + Loopback.REALM);
        assertThat(incoming.outcome().get(5, SECONDS).statusCode()).isEqualTo(200);

        assertThat(Loopback.eventually(Duration.ofSeconds(5), () -> call.rtpStats().packetsReceived() >= 25
                && incoming.rtpStats().packetsReceived() >= 25)).as("RTP both ways").isTrue();
        RtpStats atAlice = call.rtpStats();
        RtpStats atBob = incoming.rtpStats();
        assertThat(atAlice.packetsSent()).isPositive();
        assertThat(atBob.packetsSent()).isPositive();
        assertThat(atAlice.dominantFrequencyHz()).isCloseTo(880, org.assertj.core.data.Percentage.withPercentage(5));
        assertThat(atBob.dominantFrequencyHz()).isCloseTo(440, org.assertj.core.data.Percentage.withPercentage(5));

        assertThat(call.hangup().get(5, SECONDS)).isEqualTo(200);
        call.ended().get(5, SECONDS);
        incoming.ended().get(5, SECONDS);
        assertThat(call.isEstablished()).isFalse();
        assertThat(incoming.isEstablished()).isFalse();
        assertThat(call.rtpStats().packetsLost()).isLessThanOrEqualTo(1);
        assertThat(call.hangup().get(5, SECONDS)).as("hangup after the end").isEqualTo(481);
    }

    @Test
    void calleeHangsUpWithBye() throws Exception {
        startPair(TransportProtocol.UDP);
        bob.answerMode(AnswerMode.autoAnswer(Duration.ZERO));
        Call call = alice.call(bob.contactUri()).get(10, SECONDS);
        Call incoming = bob.incomingCalls().poll(5, SECONDS);
        incoming.outcome().get(5, SECONDS);

        assertThat(incoming.hangup().get(5, SECONDS)).isEqualTo(200);
        call.ended().get(5, SECONDS);
        assertThat(call.isEstablished()).isFalse();
    }

    @Test
    void busyCalleeAnswers486() throws Exception {
        startPair(TransportProtocol.UDP);
        bob.answerMode(AnswerMode.BUSY);
        Call call = alice.call(bob.contactUri()).get(10, SECONDS);
        assertThat(call.statusCode()).isEqualTo(486);
        assertThat(call.isEstablished()).isFalse();
        assertThat(call.setupTime()).isNull();
        call.ended().get(5, SECONDS);
        assertThat(call.rtpStats().packetsSent()).isZero();
    }

    @Test
    void rejectingCalleeAnswersItsCode() throws Exception {
        startPair(TransportProtocol.UDP);
        bob.answerMode(AnswerMode.reject(603));
        assertThat(alice.call(bob.contactUri()).get(10, SECONDS).statusCode()).isEqualTo(603);
    }

    @Test
    void unansweredCallIsCancelled() throws Exception {
        startPair(TransportProtocol.UDP);
        bob.answerMode(AnswerMode.NO_ANSWER);
        Call call = alice.dial(bob.contactUri());
        call.ringing().get(5, SECONDS);
        assertThat(call.postDialDelay()).isNotNull();
        Call incoming = bob.incomingCalls().poll(5, SECONDS);
        assertThat(incoming.isEstablished()).isFalse();

        assertThat(call.hangup().get(5, SECONDS)).as("CANCEL status").isEqualTo(200);
        assertThat(call.outcome().get(5, SECONDS).statusCode()).isEqualTo(487);
        call.ended().get(5, SECONDS);
        incoming.ended().get(5, SECONDS);
        assertThat(incoming.statusCode()).isEqualTo(487);
        assertThat(call.setupTime()).isNull();
    }

    @Test
    void ringingCallCanBeAnsweredByHand() throws Exception {
        startPair(TransportProtocol.UDP);
        bob.answerMode(AnswerMode.NO_ANSWER);
        Call call = alice.dial(bob.contactUri());
        Call incoming = bob.incomingCalls().poll(5, SECONDS);
        call.ringing().get(5, SECONDS);
        assertThat(incoming.answer().get(5, SECONDS)).isEqualTo(200);
        assertThat(call.outcome().get(5, SECONDS).statusCode()).isEqualTo(200);
        assertThat(incoming.answer().get(5, SECONDS)).as("second answer").isEqualTo(481);
        assertThat(call.hangup().get(5, SECONDS)).isEqualTo(200);
    }

    @Test
    void ringingTooLongIsCancelledByTheCaller() throws Exception {
        bob = Loopback.start("bob", Loopback.deadAddress(), TransportProtocol.UDP, 880);
        alice = UserEquipment.start(Loopback.config("alice", UeCredentials.password("x"), bob.localSipAddress(),
                TransportProtocol.UDP).noAnswerTimeout(Duration.ofMillis(300)).build());
        bob.answerMode(AnswerMode.NO_ANSWER);
        Call call = alice.call(bob.contactUri()).get(10, SECONDS);
        assertThat(call.statusCode()).isEqualTo(487);
    }

    @Test
    void inviteToNobodyTimesOutWith408() throws Exception {
        alice = UserEquipment.start(Loopback.config("alice", UeCredentials.password("x"), Loopback.deadAddress(),
                TransportProtocol.UDP).timers(Loopback.FAST).build());
        Call call = alice.call("sip:bob@" + Loopback.REALM).get(10, SECONDS);
        assertThat(call.statusCode()).isEqualTo(408);
        call.ended().get(5, SECONDS);
    }

    @Test
    void inviteOverTcpToNobodyFailsWith503() throws Exception {
        alice = UserEquipment.start(Loopback.config("alice", UeCredentials.password("x"), Loopback.deadAddress(),
                TransportProtocol.TCP).build());
        Call call = alice.call("sip:bob@" + Loopback.REALM).get(10, SECONDS);
        assertThat(call.statusCode()).isEqualTo(503);
        assertThat(call.reason()).contains("transport error");
    }

    @Test
    void messageIsDeliveredAndAnswered200() throws Exception {
        startPair(TransportProtocol.UDP);
        assertThat(alice.message(bob.contactUri(), "hello, Bob").get(5, SECONDS)).isEqualTo(200);
        ReceivedMessage received = bob.messages().poll(5, SECONDS);
        assertThat(received).isNotNull();
        assertThat(received.text()).isEqualTo("hello, Bob");
        assertThat(received.contentType()).startsWith("text/plain");
        assertThat(received.from()).contains("sip:alice@" + Loopback.REALM);
    }

    @Test
    void messageToNobodyTimesOutWith408() throws Exception {
        alice = UserEquipment.start(Loopback.config("alice", UeCredentials.password("x"), Loopback.deadAddress(),
                TransportProtocol.UDP).timers(Loopback.FAST).build());
        assertThat(alice.message("bob", "anyone?").get(10, SECONDS)).isEqualTo(408);
    }

    @Test
    void callAndMessageOverTls() throws Exception {
        startPair(TransportProtocol.TLS);
        assertThat(bob.contactUri()).endsWith(";transport=tls");
        bob.answerMode(AnswerMode.autoAnswer(Duration.ZERO));
        Call call = alice.call(bob.contactUri()).get(20, SECONDS);
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(alice.message(bob.contactUri(), "over TLS").get(10, SECONDS)).isEqualTo(200);
        assertThat(bob.messages().poll(5, SECONDS).text()).isEqualTo("over TLS");
        Call incoming = bob.incomingCalls().poll(5, SECONDS);
        assertThat(incoming.hangup().get(10, SECONDS)).as("BYE from the callee over a new TLS connection")
                .isEqualTo(200);
        call.ended().get(5, SECONDS);
    }

    @Test
    void aClosedUeFailsNewActionsInsteadOfHanging() throws Exception {
        startPair(TransportProtocol.UDP);
        alice.close();
        var message = alice.message(bob.contactUri(), "too late");
        assertThat(message).failsWithin(5, SECONDS).withThrowableThat().withMessageContaining("closed");
        alice = null;
    }
}
