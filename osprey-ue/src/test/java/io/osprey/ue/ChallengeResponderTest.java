package io.osprey.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.auth.DigestCredentials;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked AKA vectors of the project's IMS reference (§2.4: TS 35.208 test set 3, cross-checked between SIPp
 * and independent code): RES as password, the no-qop responses for AKAv1 and AKAv2, and a resynchronisation with
 * AUTS for SQN_MS 000000000040 answered with the empty password.
 */
class ChallengeResponderTest {

    private static final String K = "fec86ba6eb707ed08905757b1bb44b8f";
    private static final String OP = "dbc59adcb6f9a0ef735477b7fadf8374";
    private static final long SQN = 0x9d0277595ffcL;
    private static final String NONCE = "n3yNAhrM9NshPM/wx/caaq5KOptMl3JcnKvD6ZuvcoE=";
    private static final String USER = "alice@ims.example";
    private static final String URI = "sip:127.0.0.1:25070";

    private static UeCredentials.Aka set3(long sqnStartSeq) {
        return new UeCredentials.Aka(HexFormat.of().parseHex(K), HexFormat.of().parseHex(OP), false,
                HexFormat.of().parseHex("725c"), sqnStartSeq);
    }

    private static String challenge(String algorithm) {
        return "Digest realm=\"ims.example\", nonce=\"" + NONCE + "\", algorithm=" + algorithm;
    }

    private static ChallengeResponder.Answer.Respond respond(ChallengeResponder responder, String challenge) {
        ChallengeResponder.Answer answer = responder.answer(List.of(challenge), "REGISTER", URI);
        assertThat(answer).isInstanceOf(ChallengeResponder.Answer.Respond.class);
        return (ChallengeResponder.Answer.Respond) answer;
    }

    @Test
    void akaV1ResponseMatchesTheWorkedVector() {
        ChallengeResponder responder = new ChallengeResponder(USER, set3((SQN >>> 5) - 1));
        ChallengeResponder.Answer.Respond answer = respond(responder, challenge("AKAv1-MD5"));
        DigestCredentials credentials = DigestCredentials.parse(answer.authorization());
        assertThat(credentials.response()).isEqualTo("7236e625cb245e2fe7a0fd660907466e");
        assertThat(credentials.username()).isEqualTo(USER);
        assertThat(credentials.uri()).isEqualTo(URI);
        assertThat(credentials.nonce()).isEqualTo(NONCE);
        assertThat(credentials.algorithmToken()).isEqualTo("AKAv1-MD5");
        assertThat(credentials.auts()).isNull();
        assertThat(answer.resync()).isFalse();
        assertThat(answer.warning()).isNull();
    }

    @Test
    void akaV2ResponseMatchesTheWorkedVector() {
        ChallengeResponder responder = new ChallengeResponder(USER, set3((SQN >>> 5) - 1));
        ChallengeResponder.Answer.Respond answer = respond(responder, challenge("AKAv2-MD5"));
        assertThat(DigestCredentials.parse(answer.authorization()).response())
                .isEqualTo("3f797e1e6078a8e46df03fefc5143ea4");
    }

    @Test
    void sqnFarAheadOfTheCardIsAnsweredWithAutsAndTheEmptyPassword() {
        // SQN_MS 000000000040 is SEQ 2 with IND 0; the challenge's SEQ is more than 2^28 ahead of it.
        ChallengeResponder responder = new ChallengeResponder(USER, set3(2));
        ChallengeResponder.Answer.Respond answer = respond(responder, challenge("AKAv1-MD5"));
        DigestCredentials credentials = DigestCredentials.parse(answer.authorization());
        assertThat(answer.resync()).isTrue();
        assertThat(credentials.auts()).isEqualTo("3qzdhIyGGBAfkpmzFo0=");
        assertThat(credentials.response()).isEqualTo("cd1635ff57099568f1756ace21ff45ee");
    }

    @Test
    void aReplayedChallengeIsRefusedWithAuts() {
        ChallengeResponder responder = new ChallengeResponder(USER, set3((SQN >>> 5) - 1));
        assertThat(respond(responder, challenge("AKAv1-MD5")).resync()).isFalse();
        assertThat(respond(responder, challenge("AKAv1-MD5")).resync()).isTrue();
    }

    @Test
    void aWrongKeyFailsTheMacCheckAndSendsNothing() {
        UeCredentials.Aka other = new UeCredentials.Aka(HexFormat.of().parseHex("00" + K.substring(2)),
                HexFormat.of().parseHex(OP), false, HexFormat.of().parseHex("725c"), 0);
        ChallengeResponder.Answer answer = new ChallengeResponder(USER, other)
                .answer(List.of(challenge("AKAv1-MD5")), "REGISTER", URI);
        assertThat(answer).isInstanceOfSatisfying(ChallengeResponder.Answer.GiveUp.class,
                giveUp -> assertThat(giveUp.warning()).contains("MAC-A"));
    }

    @Test
    void anAmfOtherThanTheProvisionedOneIsReported() {
        UeCredentials.Aka card = set3((SQN >>> 5) - 1).withAmf(HexFormat.of().parseHex("8000"));
        ChallengeResponder.Answer.Respond answer = respond(new ChallengeResponder(USER, card), challenge("AKAv1-MD5"));
        assertThat(answer.warning()).contains("725c").contains("8000");
    }

    @Test
    void passwordCredentialsAnswerTheRfc2617Example() {
        // RFC 2617 §3.5: Mufasa / "Circle Of Life" in realm testrealm@host.com, GET /dir/index.html.
        ChallengeResponder responder = new ChallengeResponder("Mufasa", UeCredentials.password("Circle Of Life"));
        String challenge = "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
        ChallengeResponder.Answer.Respond answer = respond(responder, challenge);
        DigestCredentials credentials = DigestCredentials.parse(answer.authorization());
        assertThat(credentials.qopToken()).isEqualTo("auth");
        assertThat(credentials.nc()).isEqualTo("00000001");
        assertThat(credentials.opaque()).isEqualTo("5ccc069c403ebaf9f0171e9517f40e41");
        assertThat(credentials.response()).isEqualTo(Md5Digest.response("Mufasa", "testrealm@host.com",
                "Circle Of Life".getBytes(java.nio.charset.StandardCharsets.UTF_8), "REGISTER", URI,
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", credentials.cnonce(), "auth"));
    }

    @Test
    void aPasswordUeSkipsAkaChallengesAndAnAkaUeSkipsPlainDigest() {
        ChallengeResponder password = new ChallengeResponder(USER, UeCredentials.password("secret"));
        assertThat(password.answer(List.of(challenge("AKAv1-MD5")), "REGISTER", URI))
                .isInstanceOfSatisfying(ChallengeResponder.Answer.GiveUp.class,
                        giveUp -> assertThat(giveUp.warning()).contains("AKAv1-MD5"));
        ChallengeResponder aka = new ChallengeResponder(USER, set3(0));
        assertThat(aka.answer(List.of("Digest realm=\"r\", nonce=\"n\", algorithm=MD5"), "REGISTER", URI))
                .isInstanceOf(ChallengeResponder.Answer.GiveUp.class);
    }

    @Test
    void theInitialAuthorizationHasEmptyNonceAndResponse() {
        DigestCredentials initial = DigestCredentials.parse(
                ChallengeResponder.initialAuthorization("001010000000001@ims.example", "ims.example",
                        "sip:ims.example"));
        assertThat(initial.username()).isEqualTo("001010000000001@ims.example");
        assertThat(initial.realm()).isEqualTo("ims.example");
        assertThat(initial.uri()).isEqualTo("sip:ims.example");
        assertThat(initial.nonce()).isEmpty();
        assertThat(initial.response()).isEmpty();
    }
}
