package io.osprey.hss.model;

/**
 * The secret behind SIP digest authentication (RFC 3261 §22, RFC 8760; TS 33.203 Annex N "SIP Digest"):
 * the cleartext password, or only HA1 = H(username ":" realm ":" password) for one realm and algorithm.
 * Only the AuC path reads this type; {@link #toString()} never shows the secret.
 */
public sealed interface DigestSecret {

    /** Longest password accepted. */
    int MAX_PASSWORD_LENGTH = 128;

    /** A cleartext password, usable with every digest algorithm and realm. */
    record Password(String value) implements DigestSecret {
        public Password {
            Checks.text("password", value, MAX_PASSWORD_LENGTH);
        }

        @Override
        public String toString() {
            return "Password[<redacted>]";
        }
    }

    /**
     * A precomputed HA1 for one realm: 32 hex digits for MD5, 64 for SHA-256.
     *
     * @param realm the digest realm HA1 was computed for
     * @param hex   HA1 in lower-case hex
     */
    record Ha1(String realm, String hex) implements DigestSecret {
        public Ha1 {
            Checks.text("realm", realm, 255);
            Checks.notNull("ha1", hex);
            if (hex.length() != 32 && hex.length() != 64) {
                throw new InvalidValueException("ha1", "must be 32 (MD5) or 64 (SHA-256) hex digits, was "
                        + hex.length() + " characters");
            }
            hex = Hex.encode(Hex.decode("ha1", hex, hex.length() / 2));
        }

        /** The digest scheme this HA1 serves. */
        public AuthScheme scheme() {
            return hex.length() == 32 ? AuthScheme.DIGEST_MD5 : AuthScheme.DIGEST_SHA256;
        }

        @Override
        public String toString() {
            return "Ha1[realm=" + realm + ", " + scheme().token() + ", <redacted>]";
        }
    }
}
