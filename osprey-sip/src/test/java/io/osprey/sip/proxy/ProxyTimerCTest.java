package io.osprey.sip.proxy;

import static io.osprey.sip.proxy.ProxyHarness.HOP_A;
import static io.osprey.sip.proxy.ProxyHarness.invite;
import static io.osprey.sip.proxy.ProxyHarness.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Timer C (RFC 3261 §16.8): an INVITE branch that went quiet after a provisional is CANCELled after more than three
 * minutes, every provisional restarts the timer, and a branch that stays silent even after the CANCEL is given up
 * 64*T1 later (§9.1) as a 408.
 */
class ProxyTimerCTest {

    private static final Duration TIMER_C = ProxySettings.DEFAULT_TIMER_C;

    private final ProxyHarness h = new ProxyHarness();

    private void ringingThenSilence() {
        h.forwardInParallel(target("sip:bob@192.0.2.20", HOP_A));
        h.fromAlice(invite());
        h.answer(h.only("INVITE", HOP_A), 180, "Ringing", "b1");
    }

    @Test
    void timerCIsMoreThanThreeMinutes() {
        assertThat(TIMER_C).isGreaterThan(Duration.ofMinutes(3));
    }

    @Test
    void aQuietBranchIsCancelledWhenTimerCFires() {
        ringingThenSilence();

        h.advance(TIMER_C.minusMillis(1));
        assertThat(h.sent("CANCEL")).isEmpty();
        h.advance(Duration.ofMillis(1));

        SipRequest cancel = h.only("CANCEL", HOP_A).request();
        SipRequest invite = h.only("INVITE", HOP_A).request();
        assertThat(cancel.topVia().branch()).isEqualTo(invite.topVia().branch());
        assertThat(cancel.header("Reason")).contains("cause=408");
    }

    @Test
    void eachProvisionalRestartsTimerC() {
        ringingThenSilence();
        h.advance(Duration.ofSeconds(100));
        h.answer(h.only("INVITE", HOP_A), 183, "Session Progress", "b1");

        h.advance(TIMER_C.minusSeconds(1));
        assertThat(h.sent("CANCEL")).as("100 s + timer C - 1 s after the first provisional").isEmpty();
        h.advance(Duration.ofSeconds(1));
        assertThat(h.sent("CANCEL")).hasSize(1);
    }

    @Test
    void aBranchSilentAfterTheCancelIsGivenUpAsA408() {
        ringingThenSilence();
        h.advance(TIMER_C);
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180);

        h.advance(Duration.ofSeconds(32)); // 64*T1 after the CANCEL

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180, 408);
    }

    @Test
    void aFinalResponseStopsTimerC() {
        ringingThenSilence();
        h.answer(h.only("INVITE", HOP_A), 486, "Busy Here", "b1");

        h.advance(TIMER_C.plusSeconds(60));

        assertThat(h.sent("CANCEL")).isEmpty();
        // Alice never ACKs here, so timer G retransmits the 486; no 408 ever follows it.
        assertThat(h.upstreamCodes("INVITE")).startsWith(100, 180, 486).containsOnly(100, 180, 486);
    }
}
