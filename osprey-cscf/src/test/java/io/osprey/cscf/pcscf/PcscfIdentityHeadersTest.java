package io.osprey.cscf.pcscf;

import static io.osprey.cscf.pcscf.PcscfFixture.challenge;
import static io.osprey.cscf.pcscf.PcscfFixture.invite;
import static io.osprey.cscf.pcscf.PcscfFixture.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.RoutingDecision;
import org.junit.jupiter.api.Test;

/**
 * The identity and network headers the P-CSCF sets or checks (TS 24.229 §5.2.2 and §5.2.6.3, RFC 3325, RFC 7315):
 * P-Asserted-Identity is always one the network gave the UE, whatever the UE sent; P-Preferred-Identity chooses
 * among the implicit set's identities and nothing outside it; P-Visited-Network-ID goes with every REGISTER; the
 * UE's P-Access-Network-Info passes on unchanged.
 */
class PcscfIdentityHeadersTest {

    private static final String CONTACT = "sip:alice@127.0.0.1:40000";
    private static final String ACCESS = "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=001010001000019B";
    private final PcscfFixture pcscf = new PcscfFixture(SecAgreeSettings.NONE);

    /** Registers Alice with the implicit set {sip:alice@ims.test, tel:+15551230001}, the sip: URI the default. */
    private void registerAliceWithHerNumber() {
        RoutingDecision.Forward first = (RoutingDecision.Forward) pcscf.fromAlice(register(1, CONTACT, ""));
        first.responses().rewrite(challenge(first.request()));
        RoutingDecision.Forward second = (RoutingDecision.Forward) pcscf.fromAlice(register(2, CONTACT, ""));
        SipResponse ok = SipResponse.forRequest(second.request(), 200, "OK").toTag("s2")
                .add("Contact", "<" + CONTACT + ">;expires=600")
                .add("P-Associated-URI", "<sip:alice@ims.test>, <tel:+15551230001>")
                .add("Service-Route", "<sip:orig@scscf.ims.test:6060;lr>")
                .build();
        second.responses().rewrite(ok);
    }

    private SipRequest forwardedInvite(String extra) {
        RoutingDecision decision = pcscf.fromAlice(invite(extra));
        assertThat(decision).isInstanceOf(RoutingDecision.Forward.class);
        return ((RoutingDecision.Forward) decision).request();
    }

    @Test
    void anAssertedIdentityTheUeSentIsReplacedByTheDefaultOne() {
        registerAliceWithHerNumber();

        SipRequest forwarded = forwardedInvite("P-Asserted-Identity: <sip:mallory@ims.test>\n"
                + "P-Asserted-Identity: <tel:+15559999999>\n");

        assertThat(forwarded.headers("P-Asserted-Identity")).containsExactly("<sip:alice@ims.test>");
    }

    @Test
    void aPreferredIdentityOfTheImplicitSetIsAssertedAndOneOutsideItIsNot() {
        registerAliceWithHerNumber();

        SipRequest asNumber = forwardedInvite("P-Preferred-Identity: <tel:+15551230001>\n");
        SipRequest asMallory = forwardedInvite("P-Preferred-Identity: \"Mallory\" <sip:mallory@ims.test>\n");

        assertThat(asNumber.headers("P-Asserted-Identity")).containsExactly("<tel:+15551230001>");
        assertThat(asNumber.header("P-Preferred-Identity")).as("RFC 3325 §9.2: removed once used").isNull();
        assertThat(asMallory.headers("P-Asserted-Identity")).containsExactly("<sip:alice@ims.test>");
        assertThat(asMallory.header("P-Preferred-Identity")).isNull();
    }

    @Test
    void aRegisterCarriesTheVisitedNetworkAndTheAccessNetworkInfoPassesOn() {
        RoutingDecision.Forward register = (RoutingDecision.Forward) pcscf.fromAlice(register(1, CONTACT,
                "P-Visited-Network-ID: \"spoofed.example\"\nP-Access-Network-Info: " + ACCESS + "\n"));

        assertThat(register.request().headers("P-Visited-Network-ID"))
                .as("RFC 7315 §4.3: the P-CSCF's own, not the UE's").containsExactly("ims.test");
        assertThat(register.request().header("P-Access-Network-Info")).isEqualTo(ACCESS);

        pcscf.registerAlice(CONTACT);
        assertThat(forwardedInvite("P-Access-Network-Info: " + ACCESS + "\n").header("P-Access-Network-Info"))
                .isEqualTo(ACCESS);
    }
}
