package io.osprey.sip.auth;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a server or client knows about a user's secret: the password as octets, or the precomputed
 * {@code HA1 = H(username ":" realm ":" password)} in lower-case hex. Passwords are octets, not text, because IMS
 * AKAv1-MD5 uses the raw RES (which may contain 0x00) as the password (RFC 3310 §3.3).
 */
public sealed interface DigestSecret {

    /** A password given as octets; the array is copied. */
    static DigestSecret password(byte[] password) {
        return new Password(password.clone());
    }

    /** A text password, encoded as UTF-8 (RFC 7616 §4 charset). */
    static DigestSecret password(String password) {
        return new Password(password.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A stored HA1, {@code H(username ":" realm ":" password)} for the algorithm's hash. For {@code -sess}
     * algorithms the session step is applied on top of it.
     */
    static DigestSecret ha1(String hex) {
        return new Ha1(hex);
    }

    /** Password octets. */
    final class Password implements DigestSecret {
        private final byte[] octets;

        private Password(byte[] octets) {
            this.octets = octets;
        }

        byte[] octets() {
            return octets;
        }

        @Override
        public String toString() {
            return "Password[" + octets.length + " octets]";
        }
    }

    /** A precomputed HA1. */
    final class Ha1 implements DigestSecret {
        private final String hex;

        private Ha1(String hex) {
            if (hex == null || hex.isEmpty() || hex.length() % 2 != 0) {
                throw new IllegalArgumentException("HA1 must be non-empty hex with an even number of digits");
            }
            HexFormat.of().parseHex(hex);
            this.hex = hex.toLowerCase(Locale.ROOT);
        }

        String hex() {
            return hex;
        }

        @Override
        public String toString() {
            return "Ha1[" + hex.length() / 2 + " octets]";
        }
    }
}
