package io.osprey.sip.pheaders;

import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.uri.Parameters;
import io.osprey.sip.uri.SipGrammar;

/**
 * Reads a header value that is a list of {@code generic-param} (RFC 3261 §25.1) separated by {@code ;}, as
 * P-Charging-Vector and P-Charging-Function-Addresses are (RFC 7315 §5.5, §5.6): {@code token [EQUAL gen-value]},
 * {@code gen-value} a token, a host (IPv6 references included) or a quoted-string. Whitespace is allowed around
 * {@code ;} and {@code =}. Values are kept as written, quotes included; failures name the header field.
 */
final class ParamListScanner {

    private ParamListScanner() {
    }

    static Parameters scan(String field, String s, PHeaderLimits limits) {
        if (s.length() > limits.maxLength()) {
            throw new SipSyntaxException(field, "value too long: " + s.length() + " characters", s,
                    limits.maxLength());
        }
        Parameters.Builder params = new Parameters.Builder();
        int pos = skipWs(s, 0);
        while (true) {
            if (params.size() == limits.maxParams()) {
                throw new SipSyntaxException(field, "too many parameters", s, limits.maxParams());
            }
            int start = pos;
            while (pos < s.length() && SipGrammar.isToken(s.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                throw new SipSyntaxException(field, pos >= s.length() ? "missing parameter name"
                        : "bad parameter name at '" + s.charAt(pos) + "'", s);
            }
            String name = s.substring(start, pos);
            String value = null;
            pos = skipWs(s, pos);
            if (pos < s.length() && s.charAt(pos) == '=') {
                pos = skipWs(s, pos + 1);
                int end = valueEnd(field, s, pos, name);
                value = s.substring(pos, end);
                pos = skipWs(s, end);
            }
            params.add(name, value);
            if (pos == s.length()) {
                return params.build();
            }
            if (s.charAt(pos) != ';') {
                throw new SipSyntaxException(field, "unexpected '" + s.charAt(pos) + "' after parameter " + name, s);
            }
            pos = skipWs(s, pos + 1);
        }
    }

    private static int valueEnd(String field, String s, int pos, String name) {
        if (pos < s.length() && s.charAt(pos) == '"') {
            int i = pos + 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\') {
                    if (i + 1 < s.length() && (s.charAt(i + 1) == '\r' || s.charAt(i + 1) == '\n')) {
                        throw new SipSyntaxException(field, "CR or LF in the value of " + name, s);
                    }
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    return i + 1;
                }
                if ((c < 0x20 && c != '\t') || c == 0x7F) {
                    throw new SipSyntaxException(field, "control character in the value of " + name, s);
                }
                i++;
            }
            throw new SipSyntaxException(field, "unterminated quoted value of " + name, s);
        }
        if (pos < s.length() && s.charAt(pos) == '[') {
            int close = s.indexOf(']', pos);
            if (close < 0 || close == pos + 1 || !SipGrammar.isAll(s, pos + 1, close, SipGrammar.IPV6)) {
                throw new SipSyntaxException(field, "malformed IPv6 reference in the value of " + name, s);
            }
            return close + 1;
        }
        int i = pos;
        while (i < s.length() && SipGrammar.isToken(s.charAt(i))) {
            i++;
        }
        if (i == pos) {
            throw new SipSyntaxException(field, "missing value of " + name, s);
        }
        return i;
    }

    private static int skipWs(String s, int pos) {
        while (pos < s.length() && SipGrammar.isWsp(s.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** {@code value} as a {@code gen-value}: as is when a token or an IPv6 reference, else quoted. */
    static String genValue(String value) {
        if (SipGrammar.isToken(value) || isIpv6Reference(value)) {
            return value;
        }
        return quote(value);
    }

    static boolean isIpv6Reference(String v) {
        return v.length() > 2 && v.charAt(0) == '[' && v.charAt(v.length() - 1) == ']'
                && SipGrammar.isAll(v, 1, v.length() - 1, SipGrammar.IPV6);
    }

    /**
     * A quoted-string for {@code value}: {@code "} and {@code \} and control characters other than TAB escaped as
     * quoted-pairs (RFC 3261 §25.1); CR and LF cannot be carried at all.
     */
    private static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("CR or LF cannot be carried in a header parameter value");
            }
            if (c == '"' || c == '\\' || (c < 0x20 && c != '\t') || c == 0x7F) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** Whether {@code raw} is a well-formed gen-value as written (for parameters set programmatically). */
    static boolean isGenValue(String raw) {
        if (SipGrammar.isToken(raw) || isIpv6Reference(raw)) {
            return true;
        }
        try {
            return valueEnd("param", raw, 0, "param") == raw.length();
        } catch (SipSyntaxException e) {
            return false;
        }
    }
}
