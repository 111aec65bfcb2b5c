package io.osprey.sip.proxy;

import static io.osprey.sip.proxy.ProxyHarness.FROM_ALICE_TCP;
import static io.osprey.sip.proxy.ProxyHarness.HOP_A;
import static io.osprey.sip.proxy.ProxyHarness.HOP_B;
import static io.osprey.sip.proxy.ProxyHarness.HOP_D_TCP;
import static io.osprey.sip.proxy.ProxyHarness.INVITE;
import static io.osprey.sip.proxy.ProxyHarness.invite;
import static io.osprey.sip.proxy.ProxyHarness.request;
import static io.osprey.sip.proxy.ProxyHarness.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipHeader;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.Via;
import io.osprey.sip.transport.Hop;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 3261 §16.6 request forwarding (with RFC 5658 double Record-Route) and §16.2 100 Trying. */
class ProxyForwardingTest {

    private final ProxyHarness h = new ProxyHarness();

    private SipRequest forwardedInvite(SipRequest incoming, Hop hop) {
        h.fromAlice(incoming);
        return h.only("INVITE", hop).request();
    }

    private SipRequest forwardedInvite(SipRequest incoming) {
        h.forwardInParallel(target("sip:bob@192.0.2.20", HOP_A));
        return forwardedInvite(incoming, HOP_A);
    }

    @Test
    void requestUriIsTheTargetsUriAndTheCopyGoesToTheTargetsHop() {
        h.forwardInParallel(target("sip:bob@192.0.2.20:5070;transport=udp", HOP_A));

        SipRequest forwarded = forwardedInvite(invite(), HOP_A);

        assertThat(forwarded.requestUri()).hasToString("sip:bob@192.0.2.20:5070;transport=udp");
        assertThat(h.requests).hasSize(1);
    }

    @Test
    void maxForwardsIsDecrementedByOne() {
        SipRequest forwarded = forwardedInvite(request(INVITE.replace("Max-Forwards: 70", "Max-Forwards: 17")));

        assertThat(forwarded.headers("Max-Forwards")).containsExactly("16");
    }

    @Test
    void maxForwardsOf70IsAddedWhenTheRequestHasNone() {
        SipRequest forwarded = forwardedInvite(request(INVITE.replace("Max-Forwards: 70\n", "")));

        assertThat(forwarded.headers("Max-Forwards")).containsExactly("70");
    }

    @Test
    void optionsWithMaxForwardsZeroIsNotForwardedAndGets483() {
        h.forwardInParallel(target("sip:bob@192.0.2.20", HOP_A));

        // The stack's validator lets OPTIONS with Max-Forwards 0 through (RFC 3261 §16.3 step 3: the element MAY
        // answer it itself); the proxy must still never forward it.
        h.fromAlice(request(INVITE.replace("INVITE", "OPTIONS").replace("Max-Forwards: 70", "Max-Forwards: 0")));

        assertThat(h.requests).isEmpty();
        assertThat(h.upstreamCodes("OPTIONS")).containsExactly(483);
    }

    @Test
    void ourViaIsPushedOnTopWithAMagicCookieBranchAndTheOriginalViaStaysBelow() {
        SipRequest forwarded = forwardedInvite(invite());

        assertThat(forwarded.vias()).hasSize(2);
        Via ours = forwarded.vias().get(0);
        assertThat(ours.transport()).isEqualTo("UDP");
        assertThat(ours.host()).isEqualTo("192.0.2.1");
        assertThat(ours.port()).isEqualTo(5060);
        assertThat(ours.branch().value()).startsWith("z9hG4bK").isNotEqualTo("z9hG4bK-alice-1");
        assertThat(forwarded.vias().get(1)).hasToString("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1");
    }

    @Test
    void parallelBranchesGetDistinctViaBranches() {
        h.forwardInParallel(target("sip:bob@192.0.2.20", HOP_A), target("sip:bob@192.0.2.21", HOP_B));

        h.fromAlice(invite());

        String branchA = h.only("INVITE", HOP_A).request().topVia().branch().value();
        String branchB = h.only("INVITE", HOP_B).request().topVia().branch().value();
        assertThat(branchA).startsWith("z9hG4bK");
        assertThat(branchB).startsWith("z9hG4bK").isNotEqualTo(branchA);
    }

    @Test
    void viaOfTcpBranchNamesTcp() {
        h.forwardInParallel(target("sip:bob@192.0.2.23;transport=tcp", HOP_D_TCP));

        SipRequest forwarded = forwardedInvite(invite(), HOP_D_TCP);

        assertThat(forwarded.topVia().toString()).startsWith("SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bK");
    }

    @Test
    void inviteGetsOurRecordRouteWithLr() {
        SipRequest forwarded = forwardedInvite(invite());

        assertThat(forwarded.headers("Record-Route")).containsExactly("<sip:192.0.2.1:5060;lr>");
    }

    @Test
    void noRecordRouteWhenRecordRoutingIsDisabled() {
        ProxyHarness withoutRecordRoute = new ProxyHarness(false);
        withoutRecordRoute.forwardInParallel(target("sip:bob@192.0.2.20", HOP_A));

        withoutRecordRoute.fromAlice(invite());

        assertThat(withoutRecordRoute.only("INVITE", HOP_A).request().hasHeader("Record-Route")).isFalse();
    }

    @Test
    void noRecordRouteOnARequestThatCreatesNoDialog() {
        h.forwardInParallel(target("sip:bob@192.0.2.20", HOP_A));

        h.fromAlice(request(INVITE.replace("INVITE", "MESSAGE")));

        assertThat(h.only("MESSAGE", HOP_A).request().hasHeader("Record-Route")).isFalse();
    }

    @Test
    void noRecordRouteOnAReInviteInsideADialog() {
        // In a dialog the Request-URI is the remote target (Bob's contact), which the proxy forwards to (§16.12).
        SipRequest forwarded = forwardedInvite(request(INVITE
                .replace("INVITE sip:bob@example.com", "INVITE sip:bob@192.0.2.20")
                .replace("To: <sip:bob@example.com>", "To: <sip:bob@example.com>;tag=b7")));

        assertThat(forwarded.hasHeader("Record-Route")).isFalse();
    }

    @Test
    void inDialogRequestGoesToItsRemoteTargetNotThroughThePolicy() {
        h.forwardInParallel(target("sip:elsewhere@192.0.2.99", HOP_B));
        h.fromAlice(request(INVITE
                .replace("INVITE sip:bob@example.com", "INVITE sip:bob@192.0.2.20")
                .replace("To: <sip:bob@example.com>", "To: <sip:bob@example.com>;tag=b7")));

        assertThat(h.only("INVITE", HOP_A).request().requestUri().toString()).isEqualTo("sip:bob@192.0.2.20");
    }

    @Test
    void differentInboundAndOutboundTransportsGetDoubleRecordRouteOutboundSideOnTop() {
        h.forwardInParallel(target("sip:bob@192.0.2.23;transport=tcp", HOP_D_TCP));
        SipRequest viaUpstreamProxy = request(INVITE.replace("Contact:",
                "Record-Route: <sip:192.0.2.9;lr>\nContact:"));

        h.fromAlice(viaUpstreamProxy); // arrives over UDP, leaves over TCP

        assertThat(h.only("INVITE", HOP_D_TCP).request().headers("Record-Route")).containsExactly(
                "<sip:192.0.2.1:5060;transport=tcp;lr>",
                "<sip:192.0.2.1:5060;lr>",
                "<sip:192.0.2.9;lr>");
    }

    @Test
    void sameTransportBothWaysGetsASingleRecordRoute() {
        h.forwardInParallel(target("sip:bob@192.0.2.23;transport=tcp", HOP_D_TCP));

        h.fromAlice(invite(), FROM_ALICE_TCP);

        assertThat(h.only("INVITE", HOP_D_TCP).request().headers("Record-Route"))
                .containsExactly("<sip:192.0.2.1:5060;transport=tcp;lr>");
    }

    @Test
    void headersTheProxyDoesNotOwnAndTheBodyAreForwardedUnchanged() {
        String sdp = "v=0\no=alice 1 1 IN IP4 192.0.2.10\ns=-\nc=IN IP4 192.0.2.10\nt=0 0\nm=audio 49170 RTP/AVP 0\n";
        SipRequest incoming = request(INVITE
                .replace("Contact:", "Record-Route: <sip:192.0.2.9;lr>\nSubject: lunch\n"
                        + "Supported: 100rel, timer\nP-Asserted-Identity: <sip:alice@example.com>\n"
                        + "X-Custom:  kept  as is\nContent-Type: application/sdp\nContact:")
                .replace("Content-Length: 0\n\n", "Content-Length: 94\n\n" + sdp));

        SipRequest forwarded = forwardedInvite(incoming);

        Set<String> owned = Set.of("Via", "Max-Forwards", "Record-Route");
        assertThat(fieldsExcept(forwarded, owned)).isEqualTo(fieldsExcept(incoming, owned))
                .contains("Subject: lunch", "X-Custom: kept  as is", "Contact: <sip:alice@192.0.2.10:5060>");
        assertThat(forwarded.headers("Record-Route")).endsWith("<sip:192.0.2.9;lr>");
        assertThat(new String(forwarded.bodyBytes(), StandardCharsets.UTF_8))
                .isEqualTo(sdp.replace("\n", "\r\n"));
    }

    private static List<String> fieldsExcept(SipRequest request, Set<String> names) {
        return request.headerFields().stream()
                .filter(field -> !names.contains(field.name()))
                .map(SipHeader::toString)
                .toList();
    }

    @Test
    void inviteIsAnswered100TryingAtOnceBeforeAnyDownstreamResponse() {
        forwardedInvite(invite());

        assertThat(h.upstreamCodes("INVITE")).containsExactly(100);
        assertThat(h.lastUpstream("INVITE").to().tag()).isNull();
        assertThat(h.lastUpstream("INVITE").headers("Via"))
                .containsExactly("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1");
    }

    @Test
    void nonInviteRequestGetsNo100Trying() {
        h.forwardInParallel(target("sip:bob@192.0.2.20", HOP_A));

        h.fromAlice(request(INVITE.replace("INVITE", "MESSAGE")));

        assertThat(h.sent("MESSAGE", HOP_A)).hasSize(1);
        assertThat(h.responses).isEmpty();
    }

    @Test
    void routingDecisionToRespondAnswersWithoutForwarding() {
        h.decide(new RoutingDecision.Respond(404, "Not Found", "no such user"));

        h.fromAlice(invite());

        assertThat(h.requests).isEmpty();
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 404);
        assertThat(h.lastUpstream("INVITE").to().tag()).isNotBlank();
        assertThat(h.lastUpstream("INVITE").headers("Warning")).containsExactly("399 192.0.2.1 \"no such user\"");
    }
}
