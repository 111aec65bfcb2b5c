package io.osprey.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Digest computations of RFC 7616 §3.4.1-§3.4.4 (same as RFC 2617 §3.2.2 for MD5, and RFC 2069 without qop):
 * <pre>
 * HA1      = H(username ":" realm ":" password)             ; -sess: H(HA1 ":" nonce ":" cnonce)
 * HA2      = H(method ":" digest-uri)                       ; auth-int: H(method ":" digest-uri ":" H(body))
 * response = H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)  ; without qop: H(HA1 ":" nonce ":" HA2)
 * </pre>
 * Text is UTF-8; the password is raw octets. Hashes are written as lower-case hex. Stateless and thread-safe.
 */
public final class DigestCalculator {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] COLON = {':'};

    private DigestCalculator() {
    }

    /** {@code H(username ":" realm ":" password)}. */
    public static String ha1(DigestAlgorithm algorithm, String username, String realm, byte[] password) {
        MessageDigest digest = algorithm.newDigest();
        digest.update(utf8(username));
        digest.update(COLON);
        digest.update(utf8(realm));
        digest.update(COLON);
        digest.update(password);
        return HEX.formatHex(digest.digest());
    }

    /** The -sess HA1 of RFC 7616 §3.4.2: {@code H(ha1 ":" nonce ":" cnonce)}. */
    public static String sessionHa1(DigestAlgorithm algorithm, String ha1, String nonce, String cnonce) {
        return hash(algorithm, ha1 + ':' + nonce + ':' + cnonce);
    }

    /** HA2 of RFC 7616 §3.4.3. */
    public static String ha2(DigestAlgorithm algorithm, Qop qop, String method, String digestUri, byte[] body) {
        if (qop == Qop.AUTH_INT) {
            String bodyHash = HEX.formatHex(algorithm.newDigest().digest(body == null ? new byte[0] : body));
            return hash(algorithm, method + ':' + digestUri + ':' + bodyHash);
        }
        return hash(algorithm, method + ':' + digestUri);
    }

    /** The request-digest of RFC 7616 §3.4.1, or the RFC 2069 form when {@code qop} is null. */
    public static String response(DigestAlgorithm algorithm, String ha1, String nonce, String nc, String cnonce,
                                  Qop qop, String ha2) {
        if (qop == null) {
            return hash(algorithm, ha1 + ':' + nonce + ':' + ha2);
        }
        return hash(algorithm, ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ':' + qop.token() + ':' + ha2);
    }

    /** The full response for {@code input} and {@code secret}. */
    public static String response(DigestInput input, DigestSecret secret) {
        DigestAlgorithm algorithm = input.algorithm();
        String ha1 = switch (secret) {
            case DigestSecret.Password password ->
                    ha1(algorithm, input.username(), input.realm(), password.octets());
            case DigestSecret.Ha1 stored -> stored.hex();
        };
        if (algorithm.isSession()) {
            ha1 = sessionHa1(algorithm, ha1, input.nonce(), input.cnonce());
        }
        String ha2 = ha2(algorithm, input.qop(), input.method(), input.digestUri(), input.body());
        return response(algorithm, ha1, input.nonce(), input.nc(), input.cnonce(), input.qop(), ha2);
    }

    /** The RFC 7616 §3.4.4 userhash: {@code H(username ":" realm)}. */
    public static String userhash(DigestAlgorithm algorithm, String username, String realm) {
        return hash(algorithm, username + ':' + realm);
    }

    /**
     * Compares two responses in time independent of where they differ (hex case ignored), so that a
     * wrong guess does not reveal how many leading characters were right.
     */
    public static boolean responsesMatch(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(lowerAscii(expected), lowerAscii(received));
    }

    private static byte[] lowerAscii(String hex) {
        byte[] out = new byte[hex.length()];
        for (int i = 0; i < out.length; i++) {
            char c = hex.charAt(i);
            // Anything outside ASCII becomes NUL, which never occurs in a computed hex digest.
            out[i] = c > 0x7f ? 0 : (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return out;
    }

    private static String hash(DigestAlgorithm algorithm, String text) {
        return HEX.formatHex(algorithm.newDigest().digest(utf8(text)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
