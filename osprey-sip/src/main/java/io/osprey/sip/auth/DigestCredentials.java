package io.osprey.sip.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Digest credentials ({@code Authorization} / {@code Proxy-Authorization}, RFC 7616 §3.4, RFC 3261 §22.4) as a
 * typed view over an {@link AuthHeaderValue}; other parameters (IMS {@code auts}, {@code integrity-protected},
 * RFC 7616 {@code username*}) stay reachable through {@link #header()} and {@link #value}. Getters return null
 * for absent parameters; which ones are required is the {@link DigestVerifier}'s business, so that it can name
 * the missing one.
 */
public final class DigestCredentials {

    private final AuthHeaderValue header;

    private DigestCredentials(AuthHeaderValue header) {
        this.header = header;
    }

    /** A typed view of {@code header}; fails unless its scheme is Digest. */
    public static DigestCredentials of(AuthHeaderValue header) {
        if (!header.isDigest()) {
            throw new IllegalArgumentException("not Digest credentials: scheme " + header.scheme());
        }
        return new DigestCredentials(header);
    }

    public static DigestCredentials parse(String headerValue) {
        return of(AuthHeaderParser.parseValue(headerValue));
    }

    public static Builder builder() {
        return new Builder();
    }

    public AuthHeaderValue header() {
        return header;
    }

    /** Any parameter's unescaped value (case-insensitive name), or null. */
    public String value(String name) {
        return header.value(name);
    }

    public String username() {
        return header.value("username");
    }

    public String realm() {
        return header.value("realm");
    }

    public String nonce() {
        return header.value("nonce");
    }

    /** The {@code uri} parameter: the digest-uri that enters HA2, not necessarily the Request-URI. */
    public String uri() {
        return header.value("uri");
    }

    public String response() {
        return header.value("response");
    }

    /** The algorithm as written, or null when absent (meaning MD5). */
    public String algorithmToken() {
        return header.value("algorithm");
    }

    public String cnonce() {
        return header.value("cnonce");
    }

    public String opaque() {
        return header.value("opaque");
    }

    /** The qop as written, or null when absent (RFC 2069 form). */
    public String qopToken() {
        return header.value("qop");
    }

    /** The nonce count as written (8 hex digits), or null. */
    public String nc() {
        return header.value("nc");
    }

    /** The RFC 3310 {@code auts} resynchronisation parameter (base64), or null. */
    public String auts() {
        return header.value("auts");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigestCredentials other && header.equals(other.header);
    }

    @Override
    public int hashCode() {
        return header.hashCode();
    }

    /** The header value text. */
    @Override
    public String toString() {
        return header.toString();
    }

    /**
     * Writes credentials with RFC 7616 §3.4 quoting: username, realm, nonce, uri, response, cnonce and opaque
     * quoted; algorithm, qop and nc as tokens. Parameters appear in the order they are set.
     */
    public static final class Builder {
        private final List<AuthParam> params = new ArrayList<>();

        private Builder() {
        }

        private Builder set(AuthParam param) {
            params.removeIf(existing -> existing.is(param.name()));
            params.add(param);
            return this;
        }

        public Builder username(String value) {
            return set(AuthParam.quoted("username", value));
        }

        public Builder realm(String value) {
            return set(AuthParam.quoted("realm", value));
        }

        public Builder nonce(String value) {
            return set(AuthParam.quoted("nonce", value));
        }

        public Builder uri(String value) {
            return set(AuthParam.quoted("uri", value));
        }

        public Builder response(String value) {
            return set(AuthParam.quoted("response", value));
        }

        public Builder algorithm(DigestAlgorithm value) {
            return set(AuthParam.token("algorithm", value.token()));
        }

        public Builder cnonce(String value) {
            return set(AuthParam.quoted("cnonce", value));
        }

        public Builder opaque(String value) {
            return set(AuthParam.quoted("opaque", value));
        }

        public Builder qop(Qop value) {
            return set(AuthParam.token("qop", value.token()));
        }

        public Builder nc(String value) {
            return set(AuthParam.token("nc", value));
        }

        /** Any other parameter, such as {@code auts} (quoted) or {@code integrity-protected}. */
        public Builder param(AuthParam param) {
            return set(param);
        }

        public DigestCredentials build() {
            return of(AuthHeaderValue.of(AuthHeaderValue.DIGEST, params));
        }
    }
}
