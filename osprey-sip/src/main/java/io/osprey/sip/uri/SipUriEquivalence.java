package io.osprey.sip.uri;

import java.util.Objects;

/**
 * SIP URI comparison of RFC 3261 §19.1.4: scheme, user and password match exactly after unescaping; host,
 * parameters and headers case-insensitively after unescaping; an explicit port never equals an absent one;
 * {@code user}, {@code ttl}, {@code method}, {@code maddr} and {@code transport} must be in both URIs or in
 * neither (the RFC's own examples treat {@code transport} so); other parameters present in only one URI are
 * ignored; headers must match as sets.
 */
final class SipUriEquivalence {

    private static final String[] MUST_MATCH = {"user", "ttl", "method", "maddr", "transport"};

    private SipUriEquivalence() {
    }

    static boolean equivalent(SipUri a, SipUri b) {
        if (a.isSecure() != b.isSecure() || a.port() != b.port()) {
            return false;
        }
        if (!Objects.equals(a.user(), b.user()) || !Objects.equals(a.password(), b.password())) {
            return false;
        }
        if (!UriEscaping.unescape(a.host()).equalsIgnoreCase(UriEscaping.unescape(b.host()))) {
            return false;
        }
        for (String name : MUST_MATCH) {
            if (a.hasParam(name) != b.hasParam(name)) {
                return false;
            }
        }
        return paramsAgree(a.params(), b.params()) && headersEqual(a.headers(), b.headers());
    }

    /** Every parameter present in both must have the same value. */
    private static boolean paramsAgree(Parameters a, Parameters b) {
        for (int i = 0; i < a.size(); i++) {
            int j = b.indexOf(a.name(i));
            if (j >= 0 && !sameValue(a.value(i), b.value(j))) {
                return false;
            }
        }
        return true;
    }

    private static boolean headersEqual(Parameters a, Parameters b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            int j = b.indexOf(a.name(i));
            if (j < 0 || !sameValue(a.value(i), b.value(j))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(String x, String y) {
        if (x == null || y == null) {
            return x == null && y == null;
        }
        return UriEscaping.unescape(x).equalsIgnoreCase(UriEscaping.unescape(y));
    }
}
