package io.osprey.hss.cx;

import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.Impi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * HA1 = H(username ":" realm ":" password) of RFC 2617 §3.2.2.2 / RFC 8760 for the Digest-HA1 AVP of a
 * SIP-Digest-Authenticate (TS 29.229 §6.3.36, TS 33.203 Annex N), in lower-case hex. The username is the full
 * private identity. A stored HA1 is used as is, with the realm it was made for.
 *
 * @param realm     Digest-Realm
 * @param algorithm Digest-Algorithm, {@code MD5} or {@code SHA-256}
 * @param hex       Digest-HA1 in lower-case hex
 */
record DigestHa1(String realm, String algorithm, String hex) {

    static DigestHa1 of(Impi impi, DigestSecret secret, AuthScheme scheme, String defaultRealm) {
        String algorithm = scheme == AuthScheme.DIGEST_SHA256 ? "SHA-256" : "MD5";
        return switch (secret) {
            case DigestSecret.Ha1 stored -> new DigestHa1(stored.realm(),
                    stored.scheme() == AuthScheme.DIGEST_SHA256 ? "SHA-256" : "MD5", stored.hex());
            case DigestSecret.Password password -> new DigestHa1(defaultRealm, algorithm,
                    hash(algorithm, impi.value() + ":" + defaultRealm + ":" + password.value()));
        };
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    @Override
    public String toString() {
        return "DigestHa1[realm=" + realm + ", algorithm=" + algorithm + ", <redacted>]";
    }
}
