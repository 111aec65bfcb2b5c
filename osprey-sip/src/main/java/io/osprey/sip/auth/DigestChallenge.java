package io.osprey.sip.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Digest challenge ({@code WWW-Authenticate} / {@code Proxy-Authenticate}, RFC 7616 §3.3, RFC 3261 §22.4) as a
 * typed view over an {@link AuthHeaderValue}; parameters this class does not name (IMS {@code ck}, {@code ik},
 * ...) stay reachable through {@link #header()}. {@code realm} and {@code nonce} are required.
 */
public final class DigestChallenge {

    private final AuthHeaderValue header;

    private DigestChallenge(AuthHeaderValue header) {
        this.header = header;
    }

    /** A typed view of {@code header}; fails unless it is a Digest challenge with realm and nonce. */
    public static DigestChallenge of(AuthHeaderValue header) {
        if (!header.isDigest()) {
            throw new IllegalArgumentException("not a Digest challenge: scheme " + header.scheme());
        }
        for (String required : List.of("realm", "nonce")) {
            if (header.value(required) == null) {
                throw new IllegalArgumentException("Digest challenge lacks required parameter " + required);
            }
        }
        return new DigestChallenge(header);
    }

    public static DigestChallenge parse(String headerValue) {
        return of(AuthHeaderParser.parseValue(headerValue));
    }

    public static Builder builder(String realm, String nonce) {
        return new Builder(realm, nonce);
    }

    public AuthHeaderValue header() {
        return header;
    }

    public String realm() {
        return header.value("realm");
    }

    public String nonce() {
        return header.value("nonce");
    }

    /** The opaque value the client must echo, or null. */
    public String opaque() {
        return header.value("opaque");
    }

    /** The {@code domain} protection space, or null. */
    public String domain() {
        return header.value("domain");
    }

    /** Whether {@code stale=true}: the nonce was refused but the credentials were right (RFC 7616 §3.3). */
    public boolean stale() {
        return "true".equalsIgnoreCase(header.value("stale"));
    }

    /** The algorithm as written, or null when absent (meaning MD5). */
    public String algorithmToken() {
        return header.value("algorithm");
    }

    /** The algorithm, MD5 when absent, null when the value is unknown. */
    public DigestAlgorithm algorithm() {
        return DigestAlgorithm.fromToken(algorithmToken());
    }

    /** The known qop options offered, in order; empty for an RFC 2069 challenge without qop. */
    public Set<Qop> qopOptions() {
        String qop = header.value("qop");
        Set<Qop> options = new LinkedHashSet<>();
        if (qop != null) {
            for (String option : qop.split(",", -1)) {
                Qop known = Qop.fromToken(option.strip());
                if (known != null) {
                    options.add(known);
                }
            }
        }
        return Collections.unmodifiableSet(options);
    }

    /** Whether {@code userhash=true} (RFC 7616 §3.4.4). */
    public boolean userhash() {
        return "true".equalsIgnoreCase(header.value("userhash"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigestChallenge other && header.equals(other.header);
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
     * Writes challenges with RFC 7616 §3.3 quoting: realm, domain, nonce, opaque and qop quoted; algorithm and
     * stale as tokens.
     */
    public static final class Builder {
        private final List<AuthParam> params = new ArrayList<>();
        private final List<AuthParam> extra = new ArrayList<>();
        private String domain;
        private String opaque;
        private boolean stale;
        private DigestAlgorithm algorithm;
        private final Set<Qop> qops = new LinkedHashSet<>();

        private Builder(String realm, String nonce) {
            params.add(AuthParam.quoted("realm", realm));
            params.add(AuthParam.quoted("nonce", nonce));
        }

        public Builder domain(String value) {
            domain = value;
            return this;
        }

        public Builder opaque(String value) {
            opaque = value;
            return this;
        }

        public Builder stale(boolean value) {
            stale = value;
            return this;
        }

        public Builder algorithm(DigestAlgorithm value) {
            algorithm = value;
            return this;
        }

        public Builder qop(Qop... values) {
            qops.addAll(List.of(values));
            return this;
        }

        /** Any other parameter, written after the standard ones (for IMS: {@code ck}, {@code ik} quoted). */
        public Builder param(AuthParam param) {
            extra.add(param);
            return this;
        }

        public DigestChallenge build() {
            List<AuthParam> all = new ArrayList<>(params);
            if (domain != null) {
                all.add(AuthParam.quoted("domain", domain));
            }
            if (opaque != null) {
                all.add(AuthParam.quoted("opaque", opaque));
            }
            if (stale) {
                all.add(AuthParam.token("stale", "true"));
            }
            if (algorithm != null) {
                all.add(AuthParam.token("algorithm", algorithm.token()));
            }
            if (!qops.isEmpty()) {
                StringBuilder qop = new StringBuilder();
                for (Qop option : qops) {
                    qop.append(qop.isEmpty() ? "" : ",").append(option.token());
                }
                all.add(AuthParam.quoted("qop", qop.toString()));
            }
            all.addAll(extra);
            return of(AuthHeaderValue.of(AuthHeaderValue.DIGEST, all));
        }
    }
}
