package io.osprey.cscf.pcscf;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipResponse;
import org.junit.jupiter.api.Test;

/** The P-CSCF's rewriting of the 401 (TS 24.229 §5.2.2.1): ck and ik go, the rest of the challenge stays intact. */
class RegisterResponsesTest {

    @Test
    void ckAndIkAreRemovedAndEveryOtherParameterKeptInOrder() {
        SipResponse challenge = challenge("Digest realm=\"ims.test\", nonce=\"bm9uY2U=\", algorithm=AKAv1-MD5, "
                + "CK=\"0011\", qop=\"auth\", ik=\"2233\", opaque=\"x\"");

        SipResponse rewritten = RegisterResponses.withoutKeys(challenge);

        assertThat(rewritten.headers("WWW-Authenticate")).containsExactly(
                "Digest realm=\"ims.test\", nonce=\"bm9uY2U=\", algorithm=AKAv1-MD5, qop=\"auth\", opaque=\"x\"");
    }

    @Test
    void challengesWithoutKeysReachTheUeByteForByte() {
        String digest = "Digest  realm=ims.test ,nonce=\"abc\",   algorithm=MD5";
        String token68 = "Bearer dG9rZW4=";
        SipResponse challenge = challenge(digest).toBuilder().add("WWW-Authenticate", token68).build();

        SipResponse rewritten = RegisterResponses.withoutKeys(challenge);

        assertThat(rewritten).isSameAs(challenge);
        assertThat(rewritten.headers("WWW-Authenticate")).containsExactly(digest, token68);
    }

    @Test
    void aToken68ChallengeNextToOneWithKeysKeepsItsToken() {
        SipResponse challenge = challenge("Digest realm=\"ims.test\", nonce=\"n\", ck=\"00\", ik=\"11\"")
                .toBuilder().add("WWW-Authenticate", "Bearer dG9rZW4=").build();

        SipResponse rewritten = RegisterResponses.withoutKeys(challenge);

        assertThat(rewritten.headers("WWW-Authenticate"))
                .containsExactly("Digest realm=\"ims.test\", nonce=\"n\"", "Bearer dG9rZW4=");
    }

    private static SipResponse challenge(String wwwAuthenticate) {
        return SipResponse.builder(401, "Unauthorized")
                .add("Via", "SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bKa")
                .add("From", "<sip:alice@ims.test>;tag=f")
                .add("To", "<sip:alice@ims.test>;tag=t")
                .add("Call-ID", "c")
                .add("CSeq", "1 REGISTER")
                .add("WWW-Authenticate", wwwAuthenticate)
                .build();
    }
}
