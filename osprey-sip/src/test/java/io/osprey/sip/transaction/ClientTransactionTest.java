package io.osprey.sip.transaction;

import static io.osprey.sip.transaction.TransactionHarness.TCP_HOP;
import static io.osprey.sip.transaction.TransactionHarness.UDP_HOP;
import static io.osprey.sip.transaction.TransactionHarness.request;
import static io.osprey.sip.transaction.TransactionHarness.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.transport.InboundMessage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.1 client transactions (with RFC 6026), driven on a virtual clock. */
class ClientTransactionTest {

    private final TransactionHarness h = new TransactionHarness();

    @Test
    void nonInviteOverUdpRetransmitsWithTimerEDoublingToT2AndTimesOutWithTimerF() {
        ClientTransaction tx = h.layer.sendRequest(request("OPTIONS", "z9hG4bK-e1"), UDP_HOP, h);

        h.advance(40_000);

        // E: T1, 2T1, 4T1, then T2 (4 s) until F = 64*T1 = 32 s.
        assertThat(h.sendTimes()).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L,
                23500L, 27500L, 31500L);
        assertThat(h.events).containsExactly("client terminated at 32000", "timeout at 32000");
        assertThat(tx.isTerminated()).isTrue();
        assertThat(h.layer.size()).isZero();
    }

    @Test
    void nonInviteProvisionalMovesRetransmissionsToT2AndFinalStopsThemUntilTimerK() {
        SipRequest options = request("OPTIONS", "z9hG4bK-e2");
        NonInviteClientTransaction tx = (NonInviteClientTransaction) h.layer.sendRequest(options, UDP_HOP, h);
        h.advance(600); // one retransmission at 500
        h.deliver(response(options, 100, "Trying", null), TransactionHarness.UDP_PEER);
        assertThat(tx.state()).isEqualTo(NonInviteClientTransactionState.PROCEEDING);

        h.advance(5000); // E was re-armed at 1000 ms (500 + 2*T1); in Proceeding it then runs at T2
        assertThat(h.sendTimes()).containsExactly(0L, 500L, 1500L, 5500L);

        h.deliver(response(options, 200, "OK", "b1"), TransactionHarness.UDP_PEER);
        h.deliver(response(options, 200, "OK", "b1"), TransactionHarness.UDP_PEER); // retransmission: absorbed
        assertThat(tx.state()).isEqualTo(NonInviteClientTransactionState.COMPLETED);
        assertThat(h.clientResponses).extracting(r -> r.statusCode()).containsExactly(100, 200);

        h.advance(4999);
        assertThat(tx.isTerminated()).isFalse();
        h.advance(1); // timer K = T4 = 5 s
        assertThat(tx.isTerminated()).isTrue();
        assertThat(h.sendTimes()).hasSize(4);
    }

    @Test
    void nonInviteOverTcpNeverRetransmitsAndEndsAtTheFinalResponse() {
        SipRequest register = request("REGISTER", "z9hG4bK-t1");
        ClientTransaction tx = h.layer.sendRequest(register, TCP_HOP, h);
        h.advance(10_000);
        assertThat(h.sendTimes()).containsExactly(0L);
        h.deliver(response(register, 200, "OK", "r1"), TransactionHarness.TCP_PEER);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(h.layer.size()).isZero();
    }

    @Test
    void inviteOverUdpRetransmitsWithTimerADoublingUncappedAndTimesOutWithTimerB() {
        h.layer.sendRequest(request("INVITE", "z9hG4bK-a1"), UDP_HOP, h);
        h.advance(40_000);
        assertThat(h.sendTimes()).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L);
        assertThat(h.events).contains("timeout at 32000");
    }

    @Test
    void inviteNon2xxFinalIsAckedWithTheInviteBranchAndRetransmissionsAreReAckedUntilTimerD() {
        SipRequest invite = request("INVITE", "z9hG4bK-a2");
        InviteClientTransaction tx = (InviteClientTransaction) h.layer.sendRequest(invite, UDP_HOP, h);
        h.deliver(response(invite, 180, "Ringing", "x9"), TransactionHarness.UDP_PEER);
        h.advance(2000);
        assertThat(h.sendTimes()).as("no retransmission after a provisional").containsExactly(0L);

        h.deliver(response(invite, 486, "Busy Here", "x9"), TransactionHarness.UDP_PEER);
        assertThat(tx.state()).isEqualTo(InviteClientTransactionState.COMPLETED);
        SipRequest ack = (SipRequest) h.sent.get(1).message();
        assertThat(ack.method()).isEqualTo("ACK");
        assertThat(ack.topVia().branch().value()).isEqualTo("z9hG4bK-a2");
        assertThat(ack.cseq().number()).isEqualTo(1);
        assertThat(ack.cseq().method()).isEqualTo("ACK");
        assertThat(ack.to().tag()).isEqualTo("x9");
        assertThat(ack.requestUri()).isEqualTo(invite.requestUri());

        h.deliver(response(invite, 486, "Busy Here", "x9"), TransactionHarness.UDP_PEER);
        assertThat(h.sent).hasSize(3);
        assertThat(h.clientResponses).extracting(r -> r.statusCode()).containsExactly(180, 486);

        h.advance(31_999);
        assertThat(tx.isTerminated()).isFalse();
        h.advance(1); // timer D: 32 s on UDP
        assertThat(tx.isTerminated()).isTrue();
    }

    @Test
    void invite2xxMovesToAcceptedWhereFurther2xxReachTheTuUntilTimerM() {
        SipRequest invite = request("INVITE", "z9hG4bK-a3");
        InviteClientTransaction tx = (InviteClientTransaction) h.layer.sendRequest(invite, UDP_HOP, h);
        h.deliver(response(invite, 200, "OK", "fork1"), TransactionHarness.UDP_PEER);
        h.deliver(response(invite, 200, "OK", "fork2"), TransactionHarness.UDP_PEER);
        assertThat(tx.state()).isEqualTo(InviteClientTransactionState.ACCEPTED);
        assertThat(h.clientResponses).extracting(r -> r.to().tag()).containsExactly("fork1", "fork2");
        assertThat(h.sent).as("the TU, not the transaction, ACKs a 2xx").hasSize(1);

        h.advance(32_000); // timer M = 64*T1
        assertThat(tx.isTerminated()).isTrue();
        h.deliver(response(invite, 200, "OK", "fork1"), TransactionHarness.UDP_PEER);
        assertThat(h.strays).hasSize(1);
    }

    @Test
    void transportErrorEndsTheTransactionAndTellsTheTu() {
        h.failNextSend = new IOException("connection refused");
        ClientTransaction tx = h.layer.sendRequest(request("MESSAGE", "z9hG4bK-x1"), TCP_HOP, h);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(h.events).contains("transport error: connection refused");
        assertThat(h.layer.size()).isZero();
    }

    @Test
    void responsesMatchByBranchAndMethodOnly() {
        SipRequest invite = request("INVITE", "z9hG4bK-m1");
        h.layer.sendRequest(invite, UDP_HOP, h);
        SipRequest otherBranch = request("INVITE", "z9hG4bK-m2");
        h.layer.receive(new InboundMessage(response(otherBranch, 180, "Ringing", "t"), TransactionHarness.UDP_PEER, 0));
        SipRequest sameBranchOtherMethod = request("CANCEL", "z9hG4bK-m1");
        h.deliver(response(sameBranchOtherMethod, 200, "OK", "t"), TransactionHarness.UDP_PEER);
        assertThat(h.clientResponses).isEmpty();
        assertThat(h.strays).hasSize(2);
    }
}
