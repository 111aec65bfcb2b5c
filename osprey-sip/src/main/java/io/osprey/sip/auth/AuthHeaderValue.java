package io.osprey.sip.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The value of a {@code WWW-Authenticate}, {@code Proxy-Authenticate}, {@code Authorization} or
 * {@code Proxy-Authorization} header (RFC 3261 §20.7, §20.27, §20.28, §20.44; RFC 7235 §2.1): an auth scheme with
 * either auth-params in order (unknown ones kept, such as the IMS {@code ck}, {@code ik}, {@code auts},
 * {@code integrity-protected}) or a single token68. Schemes other than Digest are kept as they are so that a
 * registrar can recognise and ignore them (RFC 4475 §3.3.7).
 */
public record AuthHeaderValue(String scheme, List<AuthParam> params, String token68) {

    public static final String DIGEST = "Digest";

    public AuthHeaderValue {
        if (!AuthSyntax.isToken(scheme)) {
            throw new IllegalArgumentException("auth-scheme must be a token, was '" + scheme + "'");
        }
        params = List.copyOf(params);
        if (token68 != null && (!params.isEmpty() || !AuthSyntax.isToken68(token68))) {
            throw new IllegalArgumentException("token68 must be a valid token68 and stand alone, was '" + token68 + "'");
        }
        Set<String> names = new HashSet<>();
        for (AuthParam param : params) {
            if (!names.add(param.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("auth-param " + param.name() + " appears twice");
            }
        }
    }

    public static AuthHeaderValue of(String scheme, List<AuthParam> params) {
        return new AuthHeaderValue(scheme, params, null);
    }

    /** Whether the scheme is Digest (scheme names are case-insensitive, RFC 7235 §2.1). */
    public boolean isDigest() {
        return scheme.equalsIgnoreCase(DIGEST);
    }

    /** The parameter named {@code name} (case-insensitive), or null. */
    public AuthParam param(String name) {
        for (AuthParam param : params) {
            if (param.is(name)) {
                return param;
            }
        }
        return null;
    }

    /** The unescaped value of the parameter named {@code name} (case-insensitive), or null when absent. */
    public String value(String name) {
        AuthParam param = param(name);
        return param == null ? null : param.value();
    }

    /** The header value text: scheme, a space, then the parameters separated by {@code ", "} (or the token68). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64).append(scheme);
        if (token68 != null) {
            return out.append(' ').append(token68).toString();
        }
        for (int i = 0; i < params.size(); i++) {
            out.append(i == 0 ? " " : ", ").append(params.get(i).text());
        }
        return out.toString();
    }
}
