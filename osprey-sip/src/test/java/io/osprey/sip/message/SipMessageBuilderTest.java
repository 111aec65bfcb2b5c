package io.osprey.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.sip.uri.SipUri;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipMessageBuilderTest {

    private static SipRequest invite() {
        return SipRequest.builder("INVITE", SipUri.parse("sip:bob@biloxi.example.com"))
                .add("Via", "SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8")
                .add("Max-Forwards", "70")
                .add("To", "Bob <sip:bob@biloxi.example.com>")
                .add("From", "Alice <sip:alice@atlanta.example.com>;tag=1928301774")
                .add("Call-ID", "a84b4c76e66710@pc33.atlanta.example.com")
                .add("CSeq", "314159 INVITE")
                .add("Contact", "<sip:alice@pc33.atlanta.example.com>")
                .body("application/sdp", "v=0\r\n".getBytes(StandardCharsets.US_ASCII))
                .build();
    }

    @Test
    void freshRequestHasTypedAccess() {
        SipRequest r = invite();

        assertThat(r.method()).isEqualTo("INVITE");
        assertThat(r.sipMethod()).isEqualTo(SipMethod.INVITE);
        assertThat(r.startLine()).isEqualTo("INVITE sip:bob@biloxi.example.com SIP/2.0");
        assertThat(r.topVia().branch().value()).isEqualTo("z9hG4bKnashds8");
        assertThat(r.maxForwards()).isEqualTo(70);
        assertThat(r.to().displayName()).isEqualTo("Bob");
        assertThat(r.from().tag()).isEqualTo("1928301774");
        assertThat(r.callId()).isEqualTo(new CallId("a84b4c76e66710@pc33.atlanta.example.com"));
        assertThat(r.cseq()).isEqualTo(new CSeq(314159, "INVITE"));
        assertThat(r.contentType()).isEqualTo("application/sdp");
        assertThat(r.contentLength()).isEqualTo(5);
        assertThat(r.body().remaining()).isEqualTo(5);
        assertThat(r.body().isReadOnly()).isTrue();
        assertThat(r.headerNames()).containsExactly("Via", "Max-Forwards", "To", "From", "Call-ID", "CSeq",
                "Contact", "Content-Type");
    }

    @Test
    void compactAndLongFormsAreTheSameHeader() {
        SipRequest r = invite();

        assertThat(r.header("v")).isEqualTo(r.header("VIA"));
        assertThat(r.header("i")).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(r.header("m")).isEqualTo("<sip:alice@pc33.atlanta.example.com>");
        assertThat(r.hasHeader("c")).isTrue();
        assertThat(r.header("X-Unknown")).isNull();
        assertThat(r.headers("Route")).isEmpty();
    }

    @Test
    void pushAndPopViaLikeAProxy() {
        SipRequest r = invite().toBuilder()
                .addFirst("Via", "SIP/2.0/TCP proxy.example.com;branch=z9hG4bK-proxy")
                .addFirst("Record-Route", "<sip:proxy.example.com;lr>")
                .set("Max-Forwards", "69")
                .build();

        assertThat(r.vias()).extracting(Via::host).containsExactly("proxy.example.com", "pc33.atlanta.example.com");
        assertThat(r.recordRoutes()).hasSize(1);
        assertThat(r.maxForwards()).isEqualTo(69);
        assertThat(r.headerLines(SipHeaderName.MAX_FORWARDS)).isEqualTo(1);

        SipRequest popped = r.toBuilder().removeFirst("v").build();
        assertThat(popped.vias()).extracting(Via::host).containsExactly("pc33.atlanta.example.com");
    }

    @Test
    void removeFirstPopsOneValueOfACommaList() {
        SipRequest r = invite().toBuilder()
                .remove("Via")
                .add("Via", "SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/UDP b.example.com;branch=z9hG4bK2")
                .build();

        SipRequest popped = r.toBuilder().removeFirst("Via").build();

        assertThat(r.vias()).hasSize(2);
        assertThat(popped.vias()).extracting(Via::host).containsExactly("b.example.com");
        assertThat(popped.headers("Via")).containsExactly("SIP/2.0/UDP b.example.com;branch=z9hG4bK2");
    }

    @Test
    void setReplacesInPlaceAndRemoveDropsAll() {
        SipRequest r = invite().toBuilder().add("Supported", "100rel").add("Supported", "timer").build();

        assertThat(r.headers("k")).containsExactly("100rel", "timer");
        SipRequest set = r.toBuilder().set("Supported", "path").build();
        assertThat(set.headers("Supported")).containsExactly("path");
        assertThat(set.headerNames().indexOf("Supported")).isEqualTo(r.headerNames().indexOf("Supported"));
        assertThat(r.toBuilder().remove("k").build().hasHeader("Supported")).isFalse();
    }

    @Test
    void bodyCanBeReplacedOrRemoved() {
        SipRequest none = invite().toBuilder().body(null, null).build();

        assertThat(none.contentLength()).isZero();
        assertThat(none.contentType()).isNull();
        SipRequest text = none.toBuilder().body("text/plain", new byte[] {'h', 'i'}).build();
        assertThat(text.bodyBytes()).containsExactly('h', 'i');
        assertThat(text.contentType()).isEqualTo("text/plain");
    }

    @Test
    void builtHeadersRejectInjection() {
        SipRequest.Builder b = invite().toBuilder();

        assertThatThrownBy(() -> b.add("Subject", "hi\r\nVia: evil")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.add("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipRequest.builder("IN VITE", SipUri.parse("sip:a@b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedValuesFailOnTypedAccessOnly() {
        SipRequest r = invite().toBuilder().set("Max-Forwards", "256").set("CSeq", "x INVITE").build();

        assertThat(r.header("Max-Forwards")).isEqualTo("256");
        assertThatThrownBy(r::maxForwards).isInstanceOfSatisfying(SipSyntaxException.class,
                e -> assertThat(e.limit()).isEqualTo(255));
        assertThatThrownBy(r::cseq).isInstanceOf(SipSyntaxException.class).hasMessageContaining("CSeq");
    }

    @Test
    void contactWildcard() {
        SipRequest r = invite().toBuilder().set("Contact", "*").set("Expires", "0").build();

        assertThat(r.isContactWildcard()).isTrue();
        assertThat(r.contacts()).isEmpty();
        assertThat(r.expires()).isZero();
    }
}
