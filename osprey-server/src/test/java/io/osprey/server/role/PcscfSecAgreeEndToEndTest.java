package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.sip.auth.DigestChallenge;
import io.osprey.sip.auth.DigestCredentials;
import io.osprey.sip.auth.DigestResponder;
import io.osprey.sip.auth.DigestSecret;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.secagree.SecurityMechanism;
import io.osprey.sip.secagree.SecurityMechanisms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 3329 security agreement through the running core with {@code pcscf.sec-agree: [ipsec-3gpp, digest]}: the UE's
 * REGISTER requiring {@code sec-agree} passes the P-CSCF's stack, the registrar's 401 reaches the UE with the
 * P-CSCF's Security-Server and its challenge intact, a Security-Verify that does not repeat it is refused 494 and
 * one that does registers; later requests are checked the same way. A bare SIP client plays the UE, since the UE
 * simulator does not negotiate security.
 */
class PcscfSecAgreeEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CLIENT = "ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=3001;spi-s=3002;"
            + "port-c=5300;port-s=5301";

    @TempDir
    static Path dir;
    private static RunningCore core;

    @BeforeAll
    static void startCore() throws Exception {
        core = RunningCore.start(dir, false, "  sec-agree: [ipsec-3gpp, digest]\n");
        core.provisioning().addSubscriber(NewSubscriber.of("sam@ims.test", "sip:sam@ims.test")
                .withPassword("sam-secret"));
    }

    @AfterAll
    static void stopCore() {
        if (core != null) {
            core.close();
        }
    }

    @Test
    void aUeNegotiatesSecurityWhileItRegistersAndRepeatsItOnLaterRequests() throws Exception {
        try (RawSipClient ue = new RawSipClient(core.pcscf())) {
            SipResponse challenge = ue.exchange(register(ue, 1, "Digest username=\"sam@ims.test\", "
                    + "realm=\"ims.test\", nonce=\"\", uri=\"sip:ims.test\", response=\"\"", ""), WAIT);
            assertThat(challenge.statusCode()).isEqualTo(401);
            List<SecurityMechanism> server = SecurityMechanisms.from(challenge, SipHeaderName.SECURITY_SERVER);
            assertThat(server).extracting(SecurityMechanism::name).containsExactly("ipsec-3gpp", "digest");
            assertThat(server.get(0).alg()).isEqualTo("hmac-sha-1-96");
            assertThat(server.get(0).portS()).isEqualTo(5063);
            String securityServer = String.join(", ", challenge.headers("Security-Server"));
            DigestChallenge digest = DigestChallenge.parse(challenge.header("WWW-Authenticate"));
            assertThat(digest.realm()).isEqualTo("ims.test");
            assertThat(digest.nonce()).isNotBlank();
            DigestCredentials credentials = DigestResponder.respond(digest, "sam@ims.test",
                    DigestSecret.password("sam-secret"), "REGISTER", "sip:ims.test", new byte[0], "0a4f113b", 1);
            String authorization = credentials.header().toString();

            SipResponse bidDown = ue.exchange(register(ue, 2, authorization, "Security-Verify: digest;q=0.8\n"),
                    WAIT);
            assertThat(bidDown.statusCode()).isEqualTo(494);
            assertThat(bidDown.hasHeader("Security-Server")).isTrue();

            SipResponse ok = ue.exchange(register(ue, 3, authorization,
                    "Security-Verify: " + securityServer + "\n"), WAIT);
            assertThat(ok.statusCode()).as(String.valueOf(ok.header("Warning"))).isEqualTo(200);
            assertThat(ok.headers("P-Associated-URI")).anyMatch(uri -> uri.contains("sip:sam@ims.test"));

            SipResponse unverified = ue.exchange(message(ue, 1, ""), WAIT);
            assertThat(unverified.statusCode()).isEqualTo(494);
            assertThat(unverified.header("Warning")).contains("Security-Verify missing");

            SipResponse verified = ue.exchange(message(ue, 2, "Security-Verify: " + securityServer + "\n"), WAIT);
            assertThat(verified.statusCode()).as("past the P-CSCF to the S-CSCF, which knows no such user")
                    .isEqualTo(404);
        }
    }

    private static String register(RawSipClient ue, int cseq, String authorization, String extra) {
        return """
                REGISTER sip:ims.test SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:%1$d;rport;branch=z9hG4bKsa%2$d
                Max-Forwards: 70
                From: <sip:sam@ims.test>;tag=sam1
                To: <sip:sam@ims.test>
                Call-ID: secagree-reg@127.0.0.1
                CSeq: %2$d REGISTER
                Contact: <sip:sam@127.0.0.1:%1$d>;expires=600
                Expires: 600
                Authorization: %3$s
                Require: sec-agree
                Proxy-Require: sec-agree
                Supported: path, sec-agree
                Security-Client: %4$s
                %5$sContent-Length: 0

                """.formatted(ue.port(), cseq, authorization, CLIENT, extra);
    }

    private static String message(RawSipClient ue, int cseq, String extra) {
        return """
                MESSAGE sip:nobody-registered@ims.test SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:%1$d;rport;branch=z9hG4bKsm%2$d
                Max-Forwards: 70
                From: <sip:sam@ims.test>;tag=sam2
                To: <sip:nobody-registered@ims.test>
                Call-ID: secagree-msg%2$d@127.0.0.1
                CSeq: 1 MESSAGE
                Require: sec-agree
                Proxy-Require: sec-agree
                %3$sContent-Type: text/plain
                Content-Length: 2

                hi""".formatted(ue.port(), cseq, extra);
    }
}
