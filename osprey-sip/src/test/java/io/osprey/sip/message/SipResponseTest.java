package io.osprey.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.uri.SipUri;
import org.junit.jupiter.api.Test;

class SipResponseTest {

    private static SipRequest request() {
        return SipRequest.builder("INVITE", SipUri.parse("sip:bob@biloxi.example.com"))
                .add("Via", "SIP/2.0/UDP proxy.example.com;branch=z9hG4bK-p, SIP/2.0/UDP pc33.example.com;branch=z9hG4bK-a")
                .add("Via", "SIP/2.0/UDP ue.example.com;branch=z9hG4bK-u")
                .add("Max-Forwards", "70")
                .add("To", "<sip:bob@biloxi.example.com>")
                .add("From", "<sip:alice@atlanta.example.com>;tag=88")
                .add("Call-ID", "c1@pc33.example.com")
                .add("CSeq", "1 INVITE")
                .add("Timestamp", "54")
                .add("Contact", "<sip:alice@pc33.example.com>")
                .build();
    }

    @Test
    void forRequestCopiesTheDialogAndTransactionFields() {
        SipResponse ok = SipResponse.forRequest(request(), 200, null).toTag("b7f3").build();

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.reasonPhrase()).isEqualTo("OK");
        assertThat(ok.startLine()).isEqualTo("SIP/2.0 200 OK");
        assertThat(ok.vias()).extracting(Via::host)
                .containsExactly("proxy.example.com", "pc33.example.com", "ue.example.com");
        assertThat(ok.from().tag()).isEqualTo("88");
        assertThat(ok.to().tag()).isEqualTo("b7f3");
        assertThat(ok.callId().value()).isEqualTo("c1@pc33.example.com");
        assertThat(ok.cseq()).isEqualTo(new CSeq(1, "INVITE"));
        assertThat(ok.hasHeader("Contact")).isFalse();
        assertThat(ok.hasHeader("Max-Forwards")).isFalse();
        assertThat(ok.hasHeader("Timestamp")).isFalse();
    }

    @Test
    void trying100CopiesTimestampAndHasNoTag() {
        SipResponse trying = SipResponse.forRequest(request(), 100, null).build();

        assertThat(trying.reasonPhrase()).isEqualTo("Trying");
        assertThat(trying.header("Timestamp")).isEqualTo("54");
        assertThat(trying.to().tag()).isNull();
        assertThat(trying.isProvisional()).isTrue();
    }

    @Test
    void existingToTagIsKept() {
        SipRequest inDialog = request().toBuilder().set("To", "<sip:bob@biloxi.example.com>;tag=x1").build();

        assertThat(SipResponse.forRequest(inDialog, 486, "Busy Here").toTag("other").build().to().tag())
                .isEqualTo("x1");
    }

    @Test
    void reasonPhrases() {
        assertThat(ReasonPhrases.of(420)).isEqualTo("Bad Extension");
        assertThat(ReasonPhrases.of(494)).isEqualTo("Security Agreement Required");
        assertThat(ReasonPhrases.of(499)).isEqualTo("Bad Request");
        assertThat(ReasonPhrases.of(700)).isEmpty();
        assertThat(SipResponse.builder(183, null).build().reasonPhrase()).isEqualTo("Session Progress");
    }
}
