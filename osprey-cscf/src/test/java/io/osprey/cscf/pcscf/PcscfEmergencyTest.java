package io.osprey.cscf.pcscf;

import static io.osprey.cscf.pcscf.PcscfFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.proxy.Target;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Emergency requests at the P-CSCF (TS 24.229 §5.2.10, RFC 5031): an {@code urn:service:sos} Request-URI, from a UE
 * registered or not, goes to the configured E-CSCF route; without one the UE is told, with a 380 and a 3GPP IMS XML
 * body of type emergency (TS 24.229 §7.6), to try again as an emergency call its own way.
 */
class PcscfEmergencyTest {

    private static SipRequest emergencyInvite(String urn) {
        return request("""
                INVITE %s SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:40000;rport;branch=z9hG4bKsos1
                Max-Forwards: 70
                From: <sip:alice@ims.test>;tag=a1
                To: <%s>
                Call-ID: sos-1@127.0.0.1
                CSeq: 1 INVITE
                Contact: <sip:alice@127.0.0.1:40000>
                Content-Length: 0

                """.formatted(urn, urn));
    }

    @Test
    void anEmergencyCallGoesToTheConfiguredEcscfEvenFromAnUnregisteredUe() {
        PcscfFixture pcscf = new PcscfFixture(SecAgreeSettings.NONE, "sip:ecscf.ims.test:7060");

        RoutingDecision decision = pcscf.fromAlice(emergencyInvite("urn:service:sos.police"));

        assertThat(decision).isInstanceOf(RoutingDecision.Forward.class);
        Target target = ((RoutingDecision.Forward) decision).groups().get(0).get(0);
        assertThat(target.requestUri().toString()).isEqualTo("urn:service:sos.police");
        assertThat(target.routeSet()).containsExactly("<sip:ecscf.ims.test:7060;lr>");
    }

    @Test
    void withoutAnEcscfTheUeGets380WithAnAlternativeServiceOfTypeEmergency() {
        PcscfFixture pcscf = new PcscfFixture(SecAgreeSettings.NONE);

        RoutingDecision decision = pcscf.fromAlice(emergencyInvite("urn:service:sos"));

        assertThat(decision).isInstanceOf(RoutingDecision.Answer.class);
        SipResponse response = ((RoutingDecision.Answer) decision).response();
        assertThat(response.statusCode()).isEqualTo(380);
        assertThat(response.contentType()).isEqualTo("application/3gpp-ims+xml");
        assertThat(new String(response.bodyBytes(), StandardCharsets.UTF_8))
                .contains("<alternative-service>").contains("<type>emergency</type>");
    }

    @Test
    void anOrdinaryServiceUrnIsNoEmergency() {
        PcscfFixture pcscf = new PcscfFixture(SecAgreeSettings.NONE, "sip:ecscf.ims.test:7060");

        RoutingDecision decision = pcscf.fromAlice(emergencyInvite("urn:service:counseling"));

        assertThat(decision).as("not registered, and not an emergency: 403").isInstanceOfSatisfying(
                RoutingDecision.Respond.class, refusal -> assertThat(refusal.statusCode()).isEqualTo(403));
    }
}
