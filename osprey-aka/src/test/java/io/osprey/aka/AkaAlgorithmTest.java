package io.osprey.aka;

import static io.osprey.aka.TestSet.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AkaAlgorithmTest {

    // IMS reference §2.4: test set 3, user alice@ims.example, realm ims.example, REGISTER sip:127.0.0.1:25070.
    private static final String USER = "alice@ims.example";
    private static final String REALM = "ims.example";
    private static final String NONCE = "n3yNAhrM9NshPM/wx/caaq5KOptMl3JcnKvD6ZuvcoE=";
    private static final String HA2 = "3697fe85970cacdfb5daf31552d9046f";

    private final TestSet set = TestSet.number(3);

    @Test
    void akaV1PasswordIsTheRawRes() throws Exception {
        byte[] password = AkaAlgorithm.AKA_V1_MD5.password(hex(set.f2()), hex(set.f4()), hex(set.f3()));

        assertThat(hex(password)).isEqualTo("8011c48c0c214ed2");
        String ha1 = ha1(password);
        assertThat(ha1).isEqualTo("83ee6719f2163863f0b27bc2c8042748");
        assertThat(md5Hex((ha1 + ":" + NONCE + ":" + HA2).getBytes(StandardCharsets.US_ASCII)))
                .as("response without qop, as SIPp computed it")
                .isEqualTo("7236e625cb245e2fe7a0fd660907466e");
    }

    @Test
    void akaV2PasswordIsBase64OfHmacMd5OverTheLabelKeyedWithResIkCk() throws Exception {
        byte[] res = hex(set.f2());
        byte[] ik = hex(set.f4());
        byte[] ck = hex(set.f3());

        String password = AkaAlgorithm.akaV2Password(res, ik, ck);

        byte[] key = concat(concat(res, ik), ck);
        String independent = Base64.getEncoder().encodeToString(
                hmacMd5(key, "http-digest-akav2-password".getBytes(StandardCharsets.US_ASCII)));
        assertThat(password).isEqualTo(independent).isEqualTo("K6RHmgDiXiFLM6eBNGa60w==").hasSize(24);
        assertThat(AkaAlgorithm.AKA_V2_MD5.password(res, ik, ck))
                .isEqualTo(password.getBytes(StandardCharsets.US_ASCII));
        String ha1 = ha1(password.getBytes(StandardCharsets.US_ASCII));
        assertThat(md5Hex((ha1 + ":" + NONCE + ":" + HA2).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("3f797e1e6078a8e46df03fefc5143ea4");
    }

    @Test
    void hmacHelperMatchesRfc2202TestCase2() throws Exception {
        // Guards the test's own HMAC-MD5 against RFC 2202 §2 test case 2.
        byte[] mac = hmacMd5("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

        assertThat(hex(mac)).isEqualTo("750c783e6ab0b503eaa86e310a5db738");
    }

    @Test
    void syncFailurePasswordIsEmpty() throws Exception {
        // IMS reference §2.4: resync response with the empty password, no qop.
        String ha1 = ha1(AkaAlgorithm.SYNC_FAILURE_PASSWORD);

        assertThat(md5Hex((ha1 + ":" + NONCE + ":" + HA2).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("cd1635ff57099568f1756ace21ff45ee");
    }

    @Test
    void namesTheAlgorithmsIgnoringCase() {
        assertThat(AkaAlgorithm.fromToken("AKAv1-MD5")).contains(AkaAlgorithm.AKA_V1_MD5);
        assertThat(AkaAlgorithm.fromToken("akav2-md5")).contains(AkaAlgorithm.AKA_V2_MD5);
        assertThat(AkaAlgorithm.fromToken("MD5")).isEmpty();
        assertThat(AkaAlgorithm.fromToken(null)).isEmpty();
        assertThat(AkaAlgorithm.AKA_V2_MD5.token()).isEqualTo("AKAv2-MD5");
    }

    @Test
    void refusesBadLengthsNamingTheField() {
        assertThatThrownBy(() -> AkaAlgorithm.akaV1Password(new byte[3]))
                .hasMessage("RES must be 4 to 16 octets, was 3 octets");
        assertThatThrownBy(() -> AkaAlgorithm.akaV2Password(new byte[8], new byte[15], new byte[16]))
                .hasMessage("IK must be 16 octets, was 15 octets");
        assertThatThrownBy(() -> AkaAlgorithm.AKA_V1_MD5.password(new byte[8], new byte[16], null))
                .hasMessage("CK must be 16 octets, was null");
    }

    private static String ha1(byte[] password) throws Exception {
        byte[] prefix = (USER + ":" + REALM + ":").getBytes(StandardCharsets.US_ASCII);
        return md5Hex(concat(prefix, password));
    }

    private static String md5Hex(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }

    /** HMAC-MD5 written out from RFC 2104, independent of javax.crypto.Mac. */
    private static byte[] hmacMd5(byte[] key, byte[] message) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] block = new byte[64];
        System.arraycopy(key.length > 64 ? md5.digest(key) : key, 0, block, 0, Math.min(key.length, 64));
        byte[] inner = new byte[64];
        byte[] outer = new byte[64];
        for (int i = 0; i < 64; i++) {
            inner[i] = (byte) (block[i] ^ 0x36);
            outer[i] = (byte) (block[i] ^ 0x5c);
        }
        byte[] innerHash = md5.digest(concat(inner, message));
        return md5.digest(concat(outer, innerHash));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
