package io.osprey.sip.proxy;

import static io.osprey.sip.proxy.ProxyHarness.HOP_A;
import static io.osprey.sip.proxy.ProxyHarness.HOP_B;
import static io.osprey.sip.proxy.ProxyHarness.INVITE;
import static io.osprey.sip.proxy.ProxyHarness.invite;
import static io.osprey.sip.proxy.ProxyHarness.request;
import static io.osprey.sip.proxy.ProxyHarness.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.ProxyHarness.SentRequest;
import io.osprey.sip.transport.Hop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §16.7 response processing: forwarding, choosing the best response, forking, 6xx and 2xx. */
class ProxyResponseTest {

    private static final Target TO_A = target("sip:bob@192.0.2.20", HOP_A);
    private static final Target TO_B = target("sip:bob@192.0.2.21", HOP_B);

    private final ProxyHarness h = new ProxyHarness();

    private void forkToAAndB() {
        h.forwardInParallel(TO_A, TO_B);
        h.fromAlice(invite());
    }

    private SentRequest inviteAt(Hop hop) {
        return h.only("INVITE", hop);
    }

    @Test
    void ourViaIsRemovedFromAResponseGoingUpstream() {
        h.forwardInParallel(TO_A);
        h.fromAlice(invite());

        h.answer(inviteAt(HOP_A), 180, "Ringing", "b1");

        SipResponse upstream = h.lastUpstream("INVITE");
        assertThat(upstream.statusCode()).isEqualTo(180);
        assertThat(upstream.headers("Via")).containsExactly("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1");
        assertThat(upstream.to().tag()).isEqualTo("b1");
    }

    @Test
    void ringingIsForwardedAtOnceWhileAnotherBranchIsSilent() {
        forkToAAndB();

        h.answer(inviteAt(HOP_A), 180, "Ringing", "b1");

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180);
    }

    @Test
    void downstream100TryingIsNotForwarded() {
        forkToAAndB();

        h.answer(inviteAt(HOP_A), 100, "Trying", null);
        h.answer(inviteAt(HOP_B), 100, "Trying", null);

        assertThat(h.upstreamCodes("INVITE")).as("only our own 100").containsExactly(100);
    }

    @Test
    void okIsForwardedUpstreamWithItsContactAndToTag() {
        h.forwardInParallel(TO_A);
        h.fromAlice(invite());
        SipRequest sent = inviteAt(HOP_A).request();

        h.fromDownstream(SipResponse.forRequest(sent, 200, "OK").toTag("b1")
                .add("Contact", "<sip:bob@192.0.2.20:5060>").build(), HOP_A);

        SipResponse upstream = h.lastUpstream("INVITE");
        assertThat(upstream.statusCode()).isEqualTo(200);
        assertThat(upstream.to().tag()).isEqualTo("b1");
        assertThat(upstream.headers("Contact")).containsExactly("<sip:bob@192.0.2.20:5060>");
        assertThat(upstream.headers("Via")).containsExactly("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1");
    }

    @Test
    void bestFinalResponseIsChosenOnlyAfterEveryBranchCompleted() {
        forkToAAndB();

        h.answer(inviteAt(HOP_A), 486, "Busy Here", "b1");
        assertThat(h.upstreamCodes("INVITE")).as("B is still pending").containsExactly(100);

        h.answer(inviteAt(HOP_B), 404, "Not Found", "b2");
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 486);
        assertThat(h.lastUpstream("INVITE").to().tag()).isEqualTo("b1");
    }

    @Test
    void challengeIsPreferredOverOther4xxWhateverTheOrder() {
        forkToAAndB();

        h.answer(inviteAt(HOP_A), 404, "Not Found", "b1");
        h.answer(inviteAt(HOP_B), 407, "Proxy Authentication Required", "b2");

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 407);
    }

    @Test
    void lowestResponseClassWins() {
        forkToAAndB();

        h.answer(inviteAt(HOP_A), 500, "Server Internal Error", "b1");
        h.answer(inviteAt(HOP_B), 486, "Busy Here", "b2");

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 486);
    }

    @Test
    void downstream503IsSentUpstreamAs500() {
        h.forwardInParallel(TO_A);
        h.fromAlice(invite());

        h.answer(inviteAt(HOP_A), 503, "Service Unavailable", "b1");

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 500);
        assertThat(h.lastUpstream("INVITE").to().tag()).isNotBlank();
    }

    @Test
    void downstream503KeepsItsRetryAfterOnThe500() {
        h.forwardInParallel(TO_A);
        h.fromAlice(invite());
        SentRequest sent = inviteAt(HOP_A);

        h.fromDownstream(SipResponse.forRequest(sent.request(), 503, "Service Unavailable").toTag("b1")
                .add("Retry-After", "7").build(), sent.hop());

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 500);
        assertThat(h.lastUpstream("INVITE").header("Retry-After")).isEqualTo("7");
        assertThat(h.lastUpstream("INVITE").header("Warning")).contains("next hop unavailable");
    }

    @Test
    void aPolicyThatKnowsEveryRequestWouldMeetThe503PassesItOnAsA503() {
        h.decide(new RoutingDecision.Forward(List.of(List.of(TO_A)))
                .withResponses(ResponseRewriter.passingOverload(ResponseRewriter.UNCHANGED)));
        h.fromAlice(invite());
        SentRequest sent = inviteAt(HOP_A);

        h.fromDownstream(SipResponse.forRequest(sent.request(), 503, "Service Unavailable").toTag("b1")
                .add("Retry-After", "7").build(), sent.hop());

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 503);
        assertThat(h.lastUpstream("INVITE").header("Retry-After")).isEqualTo("7");
    }

    @Test
    void sixxCancelsThePendingBranchThatHasSentAProvisional() {
        forkToAAndB();
        SipRequest inviteToA = inviteAt(HOP_A).request();
        h.answer(inviteAt(HOP_A), 180, "Ringing", "b1");

        h.answer(inviteAt(HOP_B), 603, "Decline", "b2");

        SipRequest cancel = h.only("CANCEL", HOP_A).request();
        assertThat(cancel.requestUri()).isEqualTo(inviteToA.requestUri());
        assertThat(cancel.headers("Via")).containsExactly(inviteToA.topVia().toString());
        assertThat(cancel.header("Call-ID")).isEqualTo(inviteToA.header("Call-ID"));
        assertThat(cancel.header("From")).isEqualTo(inviteToA.header("From"));
        assertThat(cancel.header("To")).isEqualTo(inviteToA.header("To"));
        assertThat(cancel.cseq().number()).isEqualTo(inviteToA.cseq().number());
        assertThat(cancel.cseq().method()).isEqualTo("CANCEL");
        assertThat(h.upstreamCodes("INVITE")).as("6xx waits for A").containsExactly(100, 180);

        h.answer(inviteAt(HOP_A), 487, "Request Terminated", "b1");
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180, 603);
    }

    @Test
    void cancelForABranchWithoutProvisionalWaitsUntilOneArrives() {
        forkToAAndB();

        h.answer(inviteAt(HOP_B), 603, "Decline", "b2");
        assertThat(h.sent("CANCEL")).as("RFC 3261 §9.1: no CANCEL before a provisional").isEmpty();

        h.answer(inviteAt(HOP_A), 180, "Ringing", "b1");
        assertThat(h.only("CANCEL", HOP_A).request().topVia()).isEqualTo(inviteAt(HOP_A).request().topVia());
    }

    @Test
    void sixxStartsNoFurtherGroup() {
        h.forwardInSequence(List.of(TO_A), List.of(TO_B));
        h.fromAlice(invite());

        h.answer(inviteAt(HOP_A), 603, "Decline", "b1");

        assertThat(h.sent("INVITE", HOP_B)).isEmpty();
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 603);
    }

    @Test
    void nextSequentialGroupIsTriedOnlyAfterTheFirstGroupFailed() {
        h.forwardInSequence(List.of(TO_A), List.of(TO_B));
        h.fromAlice(invite());
        assertThat(h.sent("INVITE", HOP_B)).isEmpty();

        h.answer(inviteAt(HOP_A), 486, "Busy Here", "b1");

        SipRequest inviteToB = inviteAt(HOP_B).request();
        assertThat(inviteToB.requestUri()).hasToString("sip:bob@192.0.2.21");
        assertThat(inviteToB.topVia().branch()).isNotEqualTo(inviteAt(HOP_A).request().topVia().branch());
        assertThat(h.upstreamCodes("INVITE")).as("A's 486 is not final yet").containsExactly(100);

        h.answer(inviteAt(HOP_B), 200, "OK", "b2");
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 200);
    }

    @Test
    void okOnOneBranchCancelsTheOtherBranches() {
        forkToAAndB();
        h.answer(inviteAt(HOP_A), 180, "Ringing", "b1");
        h.answer(inviteAt(HOP_B), 180, "Ringing", "b2");

        h.answer(inviteAt(HOP_A), 200, "OK", "b1");

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180, 180, 200);
        assertThat(h.sent("CANCEL", HOP_A)).isEmpty();
        SipRequest cancel = h.only("CANCEL", HOP_B).request();
        assertThat(cancel.topVia()).isEqualTo(inviteAt(HOP_B).request().topVia());
        assertThat(cancel.headers("Reason")).containsExactly("SIP;cause=200;text=\"Call completed elsewhere\"");
    }

    @Test
    void secondOkFromAnotherForkIsStillForwarded() {
        forkToAAndB();
        h.answer(inviteAt(HOP_A), 180, "Ringing", "b1");
        h.answer(inviteAt(HOP_B), 180, "Ringing", "b2");
        h.answer(inviteAt(HOP_A), 200, "OK", "b1");

        h.answer(inviteAt(HOP_B), 200, "OK", "b2"); // crossed our CANCEL on the wire

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180, 180, 200, 200);
        assertThat(h.lastUpstream("INVITE").to().tag()).isEqualTo("b2");
        assertThat(h.lastUpstream("INVITE").headers("Via"))
                .containsExactly("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1");
    }

    @Test
    void finalResponseAfterAnOkIsNotForwarded() {
        forkToAAndB();
        h.answer(inviteAt(HOP_B), 180, "Ringing", "b2");
        h.answer(inviteAt(HOP_A), 200, "OK", "b1");

        h.answer(inviteAt(HOP_B), 487, "Request Terminated", "b2");

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180, 200);
    }

    @Test
    void secondFinalResponseToAForkedNonInviteIsNotForwarded() {
        h.forwardInParallel(TO_A, TO_B);
        h.fromAlice(request(INVITE.replace("INVITE", "MESSAGE")));

        h.answer(h.only("MESSAGE", HOP_A), 200, "OK", "b1");
        h.answer(h.only("MESSAGE", HOP_B), 200, "OK", "b2");

        assertThat(h.upstreamCodes("MESSAGE")).containsExactly(200);
        assertThat(h.lastUpstream("MESSAGE").to().tag()).isEqualTo("b1");
    }
}
