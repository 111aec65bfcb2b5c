package io.osprey.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.TelUri;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SipRequestValidatorTest {

    private static SipRequest.Builder request(String method) {
        return SipRequest.builder(method, SipUri.parse("sip:bob@example.com"))
                .add("Via", "SIP/2.0/UDP a.example.com;branch=z9hG4bK1")
                .add("Max-Forwards", "70")
                .add("To", "<sip:bob@example.com>")
                .add("From", "<sip:alice@example.com>;tag=1")
                .add("Call-ID", "v1")
                .add("CSeq", "1 " + method);
    }

    private static int status(SipRequestValidator v, SipRequest r) {
        return v.validate(r).map(SipRejection::statusCode).orElse(0);
    }

    private final SipRequestValidator uas = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
            .methods(Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "MESSAGE"))
            .optionTags(Set.of("100rel", "timer"))
            .acceptedContentTypes(Set.of("application/sdp", "text/plain"))
            .compliance(CompliancePolicy.STRICT, new ComplianceCounters())
            .build();
    private final SipRequestValidator proxy = SipRequestValidator.builder(SipRequestValidator.Role.PROXY)
            .optionTags(Set.of("sec-agree"))
            .build();

    @Test
    void wellFormedRequestPasses() {
        assertThat(uas.validate(request("INVITE").build())).isEmpty();
        assertThat(proxy.validate(request("REGISTER").add("Proxy-Require", "sec-agree").build())).isEmpty();
    }

    @Test
    void eachMandatoryFieldIsRequired() {
        for (String name : new String[] {"To", "From", "Call-ID", "CSeq", "Via", "Max-Forwards"}) {
            SipRejection r = uas.validate(request("INVITE").remove(name).build()).orElseThrow();

            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.warningText()).isEqualTo("Missing " + name + " header field");
        }
    }

    @Test
    void singleValueFieldsMustNotRepeat() {
        SipRejection r = uas.validate(request("INVITE").add("Expires", "10").add("Expires", "20").build()).orElseThrow();

        assertThat(r.warningText()).isEqualTo("Multiple Expires header fields");
    }

    @Test
    void overlargeScalarsAre400() {
        assertThat(uas.validate(request("INVITE").add("Expires", "4294967296").build()).orElseThrow().warningText())
                .isEqualTo("Bad Expires: value too large (limit 4294967295)");
        assertThat(status(uas, request("INVITE").add("Expires", "4294967295").build())).isZero();
        assertThat(uas.validate(request("INVITE").add("Contact", "<sip:a@b>;expires=280297596632815").build())
                .orElseThrow().warningText()).startsWith("Bad Contact: expires");
    }

    @Test
    void malformedContactIs400() {
        SipRejection r = uas.validate(request("INVITE").add("Contact", "\"Joe\" <sip:joe@example.org>;;;;").build())
                .orElseThrow();

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.warningText()).startsWith("Bad Contact:");
    }

    @Test
    void uriSchemes() {
        SipRequest tel = SipRequest.builder("INVITE", TelUri.of("+15551230002")).build();
        SipRequest telFull = request("INVITE").build().toBuilder().requestUri(TelUri.of("+15551230002")).build();
        SipRequestValidator sipOnly = SipRequestValidator.builder(SipRequestValidator.Role.PROXY)
                .uriSchemes(Set.of("sip")).build();

        assertThat(status(uas, tel)).isEqualTo(400);
        assertThat(status(uas, telFull)).isZero();
        assertThat(status(sipOnly, telFull)).isEqualTo(416);
    }

    @Test
    void unknownAndUnservedMethods() {
        SipRejection notAllowed = uas.validate(request("SUBSCRIBE").build()).orElseThrow();

        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(notAllowed.extraHeaders()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("Allow");
            assertThat(h.values()).contains("INVITE", "MESSAGE");
        });
        assertThat(status(uas, request("FOO").build())).isEqualTo(501);
    }

    @Test
    void requireIsCheckedByUasAndProxyRequireByProxy() {
        SipRequest r = request("INVITE").add("Require", "100rel, precondition").add("Proxy-Require", "foo").build();

        SipRejection byUas = uas.validate(r).orElseThrow();
        SipRejection byProxy = proxy.validate(r).orElseThrow();

        assertThat(byUas.statusCode()).isEqualTo(420);
        assertThat(byUas.extraHeaders().get(0).value()).isEqualTo("precondition");
        assertThat(byProxy.extraHeaders().get(0).value()).isEqualTo("foo");
        assertThat(status(uas, request("ACK").add("Require", "precondition").build())).isZero();
    }

    @Test
    void bodyTypeAndAccept() {
        byte[] body = "x".getBytes(StandardCharsets.US_ASCII);

        assertThat(status(uas, request("MESSAGE").body("text/plain; charset=utf-8", body).build())).isZero();
        assertThat(status(uas, request("MESSAGE").body("application/xml", body).build())).isEqualTo(415);
        assertThat(status(uas, request("INVITE").add("Accept", "application/*").build())).isZero();
        assertThat(status(uas, request("INVITE").add("Accept", "*/*").build())).isZero();
        assertThat(status(uas, request("INVITE").add("Accept", "text/html").build())).isEqualTo(406);
        assertThat(status(uas, request("OPTIONS").add("Accept", "text/html").build())).isZero();
    }

    @Test
    void maxForwardsZeroAtAProxy() {
        assertThat(status(proxy, request("INVITE").set("Max-Forwards", "0").build())).isEqualTo(483);
        assertThat(status(proxy, request("OPTIONS").set("Max-Forwards", "0").build())).isZero();
        assertThat(status(uas, request("INVITE").set("Max-Forwards", "0").build())).isZero();
    }
}
