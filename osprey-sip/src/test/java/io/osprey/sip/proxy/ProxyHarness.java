package io.osprey.sip.proxy;

import io.osprey.common.time.VirtualScheduler;
import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transaction.LaneDispatcher;
import io.osprey.sip.transaction.TransactionConfig;
import io.osprey.sip.transaction.TransactionLayer;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.InboundMessage;
import io.osprey.sip.transport.MessageSender;
import io.osprey.sip.transport.Source;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.UriParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A stateful proxy on a transaction layer with a virtual clock, a recording transport and a routing policy each
 * test sets, so tests see which request went to which hop and which responses went back upstream. No sockets.
 *
 * <p>The proxy is 192.0.2.1 (alias proxy.example.net), UDP and TCP on 5060, TLS on 5061. Alice's UA sends from
 * 192.0.2.10; downstream elements are A, B, C at 192.0.2.20-22 over UDP and D at 192.0.2.23 over TCP.
 */
final class ProxyHarness implements MessageSender {

    record SentRequest(SipRequest request, Hop hop) {
    }

    record SentResponse(SipResponse response, Source source) {
    }

    static final String PROXY_IP = "192.0.2.1";
    static final InetSocketAddress PROXY_UDP = new InetSocketAddress(PROXY_IP, 5060);
    static final Source FROM_ALICE_UDP = new Source(TransportProtocol.UDP,
            new InetSocketAddress("192.0.2.10", 5060), PROXY_UDP);
    static final Source FROM_ALICE_TCP = new Source(TransportProtocol.TCP,
            new InetSocketAddress("192.0.2.10", 40123), PROXY_UDP);
    static final Hop HOP_A = udp("192.0.2.20");
    static final Hop HOP_B = udp("192.0.2.21");
    static final Hop HOP_C = udp("192.0.2.22");
    static final Hop HOP_D_TCP = new Hop(TransportProtocol.TCP, new InetSocketAddress("192.0.2.23", 5060));

    /** An INVITE from Alice to Bob, as the UA sends it to its outbound proxy (us). */
    static final String INVITE = """
            INVITE sip:bob@example.com SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1
            Max-Forwards: 70
            From: "Alice" <sip:alice@example.com>;tag=a1
            To: <sip:bob@example.com>
            Call-ID: call-1@192.0.2.10
            CSeq: 1 INVITE
            Contact: <sip:alice@192.0.2.10:5060>
            Content-Length: 0

            """;

    final VirtualScheduler clock = new VirtualScheduler();
    final LocalAddresses local = new LocalAddresses(PROXY_IP, Set.of("proxy.example.net"),
            Map.of(TransportProtocol.UDP, 5060, TransportProtocol.TCP, 5060, TransportProtocol.TLS, 5061));
    final StatefulProxy proxy;
    final TransactionLayer layer;
    final List<SentRequest> requests = new ArrayList<>();
    final List<SentResponse> responses = new ArrayList<>();
    final List<SipRequest> resolverCalls = new ArrayList<>();
    /** Hops whose sends fail at once, as a refused TCP connection does. */
    final Set<Hop> unreachable = new HashSet<>();
    /** Every request the policy saw, as the proxy presented it. */
    final List<ProxyRequest> policyCalls = new ArrayList<>();
    private RoutingDecision decision = new RoutingDecision.Respond(404, "Not Found", "no decision set");
    /** A policy that replaces plain RFC 3261 routing with the resolver, when a test sets one. */
    private ProxyPolicy policy;

    ProxyHarness() {
        this(true);
    }

    ProxyHarness(boolean recordRoute) {
        ProxyPolicy plain = ProxyPolicy.of(this::resolve);
        ProxyPolicy recording = request -> {
            policyCalls.add(request);
            return (policy != null ? policy : plain).route(request);
        };
        proxy = new StatefulProxy(new ProxySettings(recordRoute), local, recording, new NextHops(), this);
        layer = new TransactionLayer(TransactionConfig.DEFAULTS, clock, this, LaneDispatcher.DIRECT, proxy);
        proxy.bind(layer);
    }

    // ---- routing policy ----

    private RoutingDecision resolve(SipRequest request) {
        resolverCalls.add(request);
        return decision;
    }

    void policy(ProxyPolicy replacement) {
        policy = replacement;
    }

    void decide(RoutingDecision next) {
        decision = next;
    }

    /** The resolver answers with one group of targets tried in parallel. */
    void forwardInParallel(Target... targets) {
        decision = new RoutingDecision.Forward(List.of(List.of(targets)));
    }

    /** The resolver answers with groups tried one after another. */
    @SafeVarargs
    final void forwardInSequence(List<Target>... groups) {
        List<List<Target>> plan = new ArrayList<>();
        for (List<Target> group : groups) {
            plan.add(group);
        }
        decision = new RoutingDecision.Forward(plan);
    }

    static Target target(String uri, Hop hop) {
        return new Target(UriParser.parse(uri), hop);
    }

    static Hop udp(String ip) {
        return new Hop(TransportProtocol.UDP, new InetSocketAddress(ip, 5060));
    }

    // ---- messages in ----

    static SipMessage parse(String text) {
        return new SipMessageDecoder().decode(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static SipRequest request(String text) {
        return (SipRequest) parse(text);
    }

    static SipRequest invite() {
        return request(INVITE);
    }

    /** A CANCEL Alice's UA builds for {@code invite} (RFC 3261 §9.1: same Via, Request-URI, tags, CSeq number). */
    static SipRequest cancelFor(SipRequest invite) {
        return SipRequest.builder("CANCEL", invite.requestUri())
                .add("Via", invite.header("Via"))
                .add("Max-Forwards", "70")
                .add("From", invite.header("From"))
                .add("To", invite.header("To"))
                .add("Call-ID", invite.header("Call-ID"))
                .add("CSeq", invite.cseq().number() + " CANCEL")
                .build();
    }

    void fromAlice(SipMessage message) {
        fromAlice(message, FROM_ALICE_UDP);
    }

    void fromAlice(SipMessage message, Source source) {
        layer.receive(new InboundMessage(message, source, clock.nanoTime()));
    }

    /** Delivers a response from the element at {@code hop}. */
    void fromDownstream(SipResponse response, Hop hop) {
        layer.receive(new InboundMessage(response, new Source(hop.transport(), hop.address(), PROXY_UDP),
                clock.nanoTime()));
    }

    /** Answers {@code sent} from its hop the way a UAS does (RFC 3261 §8.2.6): Vias copied, To tagged. */
    SipResponse answer(SentRequest sent, int code, String reason, String toTag) {
        SipResponse.Builder builder = SipResponse.forRequest(sent.request(), code, reason);
        if (toTag != null) {
            builder.toTag(toTag);
        }
        SipResponse response = builder.build();
        fromDownstream(response, sent.hop());
        return response;
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    // ---- messages out ----

    /** The requests with {@code method} sent to {@code hop}, retransmissions included. */
    List<SentRequest> sent(String method, Hop hop) {
        return requests.stream()
                .filter(s -> s.request().method().equals(method) && s.hop().equals(hop))
                .toList();
    }

    /** The one (first) request with {@code method} sent to {@code hop}; fails when there is none. */
    SentRequest only(String method, Hop hop) {
        List<SentRequest> matching = sent(method, hop);
        if (matching.isEmpty()) {
            throw new AssertionError("no " + method + " sent to " + hop + "; sent: " + requests);
        }
        return matching.get(0);
    }

    List<SentRequest> sent(String method) {
        return requests.stream().filter(s -> s.request().method().equals(method)).toList();
    }

    /** Status codes of the responses sent upstream for {@code method}, in order. */
    List<Integer> upstreamCodes(String method) {
        return responses.stream()
                .filter(s -> s.response().cseq().method().equals(method))
                .map(s -> s.response().statusCode())
                .toList();
    }

    /** The last response sent upstream for {@code method}. */
    SipResponse lastUpstream(String method) {
        List<SentResponse> matching = responses.stream()
                .filter(s -> s.response().cseq().method().equals(method)).toList();
        if (matching.isEmpty()) {
            throw new AssertionError("no response for " + method + " sent upstream");
        }
        return matching.get(matching.size() - 1).response();
    }

    @Override
    public void sendRequest(SipRequest request, Hop hop, Consumer<Throwable> onFailure) {
        requests.add(new SentRequest(request, hop));
        if (unreachable.contains(hop)) {
            onFailure.accept(new IOException("connection refused by " + hop));
        }
    }

    @Override
    public void sendResponse(SipResponse response, Source requestSource, Consumer<Throwable> onFailure) {
        responses.add(new SentResponse(response, requestSource));
    }
}
