package io.osprey.hss.cx;

import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.ImpiCredentials;
import java.util.Optional;

/**
 * Maps a requested SIP-Authentication-Scheme (TS 29.229 §6.3.9) onto a scheme the private identity may use.
 * {@code "Unknown"} (or none) lets the HSS choose, preferring AKAv1, AKAv2, then digest; {@code "SIP Digest"},
 * {@code "Digest-MD5"} and {@code "Digest"} all mean SIP digest (MD5, or SHA-256 where only that is stored).
 */
final class AuthSchemeNames {

    static final String UNKNOWN = "Unknown";

    private AuthSchemeNames() {
    }

    /** The scheme to answer with, or empty for 5006 DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED. */
    static Optional<AuthScheme> choose(String requested, ImpiCredentials credentials) {
        if (requested == null || requested.isEmpty() || requested.equalsIgnoreCase(UNKNOWN)) {
            for (AuthScheme scheme : AuthScheme.values()) {
                if (credentials.allows(scheme)) {
                    return Optional.of(scheme);
                }
            }
            return Optional.empty();
        }
        if (requested.equalsIgnoreCase(AuthScheme.AKA_V1_MD5.cxName())) {
            return allowed(credentials, AuthScheme.AKA_V1_MD5);
        }
        if (requested.equalsIgnoreCase(AuthScheme.AKA_V2_MD5.cxName())) {
            return allowed(credentials, AuthScheme.AKA_V2_MD5);
        }
        if (requested.equalsIgnoreCase("SIP Digest") || requested.equalsIgnoreCase("Digest-MD5")
                || requested.equalsIgnoreCase("Digest")) {
            Optional<AuthScheme> md5 = allowed(credentials, AuthScheme.DIGEST_MD5);
            return md5.isPresent() ? md5 : allowed(credentials, AuthScheme.DIGEST_SHA256);
        }
        return Optional.empty();
    }

    private static Optional<AuthScheme> allowed(ImpiCredentials credentials, AuthScheme scheme) {
        return credentials.allows(scheme) ? Optional.of(scheme) : Optional.empty();
    }
}
