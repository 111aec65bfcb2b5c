package io.osprey.cscf.pcscf;

import static io.osprey.cscf.pcscf.PcscfFixture.challenge;
import static io.osprey.cscf.pcscf.PcscfFixture.invite;
import static io.osprey.cscf.pcscf.PcscfFixture.ok;
import static io.osprey.cscf.pcscf.PcscfFixture.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.secagree.SecurityAgreement;
import io.osprey.sip.secagree.SecurityMechanism;
import io.osprey.sip.secagree.SecurityMechanisms;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Security mechanism agreement at the P-CSCF (RFC 3329 §2.3.1, TS 24.229 §5.2.2.1, TS 33.203 §7.2): parsing,
 * the behaviour without it (fields removed, 420 for a UE that requires it), and with it (Security-Server in the
 * 401, Security-Verify checked on the REGISTER answering the challenge and on every later request, 494 otherwise).
 */
class PcscfSecAgreeTest {

    private static final String CONTACT = "sip:alice@127.0.0.1:40000";
    private static final String IPSEC_CLIENT = "Security-Client: ipsec-3gpp;alg=hmac-md5-96;ealg=aes-cbc;"
            + "spi-c=1111;spi-s=2222;port-c=5100;port-s=5101, ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1111;spi-s=2222;"
            + "port-c=5100;port-s=5101\n";
    private static final String REQUIRE = "Require: sec-agree\nProxy-Require: sec-agree\n";

    @Nested
    class WhenNotConfigured {

        private final PcscfFixture pcscf = new PcscfFixture(SecAgreeSettings.NONE);

        @Test
        void securityClientAndVerifyAreRemovedAndNoSecurityServerIsAdded() {
            SipRequest register = register(1, CONTACT, IPSEC_CLIENT
                    + "Security-Verify: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1;spi-s=2;port-c=3;port-s=4\n"
                    + "Supported: sec-agree\n");

            RoutingDecision.Forward forward = (RoutingDecision.Forward) pcscf.fromAlice(register);

            assertThat(forward.request().hasHeader("Security-Client")).isFalse();
            assertThat(forward.request().hasHeader("Security-Verify")).isFalse();
            SipResponse upstream = forward.responses().rewrite(challenge(forward.request()));
            assertThat(upstream.hasHeader("Security-Server")).isFalse();
            assertThat(upstream.header("WWW-Authenticate")).doesNotContain("ck=").doesNotContain("ik=");
        }

        @Test
        void aRegisterThatRequiresSecAgreeGets420WithUnsupported() {
            for (String require : List.of("Require: sec-agree\n", "Require: path, sec-agree\n")) {
                RoutingDecision decision = pcscf.fromAlice(register(1, CONTACT, IPSEC_CLIENT + require));

                SipResponse answer = ((RoutingDecision.Answer) decision).response();
                assertThat(answer.statusCode()).isEqualTo(420);
                assertThat(answer.headers("Unsupported")).containsExactly("sec-agree");
                assertThat(answer.header("Warning")).contains("sec-agree").contains("not configured");
                assertThat(answer.to().tag()).isNotNull();
            }
        }

        @Test
        void anInviteThatRequiresSecAgreeGets420Too() {
            pcscf.registerAlice(CONTACT);

            RoutingDecision decision = pcscf.fromAlice(invite("Require: sec-agree\n"));

            assertThat(((RoutingDecision.Answer) decision).response().statusCode()).isEqualTo(420);
        }

        @Test
        void aMalformedSecurityClientIsAnswered400NamingTheHeader() {
            RoutingDecision decision = pcscf.fromAlice(register(1, CONTACT,
                    "Security-Client: ipsec-3gpp;spi-c=notanumber\n"));

            SipResponse answer = ((RoutingDecision.Answer) decision).response();
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.header("Warning")).contains("Bad Security-Client").contains("spi-c");
        }
    }

    @Nested
    class WhenConfigured {

        private final PcscfFixture pcscf = new PcscfFixture(new SecAgreeSettings(List.of("ipsec-3gpp", "digest"),
                5062, 5063));

        @Test
        void theChallengeCarriesSecurityServerAndTheForwardedRegisterNoSecurityFields() {
            RoutingDecision.Forward forward = (RoutingDecision.Forward) pcscf.fromAlice(register(1, CONTACT,
                    IPSEC_CLIENT + REQUIRE + "Supported: sec-agree\n"));

            SipRequest forwarded = forward.request();
            assertThat(forwarded.hasHeader("Security-Client")).isFalse();
            assertThat(forwarded.hasHeader("Require")).as("sec-agree was its only tag").isFalse();
            assertThat(forwarded.hasHeader("Proxy-Require")).isFalse();
            assertThat(forwarded.headers("Supported")).contains("path");

            SipResponse upstream = forward.responses().rewrite(challenge(forwarded));
            List<SecurityMechanism> server = SecurityMechanisms.from(upstream, SipHeaderName.SECURITY_SERVER);
            assertThat(server).hasSize(2);
            SecurityMechanism ipsec = server.get(0);
            assertThat(ipsec.name()).isEqualTo("ipsec-3gpp");
            assertThat(ipsec.alg()).as("the UE's first pair the P-CSCF accepts").isEqualTo("hmac-md5-96");
            assertThat(ipsec.ealg()).isEqualTo("aes-cbc");
            assertThat(ipsec.portC()).isEqualTo(5062);
            assertThat(ipsec.portS()).isEqualTo(5063);
            assertThat(ipsec.spiC()).isGreaterThan(255).isNotEqualTo(ipsec.spiS());
            assertThat(ipsec.preference()).isGreaterThan(server.get(1).preference());
            assertThat(server.get(1).name()).isEqualTo("digest");
            assertThat(upstream.header("WWW-Authenticate"))
                    .isEqualTo("Digest realm=\"ims.test\", nonce=\"bm9uY2U=\", algorithm=AKAv1-MD5, qop=\"auth\"");
        }

        @Test
        void theRegisterAnsweringTheChallengeMustRepeatTheSecurityServer() {
            String securityServer = challengeAlice();
            String reordered = reorderParams(securityServer);

            RoutingDecision tampered = pcscf.fromAlice(register(2, CONTACT, IPSEC_CLIENT + REQUIRE
                    + "Security-Verify: " + securityServer.replace("hmac-md5-96", "hmac-sha-1-96") + "\n"));
            SipResponse refused = ((RoutingDecision.Answer) tampered).response();
            assertThat(refused.statusCode()).isEqualTo(494);
            assertThat(refused.header("Warning")).contains("Security-Verify");
            assertThat(refused.hasHeader("Security-Server")).as("RFC 3329 §2.3.1: 494 lists the server's").isTrue();

            RoutingDecision.Forward accepted = (RoutingDecision.Forward) pcscf.fromAlice(register(2, CONTACT,
                    IPSEC_CLIENT + REQUIRE + "Security-Verify: " + reordered + "\n"));
            assertThat(accepted.request().hasHeader("Security-Verify")).isFalse();
            accepted.responses().rewrite(ok(accepted.request(), CONTACT));
            assertThat(pcscf.policy.registeredUes()).isEqualTo(1);
        }

        @Test
        void laterRequestsAreCheckedAgainstTheAgreementAndStripped() {
            String securityServer = registerAliceWithAgreement();

            RoutingDecision.Forward forwarded = (RoutingDecision.Forward) pcscf.fromAlice(invite(REQUIRE
                    + "Security-Verify: " + securityServer + "\n"));
            assertThat(forwarded.request().hasHeader("Security-Verify")).isFalse();
            assertThat(forwarded.request().hasHeader("Require")).isFalse();
            assertThat(forwarded.request().header("P-Asserted-Identity")).isEqualTo("<sip:alice@ims.test>");

            SipResponse missing = ((RoutingDecision.Answer) pcscf.fromAlice(invite(""))).response();
            assertThat(missing.statusCode()).isEqualTo(494);
            assertThat(missing.header("Warning")).contains("Security-Verify missing");

            SipResponse other = ((RoutingDecision.Answer) pcscf.fromAlice(invite("Security-Verify: digest;q=0.9\n")))
                    .response();
            assertThat(other.statusCode()).as("a bid-down to digest alone").isEqualTo(494);
        }

        @Test
        void aClientWithNothingInCommonGets494WithTheServersList() {
            SipResponse answer = ((RoutingDecision.Answer) pcscf.fromAlice(register(1, CONTACT,
                    "Security-Client: tls\n" + REQUIRE))).response();

            assertThat(answer.statusCode()).isEqualTo(494);
            assertThat(SecurityMechanisms.from(answer, SipHeaderName.SECURITY_SERVER))
                    .extracting(SecurityMechanism::name).containsExactly("ipsec-3gpp", "digest");
        }

        @Test
        void requiringSecAgreeWithoutASecurityClientGets494() {
            SipResponse answer = ((RoutingDecision.Answer) pcscf.fromAlice(register(1, CONTACT, REQUIRE)))
                    .response();

            assertThat(answer.statusCode()).isEqualTo(494);
            assertThat(answer.header("Warning")).contains("no Security-Client");
        }

        @Test
        void aVerifyWithoutAnyOfferGets494() {
            SipResponse answer = ((RoutingDecision.Answer) pcscf.fromAlice(register(1, CONTACT,
                    "Security-Verify: digest;q=0.9\n"))).response();

            assertThat(answer.statusCode()).isEqualTo(494);
        }

        @Test
        void aUeWithoutSecurityClientStillRegistersWhenItDoesNotRequireSecAgree() {
            pcscf.registerAlice(CONTACT);

            assertThat(pcscf.fromAlice(invite(""))).isInstanceOf(RoutingDecision.Forward.class);
        }

        /** REGISTER with Security-Client, the 401; returns the Security-Server value it carried. */
        private String challengeAlice() {
            RoutingDecision.Forward first = (RoutingDecision.Forward) pcscf.fromAlice(register(1, CONTACT,
                    IPSEC_CLIENT + REQUIRE));
            return String.join(", ", first.responses().rewrite(challenge(first.request())).headers("Security-Server"));
        }

        private String registerAliceWithAgreement() {
            String securityServer = challengeAlice();
            RoutingDecision.Forward second = (RoutingDecision.Forward) pcscf.fromAlice(register(2, CONTACT,
                    IPSEC_CLIENT + REQUIRE + "Security-Verify: " + securityServer + "\n"));
            second.responses().rewrite(ok(second.request(), CONTACT));
            return securityServer;
        }
    }

    @Test
    void unknownMechanismsAreRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> new SecAgreeSettings(List.of("ipsec-ike"), 5062, 5063))
                .hasMessageContaining("'ipsec-ike'").hasMessageContaining("digest, tls, ipsec-3gpp");
    }

    /** The same list with each mechanism's parameters reversed and the names upper-cased: still equal. */
    private static String reorderParams(String header) {
        List<SecurityMechanism> parsed = SecurityMechanisms.parse("Security-Verify", header);
        StringBuilder out = new StringBuilder();
        for (SecurityMechanism m : parsed) {
            StringBuilder one = new StringBuilder(m.name().toUpperCase(java.util.Locale.ROOT));
            for (int i = m.params().size() - 1; i >= 0; i--) {
                one.append(';').append(m.params().name(i)).append('=').append(m.params().value(i));
            }
            out.append(out.isEmpty() ? "" : ", ").append(one);
        }
        assertThat(SecurityAgreement.sameMechanisms(parsed, SecurityMechanisms.parse("Security-Verify",
                out.toString()))).isTrue();
        return out.toString();
    }
}
