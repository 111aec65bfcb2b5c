package io.osprey.sip.uri;

import static io.osprey.sip.uri.SipGrammar.ALPHA;
import static io.osprey.sip.uri.SipGrammar.DIGIT;
import static io.osprey.sip.uri.SipGrammar.HEADER;
import static io.osprey.sip.uri.SipGrammar.HEX;
import static io.osprey.sip.uri.SipGrammar.HOST;
import static io.osprey.sip.uri.SipGrammar.IPV6;
import static io.osprey.sip.uri.SipGrammar.PARAM;
import static io.osprey.sip.uri.SipGrammar.PASSWORD;
import static io.osprey.sip.uri.SipGrammar.RESERVED;
import static io.osprey.sip.uri.SipGrammar.UNRESERVED;
import static io.osprey.sip.uri.SipGrammar.USER;

/**
 * Parses URI text into a {@link SipUri} (RFC 3261 §25.1 {@code SIP-URI}/{@code SIPS-URI}), a {@link TelUri}
 * (RFC 3966 §3) or an {@link AbsoluteUri} for any other well-formed scheme. Every violation is reported as a
 * {@link UriSyntaxException} naming the URI part, the value and, for sizes, the limit.
 */
public final class UriParser {

    private UriParser() {
    }

    /** Parses {@code text} with {@link SyntaxLimits#DEFAULTS}. */
    public static Uri parse(CharSequence text) {
        return parse(text, SyntaxLimits.DEFAULTS);
    }

    /** Parses {@code text}, which must be exactly one URI without surrounding whitespace or brackets. */
    public static Uri parse(CharSequence text, SyntaxLimits limits) {
        String s = text.toString();
        if (s.length() > limits.maxUriLength()) {
            throw new UriSyntaxException("length", "URI too long: " + s.length() + " characters", s,
                    limits.maxUriLength());
        }
        int colon = schemeEnd(s);
        if (colon == 3 && s.regionMatches(true, 0, "sip", 0, 3)) {
            return parseSipBody(s, false, 4, limits);
        }
        if (colon == 4 && s.regionMatches(true, 0, "sips", 0, 4)) {
            return parseSipBody(s, true, 5, limits);
        }
        if (colon == 3 && s.regionMatches(true, 0, "tel", 0, 3)) {
            return parseTel(s, limits);
        }
        if (colon + 1 == s.length()) {
            throw new UriSyntaxException("scheme", "nothing after the scheme", s);
        }
        for (int i = colon + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!SipGrammar.is(c, RESERVED | UNRESERVED) && c != '%' && c != '[' && c != ']' && c != '#') {
                throw new UriSyntaxException("opaque", "character '" + printable(c) + "' not allowed in URI", s);
            }
        }
        return new AbsoluteUri(s, colon);
    }

    /** Parses text that must be a sip: or sips: URI. */
    public static SipUri parseSip(CharSequence text, SyntaxLimits limits) {
        if (parse(text, limits) instanceof SipUri sip) {
            return sip;
        }
        throw new UriSyntaxException("scheme", "not a sip or sips URI", text);
    }

    private static int schemeEnd(String s) {
        int colon = s.indexOf(':');
        if (colon <= 0 || !SipGrammar.is(s.charAt(0), ALPHA)) {
            throw new UriSyntaxException("scheme", "missing or malformed scheme", s);
        }
        for (int i = 1; i < colon; i++) {
            char c = s.charAt(i);
            if (!SipGrammar.is(c, ALPHA | DIGIT) && c != '+' && c != '-' && c != '.') {
                throw new UriSyntaxException("scheme", "character '" + printable(c) + "' not allowed in scheme", s);
            }
        }
        return colon;
    }

    private static SipUri parseSipBody(String s, boolean secure, int start, SyntaxLimits limits) {
        int end = s.length();
        String user = null;
        String password = null;
        int hostStart = start;
        int at = s.indexOf('@', start);
        if (at >= 0) {
            int colon = s.indexOf(':', start);
            int userEnd = colon >= 0 && colon < at ? colon : at;
            if (userEnd == start) {
                throw new UriSyntaxException("user", "empty user part", s);
            }
            requireValid(s, start, userEnd, USER, "user");
            user = s.substring(start, userEnd);
            if (userEnd < at) {
                requireValid(s, userEnd + 1, at, PASSWORD, "password");
                password = s.substring(userEnd + 1, at);
            }
            hostStart = at + 1;
        }
        int hostEnd = hostEnd(s, hostStart, end);
        String host = s.substring(hostStart, hostEnd);
        int pos = hostEnd;
        int port = -1;
        if (pos < end && s.charAt(pos) == ':') {
            int portStart = ++pos;
            while (pos < end && SipGrammar.is(s.charAt(pos), DIGIT)) {
                pos++;
            }
            port = port(s, portStart, pos);
        }
        Parameters.Builder params = new Parameters.Builder();
        while (pos < end && s.charAt(pos) == ';') {
            pos = param(s, pos + 1, end, params, PARAM, "param", limits);
        }
        Parameters.Builder headers = new Parameters.Builder();
        if (pos < end && s.charAt(pos) == '?') {
            do {
                pos = param(s, pos + 1, end, headers, HEADER, "header", limits);
            } while (pos < end && s.charAt(pos) == '&');
        }
        if (pos != end) {
            throw new UriSyntaxException("host", "unexpected character '" + printable(s.charAt(pos)) + "' after host", s);
        }
        return new SipUri(secure, user, password, host, port, params.build(), headers.build(), s);
    }

    /** Returns the end of the host starting at {@code from}; a hostname, IPv4 address or IPv6 reference. */
    private static int hostEnd(String s, int from, int end) {
        int pos = from;
        if (pos < end && s.charAt(pos) == '[') {
            int close = s.indexOf(']', pos);
            if (close < 0 || close == pos + 1 || !SipGrammar.isAll(s, pos + 1, close, IPV6)) {
                throw new UriSyntaxException("host", "malformed IPv6 reference", s);
            }
            return close + 1;
        }
        while (pos < end && SipGrammar.is(s.charAt(pos), HOST)) {
            pos++;
        }
        if (pos == from) {
            throw new UriSyntaxException("host", "missing host", s);
        }
        return pos;
    }

    /** Checks that {@code s[from, to)} is exactly one host. */
    static void checkHost(String s, int from, int to) {
        if (hostEnd(s, from, to) != to) {
            throw new UriSyntaxException("host", "not a hostname, IPv4 address or IPv6 reference", s);
        }
    }

    private static int port(String s, int from, int to) {
        if (to == from || to - from > 5) {
            throw new UriSyntaxException("port", "port must be 1 to 5 digits", s, 65535);
        }
        int port = Integer.parseInt(s, from, to, 10);
        if (port > 65535) {
            throw new UriSyntaxException("port", "port " + port + " out of range", s, 65535);
        }
        return port;
    }

    /**
     * Parses {@code name[=value]} from {@code from} up to the next {@code ; ? &} or the end, into {@code into}.
     *
     * @return the index after the parameter
     */
    private static int param(String s, int from, int end, Parameters.Builder into, int classes, String part,
                             SyntaxLimits limits) {
        if (into.size() >= limits.maxParams()) {
            throw new UriSyntaxException(part, "too many parameters", s, limits.maxParams());
        }
        int pos = from;
        while (pos < end && !isParamEnd(s.charAt(pos), classes) && s.charAt(pos) != '=') {
            pos++;
        }
        if (pos == from) {
            throw new UriSyntaxException(part, "empty " + part + " name", s);
        }
        requireValid(s, from, pos, classes, part);
        String name = s.substring(from, pos);
        if (pos >= end || s.charAt(pos) != '=') {
            if (classes == HEADER) {
                throw new UriSyntaxException(part, "URI header without '='", s);
            }
            into.add(name, null);
            return pos;
        }
        int valueStart = ++pos;
        while (pos < end && !isParamEnd(s.charAt(pos), classes)) {
            pos++;
        }
        if (pos == valueStart && classes != HEADER) {
            throw new UriSyntaxException(part, "empty value of '" + name + "'", s);
        }
        requireValid(s, valueStart, pos, classes, part);
        into.add(name, s.substring(valueStart, pos));
        return pos;
    }

    /** URI parameters end at {@code ;} or {@code ?}; URI headers (which may contain {@code ?}) at {@code &}. */
    private static boolean isParamEnd(char c, int classes) {
        return classes == HEADER ? c == '&' : c == ';' || c == '?';
    }

    /** Checks a URI parameter name and value (null for a flag) as they would be written. */
    static void checkParam(String name, String value) {
        if (name.isEmpty() || UriEscaping.firstInvalid(name, 0, name.length(), PARAM) >= 0) {
            throw new UriSyntaxException("param", "bad parameter name", name);
        }
        if (value != null && (value.isEmpty() || UriEscaping.firstInvalid(value, 0, value.length(), PARAM) >= 0)) {
            throw new UriSyntaxException("param", "bad value of '" + name + "'", value);
        }
    }

    private static void requireValid(String s, int from, int to, int classes, String part) {
        int bad = UriEscaping.firstInvalid(s, from, to, classes);
        if (bad >= 0) {
            String what = s.charAt(bad) == '%' ? "malformed escape" : "character '" + printable(s.charAt(bad)) + "' not allowed";
            throw new UriSyntaxException(part, what + " in " + part, s);
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7F ? String.format("\\x%02X", (int) c) : String.valueOf(c);
    }

    private static TelUri parseTel(String s, SyntaxLimits limits) {
        int start = 4;
        int end = s.length();
        int numEnd = s.indexOf(';', start);
        if (numEnd < 0) {
            numEnd = end;
        }
        boolean global = start < numEnd && s.charAt(start) == '+';
        int significant = 0;
        for (int i = global ? start + 1 : start; i < numEnd; i++) {
            char c = s.charAt(i);
            boolean visual = c == '-' || c == '.' || c == '(' || c == ')';
            boolean digit = global ? SipGrammar.is(c, DIGIT) : SipGrammar.is(c, HEX) || c == '*' || c == '#';
            if (!visual && !digit) {
                throw new UriSyntaxException("number", "character '" + printable(c) + "' not allowed in tel number", s);
            }
            significant += digit ? 1 : 0;
        }
        if (significant == 0) {
            throw new UriSyntaxException("number", "no digits", s);
        }
        Parameters.Builder params = new Parameters.Builder();
        int pos = numEnd;
        while (pos < end && s.charAt(pos) == ';') {
            pos = param(s, pos + 1, end, params, PARAM, "param", limits);
        }
        if (pos != end) {
            throw new UriSyntaxException("param", "unexpected character '" + printable(s.charAt(pos)) + "'", s);
        }
        Parameters built = params.build();
        if (!global && !built.has("phone-context")) {
            throw new UriSyntaxException("number", "local number without phone-context", s);
        }
        return new TelUri(s.substring(start, numEnd), built, s);
    }
}
