package io.osprey.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.uri.Uri;
import org.junit.jupiter.api.Test;

/** Dialog state and in-dialog requests of RFC 3261 §12, without sockets. */
class DialogTest {

    private static final SipRequest INVITE = SipRequest.builder("INVITE", Uri.parse("sip:bob@ims.test"))
            .add("Via", "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1")
            .add("Max-Forwards", "70")
            .add("Route", "<sip:orig@scscf.ims.test;lr>")
            .add("From", "<sip:alice@ims.test>;tag=a1")
            .add("To", "<sip:bob@ims.test>")
            .add("Call-ID", "c1@10.0.0.1")
            .add("CSeq", "7 INVITE")
            .add("Contact", "<sip:alice@10.0.0.1:5060>")
            .add("Record-Route", "<sip:pcscf-b.ims.test;lr>, <sip:scscf.ims.test;lr>")
            .add("Record-Route", "<sip:pcscf-a.ims.test;lr>")
            .build();

    private static final SipResponse OK = SipResponse.forRequest(INVITE, 200, null).toTag("b1")
            .add("Contact", "<sip:bob@10.0.0.2:5070>")
            .add("Record-Route", "<sip:pcscf-b.ims.test;lr>, <sip:scscf.ims.test;lr>")
            .add("Record-Route", "<sip:pcscf-a.ims.test;lr>")
            .build();

    @Test
    void uacRouteSetIsTheRecordRouteReversed() {
        Dialog dialog = Dialog.asUac(INVITE, OK);
        SipRequest bye = dialog.request("BYE", dialog.nextLocalSeq()).build();
        assertThat(bye.requestUri()).hasToString("sip:bob@10.0.0.2:5070");
        assertThat(bye.headers("Route")).containsExactly("<sip:pcscf-a.ims.test;lr>", "<sip:scscf.ims.test;lr>",
                "<sip:pcscf-b.ims.test;lr>");
        assertThat(bye.header("From")).isEqualTo("<sip:alice@ims.test>;tag=a1");
        assertThat(bye.header("To")).isEqualTo("<sip:bob@ims.test>;tag=b1");
        assertThat(bye.cseq().number()).isEqualTo(8);
        assertThat(dialog.nextHopUri()).hasToString("sip:pcscf-a.ims.test;lr");
    }

    @Test
    void uasRouteSetKeepsTheOrderAndMatchesTheUacsRequests() {
        Dialog uas = Dialog.asUas(INVITE, "b1");
        SipRequest bye = uas.request("BYE", uas.nextLocalSeq()).build();
        assertThat(bye.requestUri()).hasToString("sip:alice@10.0.0.1:5060");
        assertThat(bye.headers("Route")).containsExactly("<sip:pcscf-b.ims.test;lr>", "<sip:scscf.ims.test;lr>",
                "<sip:pcscf-a.ims.test;lr>");
        assertThat(bye.header("From")).isEqualTo("<sip:bob@ims.test>;tag=b1");
        assertThat(bye.header("To")).isEqualTo("<sip:alice@ims.test>;tag=a1");

        SipRequest fromUac = Dialog.asUac(INVITE, OK).request("BYE", 8).build();
        assertThat(uas.matches(fromUac)).isTrue();
        assertThat(uas.acceptRemoteSeq(fromUac)).isTrue();
        assertThat(uas.acceptRemoteSeq(Dialog.asUac(INVITE, OK).request("BYE", 6).build()))
                .as("a lower CSeq is out of order").isFalse();
    }

    @Test
    void strictRouteBecomesTheRequestUri() {
        SipResponse strict = SipResponse.forRequest(INVITE, 200, null).toTag("b1")
                .add("Contact", "<sip:bob@10.0.0.2:5070>")
                .add("Record-Route", "<sip:strict.ims.test>")
                .build();
        SipRequest bye = Dialog.asUac(INVITE, strict).request("BYE", 8).build();
        assertThat(bye.requestUri()).hasToString("sip:strict.ims.test");
        assertThat(bye.headers("Route")).containsExactly("<sip:bob@10.0.0.2:5070>");
    }

    @Test
    void withoutContactTheRequestUriIsTheTarget() {
        SipResponse bare = SipResponse.forRequest(INVITE, 200, null).toTag("b1").build();
        Dialog dialog = Dialog.asUac(INVITE, bare);
        assertThat(dialog.request("BYE", 8).build().requestUri()).hasToString("sip:bob@ims.test");
        assertThat(dialog.request("BYE", 8).build().headers("Route")).isEmpty();
    }
}
