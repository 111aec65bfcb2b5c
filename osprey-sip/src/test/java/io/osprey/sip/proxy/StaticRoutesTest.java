package io.osprey.sip.proxy;

import static io.osprey.sip.proxy.ProxyHarness.HOP_A;
import static io.osprey.sip.proxy.ProxyHarness.HOP_B;
import static io.osprey.sip.proxy.ProxyHarness.HOP_C;
import static io.osprey.sip.proxy.ProxyHarness.INVITE;
import static io.osprey.sip.proxy.ProxyHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.transport.TransportProtocol;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The static route table: first match wins, else the Request-URI (RFC 3261 §16.5) or 404 for ourselves. */
class StaticRoutesTest {

    private static final LocalAddresses LOCAL = new LocalAddresses("192.0.2.1", Set.of("proxy.example.net"),
            Map.of(TransportProtocol.UDP, 5060, TransportProtocol.TCP, 5060));

    private static SipRequest inviteTo(String requestUri) {
        return request(INVITE.replace("INVITE sip:bob@example.com SIP/2.0", "INVITE " + requestUri + " SIP/2.0"));
    }

    private static RoutingDecision resolve(String requestUri, StaticRoutes.Rule... rules) {
        return new StaticRoutes(List.of(rules), LOCAL).resolve(inviteTo(requestUri));
    }

    private static Target onlyTarget(RoutingDecision decision) {
        assertThat(decision).isInstanceOf(RoutingDecision.Forward.class);
        List<List<Target>> groups = ((RoutingDecision.Forward) decision).groups();
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0)).hasSize(1);
        return groups.get(0).get(0);
    }

    @Test
    void starMatchesSipAndTelRequestUris() {
        StaticRoutes.Rule all = new StaticRoutes.Rule("*", HOP_A);

        assertThat(onlyTarget(resolve("sip:anyone@anywhere.example", all)).hop()).isEqualTo(HOP_A);
        assertThat(onlyTarget(resolve("tel:+15550100", all)).hop()).isEqualTo(HOP_A);
    }

    @Test
    void matchedRequestKeepsItsRequestUri() {
        Target target = onlyTarget(resolve("sip:bob@example.com;user=phone", new StaticRoutes.Rule("*", HOP_A)));

        assertThat(target.requestUri()).hasToString("sip:bob@example.com;user=phone");
    }

    @Test
    void atHostMatchesTheRequestUriHostIgnoringCase() {
        StaticRoutes.Rule exampleCom = new StaticRoutes.Rule("@Example.COM", HOP_A);

        assertThat(onlyTarget(resolve("sip:bob@example.com", exampleCom)).hop()).isEqualTo(HOP_A);
        assertThat(onlyTarget(resolve("sip:bob@sub.example.com", exampleCom)).hop()).isNull();
    }

    @Test
    void userPartPrefixMatches() {
        StaticRoutes.Rule alice = new StaticRoutes.Rule("ali", HOP_A);

        assertThat(onlyTarget(resolve("sip:alice@example.com", alice)).hop()).isEqualTo(HOP_A);
        assertThat(onlyTarget(resolve("sip:bob@example.com", alice)).hop()).isNull();
    }

    @Test
    void telephoneNumberPrefixMatches() {
        StaticRoutes.Rule berlin = new StaticRoutes.Rule("+4930", HOP_A);

        assertThat(onlyTarget(resolve("tel:+49301234567", berlin)).hop()).isEqualTo(HOP_A);
        assertThat(resolve("tel:+49891234567", berlin)).isInstanceOf(RoutingDecision.Respond.class);
    }

    @Test
    void telephoneNumberPrefixIgnoresVisualSeparators() {
        StaticRoutes.Rule berlin = new StaticRoutes.Rule("+4930", HOP_A);

        assertThat(onlyTarget(resolve("tel:+49-30-1234567", berlin)).hop()).isEqualTo(HOP_A);
    }

    @Test
    void firstMatchingRuleWins() {
        RoutingDecision decision = resolve("sip:alice@example.com",
                new StaticRoutes.Rule("bob", HOP_A),
                new StaticRoutes.Rule("@example.com", HOP_B),
                new StaticRoutes.Rule("*", HOP_C));

        assertThat(onlyTarget(decision).hop()).isEqualTo(HOP_B);
    }

    @Test
    void unmatchedRequestForAnotherHostGoesToItsRequestUri() {
        Target target = onlyTarget(resolve("sip:bob@192.0.2.40:5070", new StaticRoutes.Rule("carol", HOP_A)));

        assertThat(target.requestUri()).hasToString("sip:bob@192.0.2.40:5070");
        assertThat(target.hop()).as("resolved from the Request-URI when forwarded").isNull();
    }

    @Test
    void unmatchedRequestForThisProxyGets404() {
        List<String> ourUris = List.of(
                "sip:bob@192.0.2.1", "sip:bob@proxy.example.net:5060", "sip:bob@PROXY.example.net");
        for (String ours : ourUris) {
            RoutingDecision decision = resolve(ours, new StaticRoutes.Rule("carol", HOP_A));

            assertThat(decision).as(ours).isInstanceOfSatisfying(RoutingDecision.Respond.class,
                    respond -> assertThat(respond.statusCode()).isEqualTo(404));
        }
    }

    @Test
    void unmatchedRequestToOurHostOnAnotherPortIsForwarded() {
        Target target = onlyTarget(resolve("sip:bob@192.0.2.1:5080"));

        assertThat(target.requestUri()).hasToString("sip:bob@192.0.2.1:5080");
    }

    @Test
    void unmatchedTelUriGets404() {
        assertThat(resolve("tel:+15550100")).isInstanceOf(RoutingDecision.Respond.class);
    }
}
