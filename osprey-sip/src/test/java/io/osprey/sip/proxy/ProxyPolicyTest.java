package io.osprey.sip.proxy;

import static io.osprey.sip.proxy.ProxyHarness.HOP_A;
import static io.osprey.sip.proxy.ProxyHarness.HOP_B;
import static io.osprey.sip.proxy.ProxyHarness.INVITE;
import static io.osprey.sip.proxy.ProxyHarness.cancelFor;
import static io.osprey.sip.proxy.ProxyHarness.invite;
import static io.osprey.sip.proxy.ProxyHarness.request;
import static io.osprey.sip.proxy.ProxyHarness.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * What a {@link ProxyPolicy} may do beyond picking targets: decide after an asynchronous look-up, answer the request
 * itself, rewrite the forwarded request and the responses going upstream, and limit sequential forking to some
 * failures. These are the hooks the IMS CSCFs are built on.
 */
class ProxyPolicyTest {

    private static final Target TO_A = target("sip:bob@192.0.2.20", HOP_A);
    private static final Target TO_B = target("sip:bob@192.0.2.21", HOP_B);

    private final ProxyHarness h = new ProxyHarness();

    @Test
    void pendingDecisionForwardsOnlyWhenItCompletes() {
        CompletableFuture<RoutingDecision> later = new CompletableFuture<>();
        h.decide(new RoutingDecision.Pending(later));

        h.fromAlice(invite());
        assertThat(h.sent("INVITE")).isEmpty();
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100);

        later.complete(RoutingDecision.Forward.to(TO_A));
        assertThat(h.sent("INVITE", HOP_A)).hasSize(1);
    }

    @Test
    void pendingDecisionThatTimesOutAnswers504AndOtherFailuresAnswer500() {
        CompletableFuture<RoutingDecision> timedOut = new CompletableFuture<>();
        h.decide(new RoutingDecision.Pending(timedOut));
        h.fromAlice(invite());
        timedOut.completeExceptionally(new TimeoutException("HSS silent"));
        assertThat(h.lastUpstream("INVITE").statusCode()).isEqualTo(504);
        assertThat(h.lastUpstream("INVITE").header("Warning")).contains("no answer");

        ProxyHarness other = new ProxyHarness();
        CompletableFuture<RoutingDecision> broken = new CompletableFuture<>();
        other.decide(new RoutingDecision.Pending(broken));
        other.fromAlice(invite());
        broken.completeExceptionally(new IllegalStateException("bug"));
        assertThat(other.lastUpstream("INVITE").statusCode()).isEqualTo(500);
    }

    @Test
    void cancelWhileUndecidedAnswers487AndTheLateDecisionIsDropped() {
        CompletableFuture<RoutingDecision> later = new CompletableFuture<>();
        h.decide(new RoutingDecision.Pending(later));
        SipRequest invite = invite();
        h.fromAlice(invite);

        h.fromAlice(cancelFor(invite));
        assertThat(h.upstreamCodes("CANCEL")).containsExactly(200);
        assertThat(h.upstreamCodes("INVITE")).containsExactly(100, 487);

        later.complete(RoutingDecision.Forward.to(TO_A));
        assertThat(h.sent("INVITE")).as("nothing forwarded after the 487").isEmpty();
    }

    @Test
    void answerDecisionSendsThePolicysOwnResponse() {
        SipRequest register = request(INVITE.replace("INVITE sip:bob@example.com", "REGISTER sip:example.com")
                .replace("CSeq: 1 INVITE", "CSeq: 1 REGISTER"));
        SipResponse challenge = SipResponse.forRequest(register, 401, "Unauthorized").toTag("reg1")
                .add("WWW-Authenticate", "Digest realm=\"example.com\", nonce=\"abc\"").build();
        h.decide(new RoutingDecision.Answer(challenge));

        h.fromAlice(register);

        assertThat(h.lastUpstream("REGISTER").header("WWW-Authenticate")).contains("nonce=\"abc\"");
        assertThat(h.sent("REGISTER")).isEmpty();
    }

    @Test
    void forwardedRequestAndUpstreamResponsesCarryThePolicysRewrites() {
        h.policy(request -> RoutingDecision.Forward.to(TO_A,
                        request.routed().toBuilder().add("P-Asserted-Identity", "<sip:alice@example.com>").build())
                .withResponses(response -> response.toBuilder().add("P-Seen", "yes").build()));
        h.fromAlice(invite());

        ProxyHarness.SentRequest sent = h.only("INVITE", HOP_A);
        assertThat(sent.request().header("P-Asserted-Identity")).isEqualTo("<sip:alice@example.com>");
        h.answer(sent, 180, "Ringing", "b1");
        h.answer(sent, 200, "OK", "b1");

        List<SipResponse> upstream = h.responses.stream().map(ProxyHarness.SentResponse::response)
                .filter(r -> r.statusCode() > 100).toList();
        assertThat(upstream).extracting(SipResponse::statusCode).containsExactly(180, 200);
        assertThat(upstream).allSatisfy(r -> assertThat(r.header("P-Seen")).isEqualTo("yes"));
    }

    @Test
    void nextGroupIsTriedOnlyForTheFailuresThePolicyAllows() {
        RoutingDecision.Forward failover = new RoutingDecision.Forward(List.of(List.of(TO_A), List.of(TO_B)))
                .withTryNextGroup(code -> code == 408 || code >= 500);
        h.decide(failover);
        h.fromAlice(invite());
        h.answer(h.only("INVITE", HOP_A), 403, "Forbidden", "a1");
        assertThat(h.sent("INVITE", HOP_B)).as("a 403 is an answer, not a failed server").isEmpty();
        assertThat(h.lastUpstream("INVITE").statusCode()).isEqualTo(403);

        ProxyHarness second = new ProxyHarness();
        second.decide(failover);
        second.fromAlice(invite());
        second.answer(second.only("INVITE", HOP_A), 503, "Service Unavailable", "a1");
        assertThat(second.sent("INVITE", HOP_B)).hasSize(1);
    }

    @Test
    void policySeesTheRoutesThatNamedThisProxyAndTheFixedTarget() {
        h.decide(RoutingDecision.Forward.to(TO_A));
        h.fromAlice(request(INVITE.replace("Max-Forwards: 70\n",
                "Max-Forwards: 70\nRoute: <sip:orig@192.0.2.1;lr>, <sip:192.0.2.30;lr>\n")));

        ProxyRequest seen = h.policyCalls.get(0);
        assertThat(seen.ownRoutes()).extracting(r -> r.uri().toString()).containsExactly("sip:orig@192.0.2.1;lr");
        assertThat(seen.fixedTarget()).isNotNull();
        assertThat(seen.routed().headers("Route")).containsExactly("<sip:192.0.2.30;lr>");
        assertThat(h.resolverCalls).as("plain proxying follows the Route set without the resolver").isEmpty();
    }
}
