package io.osprey.sip.transaction;

import static io.osprey.sip.transaction.TransactionHarness.TCP_PEER;
import static io.osprey.sip.transaction.TransactionHarness.UDP_PEER;
import static io.osprey.sip.transaction.TransactionHarness.parse;
import static io.osprey.sip.transaction.TransactionHarness.request;
import static io.osprey.sip.transaction.TransactionHarness.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.2 server transactions (with RFC 6026), driven on a virtual clock. */
class ServerTransactionTest {

    private final TransactionHarness h = new TransactionHarness();

    private SipResponse lastSentResponse() {
        return (SipResponse) h.sent.get(h.sent.size() - 1).message();
    }

    @Test
    void inviteGets100TryingAtOnceAndRetransmissionsGetTheLastProvisional() {
        SipRequest invite = request("INVITE", "z9hG4bK-s1");
        h.deliver(invite, UDP_PEER);
        assertThat(h.events).containsExactly("request INVITE");
        assertThat(lastSentResponse().statusCode()).isEqualTo(100);

        h.deliver(invite, UDP_PEER);
        assertThat(h.events).as("retransmission absorbed, not passed to the TU").hasSize(1);
        assertThat(h.sent).hasSize(2);

        ServerTransaction tx = h.serverTransactions.get(0);
        tx.respond(response(invite, 180, "Ringing", "u1"));
        h.deliver(invite, UDP_PEER);
        assertThat(lastSentResponse().statusCode()).isEqualTo(180);
        assertThat(h.sent).hasSize(4);
    }

    @Test
    void inviteNon2xxIsRetransmittedWithTimerGUntilTheAckThenAbsorbsAcksForTimerI() {
        SipRequest invite = request("INVITE", "z9hG4bK-s2");
        h.deliver(invite, UDP_PEER);
        InviteServerTransaction tx = (InviteServerTransaction) h.serverTransactions.get(0);
        tx.respond(response(invite, 486, "Busy Here", "u2"));
        h.advance(3600);
        // 100 at 0, 486 at 0, G: 500, 1500, 3500 (doubling, capped at T2 later)
        assertThat(h.sendTimes()).containsExactly(0L, 0L, 500L, 1500L, 3500L);

        SipRequest ack = (SipRequest) parse("ACK sip:bob@example.com SIP/2.0\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-s2\n"
                + "Max-Forwards: 70\nFrom: <sip:alice@example.com>;tag=a1\nTo: <sip:bob@example.com>;tag=u2\n"
                + "Call-ID: call-1@192.0.2.10\nCSeq: 1 ACK\nContent-Length: 0\n\n");
        h.deliver(ack, UDP_PEER);
        assertThat(tx.state()).isEqualTo(InviteServerTransactionState.CONFIRMED);
        assertThat(h.acks).as("ACK for a non-2xx stays in the transaction").isEmpty();
        h.advance(10_000);
        assertThat(h.sent).hasSize(5);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(h.events).contains("server terminated at 8600"); // timer I = T4 after the ACK at 3600
    }

    @Test
    void inviteTimerHEndsTheTransactionWhenNoAckComes() {
        SipRequest invite = request("INVITE", "z9hG4bK-s3");
        h.deliver(invite, UDP_PEER);
        h.serverTransactions.get(0).respond(response(invite, 404, "Not Found", "u3"));
        h.advance(40_000);
        assertThat(h.events).contains("server terminated at 32000 (timed out)");
        // G capped at T2: 500, 1500, 3500, 7500, 11500, ... 31500
        assertThat(h.sendTimes()).containsExactly(0L, 0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L,
                23500L, 27500L, 31500L);
    }

    @Test
    void invite2xxMovesToAcceptedWhereRetransmittedInvitesAreAbsorbedAndAcksGoToTheTu() {
        SipRequest invite = request("INVITE", "z9hG4bK-s4");
        h.deliver(invite, UDP_PEER);
        InviteServerTransaction tx = (InviteServerTransaction) h.serverTransactions.get(0);
        tx.respond(response(invite, 200, "OK", "u4"));
        assertThat(tx.state()).isEqualTo(InviteServerTransactionState.ACCEPTED);
        h.deliver(invite, UDP_PEER);
        assertThat(h.sent).as("RFC 6026: the INVITE retransmission is absorbed").hasSize(2);
        assertThat(tx.respond(response(invite, 200, "OK", "u4"))).as("the TU's 2xx retransmission is sent").isTrue();
        assertThat(tx.respond(response(invite, 486, "Busy Here", "u4"))).isFalse();

        SipRequest ack = (SipRequest) parse("ACK sip:bob@example.com SIP/2.0\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-s4\n"
                + "Max-Forwards: 70\nFrom: <sip:alice@example.com>;tag=a1\nTo: <sip:bob@example.com>;tag=u4\n"
                + "Call-ID: call-1@192.0.2.10\nCSeq: 1 ACK\nContent-Length: 0\n\n");
        h.deliver(ack, UDP_PEER);
        assertThat(h.acks).hasSize(1);
        h.advance(32_000); // timer L
        assertThat(tx.isTerminated()).isTrue();
        h.deliver(ack, UDP_PEER);
        assertThat(h.acks).as("after the transaction, a 2xx ACK still reaches the TU").hasSize(2);
    }

    @Test
    void nonInviteAbsorbsRetransmissionsWhileTryingAndRepeatsTheFinalUntilTimerJ() {
        SipRequest options = request("OPTIONS", "z9hG4bK-s5");
        h.deliver(options, UDP_PEER);
        h.deliver(options, UDP_PEER);
        assertThat(h.sent).isEmpty();
        NonInviteServerTransaction tx = (NonInviteServerTransaction) h.serverTransactions.get(0);
        tx.respond(response(options, 200, "OK", "u5"));
        h.deliver(options, UDP_PEER);
        assertThat(h.sent).hasSize(2);
        assertThat(tx.state()).isEqualTo(NonInviteServerTransactionState.COMPLETED);
        h.advance(31_999);
        assertThat(tx.isTerminated()).isFalse();
        h.advance(1);
        assertThat(tx.isTerminated()).isTrue();
        assertThat(h.events).containsExactly("request OPTIONS", "server terminated at 32000");
    }

    @Test
    void finalResponsesToResendOverUdpAreKeptByTheTransportNotAsMessages() {
        SipRequest options = request("OPTIONS", "z9hG4bK-k1");
        h.deliver(options, UDP_PEER);
        ServerTransaction nonInvite = h.serverTransactions.get(0);
        nonInvite.respond(response(options, 200, "OK", "k1"));
        assertThat(nonInvite.lastResponse()).isNull();

        SipRequest invite = request("INVITE", "z9hG4bK-k2");
        h.deliver(invite, UDP_PEER);
        ServerTransaction inviteTx = h.serverTransactions.get(1);
        inviteTx.respond(response(invite, 180, "Ringing", "k2"));
        assertThat(inviteTx.lastResponse().statusCode()).as("a provisional stays a message").isEqualTo(180);
        inviteTx.respond(response(invite, 486, "Busy Here", "k2"));
        assertThat(inviteTx.lastResponse()).isNull();

        SipRequest accepted = request("INVITE", "z9hG4bK-k3");
        h.deliver(accepted, UDP_PEER);
        h.serverTransactions.get(2).respond(response(accepted, 200, "OK", "k3"));
        SipRequest overTcp = request("OPTIONS", "z9hG4bK-k4");
        h.deliver(overTcp, TCP_PEER);
        h.serverTransactions.get(3).respond(response(overTcp, 200, "OK", "k4"));

        // a 2xx to INVITE is the TU's to resend, and nothing is resent over TCP
        assertThat(h.kept).extracting(SipResponse::statusCode).containsExactly(200, 486);
        h.deliver(options, UDP_PEER);
        h.deliver(invite, UDP_PEER);
        assertThat(h.sent.subList(h.sent.size() - 2, h.sent.size())).extracting(sent -> sent.message())
                .containsExactly(h.kept.get(0), h.kept.get(1));
    }

    @Test
    void nonInviteOverTcpEndsAtTheFinalResponse() {
        SipRequest options = request("OPTIONS", "z9hG4bK-s6");
        h.deliver(options, TCP_PEER);
        ServerTransaction tx = h.serverTransactions.get(0);
        tx.respond(response(options, 200, "OK", "u6"));
        assertThat(tx.isTerminated()).isTrue();
        assertThat(h.layer.size()).isZero();
    }

    @Test
    void cancelFindsItsInviteAndHasItsOwnTransaction() {
        SipRequest invite = request("INVITE", "z9hG4bK-s7");
        h.deliver(invite, UDP_PEER);
        SipRequest cancel = request("CANCEL", "z9hG4bK-s7");
        h.deliver(cancel, UDP_PEER);
        assertThat(h.events).containsExactly("request INVITE", "request CANCEL");
        assertThat(h.layer.inviteTransactionFor(cancel)).isSameAs(h.serverTransactions.get(0));
        assertThat(h.serverTransactions.get(1)).isInstanceOf(NonInviteServerTransaction.class);
    }

    @Test
    void rfc2543RequestsWithoutTheMagicCookieStillMatchTheirRetransmissions() {
        SipRequest legacy = request("INVITE", "1234-old-style");
        h.deliver(legacy, UDP_PEER);
        h.deliver(legacy, UDP_PEER);
        assertThat(h.events).containsExactly("request INVITE");
        SipRequest other = request("INVITE", "1234-old-style", 2);
        h.deliver(other, UDP_PEER);
        assertThat(h.events).containsExactly("request INVITE", "request INVITE");
    }
}
