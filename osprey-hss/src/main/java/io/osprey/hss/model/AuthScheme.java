package io.osprey.hss.model;

import java.util.Optional;

/**
 * An authentication scheme a private identity may use (TS 29.228 §6.3.2, TS 33.203; the SIP-Authentication-
 * Scheme values of TS 29.229 §6.3.9). AKA schemes need {@link AkaKeys}; digest schemes need a
 * {@link DigestSecret}.
 */
public enum AuthScheme {
    /** IMS AKA with digest AKAv1-MD5 (RFC 3310). */
    AKA_V1_MD5("aka-v1-md5", "Digest-AKAv1-MD5", true),
    /** IMS AKA with digest AKAv2-MD5 (RFC 4169). */
    AKA_V2_MD5("aka-v2-md5", "Digest-AKAv2-MD5", true),
    /** SIP digest with MD5 (RFC 3261 §22, TS 33.203 Annex N). */
    DIGEST_MD5("digest-md5", "SIP Digest", false),
    /** SIP digest with SHA-256 (RFC 8760). */
    DIGEST_SHA256("digest-sha256", "SIP Digest", false);

    private final String token;
    private final String cxName;
    private final boolean aka;

    AuthScheme(String token, String cxName, boolean aka) {
        this.token = token;
        this.cxName = cxName;
        this.aka = aka;
    }

    /** The stable name used in the store, CSV files and the provisioning API. */
    public String token() {
        return token;
    }

    /** The SIP-Authentication-Scheme text on Cx (both digest schemes share {@code "SIP Digest"}). */
    public String cxName() {
        return cxName;
    }

    /** Whether the scheme runs AKA and so needs K and OP/OPc. */
    public boolean isAka() {
        return aka;
    }

    /** The scheme with this {@link #token()}, ignoring case. */
    public static Optional<AuthScheme> fromToken(String token) {
        for (AuthScheme scheme : values()) {
            if (scheme.token.equalsIgnoreCase(token)) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }
}
