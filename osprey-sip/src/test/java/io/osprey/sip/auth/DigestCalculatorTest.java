package io.osprey.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Digest computations against published vectors (RFC 7616 §3.9.1, RFC 2617 §3.5, SIPp-produced IMS AKA values)
 * and against an independent computation with {@link MessageDigest} written out in each test.
 */
class DigestCalculatorTest {

    private static String h(String jcaName, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jcaName).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String h(String jcaName, String text) {
        return h(jcaName, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // RFC 7616 §3.9.1
    private static final String RFC7616_NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static DigestInput rfc7616(DigestAlgorithm algorithm) {
        return new DigestInput(algorithm, "Mufasa", "http-auth@example.org", RFC7616_NONCE, "00000001",
                RFC7616_CNONCE, Qop.AUTH, "GET", "/dir/index.html", null);
    }

    private static String independentAuth(String jca, String user, String realm, String password, String nonce,
                                          String nc, String cnonce, String method, String uri) {
        String ha1 = h(jca, user + ":" + realm + ":" + password);
        String ha2 = h(jca, method + ":" + uri);
        return h(jca, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
    }

    @Test
    void rfc7616Md5Example() {
        String expected = independentAuth("MD5", "Mufasa", "http-auth@example.org", "Circle of Life",
                RFC7616_NONCE, "00000001", RFC7616_CNONCE, "GET", "/dir/index.html");
        String computed = DigestCalculator.response(rfc7616(DigestAlgorithm.MD5), DigestSecret.password("Circle of Life"));

        assertThat(computed).isEqualTo(expected).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void rfc7616Sha256Example() {
        String expected = independentAuth("SHA-256", "Mufasa", "http-auth@example.org", "Circle of Life",
                RFC7616_NONCE, "00000001", RFC7616_CNONCE, "GET", "/dir/index.html");
        String computed = DigestCalculator.response(rfc7616(DigestAlgorithm.SHA_256),
                DigestSecret.password("Circle of Life"));

        assertThat(computed).isEqualTo(expected)
                .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void rfc2617Example() {
        DigestInput input = new DigestInput(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", Qop.AUTH, "GET", "/dir/index.html", null);
        String expected = independentAuth("MD5", "Mufasa", "testrealm@host.com", "Circle Of Life",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "GET", "/dir/index.html");

        assertThat(DigestCalculator.response(input, DigestSecret.password("Circle Of Life")))
                .isEqualTo(expected).isEqualTo("6629fae49393a05397450978507c4ef1");
        String ha1 = DigestCalculator.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com",
                "Circle Of Life".getBytes(StandardCharsets.UTF_8));
        assertThat(DigestCalculator.response(input, DigestSecret.ha1(ha1.toUpperCase(Locale.ROOT))))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    // IMS AKA test set 3 run through SIPp v3.7.7 (reference §2.4): XRES is the 8-octet binary password
    private static final byte[] XRES = HexFormat.of().parseHex("8011c48c0c214ed2");
    private static final String AKA_NONCE = "n3yNAhrM9NshPM/wx/caaq5KOptMl3JcnKvD6ZuvcoE=";

    private static DigestInput aka(String nc, String cnonce, Qop qop) {
        return new DigestInput(DigestAlgorithm.AKAV1_MD5, "alice@ims.example", "ims.example", AKA_NONCE, nc, cnonce,
                qop, "REGISTER", "sip:127.0.0.1:25070", new byte[0]);
    }

    @Test
    void imsAkaV1Md5VectorsFromSipp() {
        DigestSecret res = DigestSecret.password(XRES);
        assertThat(DigestCalculator.ha1(DigestAlgorithm.AKAV1_MD5, "alice@ims.example", "ims.example", XRES))
                .isEqualTo(h("MD5", concat("alice@ims.example:ims.example:".getBytes(StandardCharsets.UTF_8), XRES)))
                .isEqualTo("83ee6719f2163863f0b27bc2c8042748");
        assertThat(DigestCalculator.ha2(DigestAlgorithm.AKAV1_MD5, Qop.AUTH, "REGISTER", "sip:127.0.0.1:25070", null))
                .isEqualTo("3697fe85970cacdfb5daf31552d9046f");
        assertThat(DigestCalculator.response(aka(null, null, null), res)).isEqualTo("7236e625cb245e2fe7a0fd660907466e");
        assertThat(DigestCalculator.response(aka("00000001", "7d77a447", Qop.AUTH), res))
                .isEqualTo("e4919d3ac5ec8d8a42e33ce8d7e36270");
        assertThat(DigestCalculator.ha2(DigestAlgorithm.AKAV1_MD5, Qop.AUTH_INT, "REGISTER", "sip:127.0.0.1:25070",
                new byte[0])).isEqualTo("1109d72b1450d3a3f9c6920dcdb0557b");
        assertThat(DigestCalculator.response(aka("00000001", "740db1e3", Qop.AUTH_INT), res))
                .isEqualTo("36a4e40447fdc317871bdd38d6319ffb");
        // resynchronisation: empty password
        assertThat(DigestCalculator.response(aka(null, null, null), DigestSecret.password(new byte[0])))
                .isEqualTo("cd1635ff57099568f1756ace21ff45ee");
    }

    @Test
    void binaryPasswordWithZeroOctetsIsNotTruncated() {
        byte[] res = {0x00, 0x11, 0x00, 0x22, 0x33, 0x00, 0x44, 0x00};
        String full = DigestCalculator.ha1(DigestAlgorithm.AKAV1_MD5, "u", "r", res);

        assertThat(full).isEqualTo(h("MD5", concat("u:r:".getBytes(StandardCharsets.UTF_8), res)));
        assertThat(full).isNotEqualTo(h("MD5", "u:r:"));
        assertThat(full).isNotEqualTo(DigestCalculator.ha1(DigestAlgorithm.AKAV1_MD5, "u", "r", new byte[] {0x00, 0x11}));
    }

    @Test
    void authIntCoversTheSipBody() {
        byte[] body = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n".getBytes(StandardCharsets.UTF_8);
        DigestInput input = new DigestInput(DigestAlgorithm.MD5, "bob", "biloxi.example.com", "nonce123", "0000000a",
                "cn", Qop.AUTH_INT, "INVITE", "sip:bob@biloxi.example.com", body);
        String ha1 = h("MD5", "bob:biloxi.example.com:zanzibar");
        String ha2 = h("MD5", "INVITE:sip:bob@biloxi.example.com:" + h("MD5", body));
        String expected = h("MD5", ha1 + ":nonce123:0000000a:cn:auth-int:" + ha2);

        assertThat(DigestCalculator.response(input, DigestSecret.password("zanzibar"))).isEqualTo(expected);
        byte[] tampered = body.clone();
        tampered[0] = 'w';
        DigestInput other = new DigestInput(DigestAlgorithm.MD5, "bob", "biloxi.example.com", "nonce123", "0000000a",
                "cn", Qop.AUTH_INT, "INVITE", "sip:bob@biloxi.example.com", tampered);
        assertThat(DigestCalculator.response(other, DigestSecret.password("zanzibar"))).isNotEqualTo(expected);
    }

    @Test
    void sessionAlgorithmsHashNonceAndCnonceIntoHa1() {
        for (DigestAlgorithm algorithm : new DigestAlgorithm[] {
            DigestAlgorithm.MD5_SESS, DigestAlgorithm.SHA_256_SESS, DigestAlgorithm.SHA_512_256_SESS}) {
            String jca = switch (algorithm) {
                case MD5_SESS -> "MD5";
                case SHA_256_SESS -> "SHA-256";
                default -> "SHA-512/256";
            };
            DigestInput input = new DigestInput(algorithm, "Mufasa", "realm", "n", "00000002", "c", Qop.AUTH,
                    "GET", "/", null);
            String ha1 = h(jca, h(jca, "Mufasa:realm:pw") + ":n:c");
            String expected = h(jca, ha1 + ":n:00000002:c:auth:" + h(jca, "GET:/"));

            assertThat(DigestCalculator.response(input, DigestSecret.password("pw"))).as(algorithm.token())
                    .isEqualTo(expected);
        }
    }

    @Test
    void sha512256AndUserhash() {
        DigestInput input = new DigestInput(DigestAlgorithm.SHA_512_256, "J\u00e4s\u00f8n Doe", "api@example.org",
                "n", null, null, null, "GET", "/doe.json", null);
        String jca = "SHA-512/256";
        String expected = h(jca, h(jca, "J\u00e4s\u00f8n Doe:api@example.org:Secret, or not?") + ":n:"
                + h(jca, "GET:/doe.json"));

        assertThat(DigestCalculator.response(input, DigestSecret.password("Secret, or not?"))).isEqualTo(expected);
        assertThat(DigestCalculator.userhash(DigestAlgorithm.SHA_512_256, "J\u00e4s\u00f8n Doe", "api@example.org"))
                .isEqualTo(h(jca, "J\u00e4s\u00f8n Doe:api@example.org"));
    }

    @Test
    void responseComparison() {
        assertThat(DigestCalculator.responsesMatch("8ca523f5e9506fed4657c9700eebdbec",
                "8CA523F5E9506FED4657C9700EEBDBEC")).isTrue();
        assertThat(DigestCalculator.responsesMatch("8ca523f5e9506fed4657c9700eebdbec",
                "8ca523f5e9506fed4657c9700eebdbed")).isFalse();
        assertThat(DigestCalculator.responsesMatch("8ca5", "8ca")).isFalse();
        assertThat(DigestCalculator.responsesMatch("8ca5", null)).isFalse();
        // 'š' (U+0161) must not fold onto 'a' (0x61)
        assertThat(DigestCalculator.responsesMatch("8ca5", "8c\u01615")).isFalse();
    }

    @Test
    void algorithmTokens() {
        assertThat(DigestAlgorithm.fromToken(null)).isEqualTo(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("sha-256-SESS")).isEqualTo(DigestAlgorithm.SHA_256_SESS);
        assertThat(DigestAlgorithm.fromToken("akav1-md5")).isEqualTo(DigestAlgorithm.AKAV1_MD5);
        assertThat(DigestAlgorithm.fromToken("SHA-1")).isNull();
        assertThat(Qop.fromToken("AUTH-INT")).isEqualTo(Qop.AUTH_INT);
        assertThat(Qop.fromToken("auth-conf")).isNull();
    }
}
