package io.osprey.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthHeaderParserTest {

    @Test
    void rfc7616ChallengeExample() {
        // RFC 7616 §3.9.1, header folding already undone by the SIP/HTTP layer
        AuthHeaderValue value = AuthHeaderParser.parseValue("Digest realm=\"http-auth@example.org\","
                + " qop=\"auth, auth-int\", algorithm=SHA-256,"
                + " nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
                + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");

        assertThat(value.isDigest()).isTrue();
        assertThat(value.params()).extracting(AuthParam::name)
                .containsExactly("realm", "qop", "algorithm", "nonce", "opaque");
        DigestChallenge challenge = DigestChallenge.of(value);
        assertThat(challenge.realm()).isEqualTo("http-auth@example.org");
        assertThat(challenge.qopOptions()).containsExactly(Qop.AUTH, Qop.AUTH_INT);
        assertThat(challenge.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(challenge.opaque()).isEqualTo("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
        assertThat(challenge.stale()).isFalse();
    }

    @Test
    void sippStyleCredentialsWithoutSpaces() {
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"alice@ims.example\","
                + "realm=\"ims.example\",cnonce=\"7d77a447\",nc=00000001,qop=auth,uri=\"sip:127.0.0.1:25070\","
                + "nonce=\"n3yNAhrM9NshPM/wx/caaq5KOptMl3JcnKvD6ZuvcoE=\","
                + "response=\"e4919d3ac5ec8d8a42e33ce8d7e36270\",algorithm=AKAv1-MD5");

        assertThat(credentials.username()).isEqualTo("alice@ims.example");
        assertThat(credentials.nc()).isEqualTo("00000001");
        assertThat(credentials.qopToken()).isEqualTo("auth");
        assertThat(credentials.uri()).isEqualTo("sip:127.0.0.1:25070");
        assertThat(credentials.algorithmToken()).isEqualTo("AKAv1-MD5");
        assertThat(credentials.header().param("nc").quoted()).isFalse();
        assertThat(credentials.header().param("nonce").quoted()).isTrue();
    }

    @Test
    void escapedQuotesCommasInQuotesAndSpacesAroundEquals() {
        AuthHeaderValue value = AuthHeaderParser.parseValue(
                "Digest  realm = \"a \\\"quoted\\\" realm, with comma\" ,\tnonce=\"x\\\\y\",,opaque= \"\" ");

        assertThat(value.value("realm")).isEqualTo("a \"quoted\" realm, with comma");
        assertThat(value.value("nonce")).isEqualTo("x\\y");
        assertThat(value.value("opaque")).isEmpty();
        assertThat(value.params()).hasSize(3);
        // re-formatting escapes again, and parses back to the same value
        assertThat(value.toString()).isEqualTo(
                "Digest realm=\"a \\\"quoted\\\" realm, with comma\", nonce=\"x\\\\y\", opaque=\"\"");
        assertThat(AuthHeaderParser.parseValue(value.toString())).isEqualTo(value);
    }

    @Test
    void namesAndSchemeAreCaseInsensitive() {
        AuthHeaderValue value = AuthHeaderParser.parseValue("dIgEsT REALM=\"r\", Nonce=\"n\"");
        assertThat(value.isDigest()).isTrue();
        assertThat(value.value("realm")).isEqualTo("r");
        assertThat(DigestChallenge.of(value).nonce()).isEqualTo("n");
        assertThat(value.scheme()).isEqualTo("dIgEsT");
    }

    @Test
    void imsParametersAreKept() {
        String header = "Digest realm=\"ims.example\", nonce=\"n3yNAhrM9NshPM/wx/caaq5KOptMl3JcnKvD6ZuvcoE=\","
                + " algorithm=AKAv1-MD5, ck=\"0123456789abcdef0123456789abcdef\","
                + " ik=\"fedcba9876543210fedcba9876543210\", integrity-protected=\"yes\"";
        AuthHeaderValue value = AuthHeaderParser.parseValue(header);

        assertThat(value.value("ck")).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(value.value("ik")).isEqualTo("fedcba9876543210fedcba9876543210");
        assertThat(value.value("integrity-protected")).isEqualTo("yes");
        assertThat(DigestChallenge.of(value).algorithm()).isEqualTo(DigestAlgorithm.AKAV1_MD5);
        assertThat(value.toString()).isEqualTo(header);
    }

    @Test
    void unknownSchemesAreRecognised() {
        // RFC 4475 §3.3.7 regaut01
        AuthHeaderValue unknown = AuthHeaderParser.parseValue("NoOneKnowsThisScheme opaque-data=here");
        assertThat(unknown.isDigest()).isFalse();
        assertThat(unknown.scheme()).isEqualTo("NoOneKnowsThisScheme");
        assertThat(unknown.value("opaque-data")).isEqualTo("here");

        AuthHeaderValue basic = AuthHeaderParser.parseValue("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(basic.token68()).isEqualTo("QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(basic.params()).isEmpty();
        assertThat(basic.toString()).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");

        assertThatThrownBy(() -> DigestCredentials.of(unknown)).hasMessageContaining("NoOneKnowsThisScheme");
    }

    @Test
    void malformedValuesAreRefusedWithPosition() {
        assertParseError("Digest realm=\"unterminated", "realm", "unterminated quoted-string");
        assertParseError("Digest realm=\"a\", realm=\"b\"", "realm", "appears twice");
        assertParseError("Digest realm=\"a\" nonce=\"b\"", "realm", "expected ','");
        assertParseError("Digest realm", "realm", "expected '='");
        assertParseError("Digest realm=", "realm", "expected a token or quoted-string");
        assertParseError("Digest =x", "auth-param", "expected a parameter name");
        assertParseError("\"Digest\" realm=x", "scheme", "auth-scheme");
        assertParseError("Digest,realm=x", "scheme", "space after");
        assertParseError("Digest realm=a/b", "realm", "expected ','");
    }

    private static void assertParseError(String header, String field, String problem) {
        assertThatThrownBy(() -> AuthHeaderParser.parseValue(header)).as(header)
                .isInstanceOfSatisfying(AuthParseException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(problem);
                    assertThat(e.position()).isBetween(0, header.length());
                });
    }

    @Test
    void lengthAndParameterLimits() {
        String header = "Digest a=1, b=2, c=3";
        assertThat(new AuthHeaderParser(header.length(), 3).parse(header).params()).hasSize(3);
        assertThatThrownBy(() -> new AuthHeaderParser(header.length() - 1, 3).parse(header))
                .isInstanceOfSatisfying(AuthParseException.class, e -> assertThat(e.field()).isEqualTo("maxLength"));
        assertThatThrownBy(() -> new AuthHeaderParser(header.length(), 2).parse(header))
                .isInstanceOfSatisfying(AuthParseException.class, e -> {
                    assertThat(e.field()).isEqualTo("maxParams");
                    assertThat(e.getMessage()).contains("limit 2");
                });
    }

    @Test
    void challengeBuilderQuotesPerRfc7616() {
        DigestChallenge challenge = DigestChallenge.builder("ims.example", "abc=")
                .algorithm(DigestAlgorithm.AKAV1_MD5)
                .qop(Qop.AUTH, Qop.AUTH_INT)
                .stale(true)
                .opaque("op")
                .param(AuthParam.quoted("ck", "00"))
                .build();

        assertThat(challenge.toString()).isEqualTo("Digest realm=\"ims.example\", nonce=\"abc=\", opaque=\"op\","
                + " stale=true, algorithm=AKAv1-MD5, qop=\"auth,auth-int\", ck=\"00\"");
        assertThat(DigestChallenge.parse(challenge.toString())).isEqualTo(challenge);
        assertThat(challenge.stale()).isTrue();
        assertThatThrownBy(() -> DigestChallenge.parse("Digest realm=\"r\"")).hasMessageContaining("nonce");
    }

    @Test
    void credentialsBuilderQuotesPerRfc7616() {
        DigestCredentials credentials = DigestCredentials.builder().username("bob").realm("r").nonce("n")
                .uri("sip:r").response("00ff").algorithm(DigestAlgorithm.MD5).cnonce("c").qop(Qop.AUTH)
                .nc("00000001").param(AuthParam.quoted("auts", "3qzdhIyGGBAfkpmzFo0=")).build();

        assertThat(credentials.toString()).isEqualTo("Digest username=\"bob\", realm=\"r\", nonce=\"n\","
                + " uri=\"sip:r\", response=\"00ff\", algorithm=MD5, cnonce=\"c\", qop=auth, nc=00000001,"
                + " auts=\"3qzdhIyGGBAfkpmzFo0=\"");
        assertThat(credentials.auts()).isEqualTo("3qzdhIyGGBAfkpmzFo0=");
        assertThat(DigestCredentials.parse(credentials.toString())).isEqualTo(credentials);
    }

    @Test
    void paramModelRejectsWhatCannotBeWritten() {
        assertThatThrownBy(() -> AuthParam.token("a", "two words")).hasMessageContaining("token");
        assertThatThrownBy(() -> AuthParam.quoted("a", "line\r\nbreak")).hasMessageContaining("CR");
        assertThatThrownBy(() -> AuthHeaderValue.of("Digest", List.of(AuthParam.token("a", "1"),
                AuthParam.token("A", "2")))).hasMessageContaining("twice");
    }
}
