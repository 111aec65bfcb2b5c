package io.osprey.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestVerifierTest {

    private static final String REALM = "ims.mnc001.mcc001.3gppnetwork.org";
    private static final String USER = "001010000000001@" + REALM;
    private static final String URI = "sip:" + REALM;
    private static final DigestSecret PASSWORD = DigestSecret.password("secret");
    private static final Duration LIFETIME = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private final NonceManager nonces = new NonceManager(new byte[32], LIFETIME, 64, clock, new SecureRandom());
    private final DigestVerifier verifier = new DigestVerifier(REALM, nonces,
            EnumSet.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256, DigestAlgorithm.AKAV1_MD5),
            EnumSet.of(Qop.AUTH, Qop.AUTH_INT));

    private DigestChallenge challenge() {
        return DigestChallenge.builder(REALM, nonces.issue()).algorithm(DigestAlgorithm.MD5)
                .qop(Qop.AUTH, Qop.AUTH_INT).build();
    }

    private static DigestCredentials answer(DigestChallenge challenge, DigestSecret secret, long nc) {
        return DigestResponder.respond(challenge, USER, secret, "REGISTER", URI, null, "0a4f113b", nc);
    }

    private DigestResult verify(DigestCredentials credentials) {
        return verifier.verify(credentials, "REGISTER", null, PASSWORD).result();
    }

    @Test
    void correctResponseIsAcceptedAndItsReplayRefused() {
        DigestChallenge challenge = challenge();
        DigestCredentials first = answer(challenge, PASSWORD, 1);

        assertThat(first.qopToken()).isEqualTo("auth");
        assertThat(verify(first)).isEqualTo(DigestResult.OK);
        assertThat(verify(first)).isEqualTo(DigestResult.REPLAY);
        assertThat(verify(answer(challenge, PASSWORD, 2))).isEqualTo(DigestResult.OK);
    }

    @Test
    void wrongPasswordIsBadResponseAndDoesNotUseUpTheCount() {
        DigestChallenge challenge = challenge();
        assertThat(verify(answer(challenge, DigestSecret.password("guess"), 1))).isEqualTo(DigestResult.BAD_RESPONSE);
        assertThat(verify(answer(challenge, PASSWORD, 1))).isEqualTo(DigestResult.OK);
    }

    @Test
    void expiredNonceIsStaleOnlyWhenTheResponseIsRight() {
        DigestChallenge challenge = challenge();
        clock.advance(LIFETIME.plusSeconds(1));
        assertThat(verify(answer(challenge, PASSWORD, 1))).isEqualTo(DigestResult.STALE);
        assertThat(verify(answer(challenge, DigestSecret.password("guess"), 1))).isEqualTo(DigestResult.BAD_RESPONSE);
    }

    @Test
    void nonceNotIssuedHereIsBadNonce() {
        DigestChallenge forged = DigestChallenge.builder(REALM, "bm90IG91cnM=").qop(Qop.AUTH).build();
        assertThat(verify(answer(forged, PASSWORD, 1))).isEqualTo(DigestResult.BAD_NONCE);
    }

    @Test
    void digestUriIsTheUriParameterNotTheRequestUri() {
        // the verifier is never told the Request-URI: what counts is the uri parameter the client hashed
        DigestChallenge challenge = challenge();
        DigestCredentials credentials = DigestResponder.respond(challenge, USER, PASSWORD, "REGISTER",
                "sip:127.0.0.1:25070", null, "c", 1);
        assertThat(credentials.uri()).isEqualTo("sip:127.0.0.1:25070");
        assertThat(verify(credentials)).isEqualTo(DigestResult.OK);
    }

    @Test
    void authIntChecksTheBody() {
        byte[] body = "v=0\r\n".getBytes(StandardCharsets.US_ASCII);
        DigestChallenge challenge = challenge();
        DigestCredentials credentials = DigestResponder.respond(challenge, USER, PASSWORD, "INVITE", URI, body, "c",
                1, Qop.AUTH_INT);

        assertThat(verifier.verify(credentials, "INVITE", "v=1\r\n".getBytes(StandardCharsets.US_ASCII), PASSWORD)
                .result()).isEqualTo(DigestResult.BAD_RESPONSE);
        assertThat(verifier.verify(credentials, "INVITE", body, PASSWORD).result()).isEqualTo(DigestResult.OK);
    }

    @Test
    void methodIsPartOfTheResponse() {
        DigestCredentials credentials = answer(challenge(), PASSWORD, 1);
        assertThat(verifier.verify(credentials, "INVITE", null, PASSWORD).result()).isEqualTo(DigestResult.BAD_RESPONSE);
    }

    @Test
    void storedHa1WorksLikeThePassword() {
        String ha1 = DigestCalculator.ha1(DigestAlgorithm.MD5, USER, REALM, "secret".getBytes(StandardCharsets.UTF_8));
        DigestCredentials credentials = answer(challenge(), PASSWORD, 1);
        assertThat(verifier.verify(credentials, "REGISTER", null, DigestSecret.ha1(ha1)).isOk()).isTrue();
    }

    @Test
    void sippAkaCredentialsVerifyAgainstARegisteredNonce() {
        // reference §2.4: SIPp v3.7.7 output for Milenage test set 3, XRES as the binary password
        String nonce = "n3yNAhrM9NshPM/wx/caaq5KOptMl3JcnKvD6ZuvcoE=";
        nonces.register(nonce);
        DigestVerifier aka = new DigestVerifier("ims.example", nonces, Set.of(DigestAlgorithm.AKAV1_MD5),
                Set.of(Qop.AUTH, Qop.AUTH_INT));
        AuthHeaderValue header = AuthHeaderParser.parseValue("Digest username=\"alice@ims.example\","
                + "realm=\"ims.example\",cnonce=\"740db1e3\",nc=00000001,qop=auth-int,uri=\"sip:127.0.0.1:25070\","
                + "nonce=\"" + nonce + "\",response=\"36a4e40447fdc317871bdd38d6319ffb\",algorithm=AKAv1-MD5");
        DigestSecret xres = DigestSecret.password(HexFormat.of().parseHex("8011c48c0c214ed2"));

        assertThat(aka.verify(header, "REGISTER", new byte[0], xres)).isEqualTo(new DigestVerification(DigestResult.OK, null));
        assertThat(aka.verify(header, "REGISTER", new byte[0], xres).result()).isEqualTo(DigestResult.REPLAY);
    }

    @Test
    void zeroOctetsInTheAkaPasswordMatter() {
        byte[] res = {0x00, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04};
        DigestChallenge challenge = DigestChallenge.builder(REALM, nonces.issue(new byte[32]))
                .algorithm(DigestAlgorithm.AKAV1_MD5).qop(Qop.AUTH).build();
        DigestCredentials credentials = DigestResponder.respond(challenge, USER, DigestSecret.password(res),
                "REGISTER", URI, null, "c", 1);

        byte[] truncated = {0x00, 0x01};
        assertThat(verifier.verify(credentials, "REGISTER", null, DigestSecret.password(truncated)).result())
                .isEqualTo(DigestResult.BAD_RESPONSE);
        assertThat(verifier.verify(credentials, "REGISTER", null, DigestSecret.password(res)).result())
                .isEqualTo(DigestResult.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "realm", "nonce", "uri", "response", "cnonce", "nc"})
    void missingParameterIsNamed(String name) {
        DigestCredentials full = answer(challenge(), PASSWORD, 1);
        List<AuthParam> params = full.header().params().stream().filter(p -> !p.is(name)).toList();
        DigestCredentials without = DigestCredentials.of(AuthHeaderValue.of("Digest", params));

        assertThat(verifier.verify(without, "REGISTER", null, PASSWORD))
                .isEqualTo(new DigestVerification(DigestResult.MISSING_PARAM, name));
    }

    @Test
    void qopIsRequiredWhenOfferedAndRefusedWhenNotOffered() {
        DigestChallenge challenge = challenge();
        DigestCredentials rfc2069 = DigestResponder.respond(challenge, USER, PASSWORD, "REGISTER", URI, null, null,
                1, null);
        assertThat(verifier.verify(rfc2069, "REGISTER", null, PASSWORD))
                .isEqualTo(new DigestVerification(DigestResult.MISSING_PARAM, "qop"));

        DigestVerifier noQop = new DigestVerifier(REALM, nonces, Set.of(DigestAlgorithm.MD5), Set.of());
        assertThat(noQop.verify(rfc2069, "REGISTER", null, PASSWORD).result()).isEqualTo(DigestResult.OK);
        // without nc a nonce is single-use
        assertThat(noQop.verify(rfc2069, "REGISTER", null, PASSWORD).result()).isEqualTo(DigestResult.REPLAY);
        assertThat(noQop.verify(answer(challenge(), PASSWORD, 1), "REGISTER", null, PASSWORD).result())
                .isEqualTo(DigestResult.UNSUPPORTED_QOP);
    }

    @Test
    void unknownQopAlgorithmSchemeRealmAndBadNc() {
        DigestChallenge challenge = challenge();
        DigestCredentials good = answer(challenge, PASSWORD, 1);

        assertThat(verify(replace(good, AuthParam.token("qop", "auth-conf")))).isEqualTo(DigestResult.UNSUPPORTED_QOP);
        assertThat(verify(replace(good, AuthParam.token("algorithm", "SHA-1"))))
                .isEqualTo(DigestResult.UNSUPPORTED_ALGORITHM);
        assertThat(verify(replace(good, AuthParam.token("algorithm", "MD5-sess"))))
                .isEqualTo(DigestResult.UNSUPPORTED_ALGORITHM);
        assertThat(verify(replace(good, AuthParam.quoted("realm", "other.example")))).isEqualTo(DigestResult.BAD_REALM);
        assertThat(verifier.verify(replace(good, AuthParam.token("nc", "1")), "REGISTER", null, PASSWORD))
                .isEqualTo(new DigestVerification(DigestResult.MALFORMED_PARAM, "nc"));
        assertThat(verifier.verify(replace(good, AuthParam.token("nc", "00000000")), "REGISTER", null, PASSWORD)
                .parameter()).isEqualTo("nc");
        assertThat(verifier.verify(AuthHeaderParser.parseValue("NoOneKnowsThisScheme opaque-data=here"), "REGISTER",
                null, PASSWORD).result()).isEqualTo(DigestResult.UNSUPPORTED_SCHEME);
        assertThat(verify(good)).isEqualTo(DigestResult.OK);
    }

    @Test
    void sha256Credentials() {
        DigestChallenge challenge = DigestChallenge.builder(REALM, nonces.issue()).algorithm(DigestAlgorithm.SHA_256)
                .qop(Qop.AUTH).opaque("xyz").build();
        DigestCredentials credentials = answer(challenge, PASSWORD, 1);
        assertThat(credentials.algorithmToken()).isEqualTo("SHA-256");
        assertThat(credentials.opaque()).isEqualTo("xyz");
        assertThat(credentials.response()).hasSize(64);
        assertThat(verify(credentials)).isEqualTo(DigestResult.OK);
    }

    private static DigestCredentials replace(DigestCredentials credentials, AuthParam param) {
        List<AuthParam> params = credentials.header().params().stream()
                .map(p -> p.is(param.name()) ? param : p).toList();
        return DigestCredentials.of(AuthHeaderValue.of("Digest", params));
    }
}
