package io.osprey.sip.proxy;

import static io.osprey.sip.proxy.ProxyHarness.HOP_A;
import static io.osprey.sip.proxy.ProxyHarness.HOP_B;
import static io.osprey.sip.proxy.ProxyHarness.HOP_C;
import static io.osprey.sip.proxy.ProxyHarness.invite;
import static io.osprey.sip.proxy.ProxyHarness.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.proxy.ProxyHarness.SentRequest;
import io.osprey.sip.transport.Hop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Branches that end without a response (RFC 3261 §16.7 step 2, §16.9): timer B, unreachable and unresolvable
 * targets, and an empty target set (§16.5).
 */
class ProxyBranchFailureTest {

    private static final Target TO_A = target("sip:bob@192.0.2.20", HOP_A);
    private static final Target TO_B = target("sip:bob@192.0.2.21", HOP_B);
    private static final Target TO_C = target("sip:bob@192.0.2.22", HOP_C);

    private final ProxyHarness h = new ProxyHarness();

    private void forkToAAndB() {
        h.forwardInParallel(TO_A, TO_B);
        h.fromAlice(invite());
    }

    private SentRequest inviteAt(Hop hop) {
        return h.only("INVITE", hop);
    }

    @Test
    void allBranchesTimingOutGive408AfterTimerB() {
        forkToAAndB();

        h.advance(Duration.ofMillis(31_999));
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100);

        h.advance(Duration.ofMillis(1)); // timer B = 64*T1 on both branches
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 408);
    }

    @Test
    void sixxStartsNoFurtherGroupEvenWhenTheLastPendingBranchTimesOut() {
        h.forwardInSequence(List.of(TO_A, TO_B), List.of(TO_C));
        h.fromAlice(invite());
        h.answer(inviteAt(HOP_B), 603, "Decline", "b2");

        h.advance(Duration.ofMillis(32_000)); // A never answers: timer B = 64*T1

        assertThat(h.sent("INVITE", HOP_C)).isEmpty();
        assertThat(h.sent("CANCEL")).isEmpty();
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 603);
    }

    @Test
    void unresolvableTargetDoesNotAnswerTheRequestWhileAnotherBranchIsPending() {
        h.forwardInParallel(target("tel:+15550100", null), TO_A);

        h.fromAlice(invite());

        assertThat(h.sent("INVITE", HOP_A)).hasSize(1);
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100);
        h.answer(inviteAt(HOP_A), 486, "Busy Here", "b1");
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 486);
    }

    @Test
    void unreachableFirstTargetDoesNotAnswerTheRequestWhileAnotherBranchIsPending() {
        h.unreachable.add(HOP_B);
        h.forwardInParallel(TO_B, TO_A);

        h.fromAlice(invite());

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100);
        h.answer(inviteAt(HOP_A), 200, "OK", "b1");
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 200);
    }

    @Test
    void unreachableGroupFallsThroughToTheNextGroup() {
        h.unreachable.add(HOP_A);
        h.forwardInSequence(List.of(TO_A), List.of(TO_B));

        h.fromAlice(invite());

        assertThat(h.sent("INVITE", HOP_B)).hasSize(1);
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100);
    }

    @Test
    void noReachableTargetGives500() {
        h.forwardInParallel(target("tel:+15550100", null));

        h.fromAlice(invite());

        assertThat(h.requests).isEmpty();
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 500);
    }

    @Test
    void emptyTargetSetGives480() {
        h.decide(new RoutingDecision.Forward(List.of()));

        h.fromAlice(invite());

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 480);
    }
}
