package io.osprey.sip.proxy;

import static io.osprey.sip.proxy.ProxyHarness.HOP_A;
import static io.osprey.sip.proxy.ProxyHarness.INVITE;
import static io.osprey.sip.proxy.ProxyHarness.request;
import static io.osprey.sip.proxy.ProxyHarness.target;
import static io.osprey.sip.proxy.ProxyHarness.udp;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import org.junit.jupiter.api.Test;

/** RFC 3261 §16.4 Route pre-processing, §16.6 step 6 (strict next hop) and §16.12 in-dialog routing. */
class RoutePreprocessingTest {

    /** A BYE inside a dialog Alice and Bob set up through us and 192.0.2.30; Bob's contact is 192.0.2.40:5070. */
    private static final String BYE = """
            BYE sip:bob@192.0.2.40:5070 SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-bye
            Max-Forwards: 70
            Route: <sip:192.0.2.1;lr>, <sip:192.0.2.30;lr>
            From: "Alice" <sip:alice@example.com>;tag=a1
            To: <sip:bob@example.com>;tag=b7
            Call-ID: call-1@192.0.2.10
            CSeq: 2 BYE
            Content-Length: 0

            """;

    private final ProxyHarness h = new ProxyHarness();

    private static SipRequest inviteWithRoutes(String routes) {
        return request(INVITE.replace("Max-Forwards: 70\n", "Max-Forwards: 70\nRoute: " + routes + "\n"));
    }

    @Test
    void ourRouteOnTopIsRemovedAndTheRequestGoesToTheNextRoute() {
        h.forwardInParallel(target("sip:bob@192.0.2.20", HOP_A));

        h.fromAlice(inviteWithRoutes("<sip:192.0.2.1;lr>, <sip:192.0.2.30;lr>"));

        SipRequest forwarded = h.only("INVITE", udp("192.0.2.30")).request();
        assertThat(forwarded.headers("Route")).containsExactly("<sip:192.0.2.30;lr>");
        assertThat(forwarded.requestUri()).hasToString("sip:bob@example.com");
        assertThat(h.resolverCalls).as("a remaining Route decides the next hop").isEmpty();
    }

    @Test
    void routeNamingOurAliasIsRemovedAndTheResolverDecidesOnTheRest() {
        h.forwardInParallel(target("sip:bob@192.0.2.20", HOP_A));

        h.fromAlice(inviteWithRoutes("<sip:proxy.example.net;lr>"));

        assertThat(h.resolverCalls).hasSize(1);
        assertThat(h.resolverCalls.get(0).hasHeader("Route")).isFalse();
        assertThat(h.only("INVITE", HOP_A).request().hasHeader("Route")).isFalse();
    }

    @Test
    void bothOfOurRoutesAreRemovedAfterDoubleRecordRoute() {
        h.fromAlice(inviteWithRoutes(
                "<sip:192.0.2.1:5060;transport=tcp;lr>, <sip:192.0.2.1:5060;lr>, <sip:192.0.2.30;lr>"));

        assertThat(h.only("INVITE", udp("192.0.2.30")).request().headers("Route"))
                .containsExactly("<sip:192.0.2.30;lr>");
    }

    @Test
    void ourRouteBelowAnotherElementsRouteIsLeftAlone() {
        h.fromAlice(inviteWithRoutes("<sip:192.0.2.30;lr>, <sip:192.0.2.1;lr>"));

        assertThat(h.only("INVITE", udp("192.0.2.30")).request().headers("Route"))
                .containsExactly("<sip:192.0.2.30;lr>", "<sip:192.0.2.1;lr>");
    }

    @Test
    void ourUriInTheRequestUriFromAStrictRouterIsReplacedByTheLastRoute() {
        h.fromAlice(request(BYE
                .replace("BYE sip:bob@192.0.2.40:5070 SIP/2.0", "BYE sip:192.0.2.1:5060;lr SIP/2.0")
                .replace("Route: <sip:192.0.2.1;lr>, <sip:192.0.2.30;lr>",
                        "Route: <sip:192.0.2.30;lr>, <sip:bob@192.0.2.40:5070>")));

        SipRequest forwarded = h.only("BYE", udp("192.0.2.30")).request();
        assertThat(forwarded.requestUri()).hasToString("sip:bob@192.0.2.40:5070");
        assertThat(forwarded.headers("Route")).containsExactly("<sip:192.0.2.30;lr>");
    }

    @Test
    void strictRouterAsNextHopGetsItsUriAsRequestUriAndTheOldRequestUriBecomesTheLastRoute() {
        h.fromAlice(inviteWithRoutes("<sip:192.0.2.30:5060>, <sip:192.0.2.31;lr>"));

        SipRequest forwarded = h.only("INVITE", udp("192.0.2.30")).request();
        assertThat(forwarded.requestUri()).hasToString("sip:192.0.2.30:5060");
        assertThat(forwarded.headers("Route")).containsExactly("<sip:192.0.2.31;lr>", "<sip:bob@example.com>");
    }

    @Test
    void inDialogRequestFollowsItsRouteSetAndNeverAsksTheResolver() {
        h.decide(new RoutingDecision.Respond(404, "Not Found", "the resolver must not be asked"));

        h.fromAlice(request(BYE));

        SipRequest forwarded = h.only("BYE", udp("192.0.2.30")).request();
        assertThat(forwarded.requestUri()).hasToString("sip:bob@192.0.2.40:5070");
        assertThat(forwarded.headers("Route")).containsExactly("<sip:192.0.2.30;lr>");
        assertThat(forwarded.headers("Max-Forwards")).containsExactly("69");
        assertThat(forwarded.hasHeader("Record-Route")).isFalse();
        assertThat(h.resolverCalls).isEmpty();
        assertThat(h.responses).isEmpty();
    }
}
