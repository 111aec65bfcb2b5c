package io.osprey.hss.cx;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.model.AkaKeys;
import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scheme choice for MAR (TS 29.229 §6.3.9) and HA1 for SIP Digest (RFC 2617 §3.2.2.2), without sockets. */
class AuthSchemeNamesTest {

    private static final Impi IMPI = new Impi("alice@ims.test");
    private static final AkaKeys KEYS = AkaKeys.fromHex("465b5ce8b199b49faa5f0a2ee238a6bc", null,
            "cd63cb71954a9f4e48a5994e37a02baf", "8000");

    private static ImpiCredentials aka(AuthScheme... schemes) {
        return new ImpiCredentials(IMPI, EnumSet.of(schemes[0], schemes), Optional.of(KEYS), Optional.empty(), 0);
    }

    @Test
    void namesMapToAllowedSchemesOnly() {
        ImpiCredentials v2Only = aka(AuthScheme.AKA_V2_MD5);
        assertThat(AuthSchemeNames.choose("Digest-AKAv2-MD5", v2Only)).contains(AuthScheme.AKA_V2_MD5);
        assertThat(AuthSchemeNames.choose("digest-akav2-md5", v2Only)).contains(AuthScheme.AKA_V2_MD5);
        assertThat(AuthSchemeNames.choose("Digest-AKAv1-MD5", v2Only)).isEmpty();
        assertThat(AuthSchemeNames.choose("Unknown", v2Only)).contains(AuthScheme.AKA_V2_MD5);
        assertThat(AuthSchemeNames.choose(null, aka(AuthScheme.AKA_V1_MD5, AuthScheme.AKA_V2_MD5)))
                .contains(AuthScheme.AKA_V1_MD5);
        assertThat(AuthSchemeNames.choose("Early-IMS-Security", v2Only)).isEmpty();
    }

    @Test
    void digestNamesPickMd5OrSha256() {
        ImpiCredentials sha = new ImpiCredentials(IMPI, EnumSet.of(AuthScheme.DIGEST_SHA256), Optional.empty(),
                Optional.of(new DigestSecret.Ha1("ims.test", "a".repeat(64))), 0);
        assertThat(AuthSchemeNames.choose("SIP Digest", sha)).contains(AuthScheme.DIGEST_SHA256);
        assertThat(AuthSchemeNames.choose("Digest-MD5", sha)).contains(AuthScheme.DIGEST_SHA256);
        assertThat(AuthSchemeNames.choose("Digest-AKAv1-MD5", sha)).isEmpty();
    }

    @Test
    void storedHa1IsSentWithItsOwnRealm() {
        DigestHa1 ha1 = DigestHa1.of(IMPI, new DigestSecret.Ha1("other.realm", "0123456789ABCDEF0123456789abcdef"),
                AuthScheme.DIGEST_MD5, "ims.test");
        assertThat(ha1.realm()).isEqualTo("other.realm");
        assertThat(ha1.algorithm()).isEqualTo("MD5");
        assertThat(ha1.hex()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(ha1.toString()).doesNotContain("0123");
    }
}
