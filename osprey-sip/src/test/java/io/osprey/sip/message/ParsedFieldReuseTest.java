package io.osprey.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.codec.SipMessageEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A message built from another reuses what that one parsed of the fields the builder left alone (or only pushed
 * onto or popped off); whatever it reuses must equal what parsing the built message afresh gives.
 */
class ParsedFieldReuseTest {

    private static final String REQUEST = """
            INVITE sip:bob@biloxi.example.com SIP/2.0\r
            Via: SIP/2.0/UDP proxy1.example.com:5060;branch=z9hG4bK1, SIP/2.0/UDP pc33.example.com;branch=z9hG4bK0\r
            Via: SIP/2.0/TCP first.example.com;branch=z9hG4bKf;received=192.0.2.1\r
            Max-Forwards: 69\r
            Route: <sip:proxy2.example.com;lr>, <sip:proxy3.example.com;lr>\r
            Record-Route: <sip:proxy1.example.com;lr>\r
            To: Bob <sip:bob@biloxi.example.com>\r
            From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r
            Call-ID: a84b4c76e66710\r
            CSeq: 314159 INVITE\r
            Contact: <sip:alice@pc33.example.com>\r
            Expires: 30\r
            Content-Length: 0\r
            \r
            """;

    private static SipRequest parsed() {
        SipRequest request = (SipRequest) new SipMessageDecoder().decode(REQUEST.getBytes(StandardCharsets.UTF_8));
        // parse everything the builder may reuse
        request.vias();
        request.routes();
        request.recordRoutes();
        request.contacts();
        request.expires();
        return request;
    }

    /** Every typed accessor of {@code built} equals that of the same message decoded from its own wire form. */
    private static void assertSameAsFresh(SipMessage built) {
        SipMessage fresh = new SipMessageDecoder().decode(SipMessageEncoder.encode(built));
        assertThat(built.vias()).isEqualTo(fresh.vias());
        assertThat(built.routes()).hasToString(fresh.routes().toString());
        assertThat(built.recordRoutes()).hasToString(fresh.recordRoutes().toString());
        assertThat(String.valueOf(built.from())).isEqualTo(String.valueOf(fresh.from()));
        assertThat(String.valueOf(built.to())).isEqualTo(String.valueOf(fresh.to()));
        assertThat(built.callId()).isEqualTo(fresh.callId());
        assertThat(built.cseq()).isEqualTo(fresh.cseq());
        assertThat(built.maxForwards()).isEqualTo(fresh.maxForwards());
        assertThat(built.expires()).isEqualTo(fresh.expires());
        assertThat(built.contacts()).hasToString(fresh.contacts().toString());
    }

    private static SipRequest rebuilt(UnaryOperator<SipRequest.Builder> edit) {
        SipRequest built = edit.apply(parsed().toBuilder()).build();
        assertSameAsFresh(built);
        return built;
    }

    @Test
    void aProxyHopPushesViaAndRecordRouteAndSetsMaxForwards() {
        SipRequest origin = parsed();
        SipRequest built = origin.toBuilder()
                .set("Max-Forwards", "68")
                .addFirst("Record-Route", "<sip:proxy2.example.com;lr>")
                .addFirst("Via", "SIP/2.0/UDP proxy2.example.com;branch=z9hG4bK2")
                .build();
        assertSameAsFresh(built);
        assertThat(built.vias()).hasSize(4);
        assertThat(built.vias().get(1)).as("reused, not parsed again").isSameAs(origin.vias().get(0));
        assertThat(built.maxForwards()).isEqualTo(68);
        assertThat(built.from()).isSameAs(origin.from());
        assertThat(built.recordRoutes()).hasSize(2);
    }

    @Test
    void poppedValuesLeaveTheRestAsParsedEvenInsideACommaList() {
        SipRequest origin = parsed();
        SipRequest built = origin.toBuilder().removeFirst("Route").removeFirst("Via").removeFirst("Via").build();
        assertSameAsFresh(built);
        assertThat(built.vias()).containsExactly(origin.vias().get(2));
        assertThat(built.routes()).hasSize(1);
        assertThat(built.routes().get(0)).isSameAs(origin.routes().get(1));
    }

    @Test
    void popsThenPushesAndPushesThenPops() {
        rebuilt(b -> b.removeFirst("Via").addFirst("Via", "SIP/2.0/UDP p.example.com;branch=z9hG4bK9")
                .addFirst("Via", "SIP/2.0/UDP q.example.com;branch=z9hG4bK8"));
        rebuilt(b -> b.addFirst("Via", "SIP/2.0/UDP a.example.com;branch=z9hG4bKa, SIP/2.0/UDP b.example.com")
                .removeFirst("Via"));
        rebuilt(b -> b.addFirst("Route", "<sip:r.example.com;lr>").removeFirst("Route").removeFirst("Route"));
        rebuilt(b -> b.removeFirst("Record-Route").removeFirst("Record-Route"));
    }

    @Test
    void anyOtherChangeOfAFieldIsParsedAfresh() {
        rebuilt(b -> b.add("Via", "SIP/2.0/UDP last.example.com;branch=z9hG4bKz"));
        rebuilt(b -> b.remove("Via").add("Via", "SIP/2.0/UDP only.example.com;branch=z9hG4bKo"));
        rebuilt(b -> b.set("From", "<sip:carol@example.com>;tag=c").set("To", "<sip:dave@example.com>;tag=d"));
        rebuilt(b -> b.set("Call-ID", "other").set("CSeq", "7 INVITE").remove("Expires").remove("Contact"));
        rebuilt(b -> b.add("Contact", "<sip:second@example.com>").set("Route", "<sip:x.example.com;lr>"));
        rebuilt(b -> b.remove("Route").remove("Max-Forwards").remove("Record-Route"));
    }

    @Test
    void aResponseReusesTheRequestsViaFromToCallIdAndCSeq() {
        SipRequest request = parsed();
        request.from();
        request.to();
        SipResponse trying = SipResponse.forRequest(request, 100, null).build();
        assertSameAsFresh(trying);
        assertThat(trying.vias()).isSameAs(request.vias());
        assertThat(trying.maxForwards()).isEqualTo(-1);
        assertThat(trying.contacts()).isEmpty();

        SipResponse ok = SipResponse.forRequest(request, 200, null).toTag("t1").build();
        assertSameAsFresh(ok);
        assertThat(ok.to().tag()).isEqualTo("t1");
        assertThat(ok.from()).isSameAs(request.from());
        SipResponse popped = ok.toBuilder().removeFirst("Via").build();
        assertSameAsFresh(popped);
        assertThat(popped.topVia()).isSameAs(request.vias().get(1));
    }

    @Test
    void aNewMessageHasNothingToReuse() {
        SipRequest request = SipRequest.builder("OPTIONS", parsed().requestUri())
                .addFirst("Via", "SIP/2.0/UDP a.example.com;branch=z9hG4bKa")
                .removeFirst("Via")
                .addFirst("Via", "SIP/2.0/UDP b.example.com;branch=z9hG4bKb")
                .add("Call-ID", "x").add("CSeq", "1 OPTIONS").add("From", "<sip:a@example.com>;tag=1")
                .add("To", "<sip:b@example.com>").build();
        assertSameAsFresh(request);
        assertThat(request.topVia().host()).isEqualTo("b.example.com");
    }
}
