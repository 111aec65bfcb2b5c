package io.osprey.sip.uri;

import java.util.Locale;

/**
 * A SIP or SIPS URI (RFC 3261 §19.1): {@code sip:user:password@host:port;uri-parameters?headers}.
 *
 * <p>The user part keeps its escapes: {@link #rawUser()} is as written, {@link #user()} unescaped. An IPv6
 * host keeps its brackets. {@link #equals} is textual identity; {@link #equivalent} is the comparison of
 * RFC 3261 §19.1.4. The {@code with...} methods return modified copies.
 */
public final class SipUri implements Uri {

    private final boolean secure;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final Parameters params;
    private final Parameters headers;
    private final String text;

    SipUri(boolean secure, String user, String password, String host, int port, Parameters params,
           Parameters headers, String text) {
        this.secure = secure;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.params = params;
        this.headers = headers;
        this.text = text != null ? text : format();
    }

    /** {@code sip:host}. */
    public static SipUri of(String host) {
        return of(null, host, -1);
    }

    /** {@code sip:user@host:port}; {@code user} unescaped (it is escaped here) or null, {@code port} -1 if none. */
    public static SipUri of(String user, String host, int port) {
        return parse("sip:" + (user == null ? "" : UriEscaping.escape(user, SipGrammar.USER) + "@") + host
                + (port >= 0 ? ":" + port : ""));
    }

    /** Parses a sip: or sips: URI with default limits. */
    public static SipUri parse(CharSequence text) {
        return UriParser.parseSip(text, SyntaxLimits.DEFAULTS);
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    /** Whether the scheme is sips. */
    public boolean isSecure() {
        return secure;
    }

    /** The user part unescaped ({@code %00} stays a U+0000 character), or null. */
    public String user() {
        return user == null ? null : UriEscaping.unescape(user);
    }

    /** The user part as written, escapes kept, or null. */
    public String rawUser() {
        return user;
    }

    /** The password unescaped, or null. */
    public String password() {
        return password == null ? null : UriEscaping.unescape(password);
    }

    /** The host as written: a name, an IPv4 address, or an IPv6 reference in brackets. */
    public String host() {
        return host;
    }

    /** The port, or -1 when absent. */
    public int port() {
        return port;
    }

    /** The port, or the default of the scheme (5060, 5061 for sips) when absent. */
    public int portOrDefault() {
        return port >= 0 ? port : secure ? 5061 : 5060;
    }

    /** The URI parameters in order, values as written. */
    public Parameters params() {
        return params;
    }

    /** Value of URI parameter {@code name} unescaped; null when absent or a flag. */
    public String param(String name) {
        String v = params.get(name);
        return v == null ? null : UriEscaping.unescape(v);
    }

    /** Whether URI parameter {@code name} is present. */
    public boolean hasParam(String name) {
        return params.has(name);
    }

    /** The {@code transport} parameter in lower case, or null. */
    public String transportParam() {
        String t = param("transport");
        return t == null ? null : t.toLowerCase(Locale.ROOT);
    }

    /** The {@code user} parameter ({@code phone}, {@code ip}, {@code dialstring}), or null. */
    public String userParam() {
        return param("user");
    }

    /** The {@code maddr} parameter, or null. */
    public String maddrParam() {
        return param("maddr");
    }

    /** Whether the {@code lr} parameter (loose routing, RFC 3261 §16.4) is present. */
    public boolean lr() {
        return params.has("lr");
    }

    /** The URI headers ({@code ?name=value&...}) in order, values as written. */
    public Parameters headers() {
        return headers;
    }

    /** Value of URI header {@code name} unescaped, or null. */
    public String header(String name) {
        String v = headers.get(name);
        return v == null ? null : UriEscaping.unescape(v);
    }

    /** A copy with URI parameter {@code name} set; {@code value} as it should be written, or null for a flag. */
    public SipUri withParam(String name, String value) {
        UriParser.checkParam(name, value);
        return new SipUri(secure, user, password, host, port, params.with(name, value), headers, null);
    }

    /** A copy without URI parameter {@code name}. */
    public SipUri withoutParam(String name) {
        return params.has(name) ? new SipUri(secure, user, password, host, port, params.without(name), headers, null) : this;
    }

    /** A copy with another host (IPv6 in brackets). */
    public SipUri withHost(String newHost) {
        UriParser.checkHost(newHost, 0, newHost.length());
        return new SipUri(secure, user, password, newHost, port, params, headers, null);
    }

    /** A copy with another port, or -1 to remove it. */
    public SipUri withPort(int newPort) {
        if (newPort < -1 || newPort > 65535) {
            throw new IllegalArgumentException("port must be -1 or 0-65535, was " + newPort);
        }
        return new SipUri(secure, user, password, host, newPort, params, headers, null);
    }

    /** A copy with another user part given unescaped (null removes user and password). */
    public SipUri withUser(String newUser) {
        String raw = newUser == null ? null : UriEscaping.escape(newUser, SipGrammar.USER);
        return new SipUri(secure, raw, raw == null ? null : password, host, port, params, headers, null);
    }

    /** A copy without URI headers (RFC 3261 §19.1.5: a Request-URI must not carry any). */
    public SipUri withoutHeaders() {
        return headers.isEmpty() ? this : new SipUri(secure, user, password, host, port, params, Parameters.EMPTY, null);
    }

    /** Whether this URI and {@code other} are equivalent per RFC 3261 §19.1.4. */
    public boolean equivalent(SipUri other) {
        return SipUriEquivalence.equivalent(this, other);
    }

    private String format() {
        StringBuilder sb = new StringBuilder(48).append(secure ? "sips:" : "sip:");
        if (user != null) {
            sb.append(user);
            if (password != null) {
                sb.append(':').append(password);
            }
            sb.append('@');
        }
        sb.append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        params.appendTo(sb, ';', ';');
        headers.appendTo(sb, '?', '&');
        return sb.toString();
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipUri u && text.equals(u.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
