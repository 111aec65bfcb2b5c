package io.osprey.sip.proxy;

import static io.osprey.sip.proxy.ProxyHarness.HOP_A;
import static io.osprey.sip.proxy.ProxyHarness.HOP_B;
import static io.osprey.sip.proxy.ProxyHarness.HOP_C;
import static io.osprey.sip.proxy.ProxyHarness.cancelFor;
import static io.osprey.sip.proxy.ProxyHarness.invite;
import static io.osprey.sip.proxy.ProxyHarness.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.Hop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §16.10 CANCEL processing, with the §9.1 rules for the CANCELs the proxy sends downstream. */
class ProxyCancelTest {

    private static final Target TO_A = target("sip:bob@192.0.2.20", HOP_A);
    private static final Target TO_B = target("sip:bob@192.0.2.21", HOP_B);
    private static final Target TO_C = target("sip:bob@192.0.2.22", HOP_C);

    private final ProxyHarness h = new ProxyHarness();
    private final SipRequest invite = invite();

    private SipRequest inviteAt(Hop hop) {
        return h.only("INVITE", hop).request();
    }

    @Test
    void cancelForAPendingInviteIsAnswered200ByTheProxyItself() {
        h.forwardInParallel(TO_A);
        h.fromAlice(invite);

        h.fromAlice(cancelFor(invite));

        assertThat(h.upstreamCodes("CANCEL")).containsExactly(200);
        SipResponse ok = h.lastUpstream("CANCEL");
        assertThat(ok.headers("Via")).containsExactly("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1");
        assertThat(ok.cseq().number()).isEqualTo(1);
        assertThat(h.resolverCalls).as("the CANCEL is not routed").hasSize(1);
    }

    @Test
    void everyBranchWithAProvisionalIsCancelledWithTheFieldsOfItsInvite() {
        h.forwardInParallel(TO_A, TO_B);
        h.fromAlice(invite);
        h.answer(h.only("INVITE", HOP_A), 180, "Ringing", "b1");
        h.answer(h.only("INVITE", HOP_B), 183, "Session Progress", "b2");

        h.fromAlice(cancelFor(invite));

        for (Hop hop : List.of(HOP_A, HOP_B)) {
            SipRequest cancel = h.only("CANCEL", hop).request();
            SipRequest cancelled = inviteAt(hop);
            assertThat(cancel.requestUri()).isEqualTo(cancelled.requestUri());
            assertThat(cancel.headers("Via")).containsExactly(cancelled.topVia().toString());
            assertThat(cancel.header("Call-ID")).isEqualTo("call-1@192.0.2.10");
            assertThat(cancel.header("From")).isEqualTo(cancelled.header("From"));
            assertThat(cancel.header("To")).isEqualTo(cancelled.header("To"));
            assertThat(cancel.cseq().number()).isEqualTo(1);
            assertThat(cancel.cseq().method()).isEqualTo("CANCEL");
        }
        assertThat(h.sent("CANCEL")).hasSize(2);
    }

    @Test
    void cancelledBranchWithoutAProvisionalIsCancelledOnlyAfterItsFirstProvisional() {
        h.forwardInParallel(TO_A);
        h.fromAlice(invite);

        h.fromAlice(cancelFor(invite));
        assertThat(h.sent("CANCEL")).isEmpty();

        h.answer(h.only("INVITE", HOP_A), 180, "Ringing", "b1");
        assertThat(h.only("CANCEL", HOP_A).request().topVia()).isEqualTo(inviteAt(HOP_A).topVia());
    }

    @Test
    void the487FromDownstreamGoesUpstreamAsTheFinalResponse() {
        h.forwardInParallel(TO_A);
        h.fromAlice(invite);
        h.answer(h.only("INVITE", HOP_A), 180, "Ringing", "b1");
        h.fromAlice(cancelFor(invite));

        h.answer(h.only("INVITE", HOP_A), 487, "Request Terminated", "b1");

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180, 487);
        assertThat(h.lastUpstream("INVITE").headers("Via"))
                .containsExactly("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1");
    }

    @Test
    void cancelStartsNoFurtherSequentialGroup() {
        h.forwardInSequence(List.of(TO_A), List.of(TO_C));
        h.fromAlice(invite);
        h.answer(h.only("INVITE", HOP_A), 180, "Ringing", "b1");
        h.fromAlice(cancelFor(invite));

        h.answer(h.only("INVITE", HOP_A), 487, "Request Terminated", "b1");

        assertThat(h.sent("INVITE", HOP_C)).isEmpty();
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 180, 487);
    }

    @Test
    void cancelCarriesTheReasonOfTheUpstreamCancel() {
        h.forwardInParallel(TO_A);
        h.fromAlice(invite);
        h.answer(h.only("INVITE", HOP_A), 180, "Ringing", "b1");

        h.fromAlice(cancelFor(invite).toBuilder().add("Reason", "SIP;cause=480;text=\"No answer\"").build());

        assertThat(h.only("CANCEL", HOP_A).request().headers("Reason"))
                .containsExactly("SIP;cause=480;text=\"No answer\"");
    }

    @Test
    void cancelMatchingNoInviteIsRoutedLikeAnyOtherRequest() {
        h.forwardInParallel(TO_A);

        h.fromAlice(cancelFor(invite));

        SipRequest forwarded = h.only("CANCEL", HOP_A).request();
        assertThat(forwarded.vias()).hasSize(2);
        assertThat(h.upstreamCodes("CANCEL")).isEmpty();
    }
}
