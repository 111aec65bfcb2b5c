package io.osprey.cscf.pcscf;

import static io.osprey.cscf.pcscf.PcscfFixture.FROM_SCSCF;
import static io.osprey.cscf.pcscf.PcscfFixture.invite;
import static io.osprey.cscf.pcscf.PcscfFixture.ok;
import static io.osprey.cscf.pcscf.PcscfFixture.register;
import static io.osprey.cscf.pcscf.PcscfFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.RoutingDecision;
import org.junit.jupiter.api.Test;

/**
 * P-Charging-Vector and P-Charging-Function-Addresses stay inside the trust domain (RFC 7315 §4, TS 24.229
 * §5.2.6.3/§5.2.6.4): the P-CSCF removes them from what it sends to a UE, requests and responses alike, and still
 * passes them towards the core.
 */
class PcscfTrustDomainTest {

    private static final String CHARGING = """
            P-Charging-Vector: icid-value="1234";icid-generated-at=pcscf.ims.test;orig-ioi=ims.test
            P-Charging-Function-Addresses: ccf=192.0.2.10
            """;
    private final PcscfFixture pcscf = new PcscfFixture(SecAgreeSettings.NONE);

    @Test
    void aTerminatingRequestReachesTheUeWithoutChargingHeaders() {
        pcscf.registerAlice("sip:alice@127.0.0.1:40000");

        RoutingDecision.Forward forward = (RoutingDecision.Forward) pcscf.terminating(request("""
                INVITE sip:alice@127.0.0.1:40000 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:6060;branch=z9hG4bKterm1
                Max-Forwards: 68
                From: <sip:bob@ims.test>;tag=b1
                To: <sip:alice@ims.test>
                Call-ID: call-2@127.0.0.1
                CSeq: 1 INVITE
                %sContent-Length: 0

                """.formatted(CHARGING)));

        assertThat(forward.request().header("P-Charging-Vector")).isNull();
        assertThat(forward.request().header("P-Charging-Function-Addresses")).isNull();
        assertThat(forward.request().header("Call-ID")).isEqualTo("call-2@127.0.0.1");
    }

    @Test
    void anInDialogRequestFromTheCoreLosesThemAndOneWithoutThemIsPassedAsItIs() {
        pcscf.registerAlice("sip:alice@127.0.0.1:40000");
        String bye = """
                BYE sip:alice@127.0.0.1:40000 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:6060;branch=z9hG4bKbye1
                Max-Forwards: 68
                From: <sip:bob@ims.test>;tag=b1
                To: <sip:alice@ims.test>;tag=a1
                Call-ID: call-2@127.0.0.1
                CSeq: 2 BYE
                %sContent-Length: 0

                """;

        RoutingDecision.Forward charged = (RoutingDecision.Forward) pcscf.inDialog(request(bye.formatted(CHARGING)),
                FROM_SCSCF);
        SipRequest plain = request(bye.formatted(""));
        RoutingDecision.Forward uncharged = (RoutingDecision.Forward) pcscf.inDialog(plain, FROM_SCSCF);

        assertThat(charged.request().header("P-Charging-Vector")).isNull();
        assertThat(uncharged.request()).isSameAs(plain);
    }

    @Test
    void responsesToTheUeLoseThemAndTheOriginatingRequestCarriesTheP_cscfsOwnVector() {
        pcscf.registerAlice("sip:alice@127.0.0.1:40000");
        RoutingDecision.Forward forward = (RoutingDecision.Forward) pcscf.fromAlice(invite(CHARGING));
        assertThat(forward.request().header("P-Charging-Vector")).as("towards the core: the P-CSCF's own")
                .contains("icid-1");

        SipResponse ringing = SipResponse.forRequest(forward.request(), 180, "Ringing").toTag("b2")
                .add("P-Charging-Vector", "icid-value=\"icid-1\";term-ioi=ims.test")
                .add("P-Charging-Function-Addresses", "ccf=192.0.2.10").build();
        SipResponse toUe = forward.responses().rewrite(ringing);

        assertThat(toUe.header("P-Charging-Vector")).isNull();
        assertThat(toUe.header("P-Charging-Function-Addresses")).isNull();
        assertThat(toUe.statusCode()).isEqualTo(180);
        assertThat(forward.responses().passesOverload())
                .as("every originating request goes into the home network: its 503 reaches the UE as a 503")
                .isTrue();
    }

    @Test
    void theRegistrationIsLearntFromThe200ButItsChargingAddressesDoNotReachTheUe() {
        String contact = "sip:alice@127.0.0.1:40000";
        RoutingDecision.Forward first = (RoutingDecision.Forward) pcscf.fromAlice(register(1, contact, ""));
        first.responses().rewrite(PcscfFixture.challenge(first.request()));
        RoutingDecision.Forward second = (RoutingDecision.Forward) pcscf.fromAlice(register(2, contact, ""));
        SipResponse ok = ok(second.request(), contact).toBuilder()
                .add("P-Charging-Function-Addresses", "ccf=192.0.2.10").build();

        SipResponse toUe = second.responses().rewrite(ok);

        assertThat(toUe.header("P-Charging-Function-Addresses")).isNull();
        assertThat(toUe.header("Service-Route")).isEqualTo("<sip:orig@scscf.ims.test:6060;lr>");
        assertThat(pcscf.policy.registeredUes()).isEqualTo(1);
    }
}
