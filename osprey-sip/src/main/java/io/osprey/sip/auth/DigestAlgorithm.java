package io.osprey.sip.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Digest {@code algorithm} values: RFC 7616 §3.4.2 (MD5, SHA-256, SHA-512-256 and their {@code -sess} variants,
 * where HA1 also covers the nonce and cnonce), and the IMS AKA algorithms of RFC 3310 ({@code AKAv1-MD5}) and
 * RFC 4169 ({@code AKAv2-MD5}), which are MD5 digests whose password is derived from the AKA run.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true),
    SHA_512_256("SHA-512-256", "SHA-512/256", false),
    SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true),
    AKAV1_MD5("AKAv1-MD5", "MD5", false),
    AKAV2_MD5("AKAv2-MD5", "MD5", false);

    private final String token;
    private final String jcaName;
    private final boolean session;

    DigestAlgorithm(String token, String jcaName, boolean session) {
        this.token = token;
        this.jcaName = jcaName;
        this.session = session;
    }

    /** The value as written in the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /** Whether HA1 is the {@code -sess} form {@code H(H(user:realm:password):nonce:cnonce)}. */
    public boolean isSession() {
        return session;
    }

    /**
     * The algorithm for a parameter value, matched case-insensitively; absent ({@code null}) means MD5
     * (RFC 7616 §3.3). Returns null for unknown values.
     */
    public static DigestAlgorithm fromToken(String token) {
        if (token == null) {
            return MD5;
        }
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equalsIgnoreCase(token)) {
                return algorithm;
            }
        }
        return null;
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks required digest " + jcaName, e);
        }
    }
}
