package io.osprey.sip.proxy;

import static io.osprey.sip.proxy.ProxyHarness.HOP_A;
import static io.osprey.sip.proxy.ProxyHarness.HOP_B;
import static io.osprey.sip.proxy.ProxyHarness.invite;
import static io.osprey.sip.proxy.ProxyHarness.request;
import static io.osprey.sip.proxy.ProxyHarness.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits a policy may put on a forwarded request: a no-answer time for an INVITE (a terminating S-CSCF's, answered
 * 480 and the ringing branches CANCELled) and a no-response time per branch (an I-CSCF giving up a silent S-CSCF in
 * time for the next one, RFC 4320 §2).
 */
class ProxyTimeLimitsTest {

    private static final Target TO_A = target("sip:bob@192.0.2.20", HOP_A);
    private static final Target TO_B = target("sip:bob@192.0.2.21", HOP_B);
    private static final RoutingDecision.NoAnswer THIRTY_SECONDS = new RoutingDecision.NoAnswer(Duration.ofSeconds(30),
            480, "Temporarily Unavailable", "no answer within 30 s");

    private final ProxyHarness h = new ProxyHarness();

    @Test
    void aRingingCallIsAnswered480AtTheNoAnswerTimeAndTheBranchesAreCancelledWithThatReason() {
        h.decide(new RoutingDecision.Forward(List.of(List.of(TO_A, TO_B))).withNoAnswer(THIRTY_SECONDS));
        h.fromAlice(invite());
        h.answer(h.only("INVITE", HOP_A), 180, "Ringing", "a1");
        h.answer(h.only("INVITE", HOP_B), 180, "Ringing", "b1");

        h.advance(Duration.ofMillis(29_999));
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180, 180);
        h.advance(Duration.ofMillis(1));

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180, 180, 480);
        assertThat(h.lastUpstream("INVITE").header("Warning")).contains("no answer within 30 s");
        assertThat(h.sent("CANCEL")).hasSize(2).allSatisfy(cancel -> assertThat(cancel.request().header("Reason"))
                .isEqualTo("SIP;cause=480;text=\"Temporarily Unavailable\""));
        h.answer(h.only("INVITE", HOP_A), 487, "Request Terminated", "a1");
        assertThat(h.upstreamCodes("INVITE")).as("the 487s find the answer decided").hasSize(4);
    }

    @Test
    void anAnsweredCallIsLeftAloneByTheNoAnswerTime() {
        h.decide(new RoutingDecision.Forward(List.of(List.of(TO_A))).withNoAnswer(THIRTY_SECONDS));
        h.fromAlice(invite());
        h.answer(h.only("INVITE", HOP_A), 200, "OK", "a1");

        h.advance(Duration.ofSeconds(60));

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 200);
        assertThat(h.sent("CANCEL")).isEmpty();
    }

    @Test
    void aSilentBranchIsGivenUpAtTheNoResponseTimeAndTheNextGroupTried() {
        h.decide(new RoutingDecision.Forward(List.of(List.of(TO_A), List.of(TO_B)))
                .withNoResponse(Duration.ofSeconds(2)));
        h.fromAlice(request("""
                OPTIONS sip:bob@ims.test SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKopt1
                Max-Forwards: 70
                From: <sip:alice@ims.test>;tag=a1
                To: <sip:bob@ims.test>
                Call-ID: opt-1
                CSeq: 1 OPTIONS
                Content-Length: 0

                """));

        h.advance(Duration.ofMillis(1_999));
        assertThat(h.sent("OPTIONS", HOP_B)).isEmpty();
        h.advance(Duration.ofMillis(1));

        assertThat(h.sent("OPTIONS", HOP_B)).as("well before timer F's 32 s").hasSize(1);
        h.answer(h.only("OPTIONS", HOP_B), 200, "OK", "b1");
        assertThat(h.upstreamCodes("OPTIONS")).containsExactly(200);
    }

    @Test
    void aBranchThatAnsweredAtAllIsNotGivenUp() {
        h.decide(new RoutingDecision.Forward(List.of(List.of(TO_A), List.of(TO_B)))
                .withNoResponse(Duration.ofSeconds(2)));
        h.fromAlice(invite());
        h.answer(h.only("INVITE", HOP_A), 180, "Ringing", "a1");

        h.advance(Duration.ofSeconds(10));

        assertThat(h.sent("INVITE", HOP_B)).isEmpty();
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180);
    }
}
