package io.osprey.hss.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.aka.Milenage;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AKA keys and digest secrets: hex parsing, lengths, scheme consistency and redaction. Keys: TS 35.208 set 1. */
class CredentialsValidationTest {

    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OP = "cdc202d5123e20f62b6d676ac72cb318";
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final Impi IMPI = new Impi("alice@example.org");

    @Test
    void parsesHexKeysAndDerivesTheSameMilenageFromOpOrOpc() {
        AkaKeys withOp = AkaKeys.fromHex(K, OP, null, null);
        AkaKeys withOpc = AkaKeys.fromHex(K.toUpperCase(), null, OPC, "b9b9");

        assertThat(Hex.encode(withOp.amf())).isEqualTo(AkaKeys.DEFAULT_AMF);
        assertThat(withOp.operatorKeyKind()).isEqualTo(AkaKeys.OperatorKeyKind.OP);
        byte[] rand = Hex.decode("rand", "23553cbe9637a89d218ae64dae47bf35", 16);
        Milenage fromOp = withOp.milenage();
        assertThat(Hex.encode(fromOp.opc())).isEqualTo(OPC);
        assertThat(fromOp.f2(rand)).isEqualTo(withOpc.milenage().f2(rand));
        assertThat(Hex.encode(withOpc.milenage().f2(rand))).isEqualTo("a54211d5e3ba50bf");
    }

    @Test
    void refusesBadHexAndLengthsNamingTheField() {
        assertThatThrownBy(() -> AkaKeys.fromHex(K.substring(2), null, OPC, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("k");
                    assertThat(e.reason()).isEqualTo("must be 32 hex digits (16 octets), was 30 characters");
                });
        assertThatThrownBy(() -> AkaKeys.fromHex(K, null, "zz" + OPC.substring(2), null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("opc");
                    assertThat(e.reason()).contains("'z' at index 0");
                });
        assertThatThrownBy(() -> AkaKeys.fromHex(K, null, OPC, "80")).hasMessageStartingWith("amf:");
        assertThatThrownBy(() -> AkaKeys.fromHex(K, OP, OPC, null)).hasMessageContaining("exactly one of op and opc");
        assertThatThrownBy(() -> AkaKeys.fromHex(K, null, null, null)).hasMessageContaining("exactly one of op and opc");
    }

    @Test
    void requiresTheSecretsEachSchemeNeeds() {
        AkaKeys keys = AkaKeys.fromHex(K, null, OPC, null);
        assertThatThrownBy(() -> new ImpiCredentials(IMPI, Set.of(AuthScheme.AKA_V1_MD5), Optional.empty(),
                Optional.of(new DigestSecret.Password("pw")), 0)).isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("k"));
        assertThatThrownBy(() -> new ImpiCredentials(IMPI, Set.of(AuthScheme.DIGEST_MD5), Optional.of(keys),
                Optional.empty(), 0)).isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> new ImpiCredentials(IMPI, Set.of(), Optional.of(keys), Optional.empty(), 0))
                .hasMessageContaining("at least one scheme");
        assertThatThrownBy(() -> new ImpiCredentials(IMPI, Set.of(AuthScheme.AKA_V1_MD5), Optional.of(keys),
                Optional.empty(), 1L << 48)).isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("sqn"));
        assertThatThrownBy(() -> new ImpiCredentials(IMPI, Set.of(AuthScheme.DIGEST_SHA256), Optional.empty(),
                Optional.of(new DigestSecret.Ha1("r", "0".repeat(32))), 0)).hasMessageContaining("HA1 is for digest-md5");
        assertThat(new ImpiCredentials(IMPI, Set.of(AuthScheme.DIGEST_SHA256), Optional.empty(),
                Optional.of(new DigestSecret.Ha1("r", "A".repeat(64))), 0).digest().orElseThrow())
                .isEqualTo(new DigestSecret.Ha1("r", "a".repeat(64)));
    }

    @Test
    void neverPrintsSecrets() {
        AkaKeys keys = AkaKeys.fromHex(K, OP, null, "8000");
        ImpiCredentials credentials = new ImpiCredentials(IMPI, Set.of(AuthScheme.AKA_V1_MD5, AuthScheme.DIGEST_MD5),
                Optional.of(keys), Optional.of(new DigestSecret.Password("hunter2")), 7);
        String ha1 = new DigestSecret.Ha1("realm", "0123456789abcdef0123456789abcdef").toString();

        assertThat(keys.toString()).isEqualTo("AkaKeys[k=<redacted>, OP=<redacted>, amf=8000]");
        assertThat(credentials.toString()).doesNotContain(K).doesNotContain(OP).doesNotContain("hunter2")
                .contains("alice@example.org").contains("sqn=7");
        assertThat(ha1).doesNotContain("0123456789abcdef").contains("realm");
        assertThat(keys).isEqualTo(AkaKeys.fromHex(K.toUpperCase(), OP, null, "8000"));
    }

    @Test
    void mapsSchemeTokensAndCxNames() {
        assertThat(AuthScheme.fromToken("AKA-V1-MD5")).contains(AuthScheme.AKA_V1_MD5);
        assertThat(AuthScheme.fromToken("md5")).isEmpty();
        assertThat(AuthScheme.AKA_V2_MD5.cxName()).isEqualTo("Digest-AKAv2-MD5");
        assertThat(AuthScheme.DIGEST_SHA256.cxName()).isEqualTo("SIP Digest");
        assertThat(AuthScheme.AKA_V1_MD5.isAka()).isTrue();
        assertThat(AuthScheme.DIGEST_MD5.isAka()).isFalse();
    }
}
