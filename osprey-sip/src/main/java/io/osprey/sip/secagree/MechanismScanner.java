package io.osprey.sip.secagree;

import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.uri.Parameters;
import io.osprey.sip.uri.SipGrammar;

/**
 * Reads one {@code sec-mechanism} (RFC 3329 §2.2): {@code mechanism-name *(SEMI mech-parameters)}, where every
 * parameter is a {@code generic-param} of RFC 3261 §25.1 ({@code token [EQUAL gen-value]}, {@code gen-value} a
 * token, a host or a quoted-string). Whitespace is allowed around {@code ;} and {@code =}. Values are kept as
 * written, quotes included. Failures name the header field.
 */
final class MechanismScanner {

    private final String field;
    private final String s;
    private final int maxParams;
    private int pos;

    MechanismScanner(String field, String s, int maxParams) {
        this.field = field;
        this.s = s;
        this.maxParams = maxParams;
    }

    SecurityMechanism mechanism() {
        skipWs();
        String name = token("mechanism name");
        Parameters.Builder params = new Parameters.Builder();
        skipWs();
        while (pos < s.length() && s.charAt(pos) == ';') {
            pos++;
            if (params.size() == maxParams) {
                throw new SipSyntaxException(field, "too many parameters on mechanism " + name, s, maxParams);
            }
            skipWs();
            String paramName = token("parameter name");
            String value = null;
            skipWs();
            if (pos < s.length() && s.charAt(pos) == '=') {
                pos++;
                skipWs();
                value = value(paramName);
                skipWs();
            }
            params.add(paramName, value);
        }
        if (pos < s.length()) {
            throw error("unexpected '" + s.charAt(pos) + "'");
        }
        Parameters built = params.build();
        String problem = SecurityMechanism.problem(name, built);
        if (problem != null) {
            throw error(problem);
        }
        return new SecurityMechanism(name, built);
    }

    private String value(String name) {
        int start = pos;
        if (pos < s.length() && s.charAt(pos) == '"') {
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                    continue;
                }
                pos++;
                if (c == '"') {
                    return s.substring(start, pos);
                }
                if ((c < 0x20 && c != '\t') || c == 0x7F) {
                    throw error("control character in the value of " + name);
                }
            }
            throw error("unterminated quoted value of " + name);
        }
        if (pos < s.length() && s.charAt(pos) == '[') {
            int close = s.indexOf(']', pos);
            if (close < 0 || !SipGrammar.isAll(s, pos + 1, close, SipGrammar.IPV6)) {
                throw error("malformed IPv6 reference in the value of " + name);
            }
            pos = close + 1;
            return s.substring(start, pos);
        }
        while (pos < s.length() && SipGrammar.isToken(s.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("missing value of " + name);
        }
        return s.substring(start, pos);
    }

    private String token(String what) {
        int start = pos;
        while (pos < s.length() && SipGrammar.isToken(s.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error(pos >= s.length() ? "missing " + what : "bad " + what + " at '" + s.charAt(pos) + "'");
        }
        return s.substring(start, pos);
    }

    private void skipWs() {
        while (pos < s.length() && SipGrammar.isWsp(s.charAt(pos))) {
            pos++;
        }
    }

    private SipSyntaxException error(String reason) {
        return new SipSyntaxException(field, reason, s);
    }
}
