package io.osprey.sip.message;

import io.osprey.sip.uri.Parameters;
import io.osprey.sip.uri.SipGrammar;
import io.osprey.sip.uri.SyntaxLimits;

/**
 * A cursor over one unfolded header value for the typed parsers: tokens, quoted strings and
 * {@code *(SEMI generic-param)} lists of RFC 3261 §25.1. Every failure is a {@link SipSyntaxException} naming
 * the header field.
 */
final class HeaderScanner {

    private final String field;
    private final String s;
    private final SyntaxLimits limits;
    private int pos;

    HeaderScanner(String field, String s, SyntaxLimits limits) {
        this.field = field;
        this.s = s;
        this.limits = limits;
    }

    String text() {
        return s;
    }

    int pos() {
        return pos;
    }

    void pos(int newPos) {
        pos = newPos;
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    /** Skips SP and HTAB (values are unfolded already). */
    HeaderScanner skipWs() {
        while (pos < s.length() && SipGrammar.isWsp(s.charAt(pos))) {
            pos++;
        }
        return this;
    }

    /** Consumes {@code c} after optional whitespace; false (nothing consumed but whitespace) if it is not next. */
    boolean consume(char c) {
        skipWs();
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c, String what) {
        if (!consume(c)) {
            throw error("expected " + what);
        }
    }

    /** One or more token characters, or a failure naming {@code what}. */
    String token(String what) {
        int start = pos;
        while (pos < s.length() && SipGrammar.isToken(s.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error(atEnd() ? "missing " + what : "bad " + what + " at '" + s.charAt(pos) + "'");
        }
        return s.substring(start, pos);
    }

    /** A quoted string starting at the cursor, returned as written with its quotes. */
    String quotedString() {
        int start = pos;
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '"') {
                pos++;
                return s.substring(start, pos);
            }
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw error("control character in quoted string");
            }
            pos++;
        }
        throw error("unterminated quoted string");
    }

    /**
     * Parses {@code *(SEMI generic-param)} up to the end of the value or a character that cannot continue it;
     * {@code allowColon} admits unbracketed IPv6 addresses in values (Via {@code received}, RFC 5118).
     */
    Parameters params(boolean allowColon) {
        Parameters.Builder b = new Parameters.Builder();
        while (consume(';')) {
            if (b.size() >= limits.maxParams()) {
                throw new SipSyntaxException(field, "too many parameters", s, limits.maxParams());
            }
            skipWs();
            String name = token("parameter name");
            String value = null;
            if (consume('=')) {
                skipWs();
                value = paramValue(name, allowColon);
            }
            b.add(name, value);
        }
        return b.build();
    }

    private String paramValue(String name, boolean allowColon) {
        char c = peek();
        if (c == '"') {
            return quotedString();
        }
        int start = pos;
        if (c == '[') {
            int close = s.indexOf(']', pos);
            if (close < 0 || !SipGrammar.isAll(s, pos + 1, close, SipGrammar.IPV6)) {
                throw error("malformed IPv6 reference in parameter " + name);
            }
            pos = close + 1;
            return s.substring(start, pos);
        }
        while (pos < s.length() && (SipGrammar.isToken(s.charAt(pos)) || (allowColon && s.charAt(pos) == ':'))) {
            pos++;
        }
        if (pos == start) {
            throw error("missing value of parameter " + name);
        }
        return s.substring(start, pos);
    }

    /** Fails unless only whitespace is left. */
    void expectEnd() {
        skipWs();
        if (!atEnd()) {
            throw error("unexpected '" + s.charAt(pos) + "'");
        }
    }

    SipSyntaxException error(String reason) {
        return new SipSyntaxException(field, reason, s);
    }
}
