package io.osprey.sip.auth;

/** Digest quality of protection (RFC 7616 §3.3, RFC 2617 §3.2.1): {@code auth-int} also covers the body. */
public enum Qop {
    AUTH("auth"),
    AUTH_INT("auth-int");

    private final String token;

    Qop(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** The qop for a token (case-insensitive), or null if unknown. */
    public static Qop fromToken(String token) {
        for (Qop qop : values()) {
            if (qop.token.equalsIgnoreCase(token)) {
                return qop;
            }
        }
        return null;
    }
}
