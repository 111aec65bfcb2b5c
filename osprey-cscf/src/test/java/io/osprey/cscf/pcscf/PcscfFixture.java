package io.osprey.cscf.pcscf;

import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.ProxyRequest;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.proxy.Target;
import io.osprey.sip.transport.Source;
import io.osprey.sip.transport.TransportProtocol;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A P-CSCF policy at 127.0.0.1:5060 for home domain ims.test on a fixed clock, asked directly with
 * {@link ProxyRequest} values as the proxy core would build them; no sockets. Alice's UE sends from
 * 127.0.0.1:40000 over UDP; the S-CSCF sends from 127.0.0.1:6060.
 */
final class PcscfFixture {

    static final InetSocketAddress PCSCF = new InetSocketAddress("127.0.0.1", 5060);
    static final Source FROM_ALICE = new Source(TransportProtocol.UDP, new InetSocketAddress("127.0.0.1", 40000),
            PCSCF);
    static final Source FROM_SCSCF = new Source(TransportProtocol.UDP, new InetSocketAddress("127.0.0.1", 6060),
            PCSCF);
    static final String TERM_ROUTE = "<sip:term@127.0.0.1:5060;lr>";
    static final String CHALLENGE = "Digest realm=\"ims.test\", nonce=\"bm9uY2U=\", algorithm=AKAv1-MD5, "
            + "qop=\"auth\", ck=\"00112233445566778899aabbccddeeff\", ik=\"ffeeddccbbaa99887766554433221100\"";

    final PcscfPolicy policy;

    PcscfFixture(SecAgreeSettings secAgree) {
        this(secAgree, null);
    }

    /** As the other constructor, with emergency requests routed to {@code emergencyRoute} (null: answered 380). */
    PcscfFixture(SecAgreeSettings secAgree, String emergencyRoute) {
        PcscfSettings settings = new PcscfSettings("127.0.0.1", 5060, "ims.test", "sip:icscf.ims.test:4060",
                "ims.test", emergencyRoute, secAgree);
        policy = new PcscfPolicy(settings, () -> "icid-1",
                Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC));
    }

    /** A REGISTER from Alice with {@code extra} header lines (each ending in a newline). */
    static SipRequest register(int cseq, String contact, String extra) {
        return request("""
                REGISTER sip:ims.test SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:40000;rport;branch=z9hG4bKreg%d
                Max-Forwards: 70
                From: <sip:alice@ims.test>;tag=f1
                To: <sip:alice@ims.test>
                Call-ID: reg-1@127.0.0.1
                CSeq: %d REGISTER
                Contact: <%s>;expires=600
                Expires: 600
                Authorization: Digest username="alice@ims.test", realm="ims.test", nonce="", uri="sip:ims.test", response=""
                Supported: path
                %sContent-Length: 0

                """.formatted(cseq, cseq, contact, extra));
    }

    /** An initial INVITE from Alice's UE to Bob with {@code extra} header lines. */
    static SipRequest invite(String extra) {
        return request("""
                INVITE sip:bob@ims.test SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:40000;rport;branch=z9hG4bKinv1
                Max-Forwards: 70
                From: <sip:alice@ims.test>;tag=a1
                To: <sip:bob@ims.test>
                Call-ID: call-1@127.0.0.1
                CSeq: 1 INVITE
                Contact: <sip:alice@10.0.0.1:5060>
                %sContent-Length: 0

                """.formatted(extra));
    }

    static SipRequest request(String text) {
        return (SipRequest) new SipMessageDecoder().decode(text.replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The decision for a request from Alice's UE, outside any dialog, with no Route left. */
    RoutingDecision fromAlice(SipRequest request) {
        return policy.route(new ProxyRequest(request, FROM_ALICE, List.of(), null));
    }

    /** The decision for a request the S-CSCF sends along Alice's Path (the terminating case). */
    RoutingDecision terminating(SipRequest request) {
        return policy.route(new ProxyRequest(request, FROM_SCSCF, List.of(NameAddress.parse(TERM_ROUTE)), null));
    }

    /** The decision for an in-dialog request from {@code source} that reached its last Route (this P-CSCF). */
    RoutingDecision inDialog(SipRequest request, Source source) {
        Target fixed = new Target(request.requestUri(), null);
        return policy.route(new ProxyRequest(request, source, List.of(), fixed));
    }

    /** Registers Alice with {@code contact}: REGISTER, 401, REGISTER again, 200 (no security agreement). */
    void registerAlice(String contact) {
        RoutingDecision.Forward first = (RoutingDecision.Forward) fromAlice(register(1, contact, ""));
        first.responses().rewrite(challenge(first.request()));
        RoutingDecision.Forward second = (RoutingDecision.Forward) fromAlice(register(2, contact, ""));
        second.responses().rewrite(ok(second.request(), contact));
    }

    static SipResponse challenge(SipRequest forwarded) {
        return SipResponse.forRequest(forwarded, 401, "Unauthorized").toTag("s1")
                .add("WWW-Authenticate", CHALLENGE).build();
    }

    static SipResponse ok(SipRequest forwarded, String contact) {
        return SipResponse.forRequest(forwarded, 200, "OK").toTag("s2")
                .add("Contact", "<" + contact + ">;expires=600")
                .add("P-Associated-URI", "<sip:alice@ims.test>")
                .add("Service-Route", "<sip:orig@scscf.ims.test:6060;lr>")
                .build();
    }
}
