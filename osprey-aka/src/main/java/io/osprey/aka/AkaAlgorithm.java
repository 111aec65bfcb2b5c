package io.osprey.aka;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AKA digest algorithms and how each turns the AKA response into the HTTP Digest password, the secret in
 * HA1 = MD5(username ":" realm ":" password).
 *
 * <ul>
 *   <li>{@code AKAv1-MD5} (RFC 3310 §3.3): the password is RES itself, as raw octets (8 for MILENAGE), not hex.
 *   <li>{@code AKAv2-MD5} (RFC 4169 §3): the password is base64(PRF(RES ‖ IK ‖ CK,
 *       "http-digest-akav2-password")) with PRF = HMAC-MD5, i.e. the 24 ASCII characters of the base64 text.
 * </ul>
 * The server side passes XRES in place of RES. For a synchronisation failure (RFC 3310 §3.4) the password is
 * empty, whichever the version; use {@link #SYNC_FAILURE_PASSWORD}.
 */
public enum AkaAlgorithm {

    AKA_V1_MD5("AKAv1-MD5"),
    AKA_V2_MD5("AKAv2-MD5");

    /** The empty password a client uses in the Authorization that carries {@code auts} (RFC 3310 §3.4). */
    public static final byte[] SYNC_FAILURE_PASSWORD = new byte[0];

    private static final byte[] AKAV2_PASSWORD_LABEL =
            "http-digest-akav2-password".getBytes(StandardCharsets.US_ASCII);

    private final String token;

    AkaAlgorithm(String token) {
        this.token = token;
    }

    /** The value of the digest {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /** The algorithm named by a digest {@code algorithm} value, ignoring case; empty for any other value. */
    public static Optional<AkaAlgorithm> fromToken(String value) {
        for (AkaAlgorithm algorithm : values()) {
            if (algorithm.token.equalsIgnoreCase(value)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * The digest password octets for this algorithm.
     *
     * @param res RES (client) or XRES (server), 4 to 16 octets
     * @param ik  IK, 16 octets (used by AKAv2 only, checked for both)
     * @param ck  CK, 16 octets (used by AKAv2 only, checked for both)
     */
    public byte[] password(byte[] res, byte[] ik, byte[] ck) {
        Bytes.requireLength("IK", ik, Milenage.BLOCK);
        Bytes.requireLength("CK", ck, Milenage.BLOCK);
        return switch (this) {
            case AKA_V1_MD5 -> akaV1Password(res);
            case AKA_V2_MD5 -> akaV2Password(res, ik, ck).getBytes(StandardCharsets.US_ASCII);
        };
    }

    /** The AKAv1-MD5 password: a copy of RES (RFC 3310 §3.3). */
    public static byte[] akaV1Password(byte[] res) {
        requireRes(res);
        return res.clone();
    }

    /**
     * The AKAv2-MD5 password text (RFC 4169 §3): base64(HMAC-MD5(key = RES ‖ IK ‖ CK,
     * message = "http-digest-akav2-password")), 24 characters.
     */
    public static String akaV2Password(byte[] res, byte[] ik, byte[] ck) {
        requireRes(res);
        Bytes.requireLength("IK", ik, Milenage.BLOCK);
        Bytes.requireLength("CK", ck, Milenage.BLOCK);
        byte[] key = new byte[res.length + 2 * Milenage.BLOCK];
        System.arraycopy(res, 0, key, 0, res.length);
        System.arraycopy(ik, 0, key, res.length, Milenage.BLOCK);
        System.arraycopy(ck, 0, key, res.length + Milenage.BLOCK, Milenage.BLOCK);
        try {
            Mac hmac = Mac.getInstance("HmacMD5");
            hmac.init(new SecretKeySpec(key, "HmacMD5"));
            return Base64.getEncoder().encodeToString(hmac.doFinal(AKAV2_PASSWORD_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is not available in this JDK", e);
        }
    }

    private static void requireRes(byte[] res) {
        Bytes.requireLengthBetween("RES", res, AuthenticationVector.MIN_RES_LENGTH,
                AuthenticationVector.MAX_RES_LENGTH);
    }
}
